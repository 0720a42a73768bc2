//! Request and reply bodies, one module per component. Every field is documented and every field
//! added after the first release carries `#[serde(default)]` (see the crate's compatibility rules).

mod analytics;
mod chat;
mod chat_message;
mod checkpoint;
mod kaizen;
mod lock;
mod model;
mod node;
mod registry;
mod signal;
mod task;

pub use analytics::{
    AnalyticsSummary, CategoryRouting, CheckpointCoverage, CheckpointStats, CrashPrediction,
    LevelPrediction, LevelReached, Period, Quartiles, QueueStats, ResumeCounts, RoutingStats,
    SessionList, SessionOutcome, SessionRecord, SessionsRequest, SpendStats, Spread,
    SummaryRequest,
};
pub use chat::{
    ChatInfo, ChatProcess, SessionEndReply, SessionEndRequest, SessionStartReply,
    SessionStartRequest,
};
pub use chat_message::{ChatMessage, MessageList, ReadMessagesRequest, SendMessageRequest};
pub use checkpoint::{
    Checkpoint, CheckpointInput, CheckpointList, CheckpointSaved, CheckpointSummary,
    CheckpointTrigger, ConversationState, FileState, GetCheckpointRequest, InterruptionReason,
    ListCheckpointsRequest, ResumeCheckRequest, ResumeOffer, ResumeRequest, SaveCheckpointRequest,
    TaskState, ToolCallRecord,
};
pub use kaizen::{
    ArmRecord, AssignReply, AssignRequest, Assignment, AuditEntry, AuditList, AuditRequest, Better,
    ChatParameters, Effect, Experiment, ExperimentIdRequest, ExperimentList, ExperimentPlan,
    ExperimentStatus, GuardrailSpec, LookRecord, MetricKind, MetricSpec, Observation, ObserveReply,
    ObserveRequest, ParameterChange, ParameterList, ParameterValue, ProposeRequest, ProposedValue,
    StageRecord, Tally, Variant,
};
pub use lock::{LockReply, LockRequest, ReleaseLockReply, ReleaseLockRequest};
pub use model::{
    LearnedPreference, OverrideReply, OverrideRequest, RouteAlternative, RouteReply, RouteRequest,
};
pub use node::{ActorInfo, ActorStatus, HelloReply, HelloRequest, StatusReply, StatusRequest};
pub use registry::{
    ChatEntry, ChatList, ChatRole, ChatSilentNotice, ChatSilentReply, ChatStatus, HeartbeatRequest,
    Interruption, ListChatsRequest,
};
pub use signal::{
    RiskLevel, RiskReport, RiskRequest, SignalBatch, SignalEvent, SignalSnapshot, SignalSource,
};
pub use task::{
    ClaimTaskReply, ClaimTaskRequest, ClaimedTask, CollectResultsRequest, CompleteTaskReply,
    CompleteTaskRequest, DispatchTaskReply, DispatchTaskRequest, FailTaskRequest, Priority,
    TaskIdRequest, TaskList, TaskProgressRequest, TaskRecord, TaskStatus, TaskStatusRequest,
};
