"""Theme speed, ratios in one run (about 8 minutes on 2 shared cores).

1. Embedding overhead, the four interleaved, best of two each, on the same 2,000 texts: bare
   SentenceTransformer.encode; reviewlab.analysis.embed (empty cache: hashing, look-up, store);
   theme_vectors with names-out pooling (the default since round 6); theme_vectors with the names
   view in two passes (main before round 6). Goal <= 1.10 of bare. `--embedding-only` stops here.
2. A 10,000-observation archive (SQLite, the real Archive as cache): one bare `encode` pass over
   its texts; the first analysis (find_themes, names view by names-out pooling) against it (goal
   <= 1.10x, issue 16) and against re-analysis after adding one review (goal >= 20x); the first
   analysis again with the names view in two passes, main's method before round 6 (switched in
   this script only; `--skip-before` leaves it out).
3. find_themes on the 10,000 cached observations (the default path: model, archive cache with
   every text, its view without names and the facets already embedded) against BERTopic's default
   fit on the same texts' embeddings. Goal: at most half the time.
4. 50,000 and 100,000 observations (vectors: real embeddings of combined texts, perturbed;
   each size in its own process for a clean peak RSS). Goal: growth not quadratic, < 2 GiB.

Texts are built by combining and perturbing the sample archive's and danluu's texts.
Run: HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/theme_speed.py [--skip-big] [--skip-before] [--embedding-only] [--embedding-texts N]
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED = next((d / "shared/benchmarks/postmortems" for d in ROOT.parents if (d / "shared/benchmarks").is_dir()),
              ROOT.parent / "shared/benchmarks/postmortems")
DANLUU = Path(os.environ.get("DANLUU", SHARED / "danluu.jsonl"))
WORDS = ["again", "then", "apparently", "at first", "later", "on call", "that night", "in staging", "in prod"]


def base_frame() -> pd.DataFrame:
    from reviewlab import open_archive
    from reviewlab.sample import build_sample

    with open_archive(":memory:") as archive:
        build_sample(archive)
        frame = archive.contributions_frame()
    public = [json.loads(line)["text"] for line in DANLUU.read_text().splitlines() if line.strip()]
    extra = pd.DataFrame({"text": public, "review_id": [f"pub{i}" for i in range(len(public))],
                          "kind": "observation", "incident_start": frame["incident_start"].min()})
    return pd.concat([frame, extra], ignore_index=True)


def synthetic(base: pd.DataFrame, n: int, seed: int = 0) -> pd.DataFrame:
    """n rows: a base text, sometimes joined with a sentence of another, with a filler word; ~26 per review."""
    rng = np.random.default_rng(seed)
    pick = rng.integers(0, len(base), n)
    other = rng.integers(0, len(base), n)
    texts = []
    for i, (a, b) in enumerate(zip(pick, other, strict=True)):
        text = base["text"].iloc[a]
        if i % 3 == 0:
            text = f"{text} {base['text'].iloc[b].split('. ')[0]}"
        texts.append(f"{text} ({WORDS[i % len(WORDS)]}, #{i})")
    start = pd.Timestamp("2023-01-01", tz="UTC")
    reviews = np.arange(n) // 26
    return pd.DataFrame({"text": texts, "review_id": [f"s{r}" for r in reviews],
                         "kind": base["kind"].iloc[pick].to_numpy(),
                         "incident_start": start + pd.to_timedelta(reviews * 2, unit="D")})


def embedding_overhead(model, texts: list[str], rounds: int = 2) -> None:
    """Bare encode, `embed`, and both makings of the names view, interleaved on the same texts.

    The four run in turn, `rounds` times, and the best of each is kept: on shared cores the load
    changes within minutes, and only timings taken side by side compare.
    """
    from reviewlab.analysis import MemoryCache, embed, theme_vectors

    model.encode(texts[:64], batch_size=32)  # warm up
    runs = {
        "bare encode": lambda: model.encode(texts, batch_size=32, show_progress_bar=False),
        "reviewlab embed": lambda: embed(texts, model, cache=MemoryCache(), batch_size=32, progress=False),
        "theme_vectors, names-out pooling": lambda: theme_vectors(texts, model, cache=MemoryCache(), progress=False),
        "theme_vectors, two passes (main)": lambda: theme_vectors(texts, model, cache=MemoryCache(), progress=False,
                                                                  pooling="two-pass"),
    }
    best = {name: float("inf") for name in runs}
    for _ in range(rounds):
        for name, run in runs.items():
            t = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - t)
    bare = best["bare encode"]
    print(f"1. embedding {len(texts)} texts, interleaved, best of {rounds} (goal <= 1.10 of bare encode):")
    for name, took in best.items():
        print(f"   {name:34s} {took:6.1f}s  {took / bare:.3f}x")


def bare_pass(model, texts: list[str]) -> float:
    """One bare `encode` pass over the texts (no cache, no names view): the floor of a first analysis."""
    t = time.perf_counter()
    model.encode(texts, batch_size=32, show_progress_bar=False)
    took = time.perf_counter() - t
    print(f"2a. one bare encode pass over the {len(texts)} observation texts: {took:.1f}s")
    return took


def first_analysis(model, frame: pd.DataFrame, pooling: str) -> float:
    """find_themes on a fresh archive, with the names view made by `pooling` (two-pass: main before round 6)."""
    import functools

    from reviewlab import open_archive
    from reviewlab.analysis import find_themes, theme_vectors
    from reviewlab.analysis import themes as themes_module

    original = themes_module.theme_vectors
    themes_module.theme_vectors = functools.partial(theme_vectors, pooling=pooling)  # benchmark-only switch
    try:
        with tempfile.TemporaryDirectory() as tmp, open_archive(Path(tmp) / "first.db") as archive:
            t = time.perf_counter()
            find_themes(frame, model=model, cache=archive, progress=False)
            return time.perf_counter() - t
    finally:
        themes_module.theme_vectors = original


def archive_reanalysis(model, frame: pd.DataFrame, base: pd.DataFrame, bare: float) -> tuple[np.ndarray, float]:
    from reviewlab import open_archive
    from reviewlab.analysis import embed, find_themes

    with tempfile.TemporaryDirectory() as tmp, open_archive(Path(tmp) / "speed.db") as archive:
        t = time.perf_counter()
        find_themes(frame, model=model, cache=archive, progress=False)
        first = time.perf_counter() - t
        print(f"2b. {len(frame)} observations, first analysis (names-out pooling, the default): {first:.1f}s, "
              f"{first / bare:.2f}x one bare encode pass (goal <= 1.10)")
        new_review = synthetic(base, 26, seed=99).assign(review_id="new")
        grown = pd.concat([frame, new_review], ignore_index=True)
        t = time.perf_counter()
        find_themes(grown, model=model, cache=archive, progress=False)
        again = time.perf_counter() - t
        print(f"2c. after adding one review {again:.2f}s, {first / again:.0f}x faster than the first analysis "
              "(goal >= 20x)")
        t = time.perf_counter()
        find_themes(frame, model=model, cache=archive, progress=False)
        cached = time.perf_counter() - t
        vectors = embed(frame["text"].tolist(), model, cache=archive)
    if "--skip-before" not in sys.argv:
        before = first_analysis(model, frame, "two-pass")
        print(f"2d. first analysis with the names view in two passes (main before round 6): {before:.1f}s, "
              f"{before / bare:.2f}x one bare encode pass")
    return vectors, cached


def versus_bertopic(frame: pd.DataFrame, vectors: np.ndarray, ours: float) -> None:
    try:
        from bertopic import BERTopic
    except ModuleNotFoundError:
        print(f"3. find_themes on {len(frame)} cached: {ours:.2f}s (bertopic not installed)")
        return
    t = time.perf_counter()
    BERTopic().fit(frame["text"].tolist(), embeddings=vectors)
    theirs = time.perf_counter() - t
    print(f"3. {len(frame)} cached observations: find_themes {ours:.2f}s, BERTopic default fit {theirs:.2f}s, "
          f"ratio {ours / theirs:.2f} (goal <= 0.5)")


def big_child(n: int, vectors_path: str) -> None:
    """Run in a subprocess: find_themes on n rows; print seconds and peak RSS."""
    from reviewlab.analysis import find_themes

    base = base_frame()
    frame = synthetic(base, n, seed=n)
    unit = np.load(vectors_path)
    rng = np.random.default_rng(n)
    idx = rng.integers(0, len(unit), n)
    vectors = unit[idx] + rng.normal(0, 0.02, (n, unit.shape[1])).astype(np.float32)
    t = time.perf_counter()
    result = find_themes(frame, embeddings=vectors)
    took = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024
    print(json.dumps({"n": n, "seconds": took, "peak_gib": peak, "themes": len(result.themes)}))


def big(vectors: np.ndarray) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "v.npy"
        np.save(path, vectors)
        rows = []
        for n in (10_000, 50_000, 100_000):
            out = subprocess.run([sys.executable, __file__, "--child", str(n), str(path)],
                                 capture_output=True, text=True, check=True)
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    for r in rows:
        print(f"4. {r['n']:>7,} observations: find_themes {r['seconds']:.1f}s, {r['themes']} themes, "
              f"peak RSS {r['peak_gib']:.2f} GiB (whole process)")
    slope = np.polyfit(np.log([r["n"] for r in rows]), np.log([r["seconds"] for r in rows]), 1)[0]
    print(f"   time grows as n^{slope:.2f} (quadratic would be n^2); peak at 100,000 "
          f"{rows[-1]['peak_gib']:.2f} GiB (goal < 2 GiB)")


def main() -> int:
    if sys.argv[1:2] == ["--child"]:
        big_child(int(sys.argv[2]), sys.argv[3])
        return 0
    from reviewlab.analysis import load_model

    model = load_model()
    base = base_frame()
    frame = synthetic(base, 10_000)
    count = int(sys.argv[sys.argv.index("--embedding-texts") + 1]) if "--embedding-texts" in sys.argv else 2000
    embedding_overhead(model, frame["text"].tolist()[:count])
    if "--embedding-only" in sys.argv:
        return 0
    bare = bare_pass(model, frame["text"].tolist())
    vectors, cached = archive_reanalysis(model, frame, base, bare)
    versus_bertopic(frame, vectors, cached)
    if "--skip-big" not in sys.argv:
        big(vectors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
