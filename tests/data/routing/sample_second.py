#!/usr/bin/env python3
"""Draws the blind sample for the second labelling: about 10% of each writer's rows, stratified by label, with a
seed per writer. It writes only ids and prompts (no labels, no rationales) for a labeller who has not seen them;
their answers are second_labels.jsonl ({"id", "label", "rationale"}), and the evaluation reports Cohen's kappa.

    python3 tests/data/routing/sample_second.py OUT_DIR
"""
import collections
import json
import pathlib
import random
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent


def main(out_dir):
    out_dir = pathlib.Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for script in sorted((HERE / "writers").glob("w*.py"), key=lambda p: int(p.stem[1:])):
        writer = script.stem
        subprocess.run([sys.executable, script.name], cwd=script.parent, check=True)
        produced = script.with_suffix(".jsonl")
        rows = [json.loads(line) for line in produced.read_text(encoding="utf-8").splitlines()]
        produced.unlink()
        rng = random.Random(f"second-label-{writer}")
        by_label = collections.defaultdict(list)
        for row in rows:
            by_label[row["label"]].append(row)
        pick = []
        for label in sorted(by_label):
            group = by_label[label]
            pick += rng.sample(group, max(1, round(len(group) * 0.10)))
        rng.shuffle(pick)
        with open(out_dir / f"blind_{writer}.jsonl", "w", encoding="utf-8") as f:
            for row in pick:
                f.write(json.dumps({"id": row["id"], "prompt": row["prompt"]}, ensure_ascii=False) + "\n")
        print(writer, len(pick))


if __name__ == "__main__":
    main(sys.argv[1])
