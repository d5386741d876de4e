"""Composing an article's items: the chosen questions with their distractors,
and the multiple-choice, true/false and matching items made from them."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span

from quizgen.distractors.choose import DEFAULT_COUNT, Answer, choose
from quizgen.forms.matching import matching
from quizgen.forms.multiple_choice import multiple_choice
from quizgen.forms.true_false import true_false
from quizgen.items import Item
from quizgen.normalize import normalize

# True/false items per article, as a share of its questions.
TRUE_FALSE_SHARE = 0.5


def compose(
    chosen: Sequence[tuple[Item, Span | None, str, str]],
    doc: Doc,
    article_hash: str,
    *,
    count: int = DEFAULT_COUNT,
    corpus: Mapping[str, Sequence[str]] | None = None,
    seed: int | str = 0,
) -> list[Item]:
    """The items of one article. ``chosen`` holds each question or cloze item
    with its answer span, its answer's entity label and what its fact knows
    (an appositive's role, an acronym), best first."""
    from quizgen.answers import accepted_answers

    from quizgen.facts.salience import acronyms

    defined = acronyms(doc)
    questions: list[Item] = []
    spans: dict[str, Span | None] = {}
    details: dict[str, str] = {}
    for item, span, label, detail in chosen:
        accepted = tuple(dict.fromkeys((*item.accepted_answers, *accepted_answers(item.answer, **_acronym(item, defined)))))
        siblings = _siblings(span)
        members = _members(span) if span is not None and item.rule.startswith("membership/") else ()
        answer = Answer(
            text=item.answer,
            label=label or _members_label(span, members),
            prompt=item.prompt,
            correct=(*accepted, *siblings),
            span=span,
            acronym=detail if item.rule.startswith("acronym/") else "",
            members=members,
        )
        rng = random.Random(f"distractors:{seed}:{item.key}")
        found = choose(answer, doc, count=count, rng=rng, corpus=corpus) if count > 0 else []
        item = replace(item, distractors=tuple(d.text for d in found), accepted_answers=accepted)
        questions.append(item)
        spans[item.key] = span
        details[item.key] = detail
    forms: list[Item] = []
    for item in questions:
        choice = multiple_choice(item, article_hash, count)
        if choice is not None:
            forms.append(choice)
    statements = _true_false(questions, spans, article_hash, budget=max(1, int(len(questions) * TRUE_FALSE_SHARE)))
    matched = matching(questions, details, article_hash)
    return [*questions, *forms, *statements, *([matched] if matched else [])]


def _true_false(questions: list[Item], spans: dict[str, Span | None], article_hash: str, *, budget: int) -> list[Item]:
    """At most one statement per sentence, true and false in turn. Only facts
    that can be stated both ways are used, so that whether a statement is
    true never depends on which facts could be falsified: a deck is balanced."""
    made: list[Item] = []
    want_true = int(article_hash[:2], 16) % 2 == 0
    sentences: set[int] = set()
    for item in questions:
        span = spans[item.key]
        if len(made) >= budget:
            break
        if span is None or item.sentence_start in sentences:
            continue
        true = true_false(item, span, article_hash, True)
        false = true_false(item, span, article_hash, False) if true is not None else None
        if false is None:
            continue
        sentences.add(item.sentence_start)
        made.append(true if want_true else false)
        want_true = not want_true
    return made


def _acronym(item: Item, defined: dict[str, str]) -> dict[str, str]:
    """The other form of an answer that is an acronym or its expansion: "AES"
    also answers "Who signed …? (the Alliance of Sahel States)". Not for the
    question that asks what the acronym stands for, which names it."""
    if item.rule.startswith("acronym/"):
        return {}
    answer = normalize(item.answer)
    for acronym, expansion in defined.items():
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


def _member_text(member) -> str:  # member: spacy.tokens.Token
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
