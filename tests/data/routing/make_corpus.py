#!/usr/bin/env python3
"""Builds tests/data/routing/corpus.jsonl from the writers' scripts in writers/.

Each writers/wN.py holds one writer's prompts in readable form and writes wN.jsonl next to itself when run; this
script runs them all, checks every row, and joins them in writer order. amendments.jsonl then corrects the labels
an audit found the full rubric decides otherwise (writers w10-w15 worked from a copy of the rubric cut after
tie-breaker 5; the audit checked their explain and review rows against tie-breakers 7 and 10). Rows of writers added
after the frozen test was drawn (w10 on) that share more than half of their word trigrams with a test row, or
more than half of the test row's, are left out, so that a prompt written later is not a rewording of one the
model is judged on (words are split on white space, so in Chinese or Japanese prose only near-exact repeats are
caught). The result is deterministic:
the same scripts (and the same test ids in split.json) give the same bytes.

    python3 tests/data/routing/make_corpus.py
"""
import json
import pathlib
import re
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
# Writers whose rows the frozen test was drawn from (as in make_split.py).
TEST_WRITERS = 9
FIELDS = {"id", "prompt", "label", "rationale", "category", "domain", "voice", "language", "trap"}
VALUES = {
    "label": {"haiku", "sonnet", "opus"},
    "category": {"question", "edit", "explain", "implement", "debug", "test", "refactor", "review", "design",
                 "plan", "ops", "docs"},
    "domain": {"web", "systems", "data", "ml", "infrastructure", "security", "mobile", "databases", "tooling",
               "general"},
    "voice": {"terse", "verbose", "typos", "non-native", "other-language", "follow-up", "plain"},
    "trap": {None, "long-trivial", "short-hard", "hard-words-easy", "easy-words-hard"},
}


def trigrams(prompt):
    words = prompt.lower().split()
    return set(zip(words, words[1:], words[2:])) if len(words) >= 3 else {tuple(words)}


def test_trigrams(rows):
    """The word trigrams of each frozen test row (its ids from split.json)."""
    test = set(json.loads((HERE / "split.json").read_text(encoding="utf-8"))["test"])
    return [(row["id"], trigrams(row["prompt"])) for row in rows if row["id"] in test]


def near_test(row, tests):
    if int(row["id"].split("-")[0][1:]) <= TEST_WRITERS:
        return False
    mine = trigrams(row["prompt"])
    for test_id, theirs in tests:
        shared = len(mine & theirs)
        if shared * 2 > len(mine) or shared * 2 > len(theirs):
            print(f"{row['id']}: shares more than half of its or test row {test_id}'s word trigrams, left out")
            return True
    return False


def main():
    rows = []
    seen_ids, seen_prompts = set(), {}
    scripts = sorted((HERE / "writers").glob("w*.py"), key=lambda p: int(p.stem[1:]))
    for script in scripts:
        out = script.with_suffix(".jsonl")
        subprocess.run([sys.executable, script.name], cwd=script.parent, check=True)
        for n, line in enumerate(out.read_text(encoding="utf-8").splitlines(), 1):
            row = json.loads(line)
            where = f"{out.name}:{n}"
            if set(row) != FIELDS:
                sys.exit(f"{where}: fields differ: {sorted(set(row) ^ FIELDS)}")
            for field, allowed in VALUES.items():
                if row[field] not in allowed:
                    sys.exit(f"{where}: {field} {row[field]!r} is not one of {sorted(map(str, allowed))}")
            if not re.fullmatch(rf"{script.stem}-\d{{4}}", row["id"]) or row["id"] in seen_ids:
                sys.exit(f"{where}: id {row['id']!r} is malformed or repeated")
            key = " ".join(row["prompt"].split()).lower()
            if not key:
                sys.exit(f"{where}: empty prompt")
            if key in seen_prompts:
                # Writers worked apart and a few bare follow-ups ("continue") came out the same: the first stays.
                print(f"{row['id']}: same prompt as {seen_prompts[key]}, left out")
                continue
            seen_ids.add(row["id"])
            seen_prompts[key] = row["id"]
            rows.append(row)
        out.unlink()
    tests = test_trigrams(rows)
    rows = [row for row in rows if not near_test(row, tests)]
    amendments = [json.loads(line) for line in (HERE / "amendments.jsonl").read_text(encoding="utf-8").splitlines()]
    by_id = {row["id"]: row for row in rows}
    for amendment in amendments:
        row = by_id.get(amendment["id"])
        if row is None or amendment["label"] not in VALUES["label"] or amendment["label"] == row["label"]:
            sys.exit(f"amendments.jsonl: {amendment['id']} names no row, an unknown label or the label it has")
        row["label"], row["rationale"] = amendment["label"], amendment["rationale"]
    with open(HERE / "corpus.jsonl", "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"corpus.jsonl: {len(rows)} rows from {len(scripts)} writers, {len(amendments)} labels amended")


if __name__ == "__main__":
    main()
