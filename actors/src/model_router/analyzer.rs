//! The PromptAnalyzer: features of a prompt from whole words (never substrings), code, traces, paths,
//! steps and questions, and its length in tokens.

use std::{collections::HashMap, sync::LazyLock};

use serde::{Deserialize, Serialize};

use super::lexicon::{HARD, OTHER_TASK, SIMPLE, TASK_TYPES, WORK};

/// Returns the tokenizer, loading it on first use (about 80 ms once per process).
pub fn tokenizer() -> &'static tiktoken_rs::CoreBPE {
    tiktoken_rs::cl100k_base_singleton()
}

/// What a prompt is made of.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PromptFeatures {
    /// Tokens in the whole prompt (cl100k; Anthropic's tokenizer is not public, this is a close proxy).
    pub tokens: usize,
    /// Words of prose (outside code).
    pub words: usize,
    /// Fenced code blocks.
    pub code_blocks: usize,
    /// Lines of code, fenced or code-like.
    pub code_lines: usize,
    /// A stack trace or compiler error is pasted.
    pub stack_trace: bool,
    /// File paths mentioned.
    pub file_paths: usize,
    /// Enumerated steps (list items, "then").
    pub steps: usize,
    /// Question marks in prose.
    pub questions: usize,
    /// Hard-work markers found, with their total weight.
    pub hard_markers: Vec<String>,
    /// Sum of hard-work weights.
    pub hard_weight: f64,
    /// Everyday-work markers found.
    pub work_markers: Vec<String>,
    /// Sum of everyday-work weights.
    pub work_weight: f64,
    /// Small-task markers found.
    pub simple_markers: Vec<String>,
    /// Sum of small-task weights.
    pub simple_weight: f64,
    /// The task type: design, review, debug, test, refactor, implement, explain, docs or other.
    pub task_type: String,
}

struct Phrase {
    words: Vec<&'static str>,
    weight: f64,
    name: &'static str,
}

/// Phrases indexed by their first word, so a scan is one hash lookup per word of the prompt.
struct PhraseIndex {
    by_first: HashMap<&'static str, Vec<Phrase>>,
}

impl PhraseIndex {
    fn new(entries: &'static [(&'static str, f64)]) -> PhraseIndex {
        let mut by_first: HashMap<&'static str, Vec<Phrase>> = HashMap::new();
        for (name, weight) in entries {
            let words: Vec<&'static str> = name.split(' ').collect();
            by_first.entry(words[0]).or_default().push(Phrase {
                words,
                weight: *weight,
                name,
            });
        }
        PhraseIndex { by_first }
    }

    /// Returns the phrases found in `words` (each counted once) and their total weight.
    fn scan(&self, words: &[String]) -> (Vec<String>, f64) {
        let mut found: Vec<&Phrase> = Vec::new();
        for (index, word) in words.iter().enumerate() {
            let Some(candidates) = self.by_first.get(word.as_str()) else {
                continue;
            };
            for phrase in candidates {
                let matches = words.len() - index >= phrase.words.len()
                    && phrase
                        .words
                        .iter()
                        .zip(&words[index..])
                        .all(|(expected, actual)| *expected == actual);
                if matches && !found.iter().any(|seen| seen.name == phrase.name) {
                    found.push(phrase);
                }
            }
        }
        let weight = found.iter().map(|phrase| phrase.weight).sum();
        (
            found.iter().map(|phrase| phrase.name.to_owned()).collect(),
            weight,
        )
    }
}

static HARD_INDEX: LazyLock<PhraseIndex> = LazyLock::new(|| PhraseIndex::new(HARD));
static WORK_INDEX: LazyLock<PhraseIndex> = LazyLock::new(|| PhraseIndex::new(WORK));
static SIMPLE_INDEX: LazyLock<PhraseIndex> = LazyLock::new(|| PhraseIndex::new(SIMPLE));

/// Splits prose into lowercase words: letters, digits and apostrophes; everything else separates
/// (`lock-free` is `lock free`, `snake_case` is `snake case`).
pub fn words(text: &str) -> Vec<String> {
    text.split(|ch: char| !(ch.is_alphanumeric() || ch == '\''))
        .map(|word| word.trim_matches('\'').to_lowercase())
        .filter(|word| !word.is_empty())
        .collect()
}

const TRACE_MARKERS: &[&str] = &[
    "Traceback (most recent call last)",
    "panicked at",
    "error[E",
    "Exception in thread",
    "Caused by:",
    "ERROR in ",
    "Error: ",
    "Error:",
    "TypeError",
    "ValueError",
    "NullPointerException",
    "Segmentation fault",
    "stack backtrace",
    "    at ",
];

const CODE_STARTS: &[&str] = &[
    "def ", "fn ", "func ", "class ", "import ", "use ", "const ", "let ", "var ", "pub ",
    "return ", "if (", "for (", "#include", "SELECT ", "select ",
];

const EXTENSIONS: &[&str] = &[
    ".rs", ".py", ".ts", ".tsx", ".js", ".jsx", ".go", ".java", ".rb", ".sql", ".toml", ".yaml",
    ".yml", ".json", ".md", ".c", ".cc", ".cpp", ".h", ".cs", ".kt", ".swift", ".sh", ".txt",
];

