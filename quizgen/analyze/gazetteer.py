"""Place names the small English model gets wrong, as an entity ruler before NER.

``en_core_web_sm`` tags Mali, Niger and Burkina Faso as PERSON in the seed
article. Countries, their other names and capitals, their demonyms and the
world's regions, from the ``countryinfo`` data, are matched first, so the
statistical NER only labels what is left.
"""

from __future__ import annotations

import re
from functools import cache

# Place names that are far more often something else in running English text:
# first names ("Chad Johnson", "Victoria Beckham") and surnames ("Michael Jordan").
AMBIGUOUS = frozenset({"Chad", "Jordan", "Victoria", "Kingston", "Hamilton", "Stanley", "Charlotte", "Georgetown", "Nicosia"})
_CODE = re.compile(r"[A-Z]{2,3}")
# Regions that news names often and that no country record carries.
REGIONS = (
    "Sahel", "Sahara", "Sahara Desert", "Maghreb", "Horn of Africa", "Middle East", "Balkans",
    "Caucasus", "Scandinavia", "Latin America", "Central Asia", "Arctic", "Antarctica", "Levant",
    "Persian Gulf", "Gulf of Guinea", "Lake Chad", "Great Lakes", "Indo-Pacific", "Korean Peninsula",
)
# "Western Africa" is also written "West Africa", and so on.
_COMPASS = {"Western": "West", "Eastern": "East", "Northern": "North", "Southern": "South"}


@cache
def places() -> dict[str, tuple[str, str]]:
    """Every place name with its entity label and kind: ``(GPE, country)``,
    ``(GPE, city)`` for capitals, ``(NORP, people)`` for demonyms and
    ``(LOC, region)``."""
    from countryinfo import all_countries

    found: dict[str, tuple[str, str]] = {}

    def add(label: str, kind: str, phrase: object) -> None:
        if isinstance(phrase, list):
            for each in phrase:
                add(label, kind, each)
            return
        phrase = " ".join(phrase.split()) if isinstance(phrase, str) else ""
        if not phrase or phrase in AMBIGUOUS or _CODE.fullmatch(phrase) or not phrase.isascii():
            return
        found.setdefault(phrase, (label, kind))

    for country in all_countries():
        info = country.info()
        add("GPE", "country", info.get("name"))
        for alias in info.get("altSpellings") or ():
            if not alias.startswith(("Republic", "Kingdom", "State of", "Federal", "People", "Democratic", "Commonwealth", "Principality", "Sultanate", "Grand Duchy")):
                add("GPE", "country", alias)
        add("GPE", "city", info.get("capital"))
        add("NORP", "people", info.get("demonym"))
        for key in ("region", "subregion", "intermediateregion"):
            region = info.get(key)
            if not isinstance(region, str):
                continue
            add("LOC", "region", region)
            first, _, rest = region.partition(" ")
            if first in _COMPASS and rest:
                add("LOC", "region", f"{_COMPASS[first]} {rest}")
    for region in REGIONS:
        add("LOC", "region", region)
    return found


def place_patterns() -> tuple[tuple[str, str], ...]:
    """``(label, phrase)`` pairs: GPE for countries and capitals, NORP for demonyms, LOC for regions."""
    return tuple(sorted((label, phrase) for phrase, (label, _) in places().items()))


def place_kind(name: str) -> str | None:
    """"country", "city", "people" or "region" for a known place name ("the" aside), else None."""
    name = " ".join(name.split())
    if name[:4].lower() == "the ":
        name = name[4:]
    found = places().get(name)
    return found[1] if found else None


def add_to(nlp) -> None:  # nlp: spacy.language.Language
    """Put the place-name ruler in front of ``nlp``'s NER (once)."""
    if "quizgen_places" in nlp.pipe_names:
        return
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name="quizgen_places", config={"phrase_matcher_attr": "ORTH"}, **where)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns([{"label": label, "pattern": phrase} for label, phrase in place_patterns()])
