"""The fact patterns: each a look at one parsed sentence for one kind of answer.

facts (this) -> questions -> quality -> generation -> forms. :data:`PATTERNS` is
the one table of them, in the way spaCy registers its factories: a name, a
priority, the function that finds the answers, and how they are asked. A new
pattern is a function here and a row in the table.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from quizgen.analyze.pipeline import noun_chunks
from quizgen.facts.fact import Fact, Pattern
from quizgen.facts.salience import defined_acronyms, entity_mentions, expansion_before, position_weight, textrank
from quizgen.normalize import normalize
from quizgen.wording import ARTICLES, THING_NOUNS, VAGUE_NOUNS

SAY_VERBS = frozenset(
    {
        "say",
        "emphasize",
        "emphasise",
        "state",
        "tell",
        "announce",
        "add",
        "note",
        "warn",
        "stress",
        "claim",
        "explain",
        "argue",
        "insist",
        "declare",
        "confirm",
        "describe",
        "call",
        "report",
    }
)
LOCATIVE = frozenset({"in", "at", "near", "across", "throughout", "inside", "within", "to", "from"})
MEMBERSHIP = frozenset({"including", "include", "includes"})
ACTORS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Dates worth asking: a month, a year or a number in them. A weekday alone
# ("When did the Senate vote? Thursday") is trivia to a teacher.
ANSWERABLE_DATE = re.compile(r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", re.IGNORECASE)
Found = Iterator[tuple[Span, str]]


# Longer sentences are skipped: no teacher asks about one, and the work on
# each of its facts grows with its length.
MAX_SENTENCE_WORDS = 100
LONG_SENTENCES = "quizgen_long_sentences"


def extract_facts(doc: Doc) -> list[Fact]:
    """Every fact the patterns find in ``doc``, most salient first. Sentences
    of more than :data:`MAX_SENTENCE_WORDS` words are skipped; :func:`long_sentences` counts them."""
    sentences = list(doc.sents)
    centrality = textrank(sentences)
    mentions = entity_mentions(doc)
    most = max(mentions.values(), default=1)
    best: dict[tuple[int, int], Fact] = {}
    skipped = 0
    for index, sentence in enumerate(sentences):
        if _words(sentence) > MAX_SENTENCE_WORDS:
            skipped += 1
            continue
        if not has_verb(sentence):
            continue
        weight = position_weight(index) * (0.5 + centrality[index] * len(sentences))
        for pattern in PATTERNS:
            for answer, detail in pattern.find(sentence):
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
                    salience=round(weight * (1.0 + repeat) * (1.0 + 0.1 * (len(PATTERNS) - pattern.priority)), 6),
                    detail=detail,
                )
                place = (fact.answer_start, fact.answer_end)
                if place not in best or pattern.priority < best[place].pattern.priority:
                    best[place] = fact
    doc.user_data[LONG_SENTENCES] = skipped
    return sorted(best.values(), key=lambda f: (-f.salience, f.answer_start, f.pattern.name))


def long_sentences(doc: Doc) -> int:
    """How many sentences of ``doc`` :func:`extract_facts` skipped for their length."""
    return int(doc.user_data.get(LONG_SENTENCES, 0))


def _words(sentence: Span) -> int:
    return sum(1 for token in sentence if not (token.is_punct or token.is_space))


def has_verb(sentence: Span) -> bool:
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
    while start < end and (span.doc[start].lower_ in ARTICLES or span.doc[start].is_punct):
        start += 1
    while end > start and span.doc[end - 1].is_punct:
        end -= 1
    return span.doc[start:end]


CONCEPT_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr"})


def _concepts(sentence: Span) -> Found:
    """What a clause is about when it is no name: "Islamist insurgent groups",
    "remote sensing satellites". A noun phrase of at least two content words
    that is a subject or object, with no name, number or pronoun in it."""
    for chunk in _noun_chunks(sentence):
        root = chunk.root
        if root.pos_ != "NOUN" or root.dep_ not in CONCEPT_ROLES or _source_of_claim(root):
            continue
        if any(t.ent_type_ or t.like_num or t.pos_ == "PRON" or t.tag_ in ("PRP$", "WDT", "WP", "POS") for t in chunk):
            continue
        span = _trimmed(chunk)
        if span.start < chunk.start or sum(1 for t in span if t.is_alpha and not t.is_stop) < 2:
            continue
        if span[0].lower_ in (
            "this",
            "that",
            "these",
            "those",
            "such",
            "other",
            "another",
            "each",
            "every",
            "some",
            "any",
        ):
            continue
        yield span, ""


def _acronyms(sentence: Span) -> Found:
    """An acronym's expansion, defined in the sentence: "the Alliance of Sahel States (AES)"."""
    doc = sentence.doc
    defined = defined_acronyms(doc)
    for token in sentence:
        if token.text in defined and token.i > sentence.start and token.nbor(-1).text == "(":
            expansion = expansion_before(doc, token.i - 1, token.text)
            if expansion is not None:
                yield expansion, token.text


def _appositives(sentence: Span) -> Found:
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
        if role_tokens[0].pos_ in ("VERB", "AUX") or _plural_role(role_tokens) or _event_role(role_tokens):
            # A misparse ("Meadows secured commitments"), one of several
            # ("Schumer, one of the Senate and House Democratic leaders"), or
            # an event where a role should be ("Kim Jong Il ..., the first meeting").
            continue
        yield name, _trimmed_role(sentence.doc[min(ids) : max(ids) + 1])