/// True when a line outside code fences (its leading blanks trimmed) looks like code, not prose.
pub fn code_like(trimmed: &str) -> bool {
    CODE_STARTS.iter().any(|start| trimmed.starts_with(start))
        || (trimmed.len() > 2
            && (trimmed.ends_with(';') || trimmed.ends_with('{') || trimmed == "}"))
}

/// Analyzes a prompt (overrides already removed).
pub fn analyze(prompt: &str) -> PromptFeatures {
    let tokens = tokenizer().encode_ordinary(prompt).len();
    let mut prose = String::with_capacity(prompt.len());
    let mut code_blocks = 0;
    let mut code_lines = 0;
    let mut steps = 0;
    let mut in_fence = false;
    for line in prompt.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") {
            if !in_fence {
                code_blocks += 1;
            }
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            code_lines += 1;
            continue;
        }
        if code_like(trimmed) {
            code_lines += 1;
            continue;
        }
        let item = trimmed.starts_with("- ")
            || trimmed.starts_with("* ")
            || trimmed.split_once(['.', ')']).is_some_and(|(number, _)| {
                !number.is_empty()
                    && number.len() <= 2
                    && number.chars().all(|ch| ch.is_ascii_digit())
            });
        if item {
            steps += 1;
        }
        prose.push_str(line);
        prose.push('\n');
    }
    let prose_words = words(&prose);
    steps += prose_words.iter().filter(|word| *word == "then").count();
    // A trace is pasted lines, not an error name quoted in a sentence.
    let stack_trace =
        prompt.lines().count() >= 3 && TRACE_MARKERS.iter().any(|marker| prompt.contains(marker));
    let file_paths = prose
        .split_whitespace()
        .map(|token| {
            token.trim_matches(|ch: char| matches!(ch, '`' | '\'' | '"' | ',' | ':' | '(' | ')'))
        })
        .filter(|token| {
            let lower = token.to_lowercase();
            (token.contains('/') && token.contains('.') && !token.contains("://"))
                || EXTENSIONS
                    .iter()
                    .any(|extension| lower.ends_with(extension) && lower.len() > extension.len())
        })
        .count();
    let (hard_markers, hard_weight) = HARD_INDEX.scan(&prose_words);
    let (work_markers, work_weight) = WORK_INDEX.scan(&prose_words);
    let (simple_markers, simple_weight) = SIMPLE_INDEX.scan(&prose_words);
    let task_type = TASK_TYPES
        .iter()
        .find(|(_, markers)| {
            markers.iter().any(|marker| {
                let marker_words: Vec<&str> = marker.split(' ').collect();
                prose_words.windows(marker_words.len()).any(|window| {
                    window
                        .iter()
                        .zip(&marker_words)
                        .all(|(word, expected)| word == expected)
                })
            })
        })
        .map_or(OTHER_TASK, |(name, _)| name)
        .to_owned();
    PromptFeatures {
        tokens,
        words: prose_words.len(),
        code_blocks,
        code_lines,
        stack_trace,
        file_paths,
        steps,
        questions: prose.matches('?').count(),
        hard_markers,
        hard_weight,
        work_markers,
        work_weight,
        simple_markers,
        simple_weight,
        task_type,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_whole_and_substrings_never_match() {
        let features = analyze("What is the capital of France?");
        assert!(
            features.work_markers.is_empty() && features.hard_markers.is_empty(),
            "{features:?}"
        );
        assert!(features.simple_markers.contains(&"what is".to_owned()));
        // "api" is not a marker, and "capital" does not contain a match for anything.
        assert_eq!(
            words("The capital-API's value"),
            ["the", "capital", "api's", "value"]
        );
        let features = analyze("Design a lock-free MPMC queue");
        assert!(
            features.hard_markers.contains(&"lock free".to_owned()),
            "{features:?}"
        );
        assert!(features.hard_markers.contains(&"design".to_owned()));
        assert_eq!(features.task_type, "design");
        // A word that merely contains a marker does not match.
        assert!(analyze("The designer resized it").hard_markers.is_empty());
    }

    #[test]
    fn code_traces_paths_steps_and_questions_are_counted() {
        let prompt = "Why does this fail? And how do I fix src/parser.rs?\n1. run it\n2. then check\n```rust\nfn a() {}\nfn b() {}\n```\nthread 'main' panicked at src/main.rs:4:5:\nexplicit panic";
        let features = analyze(prompt);
        assert_eq!(features.code_blocks, 1);
        assert_eq!(features.code_lines, 2);
        assert!(features.stack_trace);
        assert_eq!(features.file_paths, 2, "{features:?}");
        assert_eq!(features.steps, 3, "two items and a 'then'");
        assert_eq!(features.questions, 2);
        assert!(features.tokens > 30);
        // Words inside code do not count as markers.
        assert!(
            analyze("```\nlet design = deadlock();\n```")
                .hard_markers
                .is_empty()
        );
    }
}
