"""How real postmortems import with no flags: imported or refused, the kinds found, word coverage.

Run by hand from the repository root (the documents are not copied into the repo):

    PYTHONPATH=$PWD .venv/bin/python benchmarks/import_real.py [FOLDER] [--json OUT.json]

FOLDER (default ../shared/benchmarks/postmortems/real) holds the Markdown files and SOURCES.tsv
(file, style, has_timeline, has_action_items, has_went_well, ...). Each file is imported alone,
as a new user would (`reviewlab import FILE`: no --timezone, no --date), into an in-memory archive.

Word coverage: the share of the document's words found in what the archive holds for the review
(title, summary, contribution texts, their tags and the times as written). A word is a run of four
or more letters of any script, lower-cased; the document's words leave out front matter, code
(fenced and indented blocks, inline code), link targets (URLs, reference definitions, autolinks) and
HTML tags and comments. Counted as a multiset: a word the document says three times must be in
the archive three times. `text only` leaves tags and times as written out of the archive side.

The script uses only the archive's long-standing API, so the same file measures an older checkout:
    PYTHONPATH=/path/to/old/checkout python benchmarks/import_real.py
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import statistics
import sys
import warnings
from collections import Counter
from pathlib import Path

from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "benchmarks" / "postmortems" / "real"
WORD = re.compile(r"[^\W\d_]{4,}")


def document_words(text: str) -> Counter[str]:
    """The document's words outside front matter, code, link targets and HTML (see the module doc)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    text = re.sub(r"\A(?:---\n.*?\n(?:---|\.\.\.)|\+\+\+\n.*?\n\+\+\+)[ \t]*(?:\n|\Z)", "\n", text, flags=re.DOTALL)
    lines = text.split("\n")
    for token in MarkdownIt("commonmark").enable("table").parse(text):
        if token.type in ("fence", "code_block") and token.map:
            for i in range(token.map[0], min(token.map[1], len(lines))):
                lines[i] = ""
    text = "\n".join(lines)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.DOTALL)
    text = re.sub(r"`[^`\n]*`", " ", text)
    text = re.sub(r"^\s*\[[^\]]+\]:\s*\S+.*$", " ", text, flags=re.MULTILINE)  # reference definitions
    text = re.sub(r"\]\([^)]*\)", "] ", text)  # inline link targets
    text = re.sub(r"<(?:https?://|mailto:)?[^>\s]*[@:/][^>\s]*>", " ", text)  # autolinks
    text = re.sub(r"https?://\S+|www\.\S+", " ", text)
    text = re.sub(r"</?[a-zA-Z][^>]*>", " ", text)
    return Counter(w.lower() for w in WORD.findall(text))


def archive_words(archive, review_id: str, *, text_only: bool = False) -> Counter[str]:
    """The words the archive holds for the review: title, summary, contributions (and tags, times)."""
    review = archive.get_review(review_id)
    parts = [review.title, review.summary or ""]
    for c in archive.contributions(review_id):
        parts.append(c.text)
        if not text_only:
            parts += list(c.tags) + [getattr(c, "time_text", None) or ""]
    return Counter(w.lower() for w in WORD.findall("\n".join(parts)))


def coverage(doc: Counter[str], held: Counter[str]) -> float:
    total = sum(doc.values())
    return sum(min(n, held[w]) for w, n in doc.items()) / total if total else 1.0


def measure(path: Path, expect: dict[str, str]) -> dict:
    from reviewlab import open_archive
    from reviewlab.errors import ReviewlabError
    from reviewlab.importers import import_paths

    row: dict = {"file": path.name, "style": expect.get("style", "")}
    archive = open_archive(":memory:")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = import_paths(archive, [path])
    except ReviewlabError as err:
        row.update(imported=False, refused=str(err).split(": ", 1)[-1][:160])
        return row
    bundle = parsed[0].bundles[0]
    rid = bundle.review.id
    kinds = Counter(c.kind.value for c in archive.contributions(rid))
    events = [c for c in archive.contributions(rid) if c.kind.value == "timeline_event"]
    doc = document_words(path.read_text(encoding="utf-8", errors="replace"))
    wanted = {"timeline_event": expect.get("has_timeline") == "y", "repair_item": expect.get("has_action_items") == "y",
              "went_right": expect.get("has_went_well") == "y"}
    row.update(imported=True, kinds=dict(kinds), timed=sum(1 for e in events if e.event_time is not None),
               untimed=sum(1 for e in events if e.event_time is None),
               notes=len(getattr(bundle, "notes", [])) or len(parsed[0].warnings),
               missing_kinds=[k for k, want in wanted.items() if want and not kinds.get(k)],
               coverage=round(coverage(doc, archive_words(archive, rid)), 3),
               coverage_text=round(coverage(doc, archive_words(archive, rid, text_only=True)), 3),
               words=sum(doc.values()))
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--json", type=Path, help="also write the rows as JSON")
    args = ap.parse_args()
    sources = args.folder / "SOURCES.tsv"
    expect = {r["file"]: r for r in csv.DictReader(sources.open(encoding="utf-8"), delimiter="\t")} \
        if sources.exists() else {}
    files = sorted(p for p in args.folder.iterdir() if p.suffix.lower() in (".md", ".markdown"))
    rows = [measure(p, expect.get(p.name, {})) for p in files]
    print(f"{'file':<48} {'ok':<3} {'cover':>5} {'text':>5} {'timed':>5} {'untimed':>7} {'notes':>5}  kinds / refusal")
    for r in rows:
        if not r["imported"]:
            print(f"{r['file'][:48]:<48} no  {'':>5} {'':>5} {'':>5} {'':>7} {'':>5}  {r['refused']}")
            continue
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(r["kinds"].items()))
        missing = f"  MISSING: {', '.join(r['missing_kinds'])}" if r["missing_kinds"] else ""
        print(f"{r['file'][:48]:<48} yes {r['coverage']:>5.2f} {r['coverage_text']:>5.2f} {r['timed']:>5} "
              f"{r['untimed']:>7} {r['notes']:>5}  {kinds}{missing}")
    done = [r for r in rows if r["imported"]]
    wanted = sum(len([k for k in ("has_timeline", "has_action_items", "has_went_well")
                      if expect.get(r["file"], {}).get(k) == "y"]) for r in rows)
    found = wanted - sum(len(r.get("missing_kinds", [])) for r in done) - sum(
        len([k for k in ("has_timeline", "has_action_items", "has_went_well")
             if expect.get(r["file"], {}).get(k) == "y"]) for r in rows if not r["imported"])
    print(f"\nimported with no flags: {len(done)}/{len(rows)}")
    if done:
        print(f"median word coverage: {statistics.median(r['coverage'] for r in done):.3f} "
              f"(text only {statistics.median(r['coverage_text'] for r in done):.3f}; "
              f"min {min(r['coverage'] for r in done):.3f}) over the imported documents")
    print(f"kinds present where the document has them: {found}/{wanted} (SOURCES.tsv: timeline, action items, "
          "what went well)")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
