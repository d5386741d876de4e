"""Composing an article's items: the chosen questions with their distractors,
and the multiple-choice, true/false and matching items made from them."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from quizgen.answers import accepted_answers
from quizgen.distractors.choose import DATE_LABELS, DEFAULT_COUNT, Answer, choose
from quizgen.distractors.choose import NUMBER_LABELS as COUNT_LABELS
from quizgen.facts.salience import defined_acronyms
from quizgen.forms.chosen import Chosen, one_line
from quizgen.forms.matching import matching
from quizgen.forms.multiple_choice import multiple_choice
from quizgen.forms.true_false import true_false
from quizgen.item import Item
from quizgen.normalize import normalize

if TYPE_CHECKING:
    from quizgen.quality import Judgement
    from quizgen.questions.realize import Question

# True/false items per article, as a share of its questions.
TRUE_FALSE_SHARE = 0.5


def compose(
    chosen: Sequence[tuple[Question, Judgement]],
    doc: Doc,
    article_hash: str,
    *,
    count: int = DEFAULT_COUNT,
    seed: int | str = 0,
) -> list[Item]:
    """The items of one article from its ``chosen`` questions and clozes, best first."""
    questions = [
        _with_distractors(question, judgement, doc, article_hash, count=count, seed=seed)
        for question, judgement in chosen
    ]
    choices = [item for item in (multiple_choice(q, count) for q in questions) if item is not None]
    statements = _true_false(questions, article_hash, budget=max(1, int(len(questions) * TRUE_FALSE_SHARE)))
    matched = matching(questions, article_hash)
    asked = [q.item() for q in questions if not _recalled_number(q)]
    return [*asked, *choices, *statements, *([matched] if matched else [])]


# Numbers and dates: the answers that distractors are made for by value.
NUMBER_LABELS = COUNT_LABELS | DATE_LABELS


def _recalled_number(chosen: Chosen) -> bool:
    """Whether ``chosen`` is a cloze whose blank is a number or a date. Teachers
    rated seven in ten of them trivia as a blank to fill from memory, and three
    in four acceptable as multiple choice: they are offered with options only."""
    question = chosen.question
    return question.kind == "cloze" and (
        question.fact.label in NUMBER_LABELS or any(ch.isdigit() for ch in question.answer)
    )


def _with_distractors(
    question: Question,
    judgement: Judgement,
    doc: Doc,
    article_hash: str,
    *,
    count: int,
    seed: int | str,
) -> Chosen:
    """``question`` with every answer that counts and the distractors of its answer."""
    fact = question.fact
    span = doc.char_span(fact.answer_start, fact.answer_end, alignment_mode="expand")
    accepted = tuple(
        dict.fromkeys(
            one_line(a) for a in (*question.accepted, *accepted_answers(question.answer, **_other_name(question, doc)))
        )
    )
    members = _members(span) if span is not None and fact.pattern.lists else ()
    answer = Answer(
        text=question.answer,
        label=fact.label or _members_label(span, members),
        prompt=question.prompt,
        correct=(*accepted, *_siblings(span)),
        span=span,
        acronym=fact.detail if fact.pattern.detail_names_answer else "",
        members=members,
    )
    chosen = Chosen(question, article_hash, judgement.score, judgement.reasons, accepted, (), span)
    if count < 1:
        return chosen
    rng = random.Random(f"distractors:{seed}:{chosen.key(question.kind)}")
    found = choose(answer, doc, count=count, rng=rng)
    return replace(chosen, distractors=tuple(d.text for d in found))


def _true_false(questions: list[Chosen], article_hash: str, *, budget: int) -> list[Item]:
    """At most one statement per sentence, true and false in turn, so that a deck is balanced."""
    made: list[Item] = []
    want_true = int(article_hash[:2], 16) % 2 == 0
    sentences: set[int] = set()
    for chosen in questions:
        if len(made) >= budget:
            break
        if chosen.span is None or chosen.fact.sentence_start in sentences:
            continue
        both = true_false(chosen)
        if both is None:
            continue
        sentences.add(chosen.fact.sentence_start)
        made.append(both[0] if want_true else both[1])
        want_true = not want_true
    return made


def _other_name(question: Question, doc: Doc) -> dict[str, str]:
    """The other form of an answer that is an acronym or its expansion: "AES"
    also answers "Who signed …? (the Alliance of Sahel States)". Not for the
    question that asks what the acronym stands for, which names it."""
    if question.fact.pattern.detail_names_answer:
        return {}
    answer = normalize(question.answer)
    for acronym, expansion in defined_acronyms(doc).items():
        if answer == normalize(expansion):
            return {"acronym": acronym}
        if answer == normalize(acronym):
            return {"expansion": expansion}
    return {}


def _siblings(span: Span | None) -> list[str]:
    """The other members of a list the answer is one of: they answer the same question."""
    if span is None:
        return []
    head = span.root
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    members = [head]
    for member in members:
        members.extend(c for c in member.children if c.dep_ == "conj")
    inside = range(span.start, span.end)
    return [_member_text(m) for m in members if m.i not in inside]


def _member_text(member: Token) -> str:
    left_out: set[int] = set()
    for child in member.children:
        if child.dep_ in ("conj", "cc", "punct", "appos"):
            left_out |= {t.i for t in child.subtree}
    return "".join(t.text_with_ws for t in member.subtree if t.i not in left_out).strip()


def _members(span: Span) -> tuple[str, ...]:
    """The names of a list answer ("Mali, Niger, and Burkina Faso"), in order."""
    head = span.root
    members = [head]
    for member in members:
        members.extend(c for c in member.children if c.dep_ == "conj" and span.start <= c.i < span.end)
    return tuple(_member_text(m) for m in sorted(members, key=lambda t: t.i)) if len(members) > 1 else ()


def _members_label(span: Span | None, members: tuple[str, ...]) -> str:
    if span is None or not members:
        return ""
    labels = {t.ent_type_ for t in span if t.ent_type_}
    return labels.pop() if len(labels) == 1 else ""
