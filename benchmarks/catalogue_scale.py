"""Theme catalogue at scale (issue 16): time and peak memory of `update_catalogue` after one new review.

Archives: the sample archive (40 reviews, 1,028 contributions) plus synthetic reviews of 26
contributions each, written straight into the archive's SQLite tables (roster, status and phases
copied from the sample's first review; texts combined from the sample's and danluu's texts as in
benchmarks/theme_speed.py, each one distinct), so that building a million contributions takes
minutes, not hours. "One new review" is 26 more such contributions, added the same way.

- 10,000 contributions, REAL embeddings: the first `update_catalogue` embeds every text with the
  bundled model (the first analysis: both views of each text, facets, grouping, the catalogue
  written); then one new review and a second update. Goal: the update >= 20x faster.
- 100,000 and 1,000,000 contributions, the embedding cache filled with SYNTHETIC unit vectors
  (vectors of the 10,000 archive's texts, picked at random, plus Gaussian noise of sd 0.02 per
  dimension, renormalised; the names-out view of a text with names likewise; the sample's own
  texts and the facet prototypes keep their real vectors, copied), so no model runs for them.
  The first update builds the catalogue from the cache, then one new review
  (its 26 texts embedded by the model) and the timed update. Goal at 1,000,000: < 2 min, < 4 GiB.

Every update runs in its own process; peak RSS is that whole process's (Python, torch and the
model included: about 0.5 GiB before any data). `--profile` prints where the timed update spends
its time (cProfile, top functions by cumulative time).

Run: HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/catalogue_scale.py [--sizes 10000,100000,1000000]
     [--profile] [--dir DIR]   (10,000: about 5 min on 2 cores; 1,000,000: build ~10 min, 3 GiB disk)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np  # noqa: E402

HERE = Path(__file__).resolve().parent
PER_REVIEW = 26
WORDS = ["again", "then", "apparently", "at first", "later", "on call", "that night", "in staging", "in prod"]


def _peak_gib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024


def _base() -> tuple[list[str], list[str]]:
    sys.path.insert(0, str(HERE))
    from theme_speed import base_frame

    base = base_frame()
    return base["text"].astype(str).tolist(), base["kind"].astype(str).tolist()


def _texts(texts: list[str], kinds: list[str], n: int, seed: int) -> tuple[list[str], list[str]]:
    """n distinct texts: a base text, every third joined with another's first sentence, a filler and a number."""
    rng = np.random.default_rng(seed)
    pick = rng.integers(0, len(texts), n).tolist()
    other = rng.integers(0, len(texts), n).tolist()
    out = []
    for i, (a, b) in enumerate(zip(pick, other, strict=True)):
        text = texts[a] if i % 3 else f"{texts[a]} {texts[b].split('. ')[0]}"
        out.append(f"{text} ({WORDS[i % len(WORDS)]}, #{seed}-{i})")
    return out, [kinds[a] for a in pick]


def add_reviews(path: Path, first: int, count: int, texts: list[str], kinds: list[str]) -> None:
    """Insert `count` held reviews of PER_REVIEW contributions each, numbered from `first`."""
    import pandas as pd

    conn = sqlite3.connect(path)
    try:
        template = conn.execute("SELECT id, severity, facilitator FROM reviews ORDER BY incident_start LIMIT 1").fetchone()
        roster = conn.execute("SELECT name, role, responded, seq FROM participants WHERE review_id = ? ORDER BY seq",
                              (template[0],)).fetchall()
        phases = dict(conn.execute("SELECT kind, MIN(phase) FROM contributions GROUP BY kind").fetchall())
        start = pd.Timestamp("2026-01-01T09:00:00", tz="UTC")
        reviews, people, rows = [], [], []
        for r in range(count):
            rid = f"scale-{first + r:07d}"
            at = start + pd.Timedelta(hours=6 * (first + r))
            iso = at.isoformat()
            reviews.append((rid, f"Synthetic review {first + r}", iso, template[1], "[]", "", template[2],
                            "planning_done", (at + pd.Timedelta(days=2)).isoformat(),
                            (at + pd.Timedelta(days=3)).isoformat(), iso[:10]))
            people += [(rid, *p) for p in roster]
            for k in range(PER_REVIEW):
                i = r * PER_REVIEW + k
                if i >= len(texts):
                    break
                rows.append((f"{rid}-c{k:02d}", rid, roster[1 + k % (len(roster) - 1)][0], phases.get(kinds[i], "meeting"),
                             kinds[i], texts[i], (at + pd.Timedelta(days=2, minutes=k)).isoformat()))
        with conn:
            conn.executemany("INSERT INTO reviews (id, title, incident_start, severity, services, summary, facilitator, "
                             "status, meeting_at, planning_at, incident_date) VALUES (?,?,?,?,?,?,?,?,?,?,?)", reviews)
            conn.executemany("INSERT INTO participants (review_id, name, role, responded, seq) VALUES (?,?,?,?,?)", people)
            conn.executemany("INSERT INTO contributions (id, review_id, participant, phase, kind, text, recorded_at) "
                             "VALUES (?,?,?,?,?,?,?)", rows)
    finally:
        conn.close()


