//! How the node's actors find each other: by name, in ractor's registry, never through a relay.
//!
//! A chat's worker is registered as `chat_worker.<chat_id>` ([`chat_worker`]); a node-wide service as
//! `<service>.<node_id>` ([`service`]), so that several nodes in one process (tests) keep apart. A name
//! that is not registered means the actor is not running (restarting, given up on, or never started):
//! callers turn that into an explicit error, never into a default answer.

use ractor::{ActorRef, Message};

/// Returns the registered name of chat `chat_id`'s worker: `chat_worker.<chat_id>`.
pub fn chat_worker(chat_id: &str) -> String {
    format!("chat_worker.{chat_id}")
}

/// Returns the registered name of node `node_id`'s service `service` (one of the services' `NAME`
/// constants, e.g. [`crate::CheckpointManager::NAME`]): `<service>.<node_id>`.
pub fn service(service: &str, node_id: &str) -> String {
    format!("{service}.{node_id}")
}

/// Returns the actor registered as `name` when it runs and takes messages of type `M`.
pub fn find<M: Message>(name: &str) -> Option<ActorRef<M>> {
    ActorRef::<M>::where_is(name)
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("reads the source tree") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                sources(&path, found);
            } else if path.extension().is_some_and(|extension| extension == "rs") {
                found.push(path);
            }
        }
    }

    /// No import cycle between actors: only the Supervisor knows the Supervisor, and services know no
    /// chat worker (tests, which build whole trees, aside).
    #[test]
    fn services_import_no_other_actor_and_only_the_supervisor_knows_itself() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        sources(&root, &mut files);
        assert!(files.len() > 20, "{files:?}");
        let mut offenders = Vec::new();
        for path in files {
            let relative = path
                .strip_prefix(&root)
                .expect("under src")
                .to_string_lossy()
                .into_owned();
            let test_file = relative.ends_with("tests.rs") || relative.contains("/tests/");
            // This file names what it looks for.
            let exempt = relative.starts_with("supervisor")
                || relative == "lib.rs"
                || relative == "names.rs";
            if test_file || exempt {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("reads");
            if text.contains("supervisor::") || text.contains("SupervisorMessage") {
                offenders.push(format!("{relative} imports the supervisor"));
            }
            let service = ["checkpoint_manager", "model_router", "signals"]
                .iter()
                .any(|prefix| relative.starts_with(prefix));
            if service && (text.contains("chat_worker") || text.contains("ChatWorker")) {
                offenders.push(format!("{relative} imports the chat worker"));
            }
        }
        assert!(offenders.is_empty(), "{offenders:#?}");
    }
}
