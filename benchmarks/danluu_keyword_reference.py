"""A reference point for danluu's theme score: how far do a few hand-picked cause words get?

Not a method (it was written by reading the label names, which a clustering never sees): it
answers "what AMI does a near-oracle, one-rule-per-label partition reach on these 71 labelled
texts?", to judge how far a label-free clustering can be expected to go (THEMES.md, round 4).
Each text goes to the first rule that matches: configuration words, hardware/power words,
time words, else "other". All 190 texts are partitioned; the 71 labelled ones are scored.

Run: .venv/bin/python benchmarks/danluu_keyword_reference.py   (under a second)
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import numpy as np
from sklearn.metrics import adjusted_mutual_info_score as ami
from sklearn.metrics import adjusted_rand_score as ari

ROOT = Path(__file__).resolve().parent.parent
DANLUU = Path(os.environ.get("DANLUU", ROOT.parent / "shared/benchmarks/postmortems/danluu.jsonl"))
RULES = {
    "configuration": r"config|misconfig",
    "hardware/power": r"power|hardware|disk|generator|\bups\b|datacenter|data center|cooling",
    "time": r"leap|time|clock|\bdst\b|daylight|year",
}


def main() -> None:
    rows = [json.loads(line) for line in DANLUU.read_text().splitlines() if line.strip()]
    texts = [r["text"].lower() for r in rows]
    mask = np.array([bool(r["labelled"]) for r in rows])
    y = np.array([r["label"] for r in rows])[mask]
    groups = [next((i for i, rule in enumerate(RULES.values()) if re.search(rule, t)), len(RULES)) for t in texts]
    part = np.asarray(groups)[mask]
    print(f"keyword rules ({', '.join(RULES)}, other): AMI {ami(y, part):.3f}  ARI {ari(y, part):.3f}")
    config_only = (part == 0).astype(int)
    print(f"configuration words or not:                 AMI {ami(y, config_only):.3f}")


if __name__ == "__main__":
    main()
