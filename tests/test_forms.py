"""The forms on real articles: the seed's multiple-choice, true/false and matching items, and a deck's balance."""

from __future__ import annotations

import random
import re

import pytest

import quizgen
from quizgen.analyze import analyze
from quizgen.analyze.gazetteer import country_named
from quizgen.distractors.choose import Answer, choose
from quizgen.ingest import read_all, read_article
from quizgen.normalize import overlaps
from quizgen.wording import BLANK
from tests.conftest import ROOT, SEEDS

SEED = read_article(next(SEEDS.glob("*.txt")))
NEWS = [a for a in read_all([SEEDS, ROOT / "tests" / "data" / "news"]) if not isinstance(a, Exception)]


@pytest.fixture(scope="module")
def seed_items() -> dict[str, list[quizgen.Item]]:
    found: dict[str, list[quizgen.Item]] = {}
    for item in quizgen.generate(SEED.text, threshold=0):
        found.setdefault(item.kind, []).append(item)
    return found


def test_an_acronym_is_asked_without_invented_expansions(seed_items):
    (question,) = [i for i in seed_items["wh"] if i.prompt == "What does AES stand for?"]
    assert question.answer == "Alliance of Sahel States"
    assert not question.distractors
    assert not [i for i in seed_items["multiple_choice"] if i.answer == "Alliance of Sahel States"]


def test_a_turned_round_question_is_offered_as_its_own_sentence_with_a_gap(seed_items):
    gapped = [i for i in seed_items["multiple_choice"] if BLANK in i.prompt]
    assert gapped
    for item in gapped:
        before, after = item.prompt.split(BLANK)
        assert item.sentence.strip() == before + item.answer + after or item.sentence.strip().endswith(
            item.answer + after
        ), item.prompt
        assert not any(w in item.prompt for w in (" did ", " does ", " do "))


def test_a_list_of_countries_is_offered_other_countries():
    # A list answer is offered other lists as long, of names that are none of its own.
    members = ("Mali", "Niger", "Burkina Faso")
    found = choose(
        Answer(text="Mali, Niger, and Burkina Faso", label="GPE", prompt="Which countries?", members=members),
        next(analyze([SEED.text])),
        rng=random.Random(0),
    )
    assert len(found) == 3
    for distractor in found:
        names = distractor.text.replace(", and ", ", ").split(", ")
        assert len(names) == 3 and all(country_named(m) is not None for m in names), distractor
        assert not any(overlaps(m, c) for m in names for c in members)


def test_numbers_keep_their_qualifier_and_scale(seed_items):
    by_answer = {i.answer: i for i in seed_items["multiple_choice"]}
    assert all(d.startswith("over ") and d != "over 1,000" for d in by_answer["over 1,000"].distractors)
    assert all(d.endswith(" million") and d != "4 million" for d in by_answer["4 million"].distractors)


def test_the_seed_has_true_and_false_statements_and_a_matching_set(seed_items):
    statements = seed_items["true_false"]
    assert {s.answer for s in statements} == {"True", "False"}
    assert all(s.prompt.endswith(".") and s.prompt[0].isupper() for s in statements)
    (matching,) = seed_items["matching"]
    assert ("AES", "Alliance of Sahel States") in matching.pairs
    assert ("The Director General of Glavkosmos", "Ilya Tarasenko") in matching.pairs


def test_a_deck_is_balanced():
    deck = [item for article in NEWS for item in quizgen.generate(article.text, threshold=0)]
    statements = [i.answer for i in deck if i.kind == "true_false"]
    assert len(statements) >= 6
    # Alternation within each article keeps each one within one of even.
    assert abs(statements.count("True") - statements.count("False")) <= len(NEWS)
    choices = [i for i in deck if i.kind == "multiple_choice"]
    longest = sum(len(i.answer) > max(len(d) for d in i.distractors) for i in choices)
    # The right answer is the longest option no more often than chance (1 in 4) allows for.
    assert longest / len(choices) <= 0.4, (longest, len(choices))


def test_a_different_seed_can_give_different_distractors():
    texts = [a.text for a in NEWS]
    first = [
        i.distractors for t in texts for i in quizgen.generate(t, seed=1, threshold=0) if i.kind == "multiple_choice"
    ]
    other = [
        i.distractors for t in texts for i in quizgen.generate(t, seed=2, threshold=0) if i.kind == "multiple_choice"
    ]
    assert first and first != other


