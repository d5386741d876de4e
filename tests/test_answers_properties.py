"""Properties of the normalizer and of accepted answers: the same thing written
another way is the same answer, and a different thing never is."""

from __future__ import annotations

from hypothesis import assume, example, given
from hypothesis import strategies as st

from quizgen.answers import TITLES, accepted_answers, fuller_names, is_accepted
from quizgen.normalize import contains, normalize, overlaps, same, words
from tests.strategies import headlines

# Written out here, apart from the code under test, in the British style with
# "and" that the code itself never produces.
ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
SHORT_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
COUNTRIES = (
    "the United States",
    "Mali",
    "Niger",
    "Burkina Faso",
    "Russia",
    "China",
    "the United Kingdom",
    "France",
    "Iran",
)
QUALIFIERS = ("over", "about", "nearly", "more than", "at least", "almost", "some")
# Plain words that are neither numbers nor articles, to build sentences around numbers.
FILLER = ("troops", "were", "sent", "by", "Mali", "people", "reported", "in", "Niger", "last", "week", "soldiers")


def below_thousand(n: int, *, british: bool, joiner: str) -> list[str]:
    hundreds, rest = divmod(n, 100)
    said = [ONES[hundreds], "hundred"] if hundreds else []
    if rest:
        if hundreds and british:
            said.append("and")
        tens, ones = divmod(rest, 10)
        said.append(ONES[rest] if rest < 20 else TENS[tens] + (joiner + ONES[ones] if ones else ""))
    return said


def in_words(n: int, *, british: bool = False, joiner: str = "-", a_for_one: bool = False) -> str:
    """0 <= n < 1,000,000 written out: 21 -> "twenty-one", 1005 -> "one thousand and five"."""
    if n == 0:
        return "zero"
    thousands, rest = divmod(n, 1000)
    said = [*below_thousand(thousands, british=british, joiner=joiner), "thousand"] if thousands else []
    if rest:
        if thousands and rest < 100 and british:
            said.append("and")
        said += below_thousand(rest, british=british, joiner=joiner)
    if a_for_one and said[:2] in (["one", "hundred"], ["one", "thousand"]):
        said[0] = "a"
    return " ".join(said)


@st.composite
def spelled_numbers(draw, values=st.integers(0, 999_999)) -> tuple[int, str]:
    n = draw(values)
    text = in_words(
        n, british=draw(st.booleans()), joiner=draw(st.sampled_from(["-", " "])), a_for_one=draw(st.booleans())
    )
    return n, draw(st.sampled_from([text, text.capitalize(), text.upper()]))


@st.composite
def number_texts(draw) -> tuple[int, str]:
    """A count written one of the ways news writes it: "1,000", "1000", "one thousand", "4 million"."""
    n = draw(st.integers(0, 999_999) | st.integers(1, 999).map(lambda m: m * 1_000_000))
    forms = [str(n), f"{n:,}"]
    if n < 1_000_000:
        forms.append(in_words(n))
    else:
        forms.append(f"{n // 1_000_000} million")
    return n, draw(st.sampled_from(forms))


@st.composite
def dates(draw) -> tuple[tuple[int, int], str]:
    month = draw(st.integers(0, 11))
    day = draw(st.integers(1, 28))
    name = draw(st.sampled_from([MONTHS[month], SHORT_MONTHS[month], MONTHS[month][:3]]))
    text = draw(st.sampled_from([f"{name} {day}", f"{day} {name}"]))
    if draw(st.booleans()):
        text = f"{draw(st.sampled_from(WEEKDAYS))}, {text}"
    return (month, day), text


# The normalizer


@given(st.text() | headlines)
@example("İstanbul")
@example("ŉ")
@example("a a hundred thousand thousand")
@example("one hundred and five hundred")
def test_normalize_is_idempotent(text: str):
    once = normalize(text)
    assert normalize(once) == once


@given(st.integers())
def test_thousands_separators_do_not_count(n: int):
    assert normalize(f"{n:,}") == normalize(str(n))


@given(spelled_numbers())
@example((21, "twenty-one"))
@example((100, "a hundred"))
@example((1000, "one thousand"))
def test_numbers_in_words_are_their_digits(case: tuple[int, str]):
    n, text = case
    assert normalize(text) == normalize(str(n)) == normalize(f"{n:,}")
    assert normalize(text) != normalize(str(n + 1))
    assert normalize(f"{text} soldiers") == normalize(f"{n:,} soldiers")


@given(st.integers(0, 10**6), st.integers(1, 999).filter(lambda b: b % 10))
def test_a_decimal_point_counts(whole: int, fraction: int):
    assert normalize(f"{whole}.{fraction}") != normalize(f"{whole}{fraction}")
    assert normalize(f"{whole}.{fraction}") != normalize(f"{whole} {fraction}")


