"""Properties of number distractors: wrong values, written exactly like the answer."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from quizgen.distractors.numbers import LOWER_BOUNDS, UPPER_BOUNDS, number_distractors, parse_quantity

ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def in_words(n: int, joiner: str = "-") -> str:
    if n < 20:
        return ONES[n]
    return TENS[n // 10 - 2] + (joiner + ONES[n % 10] if n % 10 else "")


WORD_VALUES = {in_words(n, joiner): n for n in range(100) for joiner in ("-", " ")}


@dataclass(frozen=True)
class Answer:
    """An answer built from its parts, so that the test knows what each part is."""

    prefix: str  # qualifier, sign and currency
    number: str
    suffix: str  # scale and unit
    words: bool = False
    percent: bool = False
    scaled: bool = False
    year: bool = False

    @property
    def text(self) -> str:
        return self.prefix + self.number + self.suffix

    @property
    def value(self) -> Decimal:
        return read(self.number, self.words)

    @property
    def decimals(self) -> int:
        return len(self.number.partition(".")[2])


def read(number: str, words: bool) -> Decimal:
    return Decimal(WORD_VALUES[number.lower()]) if words else Decimal(number.replace(",", ""))


qualifiers = st.sampled_from(
    ["", "over ", "about ", "nearly ", "more than ", "at least ", "almost ", "some ", "an estimated ", "Over "]
)
currencies = st.sampled_from(["", "", "$", "€", "£", "US$"])
units = st.sampled_from(["", "", " people", " km", " troops", "-year-old", " dollars"])


@st.composite
def answers(draw) -> Answer:
    kind = draw(st.sampled_from(["count", "grouped", "decimal", "words", "scaled", "percent", "year", "negative"]))
    qualifier = draw(qualifiers)
    if kind == "count":
        n = draw(st.integers(0, 999_999))
        currency, unit = draw(currencies), draw(units)
        if not (currency or unit) and 1000 <= n <= 2099:
            unit = " people"  # a bare four-digit number in that range is a year
        return Answer(qualifier + currency, str(n), unit)
    if kind == "grouped":
        return Answer(qualifier + draw(currencies), f"{draw(st.integers(1000, 10**12)):,}", draw(units))
    if kind == "decimal":
        places = draw(st.integers(1, 3))
        n = Decimal(draw(st.integers(0, 10**6))).scaleb(-places)
        return Answer(qualifier + draw(currencies), f"{n:.{places}f}", draw(units))
    if kind == "words":
        joiner = draw(st.sampled_from(["-", " "]))
        word = in_words(draw(st.integers(0, 99)), joiner)
        if draw(st.booleans()):
            word = word[0].upper() + word[1:]
        return Answer(qualifier, word, draw(st.sampled_from(["", " countries", " people"])), words=True)
    if kind == "scaled":
        places = draw(st.sampled_from([0, 0, 1, 2]))
        # Large numbers too, where multiplying could outgrow the scale ("4,000 million").
        n = Decimal(draw(st.integers(1, 999 * 10**places) | st.integers(100 * 10**places, 999 * 10**places)))
        n = n.scaleb(-places)
        scale = draw(st.sampled_from([" thousand", " million", " billion", " trillion"]))
        return Answer(qualifier + draw(currencies), f"{n:.{places}f}", scale + draw(units), scaled=True)
    if kind == "percent":
        places = draw(st.sampled_from([0, 0, 1]))
        n = Decimal(draw(st.integers(0, 100 * 10**places))).scaleb(-places)
        return Answer(qualifier, f"{n:.{places}f}", draw(st.sampled_from(["%", " percent", " per cent"])), percent=True)
    if kind == "year":
        return Answer(qualifier, str(draw(st.integers(1000, 2099))), "", year=True)
    return Answer(qualifier + "-", str(draw(st.integers(0, 60))), draw(st.sampled_from(["", "°C", " degrees"])))


def number_of(distractor: str, answer: Answer) -> str:
    """The number in ``distractor``, after checking that all around it is the answer's."""
    assert distractor.startswith(answer.prefix), (distractor, answer)
    assert distractor.endswith(answer.suffix), (distractor, answer)
    return distractor[len(answer.prefix) : len(distractor) - len(answer.suffix)]


