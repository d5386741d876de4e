"""Quality judgements that read a question's words: vague definites and the slips of a garbled transformation."""

from __future__ import annotations

import pytest

import quizgen
from quizgen.quality import slip_in, vague_reference
from tests.conftest import SEEDS


@pytest.mark.parametrize(
    ("question", "vague"),
    [
        ("What does the move benefit?", "the move"),
        ("What could the first step include?", "the first step"),
        ("When does the program phase out?", "the program"),
        ("What is the deal with Russia worth?", None),
        ("Who opposed the plan to build a wall?", None),
        ("Who is the Director General of Glavkosmos?", None),
    ],
)
def test_a_definite_that_does_not_say_which_is_vague(question: str, vague: str | None):
    assert vague_reference(question) == vague


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        ("What did The U.S. House of Representatives condemn?", "a capitalized article inside the sentence"),
        ('What did the House condemn the "ethnic cleansing of " on Wednesday?', "a quotation cut open"),
        ("What 's a suspect talking to?", "a possessive split from its noun"),
        ("What did Coffman tell Coffman was certainly optimistic?", "a name twice"),
        ("Rosalind Franklin and Rosalind Franklin's student studied DNA fibres.", "a name twice"),
        ('Who did Trump blame for "foolishly" giving money?', None),
        ("The United States and the United Kingdom signed a pact.", None),
        ("Who is the Director General of Glavkosmos?", None),
    ],
)
def test_the_slips_of_a_garbled_transformation(text: str, slip: str | None):
    assert slip_in(text) == slip


def test_the_seed_article_asks_no_weekday_alone():
    text = next(SEEDS.glob("*.txt")).read_text(encoding="utf-8").split("\n", 2)[2]
    items = quizgen.generate(text, threshold=0)
    assert len(items) >= 5
    for item in items:
        if item.kind in ("wh", "cloze"):
            assert item.answer.lower() not in ("monday", "tuesday", "wednesday", "thursday", "friday")


def _fatal(sentence: str, answer: str, prompt: str, kind: str = "wh") -> tuple[str, ...]:
    """The fatal reasons ``judge`` gives a question on ``sentence`` (parsed for real) asking for ``answer``."""
    from quizgen.analyze import analyze
    from quizgen.facts.fact import Fact
    from quizgen.facts.patterns import PATTERNS
    from quizgen.quality import judge
    from quizgen.questions.realize import Question

    doc = next(analyze([sentence]))
    start = sentence.index(answer)
    label = next((e.label_ for e in doc.ents if e.start_char <= start < e.end_char), "")
    svo = next(p for p in PATTERNS if p.name == "svo")
    fact = Fact(svo, 0, 0, len(sentence), start, start + len(answer), label, 1.0)
    question = Question(fact, kind, prompt, answer, sentence, start, start + len(answer))
    judged = judge(question)
    return judged.reasons[3:] if not judged.keep else ()


