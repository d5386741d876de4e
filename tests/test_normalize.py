"""The normalizer on the strings news writes: what counts as the same, and what never does."""

from __future__ import annotations

import pytest

from quizgen.normalize import contains, normalize, overlaps, same, words


@pytest.mark.parametrize(
    "forms",
    [
        ("The U.S.-led Alliance!", "u.s. led alliance", "U S LED ALLIANCE"),
        ("the Kremlin", "Kremlin", "kremlin's"),
        ("1,000", "1000", "one thousand", "a thousand", "One Thousand"),
        ("4 million", "4,000,000", "four million", "4000000"),
        ("20%", "20 percent", "twenty percent", "twenty per cent"),
        ("a hundred", "100", "one hundred"),
        ("twenty-one", "twenty one", "21"),
        ("one hundred and five", "105", "a hundred five"),
        ("2.5 million", "2,500,000"),
        ("1,200", "twelve hundred", "one thousand two hundred"),
        ("over 1,000 deaths", "over one thousand deaths"),
    ],
)
def test_the_same_thing_written_another_way(forms: tuple[str, ...]):
    assert all(same(forms[0], other) for other in forms[1:]), [normalize(f) for f in forms]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("2.5", "25"),
        ("2.5", "2 5"),
        ("1,000", "100"),
        ("1,2,3", "123"),
        ("4 million", "4"),
        ("twenty-one", "twenty"),
        ("twenty-first", "21"),
        ("one million two million", "1,000,002,000,000"),
        ("", ""),
        ("the", "a"),
    ],
)
def test_different_things_stay_apart(a: str, b: str):
    assert not same(a, b)


def test_words_keep_numbers_as_written():
    # Item keys are built from these; a stored key must not move when the normalizer learns more.
    assert words("The 1,000 troops' 2.5%") == ["the", "1", "000", "troops", "2", "5"]


def test_contains_reads_numbers_in_context():
    assert contains("About 4,000,000 people live there", "four million")
    assert contains("It cost one thousand dollars", "1,000 dollars")
    assert contains("Over 20% voted", "twenty percent")
    assert not contains("Twenty-one soldiers died", "twenty")
    assert not contains("It cost 2.5 million", "5 million")
    assert not contains("anything", "the")


def test_overlaps_keeps_a_distractor_from_being_the_answer():
    assert overlaps("Niger", "the Niger River")
    assert overlaps("the Niger River", "Niger")
    assert overlaps("1,000", "one thousand")
    assert overlaps("over 1,000", "1000")
    assert not overlaps("Niger", "Nigeria")
    assert not overlaps("1,000", "1,000,000")
    assert not overlaps("", "Niger")
