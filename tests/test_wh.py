"""Wh-question rules on real sentence shapes: the wh-phrase, what is dropped, and what is refused."""

from __future__ import annotations

import pytest

import quizgen
from quizgen.analyze import analyze
from quizgen.questions.wh import wh_question


@pytest.mark.parametrize(
    ("context", "answer", "question"),
    [
        # A verb-phrase answer asks what the subject did, or what happened to it.
        (
            "Luther lectured on the Psalms from 1510 to 1520.",
            "lectured on the Psalms",
            "What did Luther do from 1510 to 1520?",
        ),
        (
            "In December 1966, the AS-205 mission was canceled.",
            "canceled",
            "What happened to the AS-205 mission in December 1966?",
        ),
        ("The IPCC does not carry out research.", "does not carry out research", "What does the IPCC not do?"),
        # An example asks for its kind; a naming "of" for the thing named.
        (
            "High cost medications are used for chronic disease states such as cancer.",
            "cancer",
            "What disease states are high cost medications used for?",
        ),
        (
            "There are several museums and galleries in Newcastle, including the Centre for Life.",
            "the Centre for Life",
            "What museums are there in Newcastle?",
        ),
        (
            "The city of Beijing was rebuilt with new palace grounds.",
            "Beijing",
            "What city was rebuilt with new palace grounds?",
        ),
        # A known country or capital says which it is.
        (
            "Kim Yong Chol departed Beijing on Tuesday for New York.",
            "Beijing",
            "What city did Kim Yong Chol depart for New York?",
        ),
        # A weekday says nothing without the article's date.
        (
            "Steve Jobs on Tuesday unveiled the iPhone at a conference in San Francisco.",
            "Steve Jobs",
            "Who unveiled the iPhone at a conference in San Francisco?",
        ),
        # A made thing the entity recognizer calls an organisation is no "who": it is asked as what it is.
        (
            "The Polar Satellite Launch Vehicle lifted off from the Satish Dhawan Space Centre on Sriharikota.",
            "The Polar Satellite Launch Vehicle",
            "What vehicle lifted off from the Satish Dhawan Space Centre on Sriharikota?",
        ),
        # "Who" takes a singular verb, whatever number the answer has.
        (
            "Democrats want a vote on the Dream Act before Christmas.",
            "Democrats",
            "Who wants a vote on the Dream Act before Christmas?",
        ),
        (
            "Senate Democrats have been pushing for a short-term spending bill.",
            "Senate Democrats",
            "Who has been pushing for a short-term spending bill?",
        ),
        # A news report's present perfect is asked in the simple past.
        (
            "Kim Il Sung has died of a heart attack at the age of 82, state radio said.",
            "Kim Il Sung",
            "Who died of a heart attack at the age of 82?",
        ),
        (
            "Muhammadu Buhari has been declared the winner of Nigeria's presidential election.",
            "Muhammadu Buhari",
            "Who was declared the winner of Nigeria's presidential election?",
        ),
        # A bare noun keeps the clause that says which it is.
        (
            "The commission voted on Thursday to repeal rules that required internet providers to treat traffic equally.",
            "The commission",
            "What voted to repeal rules that required internet providers to treat traffic equally?",
        ),
        # Nor does a time that only the day of writing pins down.
        (
            "Mike Pompeo will meet later this week with a North Korean general in New York.",
            "Mike Pompeo",
            "Who will meet with a North Korean general in New York?",
        ),
        (
            "The Senate passed the budget bill last week after a long debate.",
            "the budget bill",
            "What did the Senate pass after a long debate?",
        ),
        # A counted number asks how many, a named modifier for its noun.
        (
            "The BBC drama department produced the programme for 26 seasons.",
            "26",
            "How many seasons did the BBC drama department produce the programme for?",
        ),
        (
            "The team practiced at the San Jose State practice facility.",
            "San Jose State",
            "What practice facility did the team practice at?",
        ),
        # An aside set off after the clause goes; a title goes with the name it introduces.
        (
            "The Broncos won the game on Sunday, despite a late injury to their quarterback.",
            "Sunday",
            "When did the Broncos win the game?",
        ),
        (
            "President Donald Trump blamed former president Barack Obama on Tuesday.",
            "Barack Obama",
            "Who did President Donald Trump blame?",
        ),
        # A ranking keeps what it ranks by: not "Who became the youngest man?".
        (
            "Boris Becker of West Germany became the youngest man ever to win the Wimbledon singles title on "
            "Sunday, beating Kevin Curren of the United States 6-3, 6-7, 7-6, 6-4 in the final.",
            "Boris Becker",
            "Who became the youngest man ever to win the Wimbledon singles title?",
        ),
        # A film, an island or a bank the parser takes for a person or a body of people is no "who".
        (
            "Moonlight, Barry Jenkins's drama about a young black man growing up in Miami, won the Academy "
            "Award for best picture on Sunday.",
            "Moonlight",
            "What drama won the Academy Award for best picture?",
        ),
        (
            "Hours after the vessel struck rocks and rolled onto its side off the Tuscan island of Giglio, "
            "police arrested the captain.",
            "Giglio",
            "What Tuscan island did the vessel roll onto its side off?",
        ),
        (
            "The European Central Bank became the first major central bank to impose a negative interest rate.",
            "The European Central Bank",
            "What bank became the first major central bank to impose a negative interest rate?",
        ),
        (
            "The Seikan Tunnel opened to passenger trains on Sunday.",
            "The Seikan Tunnel",
            "What tunnel opened to passenger trains?",
        ),
        # A court or a church is asked as one, by its name without a possessive ending.
        (
            "The Church of England's General Synod voted on Wednesday to allow women to be ordained as priests.",
            "The Church of England",
            "What church voted to allow women to be ordained as priests?",
        ),
        # A ranking the parser hangs on the verb keeps what it ranks by too.
        (
            "Barack Obama on Friday became the first sitting U.S. president to visit Hiroshima, laying a wreath "
            "at the memorial to the victims of the world's first atomic bombing.",
            "Barack Obama",
            "Who became the first sitting U.S. president to visit Hiroshima?",
        ),
        # Where a thing was added to is part of what was done; a part of a day says no date.
        (
            "UNESCO's World Heritage Committee on Sunday added a section of the ancient Silk Roads as well as "
            "China's Grand Canal to the World Heritage List, at a meeting in Doha.",
            "UNESCO's World Heritage Committee",
            "Who added a section of the ancient Silk Roads as well as China's Grand Canal to the World Heritage List?",
        ),
        (
            "The Electric Reliability Council of Texas ordered utilities to begin cutting power in the early hours.",
            "The Electric Reliability Council of Texas",
            "Who ordered utilities to begin cutting power?",
        ),
        # "their" is the protests' own, not Iran's; an ordinary first word is lowercased when it moves.
        (
            "Protests in Iran reached their sixth day on Tuesday.",
            "Tuesday",
            "When did protests in Iran reach their sixth day?",
        ),
    ],
)
def test_question_for(context: str, answer: str, question: str):
    assert quizgen.question_for(context, answer) == question


