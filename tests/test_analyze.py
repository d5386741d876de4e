"""The analysis stage: spaCy's parse with quizgen's entity corrections."""

from __future__ import annotations

from quizgen.analyze import analyze
from quizgen.ingest import read_article
from tests.conftest import SEEDS

SEED = read_article(next(SEEDS.glob("*.txt")))


def entities(text: str) -> set[tuple[str, str]]:
    doc = next(analyze([text]))
    return {(e.text, e.label_) for e in doc.ents}


def test_the_seed_countries_are_places_not_people():
    found = entities(SEED.text)
    for country in ("Mali", "Niger", "Burkina Faso", "Russia"):
        assert (country, "GPE") in found
        assert (country, "PERSON") not in found
    assert ("the Alliance of Sahel States", "ORG") in found
    assert ("Sahel", "LOC") in found
    assert ("Ilya Tarasenko", "PERSON") in found


def test_the_headline_is_not_analysed_with_the_text():
    doc = next(analyze([SEED.text]))
    assert not doc.text.startswith(SEED.title)
    assert "Russian Relations" not in {e.text for e in doc.ents}


def test_place_names_do_not_swallow_people_or_organisations():
    found = entities("Chad Johnson visited the University of Niger in Bamako with Malian officials.")
    assert ("Chad Johnson", "PERSON") in found
    assert ("the University of Niger", "ORG") in found
    assert ("Bamako", "GPE") in found
    assert ("Malian", "NORP") in found


def test_numbers_without_a_currency_are_not_money():
    found = entities("Floods displaced an additional 4 million civilians and cost $30 million.")
    assert ("4 million", "CARDINAL") in found
    assert ("$30 million", "MONEY") in found


def test_several_processes_give_the_same_parse():
    texts = [SEED.text, "Mali and Niger signed the deal on Monday."] * 2
    one = [[(e.text, e.label_) for e in d.ents] for d in analyze(texts)]
    two = [[(e.text, e.label_) for e in d.ents] for d in analyze(texts, n_process=2)]
    assert one == two


def test_a_disease_is_no_person_or_organisation():
    doc = next(analyze(["Katalin Karikó shared the prize for work that led to vaccines against COVID-19 and Ebola."]))
    assert not [ent.text for ent in doc.ents if "COVID-19" in ent.text or "Ebola" in ent.text]
    assert "Katalin Karikó" in [ent.text for ent in doc.ents if ent.label_ == "PERSON"]
