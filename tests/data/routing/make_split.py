#!/usr/bin/env python3
"""Splits the corpus once into train / validation / test, stratified by label and writer, with a fixed seed.

Strata are label x writer, each shuffled by its own seeded generator, so adding a writer leaves every earlier
row where it was (leaving rows out of a writer reshuffles that writer's strata between train and validation). No
test row is ever left out, so the test stays as it is. The split is frozen: split.json is committed and read by the training command; the test ids are never used to
choose anything. The test was drawn once, from the first nine writers (w1-w9); writers added after the test was
measured give train and validation rows only, in the same proportion, so the frozen test stays exactly the
prompts it was. Run again only for a new corpus, and then retrain.

    python3 tests/data/routing/make_split.py
"""
import collections
import json
import pathlib
import random

HERE = pathlib.Path(__file__).resolve().parent
SEED = 11
SHARES = {"test": 0.20, "validation": 0.15}
# Writers whose rows the frozen test was drawn from; later writers add to train and validation only.
TEST_WRITERS = 9


def main():
    rows = [json.loads(line) for line in (HERE / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    strata = collections.defaultdict(list)
    for row in rows:
        strata[(row["label"], row["id"].split("-")[0])].append(row["id"])
    split = {"seed": SEED, "train": [], "validation": [], "test": []}
    for key in sorted(strata):
        ids = sorted(strata[key])
        # One generator per stratum: a new writer's rows never move another writer's rows to another part.
        random.Random(f"{SEED}-{key[0]}-{key[1]}").shuffle(ids)
        if int(key[1][1:]) <= TEST_WRITERS:
            n_test = round(len(ids) * SHARES["test"])
            n_val = round(len(ids) * SHARES["validation"])
        else:
            n_test = 0
            n_val = round(len(ids) * SHARES["validation"] / (1 - SHARES["test"]))
        split["test"] += ids[:n_test]
        split["validation"] += ids[n_test:n_test + n_val]
        split["train"] += ids[n_test + n_val:]
    for part in ("train", "validation", "test"):
        split[part].sort()
    (HERE / "split.json").write_text(json.dumps(split, indent=0) + "\n", encoding="utf-8")
    print(", ".join(f"{part} {len(split[part])}" for part in ("train", "validation", "test")))


if __name__ == "__main__":
    main()
