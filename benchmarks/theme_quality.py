"""Theme quality, side by side in one run: reviewlab's default against baselines, on three labelled sets.

1. danluu.jsonl (../shared/benchmarks/postmortems, read in place, never copied): all 190
   texts clustered, the 71 labelled ones scored against `label` by AMI and ARI, with
   unassigned (-1) counted as one cluster of its own.
   Baselines: TF-IDF + KMeans and MiniLM + KMeans given the true number of labels (mean of
   10 seeds), BERTopic's default pipeline (benchmark-only dependency) on the same embeddings.
2. issre22_a.jsonl (ISSRE-A, same folder, since round 6): 156 root-cause texts of public cloud
   incidents, all clustered and scored against `label_theme` (17 human categories), as danluu.
3. The sample archive: AMI against data/sample_planted_themes.csv, over the planted
   contributions only (what tests/analysis holds) and over all, unplanted ones as "none";
   and with questions (and repair items) left out of the themes (issue 16).

The names view is made both ways on every set and scored on the same subsamples: two passes (the
stripped text embedded again, main before round 6) and names-out pooling (one forward pass, the
default since round 6). The consensus option (find_themes(method="consensus"), THEMES.md round 3)
is reported beside the default.

Noise (THEMES.md round 4): one figure on 71 labelled texts moves by about 0.05 when a fifth of
the collection changes, so each set is also re-clustered on paired subsamples (danluu and ISSRE-A:
80 % of the texts, `--subsamples` times; sample: 32 of the 40 reviews, a third as many times) and
the mean with its standard error is printed, and paired differences with theirs. Differences
smaller than about twice that error are not differences.

`--model` scores any sentence-transformers model (a name or a local folder) instead of the bundled
all-MiniLM-L6-v2; the incident facets are embedded with the same model.

Run: HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/theme_quality.py   (about 8 minutes on 2 cores;
     --pooling-only about 4; --subsamples 0 skips the subsamples)
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
# ../shared beside the repository (a worktree one level deeper finds the one beside its parent)
SHARED = next((d / "shared/benchmarks/postmortems" for d in ROOT.parents if (d / "shared/benchmarks").is_dir()),
              ROOT.parent / "shared/benchmarks/postmortems")
DANLUU = Path(os.environ.get("DANLUU", SHARED / "danluu.jsonl"))
ISSRE = Path(os.environ.get("ISSRE", SHARED / "issre22_a.jsonl"))


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
"""Methods re-clustered on the paired subsamples; `--pooling-only` keeps the default alone."""

POOLINGS = ("two-pass", "auto")
"""The names view before round 6 (the stripped text embedded in a second pass) and after (names-out
pooling from one forward pass), both scored on the same subsamples."""

SAMPLE_KIND_VARIANTS = {
    "all kinds (main)": (),
    "questions left out": ("question",),
    "questions and repair items left out": ("question", "repair_item"),
}
"""Contributions left out of themes on the sample (issue 16: questions never form factor themes,
repair items get their own view); the planted contributions are never of these kinds, so every
variant is scored on the same 162 texts."""


def _mean_se(values: list[float]) -> str:
    if len(values) < 2:  # one round has no spread to report
        return f"{np.mean(values):.3f} (one round, no standard error)"
    return f"{np.mean(values):.3f} +- {np.std(values, ddof=1) / np.sqrt(len(values)):.3f}"


def _paired(a: list[float], b: list[float]) -> str:
    d = np.asarray(b) - np.asarray(a)
    if len(d) < 2:
        return f"{d.mean():+.3f}"
    return f"{d.mean():+.3f} +- {np.std(d, ddof=1) / np.sqrt(len(d)):.3f}"


def views(texts: list[str], model, cache) -> dict[str, np.ndarray]:
    """Theme vectors of every text, names view made each way (a row per text: subsets slice it)."""
    from reviewlab.analysis import theme_vectors

    return {p: theme_vectors(texts, model, cache=cache, pooling=p, progress=False) for p in POOLINGS}


def themes_with(frame: pd.DataFrame, vectors: np.ndarray, model, cache, **options) -> np.ndarray:
    """find_themes on precomputed theme vectors (facets still embedded with `model`): the default path."""
    from reviewlab.analysis import find_themes

    return find_themes(frame, embeddings=vectors, model=model, cache=cache, **options).assignments["theme"].to_numpy()


LABELLED_SETS = {
    "danluu": (DANLUU, "label", 0.25),
    "ISSRE-A": (ISSRE, "label_theme", 0.30),
}


def load_set(name: str) -> pd.DataFrame:
    path, column, _ = LABELLED_SETS[name]
    frame = pd.DataFrame([json.loads(line) for line in path.read_text().splitlines() if line.strip()])
    frame["review_id"] = frame["id"]  # one postmortem per text
    frame["truth"] = frame[column]
    if "labelled" not in frame:
        frame["labelled"] = True
    frame["labelled"] = frame["labelled"].astype(bool) & frame["truth"].notna()
    return frame


def public_subsamples(frame: pd.DataFrame, vectors: dict[str, np.ndarray], model, cache, k: int, rounds: int,
                      kmeans_row: str, methods: dict[str, dict]) -> None:
    """Paired 80 % subsamples: every method sees the same texts in each round."""
    from sklearn.cluster import KMeans

    from reviewlab.analysis import find_themes

    rng = np.random.default_rng(0)
    names = [f"default, names view {p}" for p in POOLINGS] + [n for n in methods if n != "reviewlab default (auto)"]
    scores: dict[str, list[float]] = {name: [] for name in [*names, kmeans_row]}
    for _ in range(rounds):
        keep = rng.random(len(frame)) < 0.8
        part = frame[keep]
        mask = part["labelled"].to_numpy(bool)
        y = part.loc[mask, "truth"].to_numpy()
        for p in POOLINGS:
            labels = themes_with(part, vectors[p][keep], model, cache)
            scores[f"default, names view {p}"].append(ami(y, labels[mask]))
        for name, options in methods.items():
            if name == "reviewlab default (auto)":
                continue
            labels = find_themes(part, model=model, cache=cache, **options).assignments["theme"].to_numpy()
            scores[name].append(ami(y, labels[mask]))
        km = KMeans(k, n_init=1, random_state=0).fit_predict(vectors["auto"][keep])
        scores[kmeans_row].append(ami(y, km[mask]))
    print(f"  re-clustered on {rounds} paired subsamples of 80 % of the texts: mean AMI +- standard error")
    for name, values in scores.items():
        print(f"  {name:40s} {_mean_se(values)}")
    print(f"  {'pooling (auto) minus two-pass, paired':40s} {_paired(*(scores[f'default, names view {p}'] for p in POOLINGS))}")


def public_set(name: str, model, rounds: int, kmeans_row: str, methods: dict[str, dict], full_extras: bool) -> None:
    from reviewlab.analysis import MemoryCache, find_themes

    frame = load_set(name)
    goal = LABELLED_SETS[name][2]
    mask = frame["labelled"].to_numpy(bool)
    y = frame.loc[mask, "truth"].to_numpy()
    texts = frame["text"].tolist()
    cache = MemoryCache()
    vectors = views(texts, model, cache)
    print(f"{name}: {len(frame)} texts, {mask.sum()} labelled, {len(set(y))} labels")
    results = {}
    start = time.perf_counter()
    result = find_themes(frame, model=model, cache=cache)
    took = time.perf_counter() - start
    labels = result.assignments["theme"].to_numpy()
    same = np.array_equal(labels, themes_with(frame, vectors["auto"], model, cache))
    print(f"  reviewlab: {len(result.themes)} themes, {np.mean(labels == -1):.0%} unassigned, {took:.2f}s (cached); "
          f"the benchmark's precomputed path gives the same themes: {same}")
    results["reviewlab default (auto)"] = score(y, labels[mask])
    two = themes_with(frame, vectors["two-pass"], model, cache)
    results["default, names view two-pass (main)"] = score(y, two[mask])
    if full_extras:
        off = find_themes(frame, model=model, cache=cache, facets=None).assignments["theme"].to_numpy()
        results["reviewlab auto, facets=None"] = score(y, off[mask])
        cons = find_themes(frame, model=model, cache=cache, method="consensus").assignments["theme"].to_numpy()
        results["reviewlab method=consensus"] = score(y, cons[mask])
        for k in (len(set(y)), 10):
            lab = find_themes(frame, model=model, cache=cache, n_themes=k).assignments["theme"].to_numpy()
            results[f"reviewlab n_themes={k}"] = score(y, lab[mask])
        results.update(baselines(texts, vectors["auto"], y, mask, len(set(y)), kmeans_row))
    print(f"  {'method':40s}   AMI    ARI")
    for row, (a, r) in results.items():
        print(f"  {row:40s} {a:6.3f} {r:6.3f}")
    base = [a for n, (a, _) in results.items() if not n.startswith(("reviewlab", "default"))]
    a = results["reviewlab default (auto)"][0]
    best = f" and above every baseline ({max(base):.3f})" if base else ""
    met = a >= goal and (not base or a > max(base))
    print(f"  goal AMI >= {goal}{best}: {'MET' if met else 'NOT MET'} (distance {goal - a:+.3f} on the full set)")
    if rounds:
        public_subsamples(frame, vectors, model, cache, len(set(y)), rounds, kmeans_row, methods)


def sample(model, rounds: int, methods: dict[str, dict], full_extras: bool) -> None:
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
        vectors = views(frame["text"].fillna("").astype(str).str.strip().tolist(), model, archive)
        result = find_themes(frame, model=model, cache=archive)
        labels = result.assignments["theme"].to_numpy()
        same = np.array_equal(labels, themes_with(frame, vectors["auto"], model, archive))
        two = themes_with(frame, vectors["two-pass"], model, archive)
        kinds = frame["kind"].to_numpy()
        by_kinds = {}
        for name, out in SAMPLE_KIND_VARIANTS.items():
            keep = ~np.isin(kinds, out)
            lab = np.full(len(frame), -1)
            lab[keep] = themes_with(frame[keep], vectors["auto"][keep], model, archive)
            by_kinds[name] = lab
        extras = {}
        if full_extras:
            extras["without incident facets (facets=None)"] = find_themes(
                frame, model=model, cache=archive, facets=None).assignments["theme"].to_numpy()
            consensus = find_themes(frame, model=model, cache=archive, method="consensus")
            extras[f"method='consensus' ({len(consensus.themes)} themes)"] = consensus.assignments["theme"].to_numpy()
        subsample_scores = sample_subsamples(frame, planted, vectors, model, archive, rounds, methods)
    themed = planted != "none"
    print(f"sample archive: {len(frame)} contributions in {frame['review_id'].nunique()} reviews, "
          f"{themed.sum()} planted in {len(set(planted[themed]))} themes; found {len(result.themes)} themes "
          f"(precomputed path the same: {same})")
    print(f"  AMI over planted contributions only (the test's figure): {ami(planted[themed], labels[themed]):.3f}"
          f"  ARI {ari(planted[themed], labels[themed]):.3f}   goal >= 0.6")
    print(f"  AMI over all contributions, unplanted = 'none':          {ami(planted, labels):.3f}")
    print(f"  names view two-pass (main), planted only:                {ami(planted[themed], two[themed]):.3f}")
    for name, lab in by_kinds.items():
        print(f"  {name + ', planted only:':56s} {ami(planted[themed], lab[themed]):.3f}")
    for name, lab in extras.items():
        print(f"  {name + ', planted only:':56s} {ami(planted[themed], lab[themed]):.3f}")
    if subsample_scores:
        print(f"  re-clustered on {rounds} paired subsamples of 32 of the 40 reviews: mean AMI (planted) +- standard error")
        for name, values in subsample_scores.items():
            print(f"  {name:40s} {_mean_se(values)}")
        first = subsample_scores["default, names view two-pass"]
        print(f"  {'pooling (auto) minus two-pass, paired':40s} {_paired(first, subsample_scores['default, names view auto'])}")
        for name in list(SAMPLE_KIND_VARIANTS)[1:]:
            print(f"  {(name + ' minus all kinds, paired'):40s} "
                  f"{_paired(subsample_scores['default, names view auto'], subsample_scores[name])}")


def sample_subsamples(frame: pd.DataFrame, planted: np.ndarray, vectors: dict[str, np.ndarray], model, cache,
                      rounds: int, methods: dict[str, dict]) -> dict[str, list[float]]:
    from reviewlab.analysis import find_themes

    rng = np.random.default_rng(0)
    reviews = frame["review_id"].unique()
    kinds = frame["kind"].to_numpy()
    names = ([f"default, names view {p}" for p in POOLINGS] + list(SAMPLE_KIND_VARIANTS)[1:]
             + [n for n in methods if n != "reviewlab default (auto)"])
    scores: dict[str, list[float]] = {name: [] for name in names}
    for _ in range(rounds):
        keep = frame["review_id"].isin(rng.choice(reviews, size=len(reviews) * 4 // 5, replace=False)).to_numpy()
        themed = planted[keep] != "none"
        for p in POOLINGS:
            labels = themes_with(frame[keep], vectors[p][keep], model, cache)
            scores[f"default, names view {p}"].append(ami(planted[keep][themed], labels[themed]))
        for name, out in list(SAMPLE_KIND_VARIANTS.items())[1:]:
            rows = keep & ~np.isin(kinds, out)
            labels = np.full(len(frame), -1)
            labels[rows] = themes_with(frame[rows], vectors["auto"][rows], model, cache)
            scores[name].append(ami(planted[keep][themed], labels[keep][themed]))
        for name, options in methods.items():
            if name == "reviewlab default (auto)":
                continue
            labels = find_themes(frame[keep], model=model, cache=cache, **options).assignments["theme"].to_numpy()
            scores[name].append(ami(planted[keep][themed], labels[themed]))
    return scores


def main(argv: list[str] | None = None) -> int:
    from reviewlab.analysis import load_model

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default=None, help="a sentence-transformers name or folder (default: bundled MiniLM)")
    parser.add_argument("--subsamples", type=int, default=45,
                        help="subsample rounds of danluu and ISSRE-A (sample: a third); 0 skips")
    parser.add_argument("--pooling-only", action="store_true",
                        help="subsamples compare the names view's two makings (and the sample's kinds) only: "
                             "no facets=None / consensus rounds, no baselines on the full sets (faster)")
    parser.add_argument("--sets", default="danluu,ISSRE-A,sample", help="comma-separated: danluu, ISSRE-A, sample")
    args = parser.parse_args(argv)
    model = load_model(args.model)
    methods = {} if args.pooling_only else SUBSAMPLE_METHODS
    sets = [s.strip() for s in args.sets.split(",")]
    print(f"model: {args.model or 'bundled all-MiniLM-L6-v2'}")
    kmeans_row = "embeddings + KMeans (k=true)" if args.model else "MiniLM + KMeans (k=true)"
    for name in LABELLED_SETS:
        if name in sets:
            public_set(name, model, args.subsamples, kmeans_row, methods, not args.pooling_only)
    if "sample" in sets:
        sample(model, args.subsamples // 3, methods, not args.pooling_only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