def check_written_alike(number: str, answer: Answer) -> None:
    if answer.words:
        assert number.lower() in WORD_VALUES, number
        assert number[0].isupper() == answer.number[0].isupper(), number
        return
    assert re.fullmatch(r"(0|[1-9][0-9,]*)(\.[0-9]+)?", number), number
    assert len(number.partition(".")[2]) == answer.decimals, number
    whole = number.partition(".")[0]
    if "," in answer.number and len(whole.replace(",", "")) > 3:
        assert re.fullmatch(r"[1-9][0-9]{0,2}(,[0-9]{3})+", whole), number
    if "," not in answer.number and len(answer.number.partition(".")[0]) > 3:
        assert "," not in whole, number


@given(answers(), st.integers(1, 3), st.integers(0, 2**32))
@example(Answer("over ", "1,000", ""), 3, 0)
@example(Answer("", "95", "%", percent=True), 3, 0)
@example(Answer("$", "2.5", " billion", scaled=True), 3, 0)
@example(Answer("", "nine", " hundred", words=True), 3, 0)
def test_distractors_are_wrong_values_written_like_the_answer(answer: Answer, count: int, seed: int):
    found = number_distractors(answer.text, count, random.Random(seed))
    bound = next((q for q in LOWER_BOUNDS | UPPER_BOUNDS if answer.prefix.lower().startswith(q + " ")), "")
    if bound and not answer.year:
        # Only the far side of a bound is wrong, and it may hold fewer options.
        assert len(found) <= count, (answer.text, found)
    else:
        assert len(found) == count, (answer.text, found)
    assert len(set(found)) == len(found)
    values = []
    for distractor in found:
        number = number_of(distractor, answer)
        check_written_alike(number, answer)
        values.append(read(number, answer.words))
    assert answer.value not in values
    assert len(set(values)) == len(values)
    if not answer.year and bound in LOWER_BOUNDS:
        assert all(value > answer.value for value in values), (answer.text, found)
    if not answer.year and bound in UPPER_BOUNDS:
        assert all(value < answer.value for value in values), (answer.text, found)
    for value in values:
        if answer.year:
            assert 1000 <= value <= 2100 and abs(value - answer.value) <= 30, (answer.text, found)
            continue
        if answer.value > 0:
            assert Decimal("0.1") <= value / answer.value <= 10, (answer.text, found)
        assert value > 0, (answer.text, found)
        if answer.decimals == 0:
            assert value >= 1, (answer.text, found)
        if answer.percent and answer.value <= 100:
            assert value <= 100, (answer.text, found)
        if answer.scaled:
            assert value < 1000, (answer.text, found)  # not "4,000 million"


@given(st.integers(1000, 2099), st.sampled_from(["", "about ", "Around "]), st.integers(0, 2**32))
def test_a_year_gets_other_years_within_a_few_decades(year: int, qualifier: str, seed: int):
    found = number_distractors(f"{qualifier}{year}", 3, random.Random(seed))
    assert len(found) == 3 and len(set(found)) == 3
    for distractor in found:
        assert re.fullmatch(rf"{qualifier}[0-9]{{4}}", distractor), distractor
        other = int(distractor.removeprefix(qualifier))
        assert other != year and abs(other - year) <= 30 and 1000 <= other <= 2100


@given(answers(), st.integers(0, 2**32))
def test_the_same_seed_gives_the_same_distractors(answer: Answer, seed: int):
    assert number_distractors(answer.text, 3, random.Random(seed)) == number_distractors(
        answer.text, 3, random.Random(seed)
    )


