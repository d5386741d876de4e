"""Answer checking on the answers news quizzes ask for: names, acronyms,
amounts and years, true/false and multiple-choice keys."""

from __future__ import annotations

import pytest

from quizgen.answers import accepted_answers, fuller_names
from quizgen.quiz.check import (
    check_choice,
    check_true_false,
    check_typed,
    choice_index,
    differences,
    true_false,
)
from tests.test_imports import modules_after

AES = "Alliance of Sahel States"
US_FORMS = ("US", "U.S.", "USA")


def test_case_does_not_count():
    verdict = check_typed("alliance of sahel states", AES)
    assert (verdict.correct, verdict.how, verdict.similarity) == (True, "exact", 100.0)
    assert verdict.expected == AES


def test_a_missing_letter_is_a_forgiven_typo():
    verdict = check_typed("Aliance of Sahel States", AES)
    assert (verdict.correct, verdict.how) == (True, "typo")
    assert 90 < verdict.similarity < 100


def test_an_accepted_answer_is_right():
    verdict = check_typed("US", "the United States", US_FORMS)
    assert (verdict.correct, verdict.how) == (True, "accepted")
    assert verdict.expected == "the United States"


def test_a_typo_in_a_long_form_is_forgiven_but_not_in_an_acronym():
    assert check_typed("Unted States", "the United States", US_FORMS).how == "typo"
    assert not check_typed("UZ", "the United States", US_FORMS).correct
    # One added letter in "AES" would score as a slip in a longer answer.
    assert not check_typed("AESS", "AES").correct
    assert not check_typed("AE", "AES").correct


def test_an_amount_without_its_qualifier_is_right_only_when_accepted():
    assert not check_typed("1000", "over 1,000").correct
    verdict = check_typed("1000", "over 1,000", accepted_answers("over 1,000"))
    assert (verdict.correct, verdict.how) == (True, "accepted")


def test_the_way_a_number_is_written_does_not_count():
    assert check_typed("one thousand", "1,000").how == "exact"
    assert check_typed("1000", "1,000").how == "exact"


@pytest.mark.parametrize(
    ("typed", "answer"),
    [("1001", "1,000"), ("2023", "2024"), ("over 1,001", "over 1,000"), ("Resolution 2718", "Resolution 2719")],
)
def test_a_wrong_number_is_wrong_however_near(typed: str, answer: str):
    verdict = check_typed(typed, answer, accepted_answers(answer))
    assert (verdict.correct, verdict.how) == (False, "wrong")
    assert verdict.similarity >= 75


def test_a_slip_in_the_words_around_a_number_is_forgiven():
    assert check_typed("Resolutoin 2719", "Resolution 2719").how == "typo"


def test_naming_a_second_answer_earns_nothing():
    assert check_typed("Mali and Niger", "Mali").how == "wrong"
    verdict = check_typed("Alliance of Sahel States and ECOWAS", AES)
    assert (verdict.correct, verdict.how) == (False, "close")
    # Three letters more in forty-one would pass for a slip.
    verdict = check_typed("Economic Community of West African States, AES", "Economic Community of West African States")
    assert (verdict.correct, verdict.how) == (False, "close")


@pytest.mark.parametrize(("typed", "answer"), [("Austria", "Australia"), ("East Africa", "West Africa")])
def test_another_name_one_or_two_letters_away_is_not_a_typo(typed: str, answer: str):
    verdict = check_typed(typed, answer)
    assert (verdict.correct, verdict.how) == (False, "close")


@pytest.mark.parametrize(("typed", "answer"), [("Burkna Fasso", "Burkina Faso"), ("Alliance ofahel States", AES)])
def test_two_slips_are_close_for_the_student_to_overrule(typed: str, answer: str):
    verdict = check_typed(typed, answer)
    assert (verdict.correct, verdict.how) == (False, "close")
    assert verdict.similarity >= 90


def test_a_changed_letter_in_a_short_name_is_wrong():
    assert check_typed("Iraq", "Iran").how == "wrong"
    assert check_typed("Zambia", "Gambia").how == "close"


@pytest.mark.parametrize("typed", ["", "   ", "\n", "?", "the"])
def test_saying_nothing_is_empty(typed: str):
    verdict = check_typed(typed, AES)
    assert (verdict.correct, verdict.how, verdict.similarity) == (False, "empty", 0.0)


def test_a_wrong_answer_is_wrong():
    verdict = check_typed("Economic Community of West African States", AES)
    assert (verdict.correct, verdict.how) == (False, "wrong")


def test_true_false_keys():
    assert true_false("t") is true_false("TRUE") is true_false(" y ") is True
    assert true_false("f") is true_false("False") is true_false("n") is False
    assert true_false("maybe") is None
    assert check_true_false("t", "True").correct
    assert not check_true_false("f", "True").correct
    assert check_true_false("F", "False").correct
    assert check_true_false("", "True") is None
    assert check_true_false("f", "True").expected == "True"


