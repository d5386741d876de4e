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
def place_patterns() -> tuple[tuple[str, str], ...]:
    """``(label, phrase)`` pairs: GPE for countries and capitals, NORP for demonyms, LOC for regions."""
    from countryinfo import all_countries

    found: dict[str, str] = {}

    def add(label: str, phrase: object) -> None:
        if isinstance(phrase, list):
            for each in phrase:
                add(label, each)
            return
        phrase = " ".join(phrase.split()) if isinstance(phrase, str) else ""
        if not phrase or phrase in AMBIGUOUS or _CODE.fullmatch(phrase) or not phrase.isascii():
            return
        found.setdefault(phrase, label)

    for country in all_countries():
        info = country.info()
        add("GPE", info.get("name"))
        for alias in info.get("altSpellings") or ():
            if not alias.startswith(("Republic", "Kingdom", "State of", "Federal", "People", "Democratic", "Commonwealth", "Principality", "Sultanate", "Grand Duchy")):
                add("GPE", alias)
        add("GPE", info.get("capital"))
        add("NORP", info.get("demonym"))
        for key in ("region", "subregion", "intermediateregion"):
            region = info.get(key)
            if not isinstance(region, str):
                continue
            add("LOC", region)
            first, _, rest = region.partition(" ")
            if first in _COMPASS and rest:
                add("LOC", f"{_COMPASS[first]} {rest}")
    for region in REGIONS:
        add("LOC", region)
    return tuple(sorted((label, phrase) for phrase, label in found.items()))


def add_to(nlp) -> None:  # nlp: spacy.language.Language
    """Put the place-name ruler in front of ``nlp``'s NER (once)."""
    if "quizgen_places" in nlp.pipe_names:
        return
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name="quizgen_places", config={"phrase_matcher_attr": "ORTH"}, **where)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns([{"label": label, "pattern": phrase} for label, phrase in place_patterns()])