def test_what_the_article_says_alike_is_no_distractor(seed_items):
    # "Remote sensing satellites will also be developed and deployed": offered
    # for "What does the partnership allow Russia's space agency to deploy?", it
    # would be a second right answer.
    (choice,) = [i for i in seed_items["wh"] if i.answer == "telecommunication devices"]
    assert len(choice.distractors) == 3
    # A phrase's options are other phrases of the article, rarely of its kind: no multiple choice.
    assert not [i for i in seed_items["multiple_choice"] if i.answer == "telecommunication devices"]
    assert not any(overlaps(d, "remote sensing satellites") for d in choice.distractors)


def test_the_acronym_is_no_accepted_answer_to_what_it_stands_for(seed_items):
    from quizgen.answers import is_accepted

    (question,) = [i for i in seed_items["wh"] if i.prompt == "What does AES stand for?"]
    assert not is_accepted("AES", question.answer, question.accepted_answers)
    assert is_accepted("the Alliance of Sahel States", question.answer, question.accepted_answers)


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        # An aside dropped between the subject and its verb takes its commas with it.
        (
            "Rolls-Royce, which makes the engines in Derby, employs more than 50,000 people around the world.",
            "Rolls-Royce employs",
        ),
        # A particle the parser takes for an adverb stays with its verb.
        ("Flynn stepped down after just 24 days in the job as national security adviser.", "stepped down after"),
    ],
)
def test_a_statement_reads_as_a_sentence(text: str, stated: str):
    items = quizgen.generate(text, threshold=0)
    wordings = [i.prompt for i in items if i.kind in ("true_false", "wh")]
    assert wordings, items
    assert any(stated in w for w in wordings), wordings


def test_a_kept_aside_keeps_both_its_commas():
    text = (
        "Yevgeny Prigozhin led the revolt against the army. The head of Russia's Wagner mercenary group, "
        "Yevgeny Prigozhin, called off an armed march on Moscow under a deal. Dmitry Peskov, the Kremlin "
        "spokesman, said Prigozhin would go to Belarus."
    )
    asides = [i.prompt for i in quizgen.generate(text, threshold=0) if i.kind == "true_false" and "group," in i.prompt]
    assert asides
    assert all(re.search(r"group, [A-Z][a-z]+ [A-Z][a-z]+, called", prompt) for prompt in asides), asides


def test_a_date_answer_ends_where_the_date_does():
    items = quizgen.generate("May took office in July 2016, weeks after Britons voted to leave the EU.", threshold=0)
    assert "July 2016" in {i.answer for i in items}
    assert not any(i.answer.startswith("July 2016,") for i in items)


def test_an_abbreviation_of_the_answer_is_no_wrong_option():
    text = (
        "The United Nations General Assembly voted on Thursday to recognize Palestine as a non-member "
        "observer state. The U.N. Security Council did not vote. The UN and the European Union, the EU, "
        "sent observers, and the International Criminal Court and the World Bank said nothing."
    )
    doc = next(analyze([text]))
    answer = "United Nations General Assembly"
    start = text.index(answer)
    found = choose(
        Answer(
            text=answer,
            label="ORG",
            prompt="Who voted to recognize Palestine?",
            span=doc.char_span(start, start + len(answer)),
        ),
        doc,
        count=6,
        rng=random.Random(0),
    )
    assert found
    assert not {d.text.replace(".", "") for d in found} & {"UN", "U.N"}, found
    # Nor are two options one thing under two names.
    assert not {"EU", "European Union"} <= {d.text for d in found}, found


def test_a_count_of_several_is_never_offered_one():
    text = "Police hunted two brothers suspected of killing 12 people in the attack on Wednesday in Paris."
    counts = [i for s in range(5) for i in quizgen.generate(text, threshold=0, seed=s) if i.answer == "two"]
    assert any(i.kind == "multiple_choice" for i in counts)
    assert not any("one" in i.distractors for i in counts if i.kind == "multiple_choice")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A short statement whose predicate names nothing is too vague to test a fact.
        ("Israel faced a wave of international condemnation.", False),
        ("Kenya named a suspected mastermind.", False),
        # One that names what it is about, or says what a thing is or what was done to it, is not.
        ("Saudi Arabia cut diplomatic relations with Qatar.", True),
        ("Cholera is a bacterial infection.", True),
        ("Gadhafi's son Mutassim was killed.", True),
    ],
)
def test_a_short_statement_must_name_what_it_states(text: str, kept: bool):
    from quizgen.questions.statement import statement

    doc = next(analyze([text]))
    subject = next(t for t in doc if t.dep_ in ("nsubj", "nsubjpass"))
    span = doc[subject.left_edge.i : subject.i + 1]
    assert (statement(span) is not None) == kept