@given(st.integers(1, 999), st.sampled_from(["million", "billion"]))
def test_a_number_of_millions_is_its_digits(n: int, scale: str):
    zeros = {"million": 6, "billion": 9}[scale]
    assert normalize(f"{n} {scale}") == normalize(f"{n * 10**zeros:,}")
    assert normalize(f"{n} {scale}") != normalize(f"{n}")


@given(st.integers(0, 999_999))
def test_percent_however_written(n: int):
    assert normalize(f"{n}%") == normalize(f"{n} percent") == normalize(f"{in_words(n)} per cent")


@given(
    st.lists(st.sampled_from(FILLER), max_size=4),
    number_texts(),
    number_texts(),
    st.lists(st.sampled_from(FILLER), max_size=4),
)
def test_contains_finds_a_number_written_another_way(
    before: list[str], shown: tuple[int, str], asked: tuple[int, str], after: list[str]
):
    text = " ".join([*before, shown[1], *after])
    part = " ".join([asked[1], *after[:1]])
    assert contains(text, part) == (shown[0] == asked[0])


@given(st.text(), st.text())
@example("", "")
@example("the", "The Hague")
@example("Niger", "the Niger River")
def test_overlaps_is_symmetric_and_empty_overlaps_nothing(a: str, b: str):
    assert overlaps(a, b) == overlaps(b, a)
    if not normalize(a):
        assert not overlaps(a, b)
    if same(a, b):
        assert overlaps(a, b)


@given(headlines, st.integers(0, 3), st.integers(1, 4))
def test_a_run_of_words_overlaps_its_text(text: str, start: int, length: int):
    part = " ".join(text.split()[start : start + length])
    if normalize(part) and contains(text, part):
        assert overlaps(part, text)


# Accepted answers


@given(st.text())
@example("Monday, Sept. 23")
@example("over 1,000")
def test_accepted_answers_never_fail_and_do_not_change(answer: str):
    accepted = accepted_answers(answer)
    assert accepted == accepted_answers(answer)
    assert answer not in accepted
    spellings = [" ".join(words(a)) for a in accepted]
    assert len(set(spellings)) == len(spellings)
    assert all(is_accepted(a, answer, accepted) for a in accepted)


@given(number_texts(), st.sampled_from(("", *QUALIFIERS)), st.integers(1, 10**6))
def test_every_accepted_number_is_accepted_and_another_number_is_not(case: tuple[int, str], qualifier: str, step: int):
    n, text = case
    answer = f"{qualifier} {text}".strip()
    accepted = accepted_answers(answer)
    assert all(is_accepted(a, answer, accepted) for a in accepted)
    for written, other in ((str(n), str(n + step)), (f"{n:,}", f"{n + step:,}")):
        assert is_accepted(written, answer, accepted)
        assert not is_accepted(other, answer, accepted)
    if qualifier:
        assert is_accepted(f"{qualifier} {n}", answer, accepted)


@given(dates(), dates())
def test_a_date_is_accepted_however_written(answer_case, response_case):
    (month, day), answer = answer_case
    accepted = accepted_answers(answer)
    assert all(is_accepted(a, answer, accepted) for a in accepted)
    for response in (f"{MONTHS[month]} {day}", f"{day} {MONTHS[month]}", f"{SHORT_MONTHS[month]} {day}"):
        assert is_accepted(response, answer, accepted), (response, answer, accepted)
    other, response = response_case
    if other != (month, day):
        assert not is_accepted(response, answer, accepted)


@given(st.sampled_from(COUNTRIES), st.sampled_from(COUNTRIES))
def test_a_country_is_accepted_by_its_other_names_only(country: str, other: str):
    accepted = accepted_answers(country)
    assert all(is_accepted(a, country, accepted) for a in accepted)
    assert is_accepted(country.removeprefix("the "), country, accepted)
    if other != country:
        assert not is_accepted(other, country, accepted)


# Examples


def test_the_united_states_by_any_name():
    accepted = accepted_answers("the United States")
    for response in ("US", "USA", "U.S.", "united states", "United States of America", "the U.S."):
        assert is_accepted(response, "the United States", accepted), response
    assert not is_accepted("United Kingdom", "the United States", accepted)


def test_one_thousand_however_written():
    forms = ("1,000", "1000", "one thousand", "One Thousand", "a thousand")
    for answer in forms:
        accepted = accepted_answers(answer)
        assert all(is_accepted(response, answer, accepted) for response in forms), (answer, accepted)
        assert not is_accepted("100", answer, accepted)
        assert not is_accepted("10,000", answer, accepted)
    assert {"1000", "one thousand"} <= set(accepted_answers("1,000"))


