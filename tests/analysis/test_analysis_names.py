"""Names out of texts (`strip_names`), the blended theme vectors, and find_themes' names_weight."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewlab.analysis import (
    AnalysisError,
    MemoryCache,
    find_themes,
    similar_to_text,
    theme_vectors,
)
from reviewlab.analysis.names import NAMES_MAX_SHARE, NamesViewWarning, strip_names, text_shares
from reviewlab.analysis.testing import KeywordEmbedder


@pytest.mark.parametrize(("text", "expected"), [
    # people, companies and products in the middle of a sentence go
    ("We paged Dana and then Yuki.", "We paged and then."),
    ("Traffic from Cloudflare dropped to zero.", "Traffic from dropped to zero."),
    # identifiers: hosts, files, settings, channels, versions
    ("The change to payments.yaml reached replica-1 first.", "The change to reached first."),
    ("Someone set max_db_connections=100 in #sre.", "Someone set in."),
    ("Nodes on k8s and S3 were fine.", "Nodes on and were fine."),
    # camel case anywhere, even at the start of a sentence
    ("PagerDuty paged nobody.", "paged nobody."),
    # kept: acronyms, "I", the first word of a sentence, times and numbers without letters
    ("I'm sure DNS and BGP were fine. Nobody knew at 02:40 that 3,400 calls failed.",
     "I'm sure DNS and BGP were fine. Nobody knew at 02:40 that 3,400 calls failed."),
])
def test_strip_names(text: str, expected: str) -> None:
    assert strip_names(text) == expected


def test_a_text_of_names_only_is_kept_whole() -> None:
    assert strip_names("checkout-api") == "checkout-api"
    assert strip_names("") == ""


@given(st.text(max_size=300))
def test_strip_names_never_raises_and_never_adds_words(text: str) -> None:
    out = strip_names(text)
    assert isinstance(out, str)
    assert len(out.split()) <= len(text.split())


def test_blend_draws_texts_about_the_same_thing_together() -> None:
    model = KeywordEmbedder(dim=256)
    pair = ["The DNS servers of Acme stopped answering", "The DNS servers of Globex stopped answering"]
    plain = theme_vectors(pair, model, names_weight=0)
    blended = theme_vectors(pair, model)
    only_stripped = theme_vectors(pair, model, names_weight=1)
    assert plain[0] @ plain[1] < blended[0] @ blended[1] < only_stripped[0] @ only_stripped[1] + 1e-6
    np.testing.assert_allclose(np.linalg.norm(blended, axis=1), 1, rtol=1e-5)


def test_texts_without_names_are_embedded_once() -> None:
    model = KeywordEmbedder()
    cache = MemoryCache()
    theme_vectors(["the disk was full", "the pager was late"], model, cache=cache)
    assert model.calls == 2  # nothing to strip: no second view
    theme_vectors(["the disk of Acme was full"], model, cache=cache)
    assert model.calls == 4  # as written, and without "Acme"
    theme_vectors(["the disk of Acme was full"], model, cache=cache)
    assert model.calls == 4  # both views cached


def test_names_weight_is_checked() -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        theme_vectors(["x"], KeywordEmbedder(), names_weight=1.5)
    with pytest.raises(AnalysisError, match="between 0 and 1"):
        find_themes(pd.DataFrame({"text": ["a b c"] * 4}), model=KeywordEmbedder(), names_weight=-0.1)


def test_themes_form_around_what_happened_not_whose_system() -> None:
    # each company's two texts share its names; the incidents share what happened
    companies = ["Acme", "Globex", "Initech", "Umbrella"]
    texts = [f"Shoppers of {c}, {c}Pay and {c}Shop saw errors: a certificate expired" for c in companies] + \
            [f"Shoppers of {c}, {c}Pay and {c}Shop saw errors: a power outage" for c in companies]
    frame = pd.DataFrame({"text": texts, "review_id": [f"r{i}" for i in range(len(texts))]})
    model = KeywordEmbedder(dim=256)
    as_written = find_themes(frame, model=model, names_weight=0, facets=None, min_size=2)
    labels = as_written.assignments["theme"].tolist()
    assert labels[:4] == labels[4:] and len(set(labels)) == 4  # one theme per company
    blended = find_themes(frame, model=model, facets=None, min_size=2)
    labels = blended.assignments["theme"].tolist()
    assert labels[:4] == [labels[0]] * 4 and labels[4:] == [labels[4]] * 4 and labels[0] != labels[4]
    assert blended.names_weight == 0.5 and as_written.names_weight == 0.0


def test_new_text_is_embedded_like_the_result(fake_model) -> None:
    frame = pd.DataFrame({"text": ["the disk of Acme was full", "the disk was full again",
                                   "a pager alert at Globex came late", "the pager alert came late"],
                          "review_id": ["r1", "r1", "r2", "r2"]})
    result = find_themes(frame, model=fake_model, facets=None, min_size=2)
    np.testing.assert_allclose(result.embed_like(["the disk of Acme was full"])[0], result.embeddings[0], rtol=1e-5)
    assert similar_to_text(result, "disk full at Initech", top=1)["review_id"].iloc[0] == "r1"
    precomputed = find_themes(frame, embeddings=result.embeddings, min_size=2)
    assert precomputed.names_weight == 0.0
    with pytest.raises(AnalysisError, match="precomputed"):
        precomputed.embed_like(["x"])
    with pytest.raises(AnalysisError, match="pass the model to find_themes"):
        similar_to_text(precomputed, "disk full")


GERMAN = ["Der Datenbankserver ist nach dem Update ausgefallen und die Replikation lief nicht mehr.",
          "Wir haben die Konfiguration in allen Regionen gleichzeitig ausgerollt.",
          "Die Alarme kamen zu spät, weil das Monitoring die Fehlerrate falsch gemessen hat.",
          "Nur eine Person kannte das alte Abrechnungssystem, und sie war im Urlaub.",
          "Das Zertifikat ist abgelaufen und niemand hat die Warnung gesehen.",
          "Die Replikation der Datenbank hing nach dem Update eine Stunde hinterher."]


def test_names_view_is_left_out_for_text_that_capitalises_its_nouns() -> None:
    """German capitalises every noun: the names view would strip them, so it is left out, with a warning."""
    frame = pd.DataFrame({"text": GERMAN})
    with pytest.warns(NamesViewWarning, match="not in English"):
        result = find_themes(frame, model=KeywordEmbedder(), facets=None, min_size=2)
    assert result.names_weight == 0.0
    plain = find_themes(frame, model=KeywordEmbedder(), facets=None, min_size=2, names_weight=0)
    assert result.assignments["theme"].tolist() == plain.assignments["theme"].tolist()


def test_names_view_stays_for_english_full_of_names(recwarn) -> None:
    texts = [f"Shoppers of {c}, {c}Pay and {c}Shop saw errors: a certificate expired"
             for c in ["Acme", "Globex", "Initech", "Umbrella"]]
    assert text_shares(texts)[0] > NAMES_MAX_SHARE  # many names, but English
    result = find_themes(pd.DataFrame({"text": texts}), model=KeywordEmbedder(), facets=None, min_size=2)
    assert result.names_weight == 0.5
    assert not [w for w in recwarn if issubclass(w.category, NamesViewWarning)]


def test_names_weight_must_be_a_number() -> None:
    with pytest.raises(AnalysisError, match="a number between 0 and 1; got 'abc'"):
        find_themes(pd.DataFrame({"text": ["a b c"] * 4}), model=KeywordEmbedder(), names_weight="abc")