def fill_cache(path: Path, texts: list[str], source: Path, seed: int) -> None:
    """Synthetic unit vectors for `texts` (and their names-out view) under the bundled model's keys."""
    from reviewlab.analysis.cache import text_hash
    from reviewlab.analysis.embed import NAMES_OUT_SUFFIX
    from reviewlab.analysis.names import name_spans

    key = "all-MiniLM-L6-v2-384"
    src = sqlite3.connect(source)
    real = np.stack([np.frombuffer(b, dtype=np.float32) for (b,) in
                     src.execute("SELECT vector FROM embeddings WHERE model = ?", (key,))])
    src.close()
    rng = np.random.default_rng(seed)
    conn = sqlite3.connect(path)
    try:
        with conn:  # the source's real vectors: the sample's texts (in both archives) and the facet prototypes
            conn.execute("ATTACH DATABASE ? AS source", (str(source),))
            conn.execute("INSERT OR IGNORE INTO embeddings SELECT * FROM source.embeddings")
        conn.execute("DETACH DATABASE source")
        for start in range(0, len(texts), 50_000):
            part = [t.strip() for t in texts[start:start + 50_000]]
            base = real[rng.integers(0, len(real), len(part))]
            rows = []
            for view, suffix in ((0, ""), (1, NAMES_OUT_SUFFIX)):
                v = base + rng.normal(0, 0.02, base.shape).astype(np.float32)
                v /= np.linalg.norm(v, axis=1, keepdims=True)
                for t, vec in zip(part, v, strict=True):
                    if view and not name_spans(t):  # a text that names nothing: an empty names-out vector
                        rows.append((key + suffix, text_hash(t), 0, b""))
                        continue
                    rows.append((key + suffix, text_hash(t), 384, vec.astype(np.float32).tobytes()))
            with conn:
                conn.executemany("INSERT OR REPLACE INTO embeddings VALUES (?,?,?,?)", rows)
    finally:
        conn.close()