def _role_heads(tokens: list[Token]) -> list[Token]:
    """The role's head nouns: those the other words of the role hang from."""
    ids = {t.i for t in tokens}
    return [t for t in tokens if t.head.i not in ids or t.head.i == t.i]


def _plural_role(tokens: list[Token]) -> bool:
    """Whether the role's head noun is plural."""
    return any(t.tag_ in ("NNS", "NNPS") for t in _role_heads(tokens))


def _event_role(tokens: list[Token]) -> bool:
    """Whether the role's head noun names an event or a thing, not a person's role."""
    return any(t.lower_ in VAGUE_NOUNS or t.lower_ in THING_NOUNS for t in _role_heads(tokens))


def _trimmed_role(span: Span) -> str:
    words = [t for t in span if not (t.is_punct and t.text in ",()")]
    text = " ".join(t.text_with_ws.strip() for t in words)
    text = re.sub(r" (?=['’]s\b)", "", text)
    text = re.sub(r"(?<=s) (['’])(?= |$)", r"\1", text)  # "the coca growers' leader"
    if words and words[0].lower_ in ARTICLES:
        text = "the" + text[len(words[0].text) :]
    elif words and words[0].pos_ not in ("PROPN",) and words[0].tag_ != "POS" and not words[0].text[:1].isupper():
        text = "the " + text
    return text


def _memberships(sentence: Span) -> Found:
    """The members a list names: "including Mali, Niger, and Burkina Faso"."""
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
        yield span, token.head.lemma_ if token.head.pos_ == "NOUN" else ""


def _dates(sentence: Span) -> Found:
    """When something happened: dates a reader can answer."""
    for ent in _entities(sentence):
        if ent.label_ in ("DATE", "TIME") and ANSWERABLE_DATE.search(ent.text):
            ent = _trimmed(ent)
            # "July 2016, weeks after the vote": the date ends at a comma that no number follows.
            cut = next((t.i for t in ent[1:-1] if t.text == "," and not t.nbor(1).like_num), None)
            span = sentence.doc[ent.start : cut] if cut is not None else ent
            if ANSWERABLE_DATE.search(span.text):
                yield span, ""


def _quantities(sentence: Span) -> Found:
    """How many or how much: "over 1,000 deaths"."""
    for ent in _entities(sentence):
        if ent.label_ in ("CARDINAL", "QUANTITY", "MONEY", "PERCENT") and any(t.like_num for t in ent):
            if ent.root.dep_ == "nummod" or ent.label_ != "CARDINAL":
                doc = sentence.doc
                if ent[0].lower_ == "estimated" and ent.start > sentence.start and doc[ent.start - 1].lower_ == "an":
                    # "An estimated 600,000": the article goes with the estimate.
                    yield doc[ent.start - 1 : ent.end], ""
                else:
                    yield ent, ""


def _speakers(sentence: Span) -> Found:
    """Who said, emphasised or announced something."""
    for ent in _entities(sentence):
        root = ent.root
        if ent.label_ in ("PERSON", "ORG") and root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in SAY_VERBS:
            yield ent, root.head.lemma_


def _locations(sentence: Span) -> Found:
    """Where something happened: a place after "in", "at", "to" and the like."""
    for ent in _entities(sentence):
        root = ent.root
        head = root.head
        if (
            ent.label_ in ("GPE", "LOC", "FAC")
            and root.dep_ == "pobj"
            and head.lower_ in LOCATIVE
            and head.head.pos_ in ("VERB", "AUX")
        ):
            yield ent, head.lower_


def _actors(sentence: Span) -> Found:
    """Who did what to whom: a named subject or object, then an unnamed concept."""
    for ent in _entities(sentence):
        # A speaker or a place found by those patterns wins on priority.
        if ent.label_ in ACTORS and ent.root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr"):
            if not _source_of_claim(ent.root):
                yield ent, ""
    yield from _concepts(sentence)


def _source_of_claim(token: Token) -> bool:
    """Whether ``token`` names whom a claim is attributed to ("according to the
    White House"), which is no fact of its own: "What will Pompeo meet according to?"."""
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"


# The fact patterns. Where two find the same answer, the one of lower priority
# keeps it: a name with an appositive is asked as the person it describes.
PATTERNS: tuple[Pattern, ...] = (
    # "Ilya Tarasenko, the Director General of Glavkosmos"
    Pattern("appositive", 0, _appositives, question="Who is {detail}?", detail_pairs=True),
    # "the Alliance of Sahel States (AES)"
    Pattern(
        "acronym",
        1,
        _acronyms,
        question="What does {detail} stand for?",
        also_accepted="the {answer}",
        detail_names_answer=True,
        detail_pairs=True,
    ),  # fmt: skip
    Pattern(
        "date",
        2,
        _dates,
        openings=(
            "when",
            "in what year",
            "what year did",
            "what year was",
            "what year were",
            "on what date",
            "what date did",
            "what date was",
        ),
    ),  # fmt: skip
    Pattern("quantity", 3, _quantities),
    Pattern("said", 4, _speakers),
    Pattern("location", 5, _locations),
    # "including Mali, Niger, and Burkina Faso"
    Pattern("membership", 6, _memberships, transformed=False, lists=True),
    Pattern("svo", 7, _actors),
)
