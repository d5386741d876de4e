"""The fact patterns, each a look at one parsed sentence for one kind of answer."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from quizgen.analyze.pipeline import noun_chunks
from quizgen.facts.fact import PATTERNS, Fact
from quizgen.facts.salience import acronyms, entity_mentions, expansion_before, position_weight, textrank
from quizgen.normalize import normalize

SAY_VERBS = frozenset(
    {"say", "emphasize", "emphasise", "state", "tell", "announce", "add", "note", "warn", "stress",
     "claim", "explain", "argue", "insist", "declare", "confirm", "describe", "call", "report"}
)
LOCATIVE = frozenset({"in", "at", "near", "across", "throughout", "inside", "within", "to", "from"})
MEMBERSHIP = frozenset({"including", "include", "includes"})
ACTORS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Dates a reader can answer: a weekday, a month, a year or a number in them.
ANSWERABLE_DATE = re.compile(
    r"\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec",
    re.IGNORECASE,
)
PRIORITY = {name: rank for rank, name in enumerate(PATTERNS)}

Candidate = tuple[str, Span, str]


def extract_facts(doc: Doc) -> list[Fact]:
    """Every fact the patterns find in ``doc``, most salient first."""
    sentences = list(doc.sents)
    centrality = textrank(sentences)
    mentions = entity_mentions(doc)
    most = max(mentions.values(), default=1)
    defined = acronyms(doc)
    best: dict[tuple[int, int], Fact] = {}
    for index, sentence in enumerate(sentences):
        if not _has_verb(sentence):
            continue
        weight = position_weight(index) * (0.5 + centrality[index] * len(sentences))
        for pattern, answer, detail in _candidates(sentence, defined):
            if not answer.text.strip():
                continue
            repeat = mentions.get(normalize(answer.text), 0) / most
            fact = Fact(
                pattern=pattern,
                sentence_index=index,
                sentence_start=sentence.start_char,
                sentence_end=sentence.start_char + len(sentence.text.rstrip()),
                answer_start=answer.start_char,
                answer_end=answer.end_char,
                label=_label(answer),
                salience=round(weight * (1.0 + repeat) * (1.0 + 0.1 * (len(PATTERNS) - PRIORITY[pattern])), 6),
                detail=detail,
            )
            place = (fact.answer_start, fact.answer_end)
            if place not in best or PRIORITY[pattern] < PRIORITY[best[place].pattern]:
                best[place] = fact
    return sorted(best.values(), key=lambda f: (-f.salience, f.answer_start, f.pattern))


def _has_verb(sentence: Span) -> bool:
    """Whether the sentence says something: a line of figures, a table row or
    a list of words is taken for a sentence by the parser, but has no verb."""
    return any(token.pos_ in ("VERB", "AUX") for token in sentence)


def _label(span: Span) -> str:
    labels = [t.ent_type_ for t in span if t.ent_type_]
    return max(sorted(set(labels)), key=labels.count) if labels else ""


def _entity_index(doc: Doc) -> dict[int, Span]:
    """Token index -> the entity it is part of, built once per document."""
    index = doc.user_data.get("quizgen_entity_index")
    if index is None:
        index = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        doc.user_data["quizgen_entity_index"] = index
    return index


def _noun_chunks(sentence: Span) -> list[Span]:
    """The noun chunks of one sentence, from the document's, grouped by sentence once."""
    doc = sentence.doc
    by_sentence = doc.user_data.get("quizgen_chunks_by_sentence")
    if by_sentence is None:
        by_sentence = {}
        for chunk in noun_chunks(doc):
            by_sentence.setdefault(doc[chunk.start].sent.start, []).append(chunk)
        doc.user_data["quizgen_chunks_by_sentence"] = by_sentence
    return [c for c in by_sentence.get(sentence.start, []) if c.end <= sentence.end]


def _entities(sentence: Span) -> list[Span]:
    index = _entity_index(sentence.doc)
    found = dict.fromkeys(index[i] for i in range(sentence.start, sentence.end) if i in index)
    return [e for e in found if sentence.start <= e.start and e.end <= sentence.end]


def _entity_of(token: Token) -> Span | None:
    return _entity_index(token.doc).get(token.i)


def _trimmed(span: Span) -> Span:
    """The span without a leading "the"/"a" and trailing punctuation."""
    start, end = span.start, span.end
    while start < end and (span.doc[start].lower_ in ("the", "a", "an") or span.doc[start].is_punct):
        start += 1
    while end > start and span.doc[end - 1].is_punct:
        end -= 1
    return span.doc[start:end]


def _candidates(sentence: Span, defined: dict[str, str]) -> Iterator[Candidate]:
    yield from _acronym_facts(sentence, defined)
    yield from _appositive_facts(sentence)
    yield from _membership_facts(sentence)
    for ent in _entities(sentence):
        yield from _entity_facts(ent)
    yield from _concept_facts(sentence)