def child_build(path: Path, n: int, source: str) -> None:
    from reviewlab.sample import build_sample_file

    t = time.perf_counter()
    build_sample_file(path)
    conn = sqlite3.connect(path)
    have = conn.execute("SELECT COUNT(*) FROM contributions").fetchone()[0]
    conn.close()
    base_texts, base_kinds = _base()
    texts, kinds = _texts(base_texts, base_kinds, n - have, seed=n)
    add_reviews(path, 0, -(-len(texts) // PER_REVIEW), texts, kinds)
    if source:
        fill_cache(path, texts, Path(source), seed=n)
    print(json.dumps({"built_seconds": time.perf_counter() - t, "contributions": have + len(texts)}))


def child_add(path: Path, n: int) -> None:
    base_texts, base_kinds = _base()
    texts, kinds = _texts(base_texts, base_kinds, PER_REVIEW, seed=10**9 + n)
    add_reviews(path, 10**6, 1, texts, kinds)
    print(json.dumps({"added": PER_REVIEW}))


def child_update(path: Path, profile: bool) -> None:
    from reviewlab import open_archive
    from reviewlab.analysis import load_model
    from reviewlab.analysis.catalogue import update_catalogue

    model = load_model()
    before = _peak_gib()
    with open_archive(path) as archive:
        profiler = None
        if profile:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        t = time.perf_counter()
        update = update_catalogue(archive, model=model, progress=False)
        took = time.perf_counter() - t
        if profiler is not None:
            import io
            import pstats

            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(28)
            print(out.getvalue(), file=sys.stderr)
    print(json.dumps({"seconds": took, "peak_gib": _peak_gib(), "peak_before_gib": before,
                      "contributions": update.contributions, "kept": update.kept, "joined": update.joined,
                      "new_themes": update.new_themes, "moved": update.moved,
                      "themes": len(update.catalogue.themes())}))


MAX_GIB = 12.0
"""A child whose resident memory passes this is stopped (the cores and memory are shared): its figure is then a floor."""


def _rss_gib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return 0.0


def run(*args: str, show: bool = False, max_gib: float = MAX_GIB) -> dict:
    """A child process; stopped if its memory passes `max_gib` (then {"stopped": ..., "seconds": ...})."""
    t = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        child = subprocess.Popen([sys.executable, __file__, "--child", *args], stdout=out, stderr=err, text=True)
        peak = 0.0
        while child.poll() is None:
            peak = max(peak, _rss_gib(child.pid))
            if peak > max_gib:
                child.kill()
                child.wait()
                return {"stopped": f"resident memory passed {max_gib} GiB", "seconds": time.perf_counter() - t,
                        "peak_gib": peak}
            time.sleep(0.5)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if child.returncode:
        print(stdout, stderr, file=sys.stderr)
        raise SystemExit(f"child {args} failed")
    if show:
        print(stderr[stderr.find("function calls"):][:7000])
    return json.loads(stdout.strip().splitlines()[-1])


def report(n: int, synthetic: bool, built: dict, first: dict | None, again: dict) -> None:
    kind = "synthetic cached vectors" if synthetic else "real embeddings"
    head = f"{n:>9,} contributions ({kind}; archive built in {built.get('built_seconds', 0):.0f}s): "
    if "stopped" in again:
        print(head + f"update STOPPED after {again['seconds']:.0f}s: {again['stopped']}", flush=True)
        return
    if first is None:
        print(head + f"no earlier catalogue (every contribution new to it): update {again['seconds']:.1f}s "
              f"(peak {again['peak_gib']:.2f} GiB); {again['themes']} factor themes, "
              f"{again['new_themes']} new themes", flush=True)
        return
    print(head + f"first update {first['seconds']:.1f}s (peak {first['peak_gib']:.2f} GiB), "
          f"after one new review {again['seconds']:.1f}s (peak {again['peak_gib']:.2f} GiB, "
          f"{again['peak_before_gib']:.2f} with the model loaded), {first['seconds'] / again['seconds']:.1f}x; "
          f"{again['themes']} factor themes, kept {again['kept']}, joined {again['joined']}, "
          f"new themes {again['new_themes']}, moved {again['moved']}", flush=True)


def main() -> int:
    if sys.argv[1:2] == ["--child"]:
        what, path = sys.argv[2], Path(sys.argv[3])
        if what == "build":
            child_build(path, int(sys.argv[4]), sys.argv[5] if len(sys.argv) > 5 else "")
        elif what == "add":
            child_add(path, int(sys.argv[4]))
        else:
            child_update(path, sys.argv[4] == "1")
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000",
                        help="contributions; the first size has real embeddings and is the source of the others' vectors")
    parser.add_argument("--source", default=None,
                        help="an archive with real embeddings to take the synthetic vectors from (then every size is synthetic)")
    parser.add_argument("--max-gib", type=float, default=MAX_GIB, help="stop a child whose memory passes this")
    parser.add_argument("--skip-first-from", type=int, default=10**9,
                        help="from this size on, no first update: the timed update builds the catalogue "
                             "from the cache with every contribution new (saves one long run)")
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary of each timed update")
    parser.add_argument("--dir", default=None, help="where the archives go (default: a temporary folder, removed)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    prof = "1" if args.profile else "0"
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        real = Path(args.source) if args.source else Path(tmp) / f"scale-{sizes[0]}.db"
        for n in sizes:
            path = Path(tmp) / f"scale-{n}.db"
            synthetic = bool(args.source) or n != sizes[0]  # the first size: real embeddings, the others' source
            built = run("build", str(path), str(n), str(real) if synthetic else "", max_gib=args.max_gib)
            skip = n >= args.skip_first_from
            first = None if skip else run("update", str(path), "0", max_gib=args.max_gib)
            run("add", str(path), str(n))
            again = run("update", str(path), prof, show=args.profile, max_gib=args.max_gib)
            report(n, synthetic, built, first, again)
            if first is not None and not synthetic:
                ok = first["seconds"] / again["seconds"] >= 20
                print(f"   goal: update >= 20x faster than the first analysis: {'MET' if ok else 'NOT MET'}")
            if n == 1_000_000:
                ok = "stopped" not in again and again["seconds"] < 120 and again["peak_gib"] < 4
                print(f"   goal: under 2 min and 4 GiB at 1,000,000: {'MET' if ok else 'NOT MET'}")
            if synthetic:
                path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
