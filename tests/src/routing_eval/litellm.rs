//! LiteLLM's complexity router (its default `heuristic` scorer), re-implemented as a baseline from its source
//! and documentation:
//! <https://github.com/BerriAI/litellm/blob/main/litellm/router_strategy/complexity_router/complexity_router.py>
//! (`classify`, `_score_*`, `_keyword_matches`) and
//! <https://github.com/BerriAI/litellm/blob/main/litellm/router_strategy/complexity_router/config.py>
//! (`DEFAULT_*_KEYWORDS`, `DEFAULT_DIMENSION_WEIGHTS`, `DEFAULT_TIER_BOUNDARIES`, `DEFAULT_TOKEN_THRESHOLDS`),
//! and `litellm/router_strategy/complexity_router/README.md` (the dimension table). Its tiers map to ours:
//! SIMPLE → haiku, MEDIUM → sonnet, COMPLEX and REASONING → opus.

use shim_actors::model_router::router::Tier;

const CODE: &[&str] = &[
    "function",
    "class",
    "def",
    "const",
    "let",
    "var",
    "import",
    "export",
    "return",
    "async",
    "await",
    "try",
    "catch",
    "exception",
    "error",
    "debug",
    "api",
    "endpoint",
    "request",
    "response",
    "database",
    "sql",
    "query",
    "schema",
    "algorithm",
    "implement",
    "refactor",
    "optimize",
    "python",
    "javascript",
    "typescript",
    "java",
    "rust",
    "golang",
    "react",
    "vue",
    "angular",
    "node",
    "docker",
    "kubernetes",
    "git",
    "commit",
    "merge",
    "branch",
    "pull request",
];

const REASONING: &[&str] = &[
    "step by step",
    "think through",
    "let's think",
    "reason through",
    "analyze this",
    "break down",
    "explain your reasoning",
    "show your work",
    "chain of thought",
    "think carefully",
    "consider all",
    "evaluate",
    "pros and cons",
    "compare and contrast",
    "weigh the options",
    "logical",
    "deduce",
    "infer",
    "conclude",
];

const TECHNICAL: &[&str] = &[
    "architecture",
    "distributed",
    "scalable",
    "microservice",
    "machine learning",
    "neural network",
    "deep learning",
    "encryption",
    "authentication",
    "authorization",
    "performance",
    "latency",
    "throughput",
    "benchmark",
    "concurrency",
    "parallel",
    "threading",
    "memory",
    "cpu",
    "gpu",
    "optimization",
    "protocol",
    "tcp",
    "http",
    "grpc",
    "websocket",
    "container",
    "orchestration",
];

const SIMPLE: &[&str] = &[
    "what is",
    "what's",
    "define",
    "definition of",
    "who is",
    "who was",
    "when did",
    "when was",
    "where is",
    "where was",
    "how many",
    "how much",
    "yes or no",
    "true or false",
    "simple",
    "brief",
    "short",
    "quick",
    "hello",
    "hi",
    "hey",
    "thanks",
    "thank you",
    "goodbye",
    "bye",
    "okay",
];

/// `DEFAULT_DIMENSION_WEIGHTS`.
const WEIGHTS: [(&str, f64); 7] = [
    ("tokenCount", 0.10),
    ("codePresence", 0.30),
    ("reasoningMarkers", 0.25),
    ("technicalTerms", 0.25),
    ("simpleIndicators", 0.05),
    ("multiStepPatterns", 0.03),
    ("questionComplexity", 0.02),
];

/// `DEFAULT_TIER_BOUNDARIES`: simple_medium, medium_complex, complex_reasoning.
const BOUNDARIES: [f64; 3] = [0.15, 0.35, 0.60];

/// `DEFAULT_TOKEN_THRESHOLDS`: below `simple` is short, above `complex` is long.
const TOKENS_SIMPLE: usize = 15;
const TOKENS_COMPLEX: usize = 400;

/// Python's `\w`: letters, digits (any script) and the underscore.
fn word_char(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '_'
}

/// `_keyword_matches`: a single word with `\b` boundaries on both sides, a phrase as a substring.
fn matches(text: &str, keyword: &str) -> bool {
    if keyword.contains(' ') {
        return text.contains(keyword);
    }
    text.match_indices(keyword).any(|(start, found)| {
        let before = text[..start].chars().next_back();
        let after = text[start + found.len()..].chars().next();
        before.is_none_or(|ch| !word_char(ch)) && after.is_none_or(|ch| !word_char(ch))
    })
}