def strict_question(sentence: str, answer: str) -> str | None:
    doc = next(analyze([sentence]))
    start = sentence.index(answer)
    return wh_question(doc[:], doc.char_span(start, start + len(answer)), strict=True)


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        # What was said would be lost: "Who said shortly after the vote?"
        ('"We will act," McConnell said shortly after the vote on Thursday.', "McConnell"),
        # A doubt is not a fact: "Who will act on immigration?"
        ("It is unclear whether Congress will act on immigration.", "Congress"),
        # A tangled parse ("percent ... a measure aimed at"): what a question drops leaves words behind.
        (
            "In addition, 40 to 45 percent of a vehicle's content must be made by workers earning at least "
            "$16 an hour, a measure aimed at shifting some production away from lower-wage Mexico.",
            "45 percent",
        ),
        # What the work is for would be lost: "What country has been working?"
        ("Russia has also been working to expand its influence in Africa.", "Russia"),
        # Dropped words would run two noun phrases together: "in a ceremony hundreds of thousands of people".
        (
            "Prince William married Kate Middleton at Westminster Abbey on Friday in a ceremony watched by "
            "about 1,900 guests inside the church, hundreds of thousands of people on the streets of London "
            "and a television audience around the world.",
            "Westminster Abbey",
        ),
        (
            "Six Baltimore police officers were charged on Friday in the death of Freddie Gray, a 25-year-old "
            "black man who suffered a fatal spinal injury while in police custody, a surprise announcement "
            "that set off celebrations in a city shaken by riots this week.",
            "Six",
        ),
        # A "by" left in the middle of the question: "Who was the night overshadowed by walking on stage?"
        ("The night was overshadowed by Will Smith walking on stage and slapping comedian Chris Rock.", "Will Smith"),
        # Asked for, the name would leave its title behind: "at the request of President?"
        (
            "A Russian-led military alliance began sending troops to Kazakhstan on Thursday at the request of "
            "President Kassym-Jomart Tokayev, after protests over fuel prices.",
            "Kassym-Jomart Tokayev",
        ),
        # "Who responded by dismissing the government?" responded to what?
        ("Mahmoud Abbas responded by dismissing the Hamas-led unity government.", "Mahmoud Abbas"),
        # One of two who met, or of three who shared a prize, is not the answer.
        ("Kim Jong Un met on Tuesday on the resort island of Sentosa in Singapore.", "Kim Jong Un"),
        ("Tu Youyou of China won a share of the Nobel Prize in Physiology or Medicine on Monday.", "Tu Youyou"),
    ],
)
def test_generation_refuses_questions_that_lose_the_point(sentence: str, answer: str):
    assert strict_question(sentence, answer) is None


