"""Theme names: c-TF-IDF keywords per theme and a short label made of its top keyphrases."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

__all__ = ["keywords_per_theme", "make_label", "people_words"]

TOKEN_PATTERN = r"(?u)\b[A-Za-z][A-Za-z0-9_.+/-]*[A-Za-z0-9]\b"
"""Words that start with a letter; keeps names like `checkout-api`, `k8s`, `p99` whole."""

STOPWORDS = frozenset("""
a about above after again against all also am an and any are aren as at be because been before being
below between both but by can cannot could couldn did didn do does doesn doing don down during each
few for from further had hadn has hasn have haven having he her here hers herself him himself his how
i if in into is isn it its itself just let ll me more most my myself no nor not now of off on once
only or other ought our ours ourselves out over own re same shan she should shouldn so some such than
that the their theirs them themselves then there these they this those through to too under until up
us ve very was wasn we were weren what when where which while who whom why will with won would
wouldn you your yours yourself yourselves got get gets really thing things lot like able one two
across afterwards almost along already although always among amongst another anyhow anyone anything
anyway anywhere around became become becomes becoming beforehand behind beside besides beyond cant
couldnt eg either else elsewhere enough etc even ever every everyone everything everywhere except
former formerly hence however ie indeed latter least less many may meanwhile might mine moreover
mostly much must namely neither never nevertheless nobody none noone nothing nowhere often onto
others otherwise per perhaps please rather seem seemed seems several since somehow someone something
sometime sometimes somewhere still therefore though throughout thus together toward towards upon via
whatever whenever whereas whether whoever whose within without yet
honestly basically actually probably maybe okay ok yeah yes sure guess quite pretty bit
""".split())
"""Function words, and the hedges and fillers of talk ("honestly", "basically", "yeah"), which
reviews transcribed as people speak are full of. scikit-learn's English list also drops words
such as "fire", "full", "system" and "bottom", which name real themes in incident reviews."""

CLOCK_WORDS = frozenset("""
monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night tonight
today yesterday tomorrow minute minutes hour hours seconds day days week weeks
one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty
sixty ninety hundred half quarter
""".split())
"""Words of clock and calendar. Incident narratives are full of them ("at nine on Tuesday morning,
twenty minutes later") and they never name a theme, so keywords leave them out."""


def _terms(text: str, stop: frozenset[str]) -> list[str]:
    """Words and two-word phrases of a text; a phrase is two words that stand next to each other
    in the text, neither of them a stop word (removing stop words first would join words that
    were never neighbours: "know on Tuesday what we know" would give "know know")."""
    tokens = re.findall(TOKEN_PATTERN, text.lower())
    keep = [t not in stop for t in tokens]
    words = [t for t, k in zip(tokens, keep, strict=True) if k]
    pairs = [f"{a} {b}" for a, b, ka, kb in zip(tokens, tokens[1:], keep, keep[1:]) if ka and kb]
    return words + pairs


def people_words(people: Iterable[object], texts: Sequence[str] = ()) -> frozenset[str]:
    """The lower-case words of people's names that `texts` use as names, for `keywords_per_theme`.

    A word of a name counts when the texts write it capitalised more often than in lower case
    ("Dana knew the job" -> dana): a surname that is also a word ("Will Page" and "the status
    page") stays a keyword. With no texts, every word of every name counts.

    Examples:
        >>> sorted(people_words(["Dana Whitfield", "Lucía Fernández", None, "  "]))
        ['dana', 'fernández', 'lucía', 'whitfield']
        >>> sorted(people_words(["Dana Page"], ["Dana checked the status page", "the page was stale"]))
        ['dana']
    """
    words = {w for p in people if isinstance(p, str) for w in re.findall(r"\w+", p.lower())}
    if not texts or not words:
        return frozenset(words)
    capitalised: dict[str, int] = dict.fromkeys(words, 0)
    lower: dict[str, int] = dict.fromkeys(words, 0)
    for text in texts:
        for token in re.findall(r"\w+", str(text)):
            low = token.lower()
            if low in capitalised:
                if token == low:
                    lower[low] += 1
                else:
                    capitalised[low] += 1
    return frozenset(w for w in words if capitalised[w] >= lower[w])


def keywords_per_theme(texts: Sequence[str], labels: np.ndarray, *, top: int = 8,
                       exclude: Iterable[str] = ()) -> dict[int, list[str]]:
    """The `top` most distinctive words and two-word phrases of each theme (class-based TF-IDF).

    Terms are words and phrases of two neighbouring words, stop words (`STOPWORDS`), words of
    clock and calendar (`CLOCK_WORDS`) and the words of `exclude` left out. Each theme's texts are
    joined into one document; a term scores its frequency in the theme times
    log(1 + average words per theme / its frequency over all themes), as BERTopic's c-TF-IDF.
    Texts with label -1 count as their own background document, so common words rank low.

    Arguments:
        texts: the texts.
        labels: a theme per text (-1 for none).
        top: how many keywords per theme.
        exclude: lower-case words that never name a theme; `find_themes` passes the participants'
            names (`people_words`): a theme is what happened, not who was there.

    Returns:
        {theme: [keyword, ...]} for every theme >= 0.

    Examples:
        >>> import numpy as np
        >>> kw = keywords_per_theme(["disk full on db", "disk full again", "pager alert late", "alert was late"],
        ...                         np.array([0, 0, 1, 1]), top=2)
        >>> kw[0], kw[1]
        (['disk', 'disk full'], ['alert', 'late'])
    """
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer

    labels = np.asarray(labels)
    themes = sorted(int(t) for t in set(labels.tolist()) if t >= 0)
    if not themes:
        return {}
    stop = STOPWORDS | CLOCK_WORDS | frozenset(w.lower() for w in exclude)
    vectorizer = CountVectorizer(analyzer=lambda text: _terms(text, stop), min_df=1, dtype=np.float32)
    try:
        counts = vectorizer.fit_transform([str(t) for t in texts])
    except ValueError:  # only stop words, numbers or punctuation
        return {t: [] for t in themes}
    from scipy.sparse import csr_matrix

    index = {t: i for i, t in enumerate(themes)}
    rows = np.array([index.get(int(t), len(themes)) for t in labels])
    onehot = csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, np.arange(len(rows)))),
                        shape=(len(themes) + 1, len(rows)))
    per_theme = np.asarray((onehot @ counts).todense())
    tf = per_theme / np.maximum(per_theme.sum(axis=1, keepdims=True), 1)
    avg_words = per_theme.sum() / per_theme.shape[0]
    idf = np.log1p(avg_words / np.maximum(per_theme.sum(axis=0), 1))
    # a keyword must recur: at least two texts of the theme, or it names one text, not a theme
    doc_freq = np.asarray((onehot @ (counts > 0).astype(np.float32)).todense())
    score = tf * idf * (doc_freq >= np.minimum(2, np.bincount(rows, minlength=len(themes) + 1)[:, None]))
    terms = vectorizer.get_feature_names_out()
    out: dict[int, list[str]] = {}
    for t, i in index.items():
        order = np.lexsort((terms, -score[i]))  # ties broken alphabetically: deterministic
        out[t] = [str(terms[j]) for j in order[:top] if score[i, j] > 0]
    return out


def make_label(keywords: Sequence[str], *, parts: int = 3) -> str:
    """A short readable name from keywords: the best phrases, none repeating another's words.

    A single word is replaced by the first listed phrase that contains it ("disk" -> "disk full"):
    phrases read better, and c-TF-IDF often ranks a word just above its own phrase.

    Examples:
        >>> make_label(["disk", "disk full", "pager"])
        'disk full / pager'

        >>> make_label(["config change", "config", "rollout", "canary", "change"])
        'config change / rollout / canary'
        >>> make_label([])
        '(no keywords)'
    """
    chosen: list[str] = []
    seen: set[str] = set()
    for phrase in keywords:
        if " " not in phrase:
            phrase = next((k for k in keywords if " " in k and phrase in k.split()), phrase)
        words = set(re.findall(r"\w[\w.+/-]*", phrase.lower()))
        if not words or words <= seen:
            continue
        chosen.append(phrase)
        seen |= words
        if len(chosen) == parts:
            break
    return " / ".join(chosen) if chosen else "(no keywords)"