def test_a_true_false_item_needs_a_true_or_false_answer():
    with pytest.raises(ValueError, match="True or False"):
        check_true_false("t", "Mali")


def test_choice_keys():
    assert choice_index("b", 4) == choice_index("B", 4) == choice_index("2", 4) == choice_index(" b ", 4) == 1
    assert choice_index("e", 4) is None
    assert choice_index("5", 4) is None
    assert choice_index("0", 4) is None
    assert choice_index("bb", 4) is None
    assert choice_index("", 4) is None


def test_check_choice():
    options = ["Mali", "Niger", "Chad", "Burkina Faso"]
    assert check_choice("b", options, 1).correct
    verdict = check_choice("2", options, 3)
    assert (verdict.correct, verdict.how, verdict.expected) == (False, "wrong", "Burkina Faso")
    assert check_choice("Niger", options, 1) is None


def test_differences_show_the_slips():
    segments = differences("Aliance of Sahl State", AES)
    assert [text for kind, text in segments if kind == "missing"] == ["l", "e", "s"]
    assert not [kind for kind, _ in segments if kind == "extra"]
    changed = differences("Tiani", "Tchiani")
    assert ("missing", "ch") in changed
    swapped = differences("Nigre", "Niger")
    assert ("same", "Nig") == swapped[0]
    assert {kind for kind, _ in swapped} == {"same", "extra", "missing"}


GLAVKOSMOS = """Russia to Launch Satellites for the Sahel States

Ilya Tarasenko, the director general of Glavkosmos, signed the deal in Moscow. But Tarasenko's team gave no date.
Tarasenko said the first satellites would be launched in 2027.
"""
KIMS = """Kim Jong Un Hosts Talks

North Korean leader Kim Jong Un met the envoy in Pyongyang. His sister, Kim Yo Jong, read a statement.
Kim said the talks went well.
"""


def fuller(typed: str, answer: str, article: str):
    """``typed`` checked as the quiz checks it: with the fuller names the article gives the answer."""
    return check_typed(typed, answer, fuller_names(answer, article))


def test_a_fuller_name_the_article_gives_counts():
    verdict = fuller("Ilya Tarasenko", "Tarasenko", GLAVKOSMOS)
    assert (verdict.correct, verdict.how, verdict.expected) == (True, "accepted", "Tarasenko")
    assert fuller("ilya tarasenko!", "Tarasenko", GLAVKOSMOS).how == "accepted"
    # A slip in the fuller name is a slip like any other.
    assert fuller("Ilya Tarasenkko", "Tarasenko", GLAVKOSMOS).how == "typo"
    messi = "Barcelona striker Lionel Andrés Messi scored twice. Messi left the field smiling."
    assert fuller("Lionel Messi", "Messi", messi).correct
    assert fuller("Lionel Andres Messi", "Messi", messi).correct
    wade = "Senegal's President Abdoulaye Wade lost. Wade conceded on Monday."
    assert fuller("President Wade", "Wade", wade).correct
    assert fuller("Abdoulaye Wade", "Wade", wade).correct


def test_a_name_the_article_does_not_give_is_no_fuller_form():
    # "Ivan" may be the first name of another Tarasenko.
    assert not fuller("Ivan Tarasenko", "Tarasenko", GLAVKOSMOS).correct
    assert not fuller("Ilya Tarasenko", "Tarasenko", "Tarasenko signed the deal.").correct
    # A headline capitalizes every word, and a sentence its first: neither makes a name.
    headline = "Kim Jong Un Hosts Talks\n\nKim met the envoy in Pyongyang. Yesterday Kim read a statement.\n"
    assert fuller_names("Kim", headline) == ()
    assert "but tarasenko" not in fuller_names("Tarasenko", GLAVKOSMOS)


def test_a_short_name_of_two_people_takes_no_fuller_form():
    assert fuller_names("Kim", KIMS) == ()
    for typed in ("Kim Jong Un", "Kim Yo Jong"):
        verdict = fuller(typed, "Kim", KIMS)
        assert (verdict.correct, verdict.how) == (False, "wrong"), typed
    one_kim = KIMS.replace("His sister, Kim Yo Jong, read", "His sister read")
    assert fuller("Kim Jong Un", "Kim", one_kim).correct
    # Titles tell no one apart: one Wade is named both ways.
    assert fuller_names("Wade", "President Wade spoke. Abdoulaye Wade left.") != ()


def test_a_short_form_of_a_full_answer_stays_as_it_was():
    messi = "Lionel Messi scored. Messi left."
    assert fuller("Messi", "Lionel Messi", messi).how == check_typed("Messi", "Lionel Messi").how == "wrong"


def test_checking_loads_neither_spacy_nor_the_store():
    loaded = modules_after("import quizgen.quiz.check")
    assert "quizgen.quiz.check" in loaded
    assert not {m for m in loaded if m == "spacy" or m.startswith(("spacy.", "thinc", "sqlalchemy", "sqlmodel"))}
    assert "quizgen.store" not in loaded