def test_refused_questions_exist_without_strictness():
    # The refusals above come from the rule, not from a parse that gives nothing.
    assert strict_question("Congress will act on immigration.", "Congress") == "Who will act on immigration?"


def test_a_dateline_is_not_part_of_the_first_sentence():
    text = "WHITE HOUSE — U.S. Secretary of State Mike Pompeo will meet a North Korean general in New York."
    sentences = [s.text for s in next(analyze([text])).sents]
    assert sentences == ["WHITE HOUSE —", text[len("WHITE HOUSE — ") :]]
    assert not any("WHITE HOUSE" in item.prompt for item in quizgen.generate(text, threshold=0))


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # A paragraph on a line of its own, as news sites set them: a quotation
        # that ends one line does not run into the next.
        (
            'Trump tweeted the visit was a "solid response, thank you!"\n"Kim Yong Chol is the man," Lee said.',
            ['Trump tweeted the visit was a "solid response, thank you!"', '"Kim Yong Chol is the man," Lee said.'],
        ),
        # A caption or subheading ends at its blank line, full stop or not.
        ("Pompeo in New York\n\nThe talks began on Thursday.", ["Pompeo in New York", "The talks began on Thursday."]),
        # So does a line without a full stop and without a blank line after it.
        ("Pompeo in New York\nThe talks began on Thursday.", ["Pompeo in New York", "The talks began on Thursday."]),
        ("REUTERS/Staff\nMarkets fell on Monday.", ["REUTERS/Staff", "Markets fell on Monday."]),
        # A line that plainly ends mid-sentence is wrapped text and runs on.
        ("The talks in New York\nbegan on Thursday.", ["The talks in New York\nbegan on Thursday."]),
        ("Pompeo will meet with\nKim Yong Chol on Thursday.", ["Pompeo will meet with\nKim Yong Chol on Thursday."]),
    ],
)
def test_a_sentence_never_runs_across_the_end_of_a_paragraph(text: str, sentences: list[str]):
    assert [s.text.strip() for s in next(analyze([text])).sents] == sentences


def test_the_source_of_a_claim_is_not_asked_for():
    text = "Mike Pompeo will meet a North Korean general in New York on Thursday, according to the White House."
    items = quizgen.generate(text, threshold=0)
    assert items, "the meeting itself is asked about"
    assert not any(item.answer.endswith("White House") for item in items)


def test_a_dateline_before_a_quotation_is_not_part_of_the_sentence():
    text = 'LOS ANGELES — "CODA," a film about the hearing daughter of a deaf family, won the Academy Award.'
    assert [s.text for s in next(analyze([text])).sents] == ["LOS ANGELES —", text[len("LOS ANGELES — ") :]]


def test_a_sentence_is_not_cut_inside_a_name():
    text = (
        "Tunisia's parliament speaker was sworn in as interim president on Saturday, a day after weeks of "
        "street protests forced Zine El Abidine Ben Ali to flee the country and end his 23 years in power."
    )
    assert [s.text for s in next(analyze([text])).sents] == [text]


def test_a_pronoun_never_stands_for_a_dateline():
    text = "CHICAGO — Encyclopaedia Britannica will stop printing its famous reference books after 244 years."
    assert not any("CHICAGO" in item.prompt for item in quizgen.generate(text, threshold=0))


def test_a_dash_inside_a_sentence_is_not_a_dateline():
    text = "NATO — the alliance of thirty countries — met in Brussels today."
    assert [s.text for s in next(analyze([text])).sents] == [text]


def test_a_dateline_may_name_its_region_in_plain_words():
    text = "ARAVA CROSSING, Israel-Jordan border (Wire) — Israel and Jordan signed a peace treaty in the desert."
    assert [s.text for s in next(analyze([text])).sents] == [
        "ARAVA CROSSING, Israel-Jordan border (Wire) —",
        "Israel and Jordan signed a peace treaty in the desert.",
    ]
