"""Items from text that trips generation up: a quotation before its speaker, a
name broken across lines, one name written two ways. Statements open as
sentences do, answers stay on one line, and no wrong option is the answer (or
another option) spaced or dotted differently."""

from __future__ import annotations

import random
import unicodedata

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import quizgen
from quizgen.analyze import analyze
from quizgen.distractors.choose import Answer, choose
from quizgen.ingest import read_article
from quizgen.normalize import normalize, overlaps
from quizgen.questions.statement import statement
from tests.conftest import ROOT
from tests.strategies import NEWS_SENTENCES

SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=40)

# What ends a line, as str.splitlines reads it.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# A strict teacher's reading of how a statement may open: a word, a number, an
# amount, or a quotation that opens a word and closes later on; never an aside
# in brackets.
CLOSING = {'"': '"', "“": "”", "‘": "’"}

# A development article whose quotation before its speaker once made the false
# statement '"," Delrahim wrote in a 172-page opinion.'
MERGER = read_article(ROOT / "bench" / "articles" / "news-business-2018-judge-approves-att-time-warner-merger.txt")

# A BBC report writes its company both "TimeWarner" and "Time Warner".
PROFITS = """Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn for the three months to December.
Time Warner said fourth quarter sales rose 2% to $11.1bn from $10.9bn.
Its profits were buoyed by one-off gains which offset a profit dip at Warner Bros, and less users for AOL.
Time Warner's fourth quarter profits were slightly better than analysts' expectations.
TimeWarner is to restate its accounts as part of efforts to resolve an inquiry into AOL by US market regulators.
It has already offered to pay $300m to settle charges, in a deal under review by the U.S. Securities and \
Exchange Commission.
AOL was bought by Time Warner in 2000."""

# Sentences whose parse leaves punctuation where a part was dropped.
QUOTED = [
    '"The Court has now spoken and the defendants have won," Leon wrote in a 172-page opinion.',
    '"We are very disappointed," said Robert Sinche, head of currency strategy at Citigroup.',
    '"It is a bad day for the dollar," Robert Sinche told reporters in New York on Friday.',
    "'The market has turned,' said Robert Sinche of Citigroup.",
    "WASHINGTON — The Senate passed the bill by a vote of 68 to 32 on Thursday.",
    "- Mali signed a satellite deal with Russia in 2024.",
    '"Nomadland" won the award for best picture at the Oscars in 2021.',
    "(Reuters) Toyota recalled 1.2 million cars in Japan in March.",
]


def opens_as_a_sentence(text: str) -> bool:
    first = text[:1]
    if first.isalnum() or (first and unicodedata.category(first) == "Sc"):
        return True
    return first in CLOSING and text[1:2].isalnum() and CLOSING[first] in text[2:]


def closed_up(text: str) -> str:
    """A name with its case, punctuation and spacing left out: "Time Warner" and "TimeWarner" read alike."""
    return "".join(normalize(text).split())


def one_line(item: quizgen.Item) -> bool:
    shown = [item.answer, *item.accepted_answers, *item.distractors, *(side for pair in item.pairs for side in pair)]
    return not any(mark in text for text in shown for mark in LINE_BREAKS)


def options_apart(item: quizgen.Item) -> bool:
    """Whether each wrong option differs, by more than spacing, case and
    punctuation, from every right answer and from every other wrong option."""
    right = {closed_up(a) for a in (item.answer, *item.accepted_answers)}
    wrong = [closed_up(d) for d in item.distractors]
    return len(set(wrong)) == len(wrong) and not right & set(wrong)


# Statements


def test_no_statement_of_a_real_article_opens_with_punctuation():
    items = quizgen.generate(MERGER.text, title=MERGER.title, threshold=0)
    statements = [i.prompt for i in items if i.kind == "true_false"]
    assert statements
    assert all(opens_as_a_sentence(s) for s in statements), statements


@pytest.mark.parametrize("text", QUOTED)
def test_a_dropped_quotation_takes_its_marks_with_it(text: str):
    doc = next(analyze([text]))
    for entity in doc.ents:
        stated = statement(entity)
        if stated is not None:
            assert opens_as_a_sentence(stated.text), (entity.text, stated.text)
            assert not stated.text.startswith(("said", "told", "wrote")), stated.text


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (QUOTED[0], "Leon"),
        ('"Go home," McAuliffe told white nationalists at a news conference.', "McAuliffe"),
        (
            '"We won a victory so big that it can be seen from the moon, and certainly from Brussels," Orbán, 58, '
            "told supporters in Budapest on Sunday night.",
            "Budapest",
        ),
        ('"Welcome back to Earth," President Barack Obama wrote on Twitter, adding that it mattered.', "Twitter"),
    ],
)
def test_a_speaker_without_the_quotation_is_no_statement(text: str, speaker: str):
    # Not "Leon wrote in a 172-page opinion.": it says nothing of what he wrote.
    doc = next(analyze([text]))
    (found,) = [e for e in doc.ents if e.text == speaker]
    assert statement(found) is None


