"""Facts to questions: a wh-question and a cloze for each fact.

facts -> questions (this) -> quality -> generation. A pattern with a question
of its own asks it over the fact's detail (an appositive asks for the person:
"Who is the Director General of Glavkosmos?", an acronym for its expansion:
"What does AES stand for?"). The rest are transformed from their sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from quizgen.facts import Fact
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