def test_a_gapped_and_stays_with_what_it_joins():
    from quizgen.questions.statement import statement

    text = "Under the plan, General Motors will receive 13.4 billion dollars and Chrysler four billion dollars."
    doc = next(analyze([text]))
    start = text.index("General Motors")
    stated = statement(doc.char_span(start, start + len("General Motors")))
    assert stated is not None and "dollars and Chrysler" in stated.text, stated


@pytest.mark.parametrize(
    "text",
    [
        # An event or a thing is no person's role.
        "Kim Dae-jung flew to Pyongyang on Tuesday to meet Kim Jong Il, the first meeting between leaders of the two Koreas.",
        "Britain's newest museum, Tate Modern, opened its doors to the public on Friday in London.",
    ],
)
def test_a_role_is_a_persons(text: str):
    assert not any(i.prompt.startswith("Who is") for i in quizgen.generate(text, threshold=0))


def test_its_after_a_named_subject_stays_its():
    text = (
        "LONDON — Tate Modern, Britain's new national gallery of modern art, opened its doors to the public "
        "on Friday, drawing thousands of visitors to a converted power station on the south bank of the River Thames."
    )
    assert not any("Britain's doors" in i.prompt for i in quizgen.generate(text, threshold=0))


def test_how_many_shared_a_prize_is_not_asked():
    text = (
        "Three scientists won the Nobel Prize in Chemistry on Wednesday for developing lithium-ion batteries. "
        "John Goodenough, 97, is the oldest winner."
    )
    items = quizgen.generate(text, threshold=0)
    assert items, "the rest of the article is still asked about"
    assert not any(item.answer == "Three" for item in items)


def true_false_statements(text: str) -> list[str]:
    return [i.prompt for i in quizgen.generate(text, threshold=0) if i.kind == "true_false"]


def test_a_statement_never_runs_two_noun_phrases_together():
    text = (
        "The U.S. Food and Drug Administration on Monday approved the first prescription medicine made from "
        "a purified substance taken from the marijuana plant, a liquid for treating two rare and severe forms "
        "of childhood epilepsy."
    )
    statements = true_false_statements(text)
    assert not any("medicine a liquid" in s for s in statements), statements


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        (
            "Prince Harry married the American actress Meghan Markle at St George's Chapel on Saturday. "
            "Queen Elizabeth II gave Harry the titles Duke of Sussex and Earl of Dumbarton. "
            "Prince Charles walked Markle down the aisle, and Elton John sang.",
            "Harry",
        ),
    ],
)
def test_no_wrong_option_is_a_numeral_or_a_title(text: str, answer: str):
    options = [
        option for item in quizgen.generate(text, threshold=0) if item.answer == answer for option in item.distractors
    ]
    assert options
    assert not any(re.fullmatch(r"[IVX]+", option) or option.split()[0] in ("Queen", "Prince") for option in options)


@pytest.mark.parametrize(
    ("text", "offered", "unasked", "refused"),
    [
        # A number is offered with options, not as a blank to recall.
        (
            "Euro banknotes and coins went into circulation across 12 European Union countries on Tuesday, "
            "replacing currencies such as the German mark and the French franc.",
            "12",
            "12",
            ("cloze",),
        ),
        # A count before a singular noun ("one percentage point") has no other numbers to offer, nor a "how many".
        (
            "Quebec voters narrowly rejected a proposal to make the French-speaking province a sovereign country, "
            "by a margin of just over one percentage point in Monday's referendum. About 93 percent of voters "
            "took part.",
            "About 93 percent",
            "just over one",
            ("cloze", "wh", "multiple_choice"),
        ),
    ],
)
def test_numbers_are_offered_with_options_that_fit(text: str, offered: str, unasked: str, refused: tuple[str, ...]):
    items = quizgen.generate(text, threshold=0)
    assert any(i.answer == offered and i.kind == "multiple_choice" for i in items)
    assert not any(i.answer == unasked and i.kind in refused for i in items)