def test_a_qualifier_may_be_left_out():
    accepted = accepted_answers("over 1,000")
    for response in ("1,000", "1000", "one thousand", "over one thousand", "Over 1000"):
        assert is_accepted(response, "over 1,000", accepted), response
    assert not is_accepted("under 1,000", "over 1,000", accepted)
    assert not is_accepted("1,001", "over 1,000", accepted)


def test_millions_and_percent():
    accepted = accepted_answers("4 million")
    for response in ("4,000,000", "4000000", "four million"):
        assert is_accepted(response, "4 million", accepted), response
    assert not is_accepted("40 million", "4 million", accepted)
    accepted = accepted_answers("20%")
    for response in ("20 percent", "twenty percent", "20 per cent"):
        assert is_accepted(response, "20%", accepted), response
    assert not is_accepted("2%", "20%", accepted)


def test_dates_with_and_without_the_weekday():
    accepted = accepted_answers("Sept. 23")
    for response in ("September 23", "Sep 23", "23 September", "sept 23"):
        assert is_accepted(response, "Sept. 23", accepted), response
    accepted = accepted_answers("Monday, Sept. 23")
    for response in ("Sept. 23", "September 23", "Monday, September 23"):
        assert is_accepted(response, "Monday, Sept. 23", accepted), response
    assert not is_accepted("Sept. 24", "Monday, Sept. 23", accepted)
    assert not is_accepted("Monday", "Monday, Sept. 23", accepted)
    accepted = accepted_answers("January 11, 2018")
    for response in ("11 January 2018", "Jan. 11, 2018", "Jan 11 2018"):
        assert is_accepted(response, "January 11, 2018", accepted), response
    assert not is_accepted("January 11, 2019", "January 11, 2018", accepted)


def test_an_acronym_and_its_expansion():
    long, short = "the Alliance of Sahel States", "AES"
    assert is_accepted(short, long, accepted_answers(long, acronym=short))
    assert is_accepted("Alliance of Sahel States", short, accepted_answers(short, expansion=long))
    assert not is_accepted(short, long, accepted_answers(long))


def test_a_leading_article_is_optional():
    assert is_accepted("Kremlin", "the Kremlin", accepted_answers("the Kremlin"))
    assert is_accepted("The Kremlin", "Kremlin", accepted_answers("Kremlin"))
    assert not is_accepted("the Kremlin wall", "the Kremlin", accepted_answers("the Kremlin"))


def test_a_blank_response_is_never_accepted():
    assert not is_accepted("", "—")
    assert not is_accepted("  ", "the", accepted_answers("the"))


def test_country_aliases_are_names_a_reader_would_write():
    from quizgen.answers import accepted_answers

    assert {"US", "U.S.", "USA"} <= set(accepted_answers("the United States"))
    assert {"UK", "U.K."} <= set(accepted_answers("the United Kingdom"))
    # Codes nobody writes in running text are not offered.
    assert not {"ML", "M.L.", "MLI"} & set(accepted_answers("Mali"))


# Fuller names

# Capitalized words that are plain names: no title, article or number word.
name_words = st.from_regex(r"[A-Z][a-z]{1,9}", fullmatch=True).filter(
    lambda word: word.casefold() not in TITLES and normalize(word) == word.casefold()
)


@given(name_words, name_words)
@example("Ilya", "Tarasenko")
def test_a_given_name_the_article_writes_makes_a_fuller_name(given_name: str, surname: str):
    assume(given_name != surname)
    article = f"The director, {given_name} {surname}, signed the deal on Monday. Later {surname} left.\n"
    assert is_accepted(f"{given_name} {surname}", surname, fuller_names(surname, article))
    assert not is_accepted(f"{surname} {given_name}", surname, fuller_names(surname, article))


@given(name_words, name_words, name_words)
@example("Jong", "Yo", "Kim")
def test_a_name_of_two_people_has_no_fuller_names(one: str, other: str, surname: str):
    assume(len({one, other, surname}) == 3)
    article = f"The deal was signed by {one} {surname} and by {other} {surname} on Monday. Later {surname} left.\n"
    assert fuller_names(surname, article) == ()


@given(st.text() | headlines, st.text() | headlines)
@example("Kim", "Kim Jong Un met Kim Yo Jong. Kim left.")
@example("de Gaulle", "Charles de Gaulle spoke. de Gaulle left.")
def test_a_fuller_name_holds_the_answer_and_only_words_of_the_article(answer: str, article: str):
    short = normalize(answer)
    written = set(normalize(article).split())
    for name in fuller_names(answer, article):
        assert f" {short} " in f" {name} " and name != short, name
        assert set(name.split()) <= written, name
