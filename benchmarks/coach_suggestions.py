"""Share of the coach's suggestions a facilitator would say aloud as written, from a file of human judgements.

Usage:
    .venv/bin/python benchmarks/coach_suggestions.py                 # blind talk set and its judgements
    .venv/bin/python benchmarks/coach_suggestions.py SET.jsonl JUDGED.jsonl
    .venv/bin/python benchmarks/coach_suggestions.py --add-unjudged  # append new suggestions to judge by hand

The set is a labelled JSONL file (benchmarks/coach_talk.jsonl). The judgement file has one line per
flagged sentence: "text", "suggestion", "aloud" (true, false, or null while not yet judged) and "why".
A judgement counts only while the coach still gives the same suggestion; a changed suggestion is
listed as unjudged, so the figure can always be re-checked. Goal (issue 17): 95% said aloud.
"""

from __future__ import annotations

import argparse
import json
import pathlib

from reviewlab.coach import check

HERE = pathlib.Path(__file__).parent
SET = HERE / "coach_talk.jsonl"
JUDGED = HERE / "coach_talk_judged.jsonl"


def _rows(path: pathlib.Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def main() -> None:
    """Compare today's suggestions with the judgements and print the share said aloud."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set", nargs="?", type=pathlib.Path, default=SET)
    parser.add_argument("judged", nargs="?", type=pathlib.Path, default=JUDGED)
    parser.add_argument("--add-unjudged", action="store_true", help="append unjudged suggestions with aloud=null")
    args = parser.parse_args()
    judged = {(j["text"], j["suggestion"]): j for j in _rows(args.judged)}
    current = []
    for row in _rows(args.set):
        findings = check(row["text"])
        if findings:
            current.append((row["text"], findings[0].suggestion))
    said, failed, unjudged = [], [], []
    for text, suggestion in current:
        verdict = judged.get((text, suggestion))
        if verdict is None or verdict.get("aloud") is None:
            unjudged.append((text, suggestion))
        elif verdict["aloud"]:
            said.append(text)
        else:
            failed.append((text, suggestion, verdict.get("why", "")))
    total = len(said) + len(failed)
    print(f"{args.set}: {len(current)} flagged sentences, {total} judged against {args.judged}")
    if total:
        print(f"would say it aloud as written: {len(said)}/{total} = {len(said) / total:.1%}  (goal 95%)")
    for text, suggestion, why in failed:
        print(f"  NOT ALOUD: {text!r}\n      -> {suggestion}\n      ({why})")
    for text, suggestion in unjudged:
        print(f"  UNJUDGED: {text!r}\n      -> {suggestion}")
    if args.add_unjudged and unjudged:
        with args.judged.open("a", encoding="utf-8") as out:
            for text, suggestion in unjudged:
                out.write(json.dumps({"text": text, "suggestion": suggestion, "aloud": None, "why": ""}) + "\n")
        print(f"appended {len(unjudged)} unjudged lines to {args.judged}; set 'aloud' by hand")


if __name__ == "__main__":
    main()
