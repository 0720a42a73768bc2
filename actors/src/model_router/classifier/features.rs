//! What the classifier sees of a prompt: hashed word unigrams, bigrams and character n-grams of a bounded
//! window of its prose (the first and the last words outside code), and the analyzer's structural features.
//!
//! The work per prompt is bounded whatever its size: the prose lines are found in one pass over the prompt (as
//! the analyzer does, keeping at most [`TAIL_LINES`] of them), then only `head_words` words from the start and
//! `tail_words` from the end are hashed,
//! each line cut to [`LINE_BYTES`] first, and words to [`WORD_CHARS`] characters for character n-grams. Pasted
//! code and logs reach the model through the structural features (their size, a trace, paths), not word by word.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use super::super::analyzer::{PromptFeatures, code_like, words};

/// The analyzer's task types, in the order of their one-hot features.
pub const TASK_TYPES: [&str; 9] = [
    "design",
    "review",
    "debug",
    "test",
    "refactor",
    "implement",
    "explain",
    "docs",
    "other",
];

/// Structural features: their count.
pub const STRUCTURAL: usize = 22;

/// Bytes of a prose line looked at (from its start for the head window, from its end for the tail).
pub const LINE_BYTES: usize = 4_096;

/// Prose lines after the head kept to take the tail from (memory stays bounded for a prompt of a million
/// short lines).
pub const TAIL_LINES: usize = 256;

/// Characters of a word its character n-grams are taken from.
pub const WORD_CHARS: usize = 32;

/// Which features, and how many hash buckets (hyper-parameters, chosen by cross-validation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeatureConfig {
    /// Hash buckets: 2^buckets_log2.
    pub buckets_log2: u32,
    /// Word bigrams as well as unigrams.
    pub word_bigrams: bool,
    /// Shortest character n-gram (of a word between `<` and `>`).
    pub char_min: usize,
    /// Longest character n-gram; 0 for none.
    pub char_max: usize,
    /// Words of prose taken from the start of the prompt.
    pub head_words: usize,
    /// Words of prose taken from the end (after the head).
    pub tail_words: usize,
    /// Words taken from pasted code (fenced or code-like lines), from its start; 0 for none.
    #[serde(default)]
    pub code_words: usize,
    /// The first and the last this many words of prose also count as words of their own kind (the ask
    /// is usually said first or last); 0 for none.
    #[serde(default)]
    pub lead_words: usize,
}

impl FeatureConfig {
    /// Hash buckets.
    pub fn buckets(&self) -> usize {
        1 << self.buckets_log2
    }

    /// Weight rows: buckets, structural features, bias.
    pub fn rows(&self) -> usize {
        self.buckets() + STRUCTURAL + 1
    }
}

/// The prose the classifier reads: words from the start and from the end of the prompt's prose.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Window {
    /// The first words.
    pub head: Vec<String>,
    /// The last words (not overlapping the head).
    pub tail: Vec<String>,
    /// Share of non-ASCII characters in those words.
    pub non_ascii: f64,
    /// The first words of pasted code.
    pub code: Vec<String>,
}

impl Window {
    /// Every word of the window, head first.
    pub fn word(&self, position: usize) -> &str {
        if position < self.head.len() {
            &self.head[position]
        } else {
            &self.tail[position - self.head.len()]
        }
    }
}

/// The longest prefix of `line` of at most `max` bytes ending on a character boundary.
fn prefix(line: &str, max: usize) -> &str {
    if line.len() <= max {
        return line;
    }
    let mut end = max;
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    &line[..end]
}

/// The longest suffix of `line` of at most `max` bytes starting on a character boundary.
fn suffix(line: &str, max: usize) -> &str {
    if line.len() <= max {
        return line;
    }
    let mut start = line.len() - max;
    while !line.is_char_boundary(start) {
        start += 1;
    }
    &line[start..]
}

