"""Multiple choice: a question or a sentence with a gap, its answer among distractors.

Only an answer of a kind whose options can be of its own kind (a person, an
organisation, a date, a number), with a full set of distractors, becomes
multiple choice; a weak set of options is worse than none. The stem is the wh-question when it asks
directly ("Who developed the moving assembly line?") or comes from a pattern
("What does AES stand for?"). A question that had to turn its sentence round
("How many troops did the Council authorize a mission of?") reads worse than
the sentence itself, so its stem is the article's own sentence with a gap.
"""

from __future__ import annotations

from dataclasses import replace

from quizgen.forms.chosen import Chosen, leading_article, rule
from quizgen.item import Item
from quizgen.normalize import contains, words
from quizgen.quality.rules import AUXILIARIES
from quizgen.wording import BLANK, POINTERS, leans_back

# Auxiliaries that, second in a question, show it was turned round: "What did ...".
INVERTING = AUXILIARIES | {"must"}
# A sentence longer than this makes a stem too long to read among options.
STEM_WORDS = 40
# Answers whose wrong options are of their own kind: people among people,
# dates among dates. A place's neighbours are too easy to rule out ("Canada"
# for "the U.S."), and a phrase's are other phrases of the article, rarely of
# the same kind ("electric eels" for "main sources").
OPTION_LABELS = frozenset(
    {"PERSON", "ORG", "DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "EVENT", "WORK_OF_ART",
     "LAW", "PRODUCT"}
)  # fmt: skip


def multiple_choice(chosen: Chosen, count: int) -> Item | None:
    """The multiple-choice form of a question or cloze whose distractors are complete, else None."""
    if len(chosen.distractors) < count or count < 1 or chosen.fact.label not in OPTION_LABELS:
        return None
    question = chosen.question
    answer, start = question.answer, question.answer_start
    article = leading_article(answer)
    if article:
        # Options read alike: "White House" among "U.S. Senate" and "Congress".
        answer, start = answer[len(article) + 1 :], start + len(article) + 1
    prompt = question.prompt if chosen.kind == "wh" and _asks_directly(chosen) else _gapped(chosen, start)
    if prompt is None:
        return None
    shown = prompt.replace(BLANK, " ")
    if any(contains(shown, wrong) for wrong in chosen.distractors[:count]):
        # The sentence of a turned-round question may name what was chosen against its question.
        return None
    return replace(
        chosen.item(),
        prompt=prompt,
        answer=answer,
        answer_start=start,
        key=chosen.key("multiple_choice"),
        kind="multiple_choice",
        rule=rule(chosen.fact, "multiple_choice"),
        distractors=chosen.distractors[:count],
    )


def _asks_directly(chosen: Chosen) -> bool:
    """Whether a wh-question keeps its sentence's order: a pattern's own
    question, or one that asks for the subject ("Who signed ...?")."""
    if chosen.fact.pattern.question:
        return True
    asked = words(chosen.question.prompt)
    if asked[:1] == ["how"]:
        asked = asked[1:]
        while asked and asked[0] not in INVERTING:
            asked = asked[1:]
        return not asked
    return len(asked) > 1 and asked[1] not in INVERTING


def _gapped(chosen: Chosen, start: int) -> str | None:
    """The question's sentence with a gap from ``start`` to the end of its
    answer, or None when it does not stand on its own or would show the answer."""
    question = chosen.question
    sentence = question.sentence.strip()
    before = question.sentence[:start].lstrip()
    after = question.sentence[question.answer_end :].rstrip()
    shown = before + " " + after
    if (
        contains(shown, question.answer[start - question.answer_start :])
        or len(words(sentence)) > STEM_WORDS
        or set(words(shown)) & POINTERS
        or leans_back(sentence)
        or "\n" in sentence
    ):
        return None
    return before + BLANK + after