@given(answers())
def test_parsed_value_is_the_written_value(answer: Answer):
    quantity = parse_quantity(answer.text)
    assert quantity is not None
    scale = {"": 1, " thousand": 10**3, " million": 10**6, " billion": 10**9, " trillion": 10**12}
    expected = answer.value * scale[next((s for s in scale if s and answer.suffix.startswith(s)), "")]
    assert quantity.value == pytest.approx(float(-expected if answer.prefix.endswith("-") else expected))
    assert quantity.is_year == answer.year


@given(st.text(max_size=40) | st.text("0123456789,.-–$€% kmilonbtrheſıİK", max_size=20))
def test_any_text_gives_well_formed_distractors_or_none(text: str):
    found = number_distractors(text, 3, random.Random(0))
    assert len(found) <= 3 and len(set(found)) == len(found)
    quantity = parse_quantity(text)
    if quantity is None:
        assert found == []
    else:
        assert all(parse_quantity(d).value != quantity.value for d in found)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "24–10",
        "1346 and 1671",
        "21st",
        "the 1990s",
        "one-third",
        "three to five",
        "23 September",
        "last week",
        "",
        "Mali",
    ],
)
def test_what_is_not_one_quantity_gets_none(text: str):
    assert parse_quantity(text) is None
    assert number_distractors(text, 3, random.Random(0)) == []


def test_over_a_thousand():
    found = number_distractors("over 1,000", 3, random.Random(1))
    assert len(found) == 3
    for distractor in found:
        assert re.fullmatch(r"over [1-9][0-9]{0,2}(,000)*", distractor), distractor
        assert distractor != "over 1,000"


@pytest.mark.parametrize("answer", [4, 400])
def test_millions_stay_millions(answer: int):
    for seed in range(20):
        values = []
        for distractor in number_distractors(f"{answer} million", 3, random.Random(seed)):
            number, scale = distractor.split(" ")
            assert scale == "million" and number.isdigit(), distractor  # not "4,000 million"
            values.append(int(number))
        assert len(set(values)) == 3 and answer not in values


def test_a_percentage_stays_a_share():
    for seed in range(20):
        found = number_distractors("95%", 3, random.Random(seed))
        assert len(found) == 3
        assert all(d.endswith("%") and 0 < float(d[:-1]) <= 100 and d != "95%" for d in found), found


def test_a_year_gets_nearby_years():
    for distractor in number_distractors("1990", 3, random.Random(1)):
        assert re.fullmatch(r"[0-9]{4}", distractor) and 0 < abs(int(distractor) - 1990) <= 30


def test_words_get_words():
    found = number_distractors("three", 3, random.Random(1))
    assert len(found) == 3
    assert all(d in ONES and d not in ("zero", "three") for d in found), found


def test_units_and_currencies_are_kept():
    for answer, pattern in [
        ("$40 million", r"\$[0-9]+ million"),
        ("€5", r"€[0-9]+"),
        ("20 percent", r"[0-9]+ percent"),
        ("1,345,596 people", r"[0-9]{1,3}(,[0-9]{3})+ people"),
        ("50 km", r"[0-9]+ km"),
        ("an estimated 2.5", r"an estimated [0-9]+\.[0-9]"),
    ]:
        found = number_distractors(answer, 3, random.Random(1))
        assert len(found) == 3 and answer not in found
        assert all(re.fullmatch(pattern, d) for d in found), (answer, found)


def test_parse_quantity_values():
    assert parse_quantity("$2.5 billion").value == 2.5e9  # type: ignore[union-attr]
    assert parse_quantity("Twenty-one").value == 21  # type: ignore[union-attr]
    assert parse_quantity("over 1,345,596 people").value == 1_345_596  # type: ignore[union-attr]
    assert parse_quantity("20%").value == parse_quantity("20 percent").value == 20  # type: ignore[union-attr]