/// Finds the prose lines (outside code fences and not code-like, as the analyzer does) and takes the window.
pub fn window(text: &str, config: &FeatureConfig) -> Window {
    let mut head = Vec::new();
    // The last prose lines after the head's (blank ones skipped), a bounded ring: the tail is taken from them.
    let mut last_lines: VecDeque<&str> = VecDeque::with_capacity(TAIL_LINES);
    let mut code: Vec<String> = Vec::new();
    let mut in_fence = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence || code_like(trimmed) {
            if code.len() < config.code_words {
                let mut line_words = words(prefix(line, LINE_BYTES));
                line_words.truncate(config.code_words - code.len());
                code.extend(line_words);
            }
            continue;
        }
        if head.len() < config.head_words {
            let mut line_words = words(prefix(line, LINE_BYTES));
            line_words.truncate(config.head_words - head.len());
            head.extend(line_words);
            continue;
        }
        if trimmed.is_empty() {
            continue;
        }
        if last_lines.len() == TAIL_LINES {
            last_lines.pop_front();
        }
        last_lines.push_back(line);
    }
    let mut tail_lines: Vec<Vec<String>> = Vec::new();
    let mut tail_count = 0;
    for line in last_lines.iter().rev() {
        if tail_count >= config.tail_words {
            break;
        }
        let mut line_words = words(suffix(line, LINE_BYTES));
        let keep = config.tail_words - tail_count;
        if line_words.len() > keep {
            line_words.drain(..line_words.len() - keep);
        }
        tail_count += line_words.len();
        tail_lines.push(line_words);
    }
    let tail: Vec<String> = tail_lines.into_iter().rev().flatten().collect();
    let (mut chars, mut non_ascii) = (0usize, 0usize);
    for word in head.iter().chain(&tail) {
        for ch in word.chars() {
            chars += 1;
            non_ascii += usize::from(!ch.is_ascii());
        }
    }
    Window {
        head,
        tail,
        non_ascii: non_ascii as f64 / chars.max(1) as f64,
        code,
    }
}

/// The kind of a hashed feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gram {
    /// A word (at a position of the window).
    Word,
    /// Two consecutive words (the first at the position).
    Bigram,
    /// A character n-gram of the word at the position.
    Chars,
    /// A word of pasted code (the position counts in [`Window::code`]).
    Code,
}

impl Gram {
    /// The group whose size normalises it: words and bigrams, character n-grams, code words.
    pub fn group(self) -> usize {
        match self {
            Gram::Word | Gram::Bigram => 0,
            Gram::Chars => 1,
            Gram::Code => 2,
        }
    }