CONCEPT_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr"})


def _concept_facts(sentence: Span) -> Iterator[Candidate]:
    """What a clause is about when it is no name: "Islamist insurgent groups",
    "remote sensing satellites". A noun phrase of at least two content words
    that is a subject or object, with no name, number or pronoun in it."""
    for chunk in _noun_chunks(sentence):
        root = chunk.root
        if root.pos_ != "NOUN" or root.dep_ not in CONCEPT_ROLES:
            continue
        if any(t.ent_type_ or t.like_num or t.pos_ == "PRON" or t.tag_ in ("PRP$", "WDT", "WP", "POS") for t in chunk):
            continue
        span = _trimmed(chunk)
        if span.start < chunk.start or sum(1 for t in span if t.is_alpha and not t.is_stop) < 2:
            continue
        if span[0].lower_ in ("this", "that", "these", "those", "such", "other", "another", "each", "every", "some", "any"):
            continue
        yield "svo", span, ""


def _acronym_facts(sentence: Span, defined: dict[str, str]) -> Iterator[Candidate]:
    doc = sentence.doc
    for token in sentence:
        if token.text in defined and token.i > sentence.start and token.nbor(-1).text == "(":
            expansion = expansion_before(doc, token.i - 1, token.text)
            if expansion is not None:
                yield "acronym", expansion, token.text


def _appositive_facts(sentence: Span) -> Iterator[Candidate]:
    """A person and the role an appositive gives them, either way round."""
    for token in sentence:
        if token.dep_ != "appos":
            continue
        head = token.head
        name = _entity_of(head)
        if name is not None and name.label_ == "PERSON":
            role_tokens = [t for t in token.subtree]
        else:
            name = _entity_of(token)
            if name is None or name.label_ != "PERSON":
                continue
            appositive = {t.i for t in token.subtree}
            role_tokens = [t for t in head.subtree if t.i not in appositive and t.i < min(appositive)]
        role_tokens = [t for t in role_tokens if not (name.start <= t.i < name.end)]
        while role_tokens and role_tokens[-1].is_punct:
            role_tokens.pop()
        if not role_tokens or any(t.ent_type_ == "PERSON" for t in role_tokens):
            continue
        if not any(t.pos_ == "NOUN" or (t.pos_ == "PROPN" and not t.ent_type_) for t in role_tokens):
            continue
        ids = [t.i for t in role_tokens]
        if max(ids) - min(ids) + 1 != len(ids):
            continue
        yield "appositive", name, _trimmed_role(sentence.doc[min(ids) : max(ids) + 1])


def _trimmed_role(span: Span) -> str:
    words = [t for t in span if not (t.is_punct and t.text in ",()")]
    text = " ".join(t.text_with_ws.strip() for t in words)
    text = re.sub(r" (?=['’]s\b)", "", text)
    if words and words[0].lower_ in ("a", "an", "the"):
        text = "the" + text[len(words[0].text):]
    elif words and words[0].pos_ not in ("PROPN",) and words[0].tag_ != "POS" and not words[0].text[:1].isupper():
        text = "the " + text
    return text


def _membership_facts(sentence: Span) -> Iterator[Candidate]:
    for token in sentence:
        if token.lower_ not in MEMBERSHIP:
            continue
        objects = [c for c in token.children if c.dep_ in ("pobj", "dobj")]
        if not objects:
            continue
        first = objects[0]
        members = [first, *[c for c in first.subtree if c.dep_ == "conj"]]
        if len(members) < 2:
            continue
        span = sentence.doc[first.left_edge.i : max(m.right_edge.i for m in members) + 1]
        yield "membership", span, token.head.lemma_ if token.head.pos_ == "NOUN" else ""


def _entity_facts(ent: Span) -> Iterator[Candidate]:
    root = ent.root
    head = root.head
    label = ent.label_
    if label in ("DATE", "TIME"):
        if ANSWERABLE_DATE.search(ent.text):
            yield "date", _trimmed(ent), ""
        return
    if label in ("CARDINAL", "QUANTITY", "MONEY", "PERCENT"):
        if any(t.like_num for t in ent) and (root.dep_ == "nummod" or label != "CARDINAL"):
            yield "quantity", ent, ""
        return
    if label not in ACTORS and label not in ("LOC", "FAC"):
        return
    if root.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in SAY_VERBS and label in ("PERSON", "ORG"):
        yield "said", ent, head.lemma_
    elif root.dep_ == "pobj" and head.lower_ in LOCATIVE and label in ("GPE", "LOC", "FAC") and head.head.pos_ in ("VERB", "AUX"):
        yield "location", ent, head.lower_
    elif root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr") and label in ACTORS:
        yield "svo", ent, ""
