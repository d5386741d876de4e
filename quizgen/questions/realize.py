"""Facts to candidate questions: a wh-question and a cloze for each fact.

Patterns that carry their own meaning get a question of their own shape: an
appositive asks for the person ("Who is the Director General of Glavkosmos?"),
an acronym for its expansion ("What does AES stand for?"). The rest are
transformed from their sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from quizgen.facts import Fact
from quizgen.questions.wh import coordinated, wh_question

BLANK = "_____"
# Teachers read these questions on their own; a little more of the sentence
# is worth keeping than the shortest form that scores best against SQuAD.
MAX_WORDS = 20


@dataclass(frozen=True)
class Candidate:
    fact: Fact
    kind: str  # "wh" or "cloze"
    prompt: str
    answer: str
    sentence: str
    answer_start: int  # in the sentence
    answer_end: int
    accepted: tuple[str, ...] = ()


def candidates(fact: Fact, doc: Doc, text: str | None = None) -> list[Candidate]:
    """The candidate questions of ``fact``; ``text`` is ``doc.text``, passed in
    by callers that ask for many facts, since spaCy rebuilds it on every access."""
    article = doc.text if text is None else text
    sentence = doc.char_span(fact.sentence_start, fact.sentence_end, alignment_mode="expand")
    answer = doc.char_span(fact.answer_start, fact.answer_end, alignment_mode="expand")
    if sentence is None or answer is None:
        return []
    text = article[fact.sentence_start : fact.sentence_end]
    start = fact.answer_start - fact.sentence_start
    end = fact.answer_end - fact.sentence_start
    shown = text[start:end]

    def make(kind: str, prompt: str | None, accepted: tuple[str, ...] = ()) -> list[Candidate]:
        if not prompt:
            return []
        return [Candidate(fact, kind, prompt, shown, text, start, end, accepted)]

    found: list[Candidate] = []
    if fact.pattern == "appositive" and fact.detail:
        found += make("wh", f"Who is {fact.detail}?")
    elif fact.pattern == "acronym" and fact.detail:
        found += make("wh", f"What does {fact.detail} stand for?", (f"the {shown}",))
    elif fact.pattern != "membership":
        found += make("wh", wh_question(sentence, answer, max_words=MAX_WORDS, strict=True))
    if not coordinated(answer):
        # A blank in a list could take any of its members.
        found += make("cloze", text[:start] + BLANK + text[end:])
    return found