def test_a_quotation_that_holds_the_answer_stays_with_its_speaker():
    doc = next(analyze(['"Welcome back to Earth," President Barack Obama wrote on Twitter.']))
    (earth,) = [e for e in doc.ents if e.text == "Earth"]
    assert statement(earth).text == '"Welcome back to Earth," President Barack Obama wrote on Twitter.'


def test_an_aside_in_brackets_leaves_no_bracket_behind():
    text = (
        "At the Chautauqua Portage (near present-day Barcelona, New York), the expedition moved inland to the "
        "Allegheny River, which it followed to the site of present-day Pittsburgh."
    )
    doc = next(analyze([text]))
    stated = {e.text: statement(e).text for e in doc.ents if statement(e) is not None}
    assert stated["the Allegheny River"] == "The expedition moved to the Allegheny River."
    assert all(opens_as_a_sentence(s) for s in stated.values()), stated
    rows = next(analyze(["In all other rows (a = 1, 2, 4, 5, 7, and 8) there are infinitely many prime numbers."]))
    assert [statement(e) for e in rows.ents if statement(e) is not None] == []


def test_a_quotation_that_names_its_answer_is_kept():
    doc = next(analyze(['"Nomadland" won the award for best picture at the Oscars in 2021.']))
    stated = {statement(e).text for e in doc.ents if statement(e) is not None}
    assert stated == {'"Nomadland" won the award for best picture at the Oscars in 2021.'}


def test_a_dateline_dash_is_no_opening():
    doc = next(analyze(["- Mali signed a satellite deal with Russia in 2024."]))
    stated = {statement(e).text for e in doc.ents if statement(e) is not None}
    assert stated == {"Mali signed a satellite deal with Russia in 2024."}


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("Mali signed the deal.", True),
        ("$5 million was raised.", True),
        ("£600m was lost.", True),
        ("’90s fashion returned.", True),
        ("1,000 people marched.", True),
        ('"Nomadland" won the award.', True),
        ("“Nomadland” won the award.", True),
        ("(ISIS) fighters took the town.", False),
        ('"," said Robert Sinche.', False),
        ('"," Delrahim wrote in a 172-page opinion.', False),
        ('" Leon wrote in an opinion.', False),
        (", said Robert Sinche.", False),
        ("” said Robert Sinche.", False),
        ("- Mali signed the deal.", False),
        ("— Mali signed the deal.", False),
        (") Mali signed the deal.", False),
        ('"Mali signed the deal.', False),
        ("‘Mali’s deal was signed.", False),
        ("... and Mali signed.", False),
        ("", False),
    ],
)
def test_how_a_statement_may_open(text: str, opens: bool):
    from quizgen.questions.statement import opens_cleanly

    assert opens_cleanly(text) == opens


@given(st.text(min_size=1, max_size=40))
@example('","')
@example("‘a’s")
def test_a_statement_that_opens_cleanly_opens_as_a_sentence(text: str):
    from quizgen.questions.statement import opens_cleanly

    if opens_cleanly(text):
        assert opens_as_a_sentence(text) or text[:1] in "'’", text


# Answers on one line


@pytest.mark.parametrize("mark", list(LINE_BREAKS))
def test_a_name_broken_across_lines_is_no_answer(mark: str):
    text = (
        f"Time Warner is led by Richard{mark}Parsons, who took over in 2002. The company was founded by "
        f"Henry{mark}Luce in 1923. AOL was bought by Time Warner in 2000 for $165 billion."
    )
    items = quizgen.generate(text, threshold=0, limit=50)
    assert items
    assert all(one_line(item) for item in items), [i.answer for i in items if not one_line(i)]


def test_a_role_wrapped_across_lines_is_matched_on_one_line():
    text = (
        "Ilya Tarasenko, the director general of\nGlavkosmos, said the satellites would launch in 2026. "
        "Sidi Mohamed Raliou, the communications minister of Niger, praised the deal. "
        "Abdoulaye Maiga, the prime minister of Mali, said the deal would help. "
        "Vladimir Putin, the president of Russia, welcomed the deal."
    )
    (matched,) = [i for i in quizgen.generate(text, threshold=0, limit=50) if i.kind == "matching"]
    assert all(side == " ".join(side.split()) for pair in matched.pairs for side in pair), matched.pairs
    assert "The director general of Glavkosmos" in [left for left, _ in matched.pairs]


# Options that differ by more than spacing


def test_a_name_written_closed_up_is_no_wrong_option():
    items = quizgen.generate(PROFITS, threshold=0, limit=50)
    with_options = [i for i in items if i.distractors]
    assert with_options
    assert all(options_apart(i) for i in with_options), [
        (i.answer, i.distractors) for i in with_options if not options_apart(i)
    ]


