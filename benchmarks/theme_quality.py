"""Theme quality, side by side in one run: reviewlab's default against three baselines.

1. danluu.jsonl (../shared/benchmarks/postmortems, read in place, never copied): all 190
   texts clustered, the 71 labelled ones scored against `label` by AMI and ARI, with
   unassigned (-1) counted as one cluster of its own.
   Baselines: TF-IDF + KMeans and MiniLM + KMeans given the true number of labels (mean of
   10 seeds), BERTopic's default pipeline (benchmark-only dependency) on the same embeddings.
2. The sample archive: AMI against data/sample_planted_themes.csv, over the planted
   contributions only (what tests/analysis holds) and over all, unplanted ones as "none".

The consensus option (find_themes(method="consensus"), THEMES.md round 3) is reported beside the default.

3. Noise (THEMES.md round 4): one figure on 71 labelled texts moves by about 0.05 when a fifth of
   the collection changes, so each set is also re-clustered on paired subsamples (danluu: 80 % of
   the texts, `--subsamples` times; sample: 32 of the 40 reviews, a third as many times) and the
   mean with its standard error is printed. Differences smaller than about twice that error are
   not differences.

`--model` scores any sentence-transformers model (a name or a local folder) instead of the bundled
all-MiniLM-L6-v2; the incident facets are embedded with the same model.

Run: HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/theme_quality.py   (about 4 minutes on 2 cores;
     --subsamples 0 skips step 3, about 2 minutes)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from sklearn.metrics import adjusted_mutual_info_score as ami  # noqa: E402
from sklearn.metrics import adjusted_rand_score as ari  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DANLUU = Path(os.environ.get("DANLUU", ROOT.parent / "shared/benchmarks/postmortems/danluu.jsonl"))


def score(y, labels) -> tuple[float, float]:
    return ami(y, labels), ari(y, labels)


def baselines(texts: list[str], vectors: np.ndarray, y, mask, k: int, kmeans_row: str) -> dict[str, tuple[float, float]]:
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer

    out = {}
    tfidf = TfidfVectorizer(stop_words="english").fit_transform(texts)
    for name, x in (("TF-IDF + KMeans (k=true)", tfidf), (kmeans_row, vectors)):
        runs = [score(y, KMeans(k, n_init=1, random_state=s).fit_predict(x)[mask]) for s in range(10)]
        out[name] = tuple(np.mean(runs, axis=0))
    try:
        from bertopic import BERTopic
    except ModuleNotFoundError:
        print("  (bertopic not installed: pip install bertopic; its row is left out)")
        return out
    topics, _ = BERTopic().fit_transform(texts, embeddings=vectors)
    out["BERTopic default"] = score(y, np.asarray(topics)[mask])
    return out


SUBSAMPLE_METHODS = {
    "reviewlab default (auto)": {},
    "reviewlab auto, facets=None": {"facets": None},
    "reviewlab method=consensus": {"method": "consensus"},
}


def _mean_se(values: list[float]) -> str:
    if len(values) < 2:  # one round has no spread to report
        return f"{np.mean(values):.3f} (one round, no standard error)"
    return f"{np.mean(values):.3f} +- {np.std(values, ddof=1) / np.sqrt(len(values)):.3f}"


def danluu_subsamples(frame: pd.DataFrame, model, cache, k: int, rounds: int, kmeans_row: str) -> None:
    """Paired 80 % subsamples: every method sees the same texts in each round."""
    from sklearn.cluster import KMeans

    from reviewlab.analysis import embed, find_themes

    rng = np.random.default_rng(0)
    vectors = embed(frame["text"].tolist(), model, cache=cache)
    scores: dict[str, list[float]] = {name: [] for name in [*SUBSAMPLE_METHODS, kmeans_row]}
    for _ in range(rounds):
        keep = rng.random(len(frame)) < 0.8
        part = frame[keep]
        mask = part["labelled"].to_numpy(bool)
        y = part.loc[mask, "label"].to_numpy()
        for name, options in SUBSAMPLE_METHODS.items():
            labels = find_themes(part, model=model, cache=cache, **options).assignments["theme"].to_numpy()
            scores[name].append(ami(y, labels[mask]))
        km = KMeans(k, n_init=1, random_state=0).fit_predict(vectors[keep])
        scores[kmeans_row].append(ami(y, km[mask]))
    print(f"  re-clustered on {rounds} paired subsamples of 80 % of the texts: mean AMI +- standard error")
    for name, values in scores.items():
        print(f"  {name:32s} {_mean_se(values)}")


def danluu(model, rounds: int, kmeans_row: str) -> None:
    from reviewlab.analysis import MemoryCache, embed, find_themes

    rows = [json.loads(line) for line in DANLUU.read_text().splitlines() if line.strip()]
    frame = pd.DataFrame(rows)
    frame["review_id"] = frame["id"]  # one postmortem per text
    mask = frame["labelled"].to_numpy(bool)
    y = frame.loc[mask, "label"].to_numpy()
    texts = frame["text"].tolist()
    cache = MemoryCache()
    vectors = embed(texts, model, cache=cache)
    print(f"danluu: {len(frame)} texts, {mask.sum()} labelled, {len(set(y))} labels")
    results = {}
    start = time.perf_counter()
    result = find_themes(frame, model=model, cache=cache)
    took = time.perf_counter() - start
    labels = result.assignments["theme"].to_numpy()
    results["reviewlab default (auto)"] = score(y, labels[mask])
    print(f"  reviewlab: {len(result.themes)} themes, {np.mean(labels == -1):.0%} unassigned, {took:.2f}s (cached)")
    off = find_themes(frame, model=model, cache=cache, facets=None).assignments["theme"].to_numpy()
    results["reviewlab auto, facets=None"] = score(y, off[mask])
    cons = find_themes(frame, model=model, cache=cache, method="consensus").assignments["theme"].to_numpy()
    results["reviewlab method=consensus"] = score(y, cons[mask])
    for k in (len(set(y)), 10):
        lab = find_themes(frame, model=model, cache=cache, n_themes=k).assignments["theme"].to_numpy()
        results[f"reviewlab n_themes={k}"] = score(y, lab[mask])
    results.update(baselines(texts, vectors, y, mask, len(set(y)), kmeans_row))
    print(f"  {'method':32s}   AMI    ARI")
    for name, (a, r) in results.items():
        print(f"  {name:32s} {a:6.3f} {r:6.3f}")
    best_baseline = max(a for n, (a, _) in results.items() if not n.startswith("reviewlab"))
    a = results["reviewlab default (auto)"][0]
    print(f"  goal AMI >= 0.25 and above every baseline ({best_baseline:.3f}): {'MET' if a >= 0.25 and a > best_baseline else 'NOT MET'}")
    if rounds:
        danluu_subsamples(frame, model, cache, len(set(y)), rounds, kmeans_row)


def sample(model, rounds: int) -> None:
    from reviewlab import open_archive
    from reviewlab.analysis import find_themes
    from reviewlab.sample import build_sample, planted_themes, sample_dir

    try:
        truth = planted_themes()
    except FileNotFoundError:
        truth = pd.concat([pd.read_csv(p) for p in sorted((sample_dir() / "planted").glob("*.csv"))])
    with open_archive(":memory:") as archive:
        build_sample(archive)
        frame = archive.contributions_frame()
        planted = frame["contribution_id"].map(dict(zip(truth["contribution_id"], truth["theme"], strict=True)))
        planted = planted.fillna("none").to_numpy()
        result = find_themes(frame, model=model, cache=archive)
        without = find_themes(frame, model=model, cache=archive, facets=None).assignments["theme"].to_numpy()
        consensus = find_themes(frame, model=model, cache=archive, method="consensus")
        subsample_scores = sample_subsamples(frame, planted, model, archive, rounds)
    labels = result.assignments["theme"].to_numpy()
    themed = planted != "none"
    print(f"sample archive: {len(frame)} contributions in {frame['review_id'].nunique()} reviews, "
          f"{themed.sum()} planted in {len(set(planted[themed]))} themes; found {len(result.themes)} themes")
    print(f"  AMI over planted contributions only (the test's figure): {ami(planted[themed], labels[themed]):.3f}"
          f"  ARI {ari(planted[themed], labels[themed]):.3f}   goal >= 0.6")
    print(f"  AMI over all contributions, unplanted = 'none':          {ami(planted, labels):.3f}")
    print(f"  without incident facets (facets=None), planted only:     {ami(planted[themed], without[themed]):.3f}")
    cons = consensus.assignments["theme"].to_numpy()
    print(f"  method='consensus' (an option), planted only:            {ami(planted[themed], cons[themed]):.3f}"
          f"  ({len(consensus.themes)} themes)")


    if subsample_scores:
        print(f"  re-clustered on {rounds} paired subsamples of 32 of the 40 reviews: mean AMI (planted) +- standard error")
        for name, values in subsample_scores.items():
            print(f"  {name:32s} {_mean_se(values)}")


def sample_subsamples(frame: pd.DataFrame, planted: np.ndarray, model, cache, rounds: int) -> dict[str, list[float]]:
    from reviewlab.analysis import find_themes

    rng = np.random.default_rng(0)
    reviews = frame["review_id"].unique()
    scores: dict[str, list[float]] = {name: [] for name in SUBSAMPLE_METHODS}
    for _ in range(rounds):
        keep = frame["review_id"].isin(rng.choice(reviews, size=len(reviews) * 4 // 5, replace=False)).to_numpy()
        themed = planted[keep] != "none"
        for name, options in SUBSAMPLE_METHODS.items():
            labels = find_themes(frame[keep], model=model, cache=cache, **options).assignments["theme"].to_numpy()
            scores[name].append(ami(planted[keep][themed], labels[themed]))
    return scores


def main(argv: list[str] | None = None) -> int:
    from reviewlab.analysis import load_model

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default=None, help="a sentence-transformers name or folder (default: bundled MiniLM)")
    parser.add_argument("--subsamples", type=int, default=45, help="danluu subsample rounds (sample: a third); 0 skips")
    args = parser.parse_args(argv)
    model = load_model(args.model)
    print(f"model: {args.model or 'bundled all-MiniLM-L6-v2'}")
    danluu(model, args.subsamples, "embeddings + KMeans (k=true)" if args.model else "MiniLM + KMeans (k=true)")
    sample(model, args.subsamples // 3)
    return 0


if __name__ == "__main__":
    sys.exit(main())