fn count(text: &str, keywords: &[&str]) -> usize {
    keywords
        .iter()
        .filter(|keyword| matches(text, keyword))
        .count()
}

/// `_score_keyword_match`: `none`, `low` or `high` by the number of keywords found.
fn graded(found: usize, thresholds: (usize, usize), scores: (f64, f64, f64)) -> f64 {
    if found >= thresholds.1 {
        scores.2
    } else if found >= thresholds.0 {
        scores.1
    } else {
        scores.0
    }
}

/// `_multi_step_patterns`: `first.*?then` (one line), `step\s*\d`, `\d+\.\s`, `[a-z]\)\s`.
fn multi_step(text: &str) -> bool {
    let first_then = text.lines().any(|line| {
        line.find("first")
            .is_some_and(|at| line[at + 5..].contains("then"))
    });
    let chars: Vec<char> = text.chars().collect();
    let step_digit = text.match_indices("step").any(|(at, _)| {
        text[at + 4..]
            .chars()
            .find(|ch| !ch.is_whitespace())
            .is_some_and(|ch| ch.is_numeric())
    });
    let numbered = chars
        .windows(3)
        .any(|window| window[0].is_numeric() && window[1] == '.' && window[2].is_whitespace());
    let lettered = chars.windows(3).any(|window| {
        window[0].is_ascii_alphabetic() && window[1] == ')' && window[2].is_whitespace()
    });
    first_then || step_digit || numbered || lettered
}

/// LiteLLM's tier for a prompt (no system prompt), mapped to ours.
pub fn route(prompt: &str) -> Tier {
    // `full_text = f"{system_prompt or ''} {prompt}".lower()`
    let full_text = format!(" {prompt}").to_lowercase();
    let user_text = prompt.to_lowercase();
    let tokens = prompt.chars().count() / 4;
    let token_score = if tokens < TOKENS_SIMPLE {
        -1.0
    } else if tokens > TOKENS_COMPLEX {
        1.0
    } else {
        0.0
    };
    let code = graded(count(&full_text, CODE), (1, 2), (0.0, 0.5, 1.0));
    let reasoning_found = count(&user_text, REASONING);
    let reasoning = graded(reasoning_found, (1, 2), (0.0, 0.7, 1.0));
    let technical = graded(count(&full_text, TECHNICAL), (2, 4), (0.0, 0.5, 1.0));
    let simple = graded(count(&full_text, SIMPLE), (1, 2), (0.0, -1.0, -1.0));
    let steps = if multi_step(&full_text) { 0.5 } else { 0.0 };
    let questions = if prompt.matches('?').count() > 3 {
        0.5
    } else {
        0.0
    };
    let scores = [
        token_score,
        code,
        reasoning,
        technical,
        simple,
        steps,
        questions,
    ];
    let score: f64 = scores
        .iter()
        .zip(WEIGHTS)
        .map(|(score, (_, weight))| score * weight)
        .sum();
    if reasoning_found >= 2 || score >= BOUNDARIES[1] {
        // REASONING (two reasoning markers, or above complex_reasoning) and COMPLEX.
        Tier::Opus
    } else if score >= BOUNDARIES[0] {
        Tier::Sonnet
    } else {
        Tier::Haiku
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_scores_like_the_documented_examples() {
        // The README's examples: "What is 2+2?" is SIMPLE; the long reasoning prompt is REASONING.
        assert_eq!(route("What is 2+2?"), Tier::Haiku);
        assert_eq!(
            route(
                "Think step by step: analyze the performance implications of implementing a distributed \
                 consensus algorithm for our microservices architecture."
            ),
            Tier::Opus
        );
        // Word boundaries: "capital" does not contain the keyword "api".
        assert!(!matches("the capital of france", "api"));
        assert!(matches("call the api now", "api"));
        assert!(multi_step("1. do this\n2. then that"));
        // Code (2 keywords: 1.0 * 0.3) and a medium length: 0.3 is MEDIUM.
        assert_eq!(
            route(
                "Please refactor this python function so that it reads more clearly for the team"
            ),
            Tier::Sonnet
        );
    }
}
