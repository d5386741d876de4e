"""The language check: real paragraphs in other languages are refused, English of any shape is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.ingest.language import is_english

LANGUAGES = Path(__file__).parent / "data" / "languages"
NEWS = Path(__file__).parent / "data" / "news"
FOREIGN = sorted(path for path in LANGUAGES.glob("*.txt") if path.stem != "en")


def _paragraphs(path: Path) -> list[str]:
    return [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]


def test_the_set_covers_at_least_fifteen_languages():
    assert len(FOREIGN) >= 15
    assert {"it", "pt", "pl", "da", "ro", "fr", "de", "es", "nl"} <= {path.stem for path in FOREIGN}


@pytest.mark.parametrize("path", FOREIGN, ids=lambda path: path.stem)
def test_every_paragraph_in_another_language_is_refused(path: Path):
    for paragraph in _paragraphs(path):
        english, why = is_english(paragraph)
        assert not english, paragraph[:80]
        assert why
    english, _ = is_english("\n".join(_paragraphs(path)))
    assert not english


def test_italian_is_named_in_the_reason():
    english, why = is_english(_paragraphs(LANGUAGES / "it.txt")[0])
    assert (english, why) == (False, "reads as Italian")


@pytest.mark.parametrize("path", [LANGUAGES / "en.txt", *sorted(NEWS.glob("*.txt"))], ids=lambda path: path.stem)
def test_english_prose_passes(path: Path):
    for paragraph in _paragraphs(path):
        assert is_english(paragraph) == (True, ""), paragraph[:80]
    assert is_english(path.read_text(encoding="utf-8")) == (True, "")


@pytest.mark.parametrize(
    "text",
    [
        # A table of names and figures, as the HTML and Word readers write one.
        "\n".join(
            ["Country; Capital; Population (millions); Leader"]
            + [
                f"{country}; {capital}; {size}; {leader}"
                for country, capital, size, leader in [
                    ("Mali", "Bamako", 22, "Assimi Goita"),
                    ("Niger", "Niamey", 26, "Abdourahamane Tiani"),
                    ("Burkina Faso", "Ouagadougou", 23, "Ibrahim Traore"),
                    ("Senegal", "Dakar", 18, "Bassirou Diomaye Faye"),
                    ("Chad", "N'Djamena", 18, "Mahamat Deby"),
                ]
            ]
        ),
        # A list of short points.
        "Key points\nTalks resume on Monday\nPrices rose 4%\nThe vote is set for June\nTurnout was low\n"
        "Ministers met in Geneva\nA deal is expected by Friday\nUnions back the plan\nThe bill passed 52-48",
        # A short text.
        "Markets closed higher.",
        # Results with many names and numbers.
        "Results: Kipchoge (KEN) 2:01:09, Bekele (ETH) 2:01:41, Kiplagat (KEN) 2:02:57, Lemma (ETH) 2:03:36, "
        "Farah (GBR) 2:05:11, Tola (ETH) 2:05:57, Mutai (KEN) 2:06:30, Desisa (ETH) 2:07:01.",
    ],
)
def test_english_tables_lists_and_short_texts_pass(text: str):
    assert is_english(text) == (True, "")
