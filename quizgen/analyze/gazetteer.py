"""Place names the small English model gets wrong, as an entity ruler before NER.

``en_core_web_sm`` tags Mali, Niger and Burkina Faso as PERSON in the seed
article. Countries, their other names and capitals, their demonyms and the
world's regions, from the ``countryinfo`` data, are matched first, so the
statistical NER only labels what is left.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

# Place names that are far more often something else in running English text:
# first names ("Chad Johnson", "Victoria Beckham") and surnames ("Michael Jordan").
AMBIGUOUS = frozenset(
    {"Chad", "Jordan", "Victoria", "Kingston", "Hamilton", "Stanley", "Charlotte", "Georgetown", "Nicosia"}
)
_CODE = re.compile(r"[A-Z]{2,3}")
# Regions that news names often and that no country record carries.
REGIONS = (
    "Sahel",
    "Sahara",
    "Sahara Desert",
    "Maghreb",
    "Horn of Africa",
    "Middle East",
    "Balkans",
    "Caucasus",
    "Scandinavia",
    "Latin America",
    "Central Asia",
    "Arctic",
    "Antarctica",
    "Levant",
    "Persian Gulf",
    "Gulf of Guinea",
    "Lake Chad",
    "Great Lakes",
    "Indo-Pacific",
    "Korean Peninsula",
)
# Country codes that English text uses as names ("US", "UK"); the rest ("ML"
# for Mali) are codes no reader would write.
COMMON_CODES = frozenset({"US", "USA", "UK", "UAE", "DRC", "PRC", "DPRK", "ROK", "NZ"})
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
            if not alias.startswith(
                (
                    "Republic",
                    "Kingdom",
                    "State of",
                    "Federal",
                    "People",
                    "Democratic",
                    "Commonwealth",
                    "Principality",
                    "Sultanate",
                    "Grand Duchy",
                )
            ):
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
    """ "country", "city", "people" or "region" for a known place name ("the" aside), else None."""
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


@dataclass(frozen=True)
class Country:
    """A country as the gazetteer knows it: its names, capital and neighbourhood."""

    name: str
    code: str  # ISO 3166 alpha-3
    aliases: tuple[str, ...]
    capital: str
    demonym: str
    region: str
    subregion: str
    intermediate_region: str
    borders: tuple[str, ...]  # alpha-3 codes


@cache
def countries() -> dict[str, Country]:
    """Every country by its alpha-3 code."""
    from countryinfo import all_countries

    found: dict[str, Country] = {}
    for record in all_countries():
        info = record.info()
        code = (info.get("ISO") or {}).get("alpha3") or ""
        name = info.get("name")
        if not code or not isinstance(name, str):
            continue
        spellings = [
            s
            for s in info.get("altSpellings") or ()
            if isinstance(s, str) and s.isascii() and (not _CODE.fullmatch(s) or s in COMMON_CODES)
        ]
        dotted = [".".join(s) + "." for s in spellings if re.fullmatch(r"[A-Z]{2}", s)]
        if code in found:
            # Scotland and Wales share the United Kingdom's code; the first record is the country.
            continue
        found[code] = Country(
            name=name,
            code=code,
            aliases=tuple(dict.fromkeys(a for a in (*spellings, *dotted) if a != name)),
            capital=_text(info, "capital"),
            demonym=_text(info, "demonym"),
            region=_text(info, "region"),
            subregion=_text(info, "subregion"),
            intermediate_region=_text(info, "intermediateregion"),
            borders=tuple(b for b in info.get("borders") or () if isinstance(b, str)),
        )
    return found


def _text(info: Mapping[str, object], key: str) -> str:
    """A field of a countryinfo record when it is text, else "" (some hold lists or nothing)."""
    value = info.get(key)
    return value if isinstance(value, str) else ""


@cache
def _by_name() -> dict[str, Country]:
    index: dict[str, Country] = {}
    for country in sorted(countries().values(), key=lambda c: c.code):
        for name in (country.name, *country.aliases):
            index.setdefault(name.casefold(), country)
    return index


def _bare(name: str) -> str:
    name = " ".join(name.split())
    return name[4:] if name[:4].lower() == "the " else name


def country_named(name: str) -> Country | None:
    """The country called ``name`` (by any of its names, "the" aside), or None."""
    return _by_name().get(_bare(name).casefold())


@cache
def _by_capital() -> dict[str, Country]:
    return {c.capital.casefold(): c for c in sorted(countries().values(), key=lambda c: c.code) if c.capital}


def country_of_capital(name: str) -> Country | None:
    return _by_capital().get(_bare(name).casefold())


def aliases(name: str) -> tuple[str, ...]:
    """Other names of a country: "the United States" -> "United States", "US", "U.S.", "USA", ..."""
    country = country_named(name)
    if country is None:
        return ()
    return tuple(a for a in dict.fromkeys((country.name, *country.aliases)) if a.casefold() != _bare(name).casefold())


def neighbours(country: Country) -> list[Country]:
    """Countries near ``country``, nearest first: those on its borders, then
    the rest of its intermediate region, then of its subregion."""
    every = countries()
    near = [every[code] for code in sorted(country.borders) if code in every]
    for key in ("intermediate_region", "subregion"):
        value = getattr(country, key)
        if value:
            near += sorted((c for c in every.values() if getattr(c, key) == value), key=lambda c: c.name)
    return [c for c in dict.fromkeys(near) if c.code != country.code]