@pytest.mark.parametrize(
    ("answer", "prompt"),
    [("U.S. Steel", "Who cut 2,000 jobs on Monday?"), ("Al Jazeera", "Who reported the news first?")],
)
def test_a_name_written_with_or_without_dots_or_spaces_is_one_option(answer: str, prompt: str):
    doc = next(
        analyze(
            [
                "U.S. Steel cut 2,000 jobs on Monday. US Steel said the cuts would save money, and US Steel "
                "shares rose. Nippon Steel bought a stake in the company. ArcelorMittal and Nucor also cut jobs. "
                "Bethlehem Steel closed in 2003. Al Jazeera reported the news first, and AlJazeera later updated "
                "its story. The BBC and Reuters followed."
            ]
        )
    )
    found = [d.text for d in choose(Answer(text=answer, label="ORG", prompt=prompt), doc, rng=random.Random(0))]
    assert found
    keys = [closed_up(d) for d in found]
    assert closed_up(answer) not in keys and len(set(keys)) == len(keys), found


NAMES = ["Time Warner", "Al Jazeera", "Goldman Sachs", "Warner Bros", "Deutsche Bank", "Burkina Faso"]


def spelled(name: str, how: str) -> str:
    """``name`` written another way, as news writes it."""
    if how == "closed":
        return name.replace(" ", "")
    if how == "upper":
        return name.upper()
    if how == "dotted":
        return " ".join(f"{word[0]}.{word[1:]}" if len(word) <= 2 else word for word in name.split())
    return name


@st.composite
def names_written_two_ways(draw) -> tuple[str, str, str]:
    """(text, answer, other way of writing it): an article that writes a name two ways, among real news sentences."""
    name = draw(st.sampled_from(NAMES))
    other = spelled(name, draw(st.sampled_from(["closed", "upper", "dotted"])))
    filler = draw(st.lists(st.sampled_from(NEWS_SENTENCES), min_size=1, max_size=4))
    sentences = [
        f"{name} said its profits rose by 12% in the year to March.",
        f"Analysts said {other} would cut 2,000 jobs.",
        f"{other} shares rose on Monday.",
        *filler,
    ]
    return " ".join(draw(st.permutations(sentences))), name, other


@SETTINGS
@given(names_written_two_ways())
def test_a_name_written_another_way_is_never_its_own_wrong_option(case: tuple[str, str, str]):
    text, name, other = case
    for item in quizgen.generate(text, threshold=0, limit=30):
        assert options_apart(item), (item.answer, item.accepted_answers, item.distractors)
        if overlaps(item.answer, name):
            assert not any(closed_up(d) == closed_up(other) for d in item.distractors), item


# Words of a name: no article ("A", "The") or number ("Twenty"), which the normalizer reads apart.
name_words = st.text(st.characters(categories=("L",)), min_size=1, max_size=8).filter(
    lambda word: normalize(word).isalpha()
)


@given(st.lists(name_words, min_size=1, max_size=4))
def test_spacing_and_dots_do_not_tell_names_apart(parts: list[str]):
    name = " ".join(parts)
    if normalize(name):
        assert overlaps(name, "".join(parts))
        assert overlaps(name, ". ".join(parts) + ".")
        assert overlaps(f"the {name} group", "".join(parts))


@pytest.mark.parametrize(("a", "b"), [("2 5", "25"), ("1,2,3", "123"), ("10 20", "1020"), ("Niger", "Nigeria")])
def test_numbers_and_words_that_only_run_together_stay_apart(a: str, b: str):
    assert not overlaps(a, b)


# Every rule at once, on real news sentences with hostile ones among them


@st.composite
def hostile_bodies(draw) -> str:
    """Article-shaped text: real news sentences, quotations before their speakers,
    names written two ways, and a line break of any kind where a space was."""
    sentences = draw(st.lists(st.sampled_from(NEWS_SENTENCES + QUOTED + PROFITS.split("\n")), min_size=3, max_size=10))
    text = " ".join(sentences)
    spaces = [at for at, ch in enumerate(text) if ch == " "]
    for at in draw(st.lists(st.sampled_from(spaces), max_size=3, unique=True)) if spaces else []:
        text = text[:at] + draw(st.sampled_from(LINE_BREAKS)) + text[at + 1 :]
    return text


@SETTINGS
@given(hostile_bodies())
@example(MERGER.text)
@example(PROFITS)
def test_every_item_opens_cleanly_stays_on_one_line_and_keeps_its_options_apart(text: str):
    for item in quizgen.generate(text, threshold=0):
        if item.kind == "true_false":
            assert opens_as_a_sentence(item.prompt), item.prompt
        assert one_line(item), item
        assert options_apart(item), (item.answer, item.accepted_answers, item.distractors)