def test_a_phrase_the_parser_could_not_place_is_not_left_in_a_statement():
    text = (
        "Ghana received 600,000 doses of the Oxford-AstraZeneca coronavirus vaccine on Wednesday, becoming the "
        "first country to get vaccines through COVAX, the global programme set up to ensure that poorer nations "
        "are not left behind in the race to immunise against COVID-19."
    )
    statements = true_false_statements(text)
    assert not any(s.endswith("the global programme.") for s in statements), statements


def test_a_date_past_the_lead_is_not_asked():
    text = (
        "Sri Lanka won the cricket World Cup for the first time on Sunday, beating Australia by seven wickets "
        "in the final in Lahore. Aravinda de Silva scored an unbeaten century. The tournament was held in India, "
        "Pakistan and Sri Lanka. Sri Lanka had first played in the World Cup in June 1975, losing all their matches."
    )
    items = quizgen.generate(text, threshold=0)
    assert items
    assert not any(item.answer == "June 1975" for item in items)


@pytest.mark.parametrize(("place", "stated"), [("the country's", False), ("South Korea's", True)])
def test_a_statement_names_the_country_it_speaks_of(place: str, stated: bool):
    from quizgen.questions.statement import statement

    doc = next(analyze([f"Roh Tae-woo won {place} first direct presidential election in 16 years."]))
    name = next(ent for ent in doc.ents if ent.label_ == "PERSON")
    assert (statement(name) is not None) == stated


def test_a_statement_keeps_a_plural_verb_with_a_plural_subject():
    from quizgen.questions.statement import statement

    doc = next(
        analyze(
            [
                "Marcos, his wife Imelda and members of their family and entourage were flown by U.S. Air Force "
                "helicopters from the presidential palace to Clark Air Base north of Manila."
            ]
        )
    )
    stated = [statement(ent) for ent in doc.ents]
    assert not any(s is not None and s.text.startswith("Marcos were") for s in stated), stated


def test_a_hard_wrapped_text_gives_the_items_of_its_one_line_paragraphs():
    one_line = (
        "Senegal's President Abdou Diouf conceded defeat on Monday to longtime opposition leader Abdoulaye Wade, "
        "ending four decades of Socialist Party rule. Wade won 58 percent of the vote in the runoff."
    )
    wrapped = one_line.replace("ending four decades", "ending four\ndecades").replace("Wade won", "Wade\nwon")
    asked = [(i.kind, i.prompt, i.answer) for i in quizgen.generate(wrapped, threshold=0)]
    assert asked == [(i.kind, i.prompt, i.answer) for i in quizgen.generate(one_line, threshold=0)]
    assert any(kind == "cloze" for kind, _, _ in asked)


def test_an_after_phrase_goes_whole_or_keeps_its_event():
    from quizgen.questions.statement import statement

    doc = next(
        analyze(
            [
                "Divers recovered more than 100 bodies from the sea off the Italian island of Lampedusa after a boat "
                "carrying about 500 African migrants caught fire and capsized on Thursday."
            ]
        )
    )
    stated = statement(next(ent for ent in doc.ents if ent.text == "more than 100"))
    assert stated is not None
    assert stated.text == "Divers recovered more than 100 bodies from the sea off the Italian island of Lampedusa."


@pytest.mark.parametrize(
    ("title", "asked"),
    [
        ("Burkina Faso, Mali, and Niger Strengthen Russian Relations in a New Satellite Deal", True),
        # "including" alone does not say the list is whole: the headline must name every member.
        ("Russia Signs a New Satellite Deal", False),
    ],
)
def test_the_members_of_a_group_are_asked_when_the_headline_names_them_all(title: str, asked: bool):
    body = next(SEEDS.glob("*.txt")).read_text(encoding="utf-8").split("\n", 1)[1]
    found = [
        i for i in quizgen.generate(body, title=title, threshold=0) if i.prompt.startswith("Which countries make up")
    ]
    assert bool(found) == asked
    if asked:
        assert found[0].prompt == "Which countries make up the AES?"
        assert found[0].answer == "Mali, Niger, and Burkina Faso"
