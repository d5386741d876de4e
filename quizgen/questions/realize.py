"""Facts to questions: a wh-question and a cloze for each fact.

facts -> questions (this) -> quality -> generation. A pattern with a question
of its own asks it over the fact's detail (an appositive asks for the person:
"Who is the Director General of Glavkosmos?", an acronym for its expansion:
"What does AES stand for?"). The rest are transformed from their sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from quizgen.analyze.gazetteer import place_kind
from quizgen.facts import Fact
from quizgen.questions.pronouns import entities_between
from quizgen.questions.wh import coordinated, wh_question
from quizgen.wording import BLANK

# Teachers read these questions on their own; a little more of the sentence
# is worth keeping than the shortest form that scores best against SQuAD.
QUESTION_WORDS = 20


@dataclass(frozen=True)
class Question:
    """A question or cloze about a fact, before it is judged."""

    fact: Fact
    kind: str  # "wh" or "cloze"
    prompt: str
    answer: str
    sentence: str
    answer_start: int  # in the sentence
    answer_end: int
    accepted: tuple[str, ...] = ()


def questions(fact: Fact, doc: Doc, text: str | None = None) -> list[Question]:
    """The questions of ``fact``; ``text`` is ``doc.text``, passed in by
    callers that ask for many facts, since spaCy rebuilds it on every access."""
    article = doc.text if text is None else text
    sentence = doc.char_span(fact.sentence_start, fact.sentence_end, alignment_mode="expand")
    answer = doc.char_span(fact.answer_start, fact.answer_end, alignment_mode="expand")
    if sentence is None or answer is None:
        return []
    text = article[fact.sentence_start : fact.sentence_end]
    start = fact.answer_start - fact.sentence_start
    end = fact.answer_end - fact.sentence_start
    shown = text[start:end]
    pattern = fact.pattern

    def make(kind: str, prompt: str | None, accepted: tuple[str, ...] = ()) -> list[Question]:
        if not prompt:
            return []
        return [Question(fact, kind, prompt, shown, text, start, end, accepted)]

    found: list[Question] = []
    if pattern.lists:
        found += make("wh", members_question(answer, doc))
    if pattern.question and fact.detail:
        also = (pattern.also_accepted.format(answer=shown),) if pattern.also_accepted else ()
        found += make("wh", pattern.question.format(detail=fact.detail), also)
    elif pattern.transformed:
        found += make("wh", wh_question(sentence, answer, max_words=QUESTION_WORDS, strict=True))
    if not coordinated(answer):
        # A blank in a list could take any of its members.
        # A sentence hard-wrapped across lines reads as one line.
        found += make("cloze", " ".join(f"{text[:start]}{BLANK}{text[end:]}".split()))
    return found


# Where the article's headline is kept with its parsed body (set by the quality stage).
TITLE_KEY = "quizgen_title"


def members_question(members: Span, doc: Doc) -> str | None:
    """ "Which countries make up the AES?" for "the Alliance of Sahel States
    (AES), a military cooperation including Mali, Niger, and Burkina Faso". Only
    for countries, listed in an aside to the name of what they make up, and only
    when the headline names every one of them: "including" alone does not say
    the list is whole, but a list the headline repeats is."""
    head = members.root.head
    if head.lower_ not in ("including", "includes", "include"):
        return None
    group = head.head
    if group.pos_ != "NOUN":
        return None
    name = _named_before(group)
    if name is None:
        return None
    names = [t for t in members if t.dep_ in ("pobj", "dobj", "conj") and t.ent_type_ == "GPE"]
    if len(names) < 2 or any(place_kind(_name(t)) != "country" for t in names):
        return None
    title = doc.user_data.get(TITLE_KEY, "")
    if not all(_name(t) in title for t in names):
        return None
    after = doc[name.end : name.end + 3]
    if len(after) == 3 and after[0].text == "(" and after[1].is_upper and after[2].text == ")":
        # The acronym it goes by: "the AES" leaves "What does AES stand for?" its answer.
        text = f"the {after[1].text}"
    else:
        text = name.text if name[0].lower_ == "the" else f"the {name.text}"
    return f"Which countries make up {text}?"


def _named_before(noun) -> Span | None:
    """The organisation that the phrase of ``noun`` sets off: "the Alliance of
    Sahel States (AES), a military cooperation": only commas and an acronym in
    brackets between them."""
    doc = noun.doc
    start = noun.left_edge.i
    before = [ent for ent in entities_between(doc, noun.sent.start, start) if ent.end <= start and ent.label_ == "ORG"]
    if not before:
        return None
    name = before.pop()
    if name.start > 0 and doc[name.start - 1].text == "(" and before:
        name = before.pop()  # "(AES)" is the acronym of the name before it
    between = doc[name.end : start]
    if not between or between[-1].text != ",":
        return None
    if any(not (t.is_punct or (t.is_upper and t.is_alpha)) for t in between):
        return None
    return name


def _name(token) -> str:
    """The whole name ``token`` heads: "Burkina Faso" for "Faso"."""
    parts = sorted([*(c for c in token.children if c.dep_ == "compound"), token], key=lambda t: t.i)
    return " ".join(t.text for t in parts)