    /// Whether the trees may ask about it: prose words (first and last included) and word pairs.
    pub fn read_by_trees(self) -> bool {
        self.group() == 0
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
const SEED_WORD: u64 = 0x9e37_79b9_7f4a_7c15;
const SEED_BIGRAM: u64 = 0xc2b2_ae3d_27d4_eb4f;
const SEED_CHARS: u64 = 0x1656_67b1_9e37_79f9;
const SEED_CODE: u64 = 0x27d4_eb2f_1656_67c5;
const SEED_FIRST: u64 = 0x85eb_ca77_c2b2_ae63;
const SEED_LAST: u64 = 0xff51_afd7_ed55_8ccd;

fn fnv(seed: u64, bytes: &[u8]) -> u64 {
    let mut hash = FNV_OFFSET ^ seed;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(FNV_PRIME);
    }
    hash
}

/// splitmix64's finalizer: every bit of the input reaches the top bits the bucket is taken from.
fn mix(mut hash: u64) -> u64 {
    hash = (hash ^ (hash >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    hash = (hash ^ (hash >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    hash ^ (hash >> 31)
}

/// Calls `visit(kind, position, bucket)` for every hashed feature of the window, in a fixed order.
pub fn grams(window: &Window, config: &FeatureConfig, mut visit: impl FnMut(Gram, usize, usize)) {
    let shift = 64 - config.buckets_log2;
    let bucket = |hash: u64| (mix(hash) >> shift) as usize;
    let mut buffer: Vec<u8> = Vec::with_capacity(4 * WORD_CHARS + 2);
    let mut offsets: Vec<usize> = Vec::with_capacity(WORD_CHARS + 3);
    let positions = window.head.len() + window.tail.len();
    for (base, part) in [(0, &window.head), (window.head.len(), &window.tail)] {
        for (index, word) in part.iter().enumerate() {
            let position = base + index;
            visit(
                Gram::Word,
                position,
                bucket(fnv(SEED_WORD, word.as_bytes())),
            );
            if position < config.lead_words {
                visit(
                    Gram::Word,
                    position,
                    bucket(fnv(SEED_FIRST, word.as_bytes())),
                );
            }
            if position + config.lead_words >= positions {
                visit(
                    Gram::Word,
                    position,
                    bucket(fnv(SEED_LAST, word.as_bytes())),
                );
            }
            if config.word_bigrams
                && let Some(next) = part.get(index + 1)
            {
                let mut hash = fnv(SEED_BIGRAM, word.as_bytes());
                for byte in std::iter::once(&b' ').chain(next.as_bytes()) {
                    hash ^= u64::from(*byte);
                    hash = hash.wrapping_mul(FNV_PRIME);
                }
                visit(Gram::Bigram, position, bucket(hash));
            }
            if config.char_max == 0 {
                continue;
            }
            buffer.clear();
            offsets.clear();
            offsets.push(0);
            buffer.push(b'<');
            for ch in word.chars().take(WORD_CHARS) {
                offsets.push(buffer.len());
                let mut encoded = [0u8; 4];
                buffer.extend_from_slice(ch.encode_utf8(&mut encoded).as_bytes());
            }
            offsets.push(buffer.len());
            buffer.push(b'>');
            offsets.push(buffer.len());
            // offsets[i] is where character i of "<word>" starts; the last one is the end.
            let characters = offsets.len() - 1;
            for length in config.char_min.max(1)..=config.char_max {
                if length > characters {
                    break;
                }
                for start in 0..=characters - length {
                    let slice = &buffer[offsets[start]..offsets[start + length]];
                    visit(Gram::Chars, position, bucket(fnv(SEED_CHARS, slice)));
                }
            }
        }
    }
    for (position, word) in window.code.iter().enumerate() {
        visit(
            Gram::Code,
            position,
            bucket(fnv(SEED_CODE, word.as_bytes())),
        );
    }
}

/// The hash buckets of the window's prose words and word pairs (not character n-grams or code), ascending,
/// each once: what the trees may ask about.
pub fn prose_buckets(window: &Window, config: &FeatureConfig) -> Vec<u32> {
    let mut buckets = Vec::new();
    grams(window, config, |kind, _, bucket| {
        if kind.read_by_trees() {
            buckets.push(bucket as u32);
        }
    });
    ascending_once(buckets)
}

/// `buckets` ascending, each once (the form the trees look words up in).
pub fn ascending_once(mut buckets: Vec<u32>) -> Vec<u32> {
    buckets.sort_unstable();
    buckets.dedup();
    buckets
}

/// The structural features of a prompt, before standardisation.
pub fn structural(features: &PromptFeatures, window: &Window) -> [f64; STRUCTURAL] {
    let log = |count: usize| (count as f64).ln_1p();
    let mut values = [0.0; STRUCTURAL];
    values[0] = log(features.tokens);
    values[1] = log(features.words);
    values[2] = log(features.code_blocks);
    values[3] = log(features.code_lines);
    values[4] = f64::from(u8::from(features.stack_trace));
    values[5] = log(features.file_paths);
    values[6] = log(features.steps);
    values[7] = log(features.questions);
    values[8] = features.hard_weight.min(10.0);
    values[9] = features.work_weight.min(10.0);
    values[10] = features.simple_weight.min(10.0);
    let task = TASK_TYPES
        .iter()
        .position(|name| *name == features.task_type)
        .unwrap_or(TASK_TYPES.len() - 1);
    values[11 + task] = 1.0;
    values[20] = window.non_ascii;
    values[21] = (features.words as f64 / features.tokens.max(1) as f64).min(2.0);
    values
}

/// A structural feature named in words, from its value in this prompt.
pub fn describe(index: usize, features: &PromptFeatures, window: &Window) -> String {
    let count = |count: usize, one: &str, many: &str, none: &str| match count {
        0 => none.to_owned(),
        1 => format!("1 {one}"),
        _ => format!("{} {many}", thousands(count)),
    };
    let markers = |list: &[String], what: &str| {
        if list.is_empty() {
            format!("no {what} marker")
        } else {
            let named: Vec<&str> = list.iter().take(3).map(String::as_str).collect();
            format!("{what} markers ({})", named.join(", "))
        }
    };
    match index {
        0 => format!("{} tokens", thousands(features.tokens)),
        1 => count(
            features.words,
            "word of prose",
            "words of prose",
            "no prose",
        ),
        2 => count(
            features.code_blocks,
            "code block",
            "code blocks",
            "no code block",
        ),
        3 => count(
            features.code_lines,
            "line of code",
            "lines of code",
            "no code pasted",
        ),
        4 if features.stack_trace => "a pasted stack trace".to_owned(),
        4 => "no stack trace".to_owned(),
        5 => count(
            features.file_paths,
            "file path",
            "file paths",
            "no file path",
        ),
        6 => count(
            features.steps,
            "enumerated step",
            "enumerated steps",
            "no steps listed",
        ),
        7 => count(features.questions, "question", "questions", "no question"),
        8 => markers(&features.hard_markers, "hard-work"),
        9 => markers(&features.work_markers, "everyday-work"),
        10 => markers(&features.simple_markers, "small-task"),
        11..=19 => format!("a {} request", TASK_TYPES[index - 11]),
        20 => format!("{:.0}% non-ASCII prose", window.non_ascii * 100.0),
        _ if features.words * 2 < features.tokens => "mostly pasted material".to_owned(),
        _ => "mostly prose".to_owned(),
    }
}

/// `12345` as `12,345`.
pub fn thousands(count: usize) -> String {
    let digits = count.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_task_types_are_the_analyzers_in_its_order() {
        // The one-hot slots, the learning categories and the drivers' names read this list; a task type the
        // lexicon names but this list lacks would silently count as `other`.
        let analyzer: Vec<&str> = crate::model_router::lexicon::TASK_TYPES
            .iter()
            .map(|(name, _)| *name)
            .chain(["other"])
            .collect();
        assert_eq!(analyzer, TASK_TYPES);
    }

    const CONFIG: FeatureConfig = FeatureConfig {
        buckets_log2: 16,
        word_bigrams: true,
        char_min: 3,
        char_max: 5,
        head_words: 4,
        tail_words: 2,
        code_words: 3,
        lead_words: 0,
    };

    #[test]
    fn the_window_takes_prose_from_both_ends_and_skips_code() {
        let text = "Please rename the field\n```rust\nlet secret = 1;\n```\nfn also_code() {\nmiddle words here\nand finally this";
        let window = window(text, &CONFIG);
        assert_eq!(window.head, ["please", "rename", "the", "field"]);
        assert_eq!(window.tail, ["finally", "this"]);
        assert_eq!(window.code, ["let", "secret", "1"]);
        assert_eq!(window.non_ascii, 0.0);
        let short = super::window("ändere das", &CONFIG);
        assert_eq!(short.head, ["ändere", "das"]);
        assert!(short.tail.is_empty());
        assert!(short.non_ascii > 0.1);
    }

    #[test]
    fn grams_are_deterministic_and_bounded() {
        let window = window("the design of a lock free queue", &CONFIG);
        let mut first = Vec::new();
        grams(&window, &CONFIG, |kind, position, bucket| {
            first.push((kind, position, bucket))
        });
        let mut second = Vec::new();
        grams(&window, &CONFIG, |kind, position, bucket| {
            second.push((kind, position, bucket))
        });
        assert_eq!(first, second);
        assert!(
            first
                .iter()
                .all(|(_, _, bucket)| *bucket < CONFIG.buckets())
        );
        // "the" "design" "of" "a": 4 words, 3 bigrams, and "<the>" has 3 + 2 + 1 n-grams of 3..5 characters.
        assert_eq!(
            first
                .iter()
                .filter(|(kind, ..)| *kind == Gram::Word)
                .count(),
            4
        );
        assert_eq!(
            first
                .iter()
                .filter(|(kind, ..)| *kind == Gram::Bigram)
                .count(),
            3
        );
        let the = first
            .iter()
            .filter(|(kind, position, _)| *kind == Gram::Chars && *position == 0)
            .count();
        assert_eq!(the, 6);
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(999), "999");
    }
}