@pytest.mark.parametrize(
    ("sentence", "answer", "prompt", "kind", "refused"),
    [
        (
            "The accord was approved at the conference of the parties to the convention.",
            "the conference of the parties",
            "Where was the accord approved at to the convention?",
            "wh",
            "two prepositions in a row",
        ),
        (
            "Jobs said the keyboards built into rival devices could not be changed.",
            "rival devices",
            "What did Jobs say the keyboards built into could not be changed?",
            "wh",
            "a preposition left without its noun",
        ),
        (
            "Apple aimed to sell 10 million iPhones in 2008.",
            "iPhones",
            "What did Apple aim to sell 10 million in 2008?",
            "wh",
            "the answer's number left behind",
        ),
        (
            "Users control the phone through a 3.5-inch touchscreen.",
            "3.5-inch",
            "How many do users control the phone through a touchscreen?",
            "wh",
            "half of a hyphened word as the answer",
        ),
        (
            "Murray became the first British man in 77 years to win the title in London.",
            "Murray",
            "Who became the first British man in 77 years?",
            "wh",
            "a first or last without what it was first to do",
        ),
        (
            "Leicester are the first champions since Nottingham Forest in 1978.",
            "1978",
            "Leicester are the first champions since Nottingham Forest in _____.",
            "cloze",
            "a date given only for comparison",
        ),
        (
            "For example, Lindzen states that the report understates the uncertainty.",
            "Lindzen",
            "For example, _____ states that the report understates the uncertainty.",
            "cloze",
            "opens by pointing to the sentence before",
        ),
        (
            "The high does not reach 90 degrees in Fresno in winter.",
            "90",
            "How many ° does the high not reach in Fresno?",
            "wh",
            "a stray mark or line break",
        ),
        (
            "The 76-year-old Argentine chose the name Francis, in honour of St Francis of Assisi.",
            "St Francis",
            "The 76-year-old Argentine chose the name Francis, in honour of _____ of Assisi.",
            "cloze",
            "the question shows part of its answer",
        ),
        (
            "A massive explosion ripped through the port of Beirut on Tuesday evening, August 4, 2020.",
            "August 4, 2020",
            "When did a massive explosion rip through the port of Beirut on Tuesday evening?",
            "wh",
            "a when-question that names the day",
        ),
        (
            "The series debuted on BBC Three on 22 October 2006.",
            "BBC Three",
            "The series debuted on _____ on 22 October 2006.",
            "cloze",
            "a vague reference: The series",
        ),
        (
            "The FCC repealed rules adopted in 2015 that required internet providers to treat all traffic equally.",
            "all traffic",
            "What did that require internet providers to treat equally?",
            "wh",
            "a relative pronoun for a subject",
        ),
        # A short question that says what it turns on only with "a".
        (
            "On Thursday the Supreme Court struck down a federal law that denied benefits to married couples.",
            "the Supreme Court",
            "Who struck down a federal law?",
            "wh",
            "a short question that names nothing",
        ),
        # A name that ran on into a score.
        (
            "Emma Raducanu won the U.S. Open on Saturday, defeating Canada's Leylah Fernandez 6-4, 6-3.",
            "Leylah Fernandez 6-4",
            "Emma Raducanu won the U.S. Open on Saturday, defeating Canada's _____, 6-3.",
            "cloze",
            "a name with a number in it",
        ),
        # A definite that a time or place after it does not pin down.
        (
            "Barack Obama created the program in 2012 to shield young immigrants.",
            "Barack Obama",
            "Who created the program in 2012?",
            "wh",
            "a vague reference: the program",
        ),
        (
            "Juan Guaido declared himself the country's interim president on Wednesday.",
            "Juan Guaido",
            "Who declared himself the country's interim president?",
            "wh",
            "a vague reference: the country",
        ),
        # A cloze keeps its sentence, and a vague definite anywhere in it dangles.
        (
            "King Salman announced the end of the ban in a decree last September.",
            "King Salman",
            "_____ announced the end of the ban in a decree last September.",
            "cloze",
            "a vague reference: the ban",
        ),
        (
            "Minutes earlier, Mike Pence was sworn in as vice president by Justice Clarence Thomas.",
            "Mike Pence",
            "Minutes earlier, _____ was sworn in as vice president by Justice Clarence Thomas.",
            "cloze",
            "opens by pointing to the sentence before",
        ),
    ],
)
def test_a_garbled_or_trivial_question_is_refused(sentence, answer, prompt, kind, refused):
    assert refused in _fatal(sentence, answer, prompt, kind)


@pytest.mark.parametrize(
    ("sentence", "answer", "prompt", "kind"),
    [
        # What follows the definite says which one it is.
        (
            "King Salman lifted the ban on women driving in a royal decree.",
            "King Salman",
            "Who lifted the ban on women driving?",
            "wh",
        ),
        (
            "The nuclear deal offered Iran relief from sanctions in return for limits on the country's program.",
            "The nuclear deal",
            "What offered Iran relief from sanctions in return for limits on the country's program?",
            "wh",
        ),
        (
            "The drug, Epidiolex, is made by the British company GW Pharmaceuticals.",
            "GW Pharmaceuticals",
            "The drug, Epidiolex, is made by the British company _____.",
            "cloze",
        ),
    ],
)
def test_a_definite_that_says_which_is_not_vague(sentence, answer, prompt, kind):
    assert not [reason for reason in _fatal(sentence, answer, prompt, kind) if "vague" in reason]


def test_a_clean_question_on_the_same_sentence_is_kept():
    assert (
        _fatal(
            "Murray became the first British man in 77 years to win the title in London.",
            "Murray",
            "Who became the first British man in 77 years to win the title?",
        )
        == ()
    )
