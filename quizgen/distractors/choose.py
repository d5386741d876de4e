"""Choosing the wrong options of one answer, from the best source that has enough.

forms -> distractors (this) -> multiple choice, true/false. The sources, in
order: names of the same type in the article; gazetteer neighbours (other West African states
for Mali, other capitals for a capital); numbers and dates perturbed in the
answer's own format; for an answer that is no name, other noun phrases of the
article, then (for one word) its other words of the same part of speech, most
frequent first. A list is answered by other lists as long. A candidate that
is, holds or is held by any correct answer is never used, and neither is one
that the question itself names, spacing and punctuation aside ("TimeWarner"
is "Time Warner", "US" is "U.S."). An acronym's expansion gets none.

Every source is the article itself or fixed data, never other articles: an
article's distractors do not depend on what else is stored, so generating
again gives what it gave before.
"""

from __future__ import annotations

import heapq
import random
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from quizgen.analyze.pipeline import noun_chunks
from quizgen.facts.salience import defined_acronyms
from quizgen.normalize import canonical_words, contains, normalize, overlaps, word_runs
from quizgen.wording import ARTICLES, TITLES

DEFAULT_COUNT = 3
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"}
)
NUMBER_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
DATE_LABELS = frozenset({"DATE", "TIME"})


@dataclass(frozen=True)
class Distractor:
    text: str
    # "article", "gazetteer", "number", "date", "list", "phrase" or "word"
    source: str


@dataclass(frozen=True)
class Answer:
    """What the chooser needs to know about one answer."""

    text: str
    label: str  # the answer's entity label, "" when it is no name
    prompt: str  # the question (or cloze) it answers
    correct: tuple[str, ...] = ()  # every other string that also answers the question
    span: Span | None = None  # the answer in its parsed article
    acronym: str = ""  # set when the answer is this acronym's expansion
    members: tuple[str, ...] = ()  # the names of a list answer ("Mali", "Niger", "Burkina Faso")


ROMAN = re.compile(r"[IVXL]+|Jr\.?|Sr\.?")


def choose(
    answer: Answer,
    doc: Doc | None,
    *,
    count: int = DEFAULT_COUNT,
    rng: random.Random,
) -> list[Distractor]:
    """Up to ``count`` distractors for ``answer``, best first; fewer when the
    sources run out (a caller that needs a full set drops the form instead)."""
    chosen: list[Distractor] = []
    if answer.span is not None and answer.span.root.dep_ == "nummod" and answer.span.root.head.tag_ == "NN":
        # "by just over one percentage point": any other number would need "points".
        return chosen
    forbidden = [answer.text, *answer.correct]
    said_alike = _said_with_same_verb(doc, answer.span) if doc is not None and answer.span is not None else set()
    place = _place(answer.text) if answer.label == "GPE" else None
    # "police hunted two brothers": "one brothers" is no option.
    counts_plural = (
        answer.span is not None and answer.span.root.dep_ == "nummod" and answer.span.root.head.tag_ == "NNS"
    )

    def fits(text: str) -> bool:
        text = " ".join(text.split())
        if not normalize(text) or any(overlaps(text, other) for other in forbidden):
            return False
        if contains(answer.prompt, text) or overlaps(answer.prompt, text):
            # Named by the question, however spaced: "TimeWarner" for "What were Time Warner's profits ...?"
            return False
        if normalize(text) in said_alike:
            # The article says of it what it says of the answer ("satellites
            # will be deployed" for "deploy telecommunication devices").
            return False
        if place is not None and _place(text) != place and (place == "country" or _place(text) == "country"):
            # A city for a city ("what city"), a country for a country.
            return False
        if answer.label == "PERSON" and contains(answer.prompt, text.split()[-1]):
            # "Donald Trump" for "Who did Trump send a letter to?"
            return False
        if answer.label == "PERSON" and " " in answer.text.strip() and " " not in text.strip():
            # "Scot" among full names: a word read as a name, or half of one.
            return False
        if counts_plural and normalize(text) in ("one", "1", "a", "an"):
            return False
        if _abbreviates(text, answer.text):
            # "U.N." for "United Nations General Assembly": the answer's own body.
            return False
        # Nor two options that are one thing ("EU" and "European Union").
        return not any(
            overlaps(text, d.text) or _abbreviates(text, d.text) or _abbreviates(d.text, text) for d in chosen
        )

    one_word_person = answer.label == "PERSON" and len(answer.text.split()) == 1

    def take(candidates: Sequence[str], source: str) -> None:
        for text in candidates:
            if one_word_person:
                parts = text.split()
                first, last = parts[0], parts[-1]
                if ROMAN.fullmatch(last) or not last[:1].isupper() or first.lower() in TITLES:
                    continue  # "II" of "Elizabeth II", "Kilkeel" of "Baron Kilkeel": no one's short name
                text = last  # "Lee" among "Trump" and "Pompeo", not among full names
            if len(chosen) >= count:
                return
            if fits(text):
                chosen.append(Distractor(" ".join(text.split()), source))

    if len(answer.members) > 1:
        # A list is answered by another list as long, of names that are none of its own.
        forbidden += answer.members
        names: list[str] = []
        first = replace(answer, text=answer.members[0], members=())
        for _, candidates in _sources(first, doc, count * len(answer.members), rng):
            names += [n for n in candidates if fits(n) and not any(overlaps(n, m) for m in names)]
        size = len(answer.members)
        lists = [_joined(answer.text, names[i : i + size]) for i in range(0, len(names) - size + 1, size)]
        take(lists, "list")
        return chosen
    for source, candidates in _sources(answer, doc, count, rng):
        take(candidates, source)
        if len(chosen) >= count:
            break
    return chosen


def _abbreviates(short: str, name: str) -> bool:
    """Whether ``short`` is written as the initials of ``name`` or of its first
    words: "U.N." and "UN" of "United Nations General Assembly"."""
    letters = short.replace(".", "").strip()
    if not (1 < len(letters) <= 6 and letters.isalpha() and letters.isupper()):
        return False
    initials = "".join(word[0] for word in name.split() if word[:1].isupper())
    return len(initials) > 1 and initials.startswith(letters)


def _said_with_same_verb(doc: Doc, answer: Span) -> set[str]:
    """Names and phrases that the article puts in a clause with the same verb
    as the answer's (by lemma), anywhere: any of them may be true in its place."""
    verb = answer.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return set()
    by_lemma = doc.user_data.get("quizgen_verb_phrases")
    if by_lemma is None:
        by_lemma = {}
        spans = sorted([*noun_chunks(doc), *doc.ents], key=lambda span: span.start)
        starts = [span.start for span in spans]
        for token in doc:
            if token.pos_ not in ("VERB", "AUX") or token.lemma_ in ("be", "have", "do", "say"):
                continue
            # The verb's own words, and its subject even when shared with the verb it is joined to.
            clause = token.head if token.dep_ == "conj" else token
            subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            low = min(token.left_edge.i, subject.left_edge.i if subject is not None else token.left_edge.i)
            high = token.right_edge.i
            found = by_lemma.setdefault(token.lemma_, set())
            for span in spans[bisect_left(starts, low) : bisect_right(starts, high)]:
                if span.end - 1 <= high:
                    found.add(normalize(_bare(span) if span.label_ else span.text))
        doc.user_data["quizgen_verb_phrases"] = by_lemma
    return by_lemma.get(verb.lemma_, set())


def _joined(model: str, names: Sequence[str]) -> str:
    """``names`` as a list written the way ``model`` is ("A, B, and C" or "A, B and C")."""
    if len(names) == 1:
        return names[0]
    last = (
        ", and " if ", and " in model else (", or " if ", or " in model else (" or " if " or " in model else " and "))
    )
    return ", ".join(names[:-1]) + last + names[-1]


def _sources(answer: Answer, doc: Doc | None, count: int, rng: random.Random):
    """``(source, candidates)`` pairs in order of preference; built lazily."""
    label = answer.label
    if answer.acronym:
        # An expansion has no wrong options worth printing: words swapped into
        # it make names that do not exist ("Alliance of Saharan States").
        return
    from quizgen.distractors.dates import date_distractors
    from quizgen.distractors.numbers import number_distractors

    if label in DATE_LABELS:
        yield "date", date_distractors(answer.text, count + 2, rng)
        return
    numbers = number_distractors(answer.text, count + 2, rng)
    if label in NUMBER_LABELS or numbers:
        yield "number", numbers
        return
    if label in NAME_LABELS:
        if doc is not None:
            yield "article", _by_length(answer.text, _article_names(doc, label))
        yield "gazetteer", _gazetteer(answer.text, label)
        return
    if doc is not None and answer.span is not None:
        yield "phrase", _by_length(answer.text, _article_phrases(doc, answer.span))
        if len(answer.span) == 1:
            yield "word", _article_words(doc, answer.span.root)


def _article_names(doc: Doc, label: str) -> list[str]:
    """The article's names with ``label``, most mentioned first (worked out
    once per document and label)."""
    cache = doc.user_data.setdefault("quizgen_names", {})
    if label not in cache:
        cache[label] = _names(doc, label)
    return cache[label]


def _names(doc: Doc, label: str) -> list[str]:
    mentions: dict[str, int] = {}
    first: dict[str, str] = {}
    longer = {word for e in doc.ents if e.label_ == label and len(e) > 1 for word in normalize(e.text).split()}
    # Names the article gives another type: "Hadron Collider", read as a
    # person, is part of the "Large Hadron Collider".
    other = {normalize(_bare(e)) for e in doc.ents if e.label_ != label and e.label_ in NAME_LABELS}
    other |= {normalize(expansion) for expansion in defined_acronyms(doc).values()}
    inside_other = _Runs(other)
    for ent in doc.ents:
        if ent.label_ != label or not any(t.pos_ in ("VERB", "AUX") for t in ent.sent):
            # A name in a line with no verb (a dateline, a caption) is no fact of the article.
            continue
        if label == "PERSON" and ent.root.dep_ == "compound" and ent.root.head.pos_ == "NOUN":
            # "the Philippe Chatrier court", "the Kennedy family": a name that names a thing.
            continue
        text = _bare(ent)
        key = normalize(text)
        if not key or (label == "PERSON" and " " not in key and key in longer):
            # "Kim" is short for one of the article's full names, not another person.
            continue
        if inside_other.within(key):
            continue
        mentions[key] = mentions.get(key, 0) + 1
        first.setdefault(key, text)
    return [first[k] for k in sorted(first, key=lambda k: -mentions[k])]


class _Runs:
    """Normalized names, and which of them hold a given phrase as whole words."""

    LONGEST = 12  # names of more words are searched rather than listed

    def __init__(self, names: set[str]) -> None:
        self.holders: dict[str, list[str]] = {}
        self.long: list[str] = []
        for name in sorted(names):
            words = canonical_words(name)
            if len(words) > self.LONGEST:
                self.long.append(name)
                continue
            for run in word_runs(words):
                self.holders.setdefault(run, []).append(name)

    def within(self, key: str) -> bool:
        """Whether a name other than ``key`` itself holds ``key`` as whole words."""
        needle = normalize(key)
        if not needle:
            return False
        return any(name != key for name in self.holders.get(needle, ())) or any(
            key != name and contains(name, key) for name in self.long
        )


def _bare(span: Span) -> str:
    """An entity's text without a leading article, title or a possessive ending:
    "Peter Costello" of "Treasurer Peter Costello"."""
    tokens = [t for t in span if not (t.i == span.start and t.lower_ in ARTICLES)]
    while span.label_ == "PERSON" and len(tokens) > 2 and tokens[0].lower_ in TITLES:
        tokens = tokens[1:]
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct or tokens[-1].pos_ in ("ADP", "CCONJ")):
        tokens.pop()  # "Jérôme Romain of [Dominica]": the parser ran the name on
    return "".join(t.text_with_ws for t in tokens).strip()


def _article_phrases(doc: Doc, answer: Span) -> Iterator[str]:
    """Other noun phrases of the article that could fill the answer's place:
    no names or numbers, two content words or more, the same number (singular
    or plural) as the answer; each once, in the article's order, where it
    first stands outside the answer's own sentence."""
    own = answer.sent
    # A phrase of the answer's own sentence may well be true in its place: one
    # that first stands there is offered where it next stands, after the sentence.
    later: list[tuple[int, str]] = []
    for places in _phrases(doc)[answer.root.tag_ in ("NNS", "NNPS")].values():
        start, text = places[0]
        if own.start <= start < own.end:
            place = next(((start, text) for start, text in places if start >= own.end), None)
            if place is not None:
                heapq.heappush(later, place)
            continue
        while later and later[0][0] < start:
            yield heapq.heappop(later)[1]
        yield text
    while later:
        yield heapq.heappop(later)[1]


def _phrases(doc: Doc) -> dict[bool, dict[str, list[tuple[int, str]]]]:
    """The noun phrases :func:`_article_phrases` offers, plural and singular,
    each normalized phrase with where it stands and how: worked out once per document."""
    found: dict[bool, dict[str, list[tuple[int, str]]]] | None = doc.user_data.get("quizgen_phrases")
    if found is not None:
        return found
    found = {True: {}, False: {}}
    for chunk in noun_chunks(doc):
        root = chunk.root
        if root.pos_ != "NOUN":
            continue
        if any(t.ent_type_ or t.like_num or t.pos_ == "PRON" or t.tag_ in ("PRP$", "POS", "WDT", "WP") for t in chunk):
            continue
        tokens = [t for t in chunk if not (t.i == chunk.start and t.pos_ == "DET")]
        if sum(1 for t in tokens if t.is_alpha and not t.is_stop) < 2:
            continue
        text = "".join(t.text_with_ws for t in tokens).strip()
        if tokens and tokens[0].is_sent_start and tokens[0].tag_ not in ("NNP", "NNPS") and not tokens[0].is_upper:
            text = text[:1].lower() + text[1:]
        found[root.tag_ == "NNS"].setdefault(normalize(text), []).append((chunk.start, text))
    doc.user_data["quizgen_phrases"] = found
    return found


def _article_words(doc: Doc, answer: Token) -> Iterator[str]:
    """Last of all, for a one-word answer: the article's other words of the
    same part of speech and form (no token of the answer's lemma counted),
    most frequent first, then first found first."""
    found = _words(doc, answer.tag_)
    # Only the words some token of the answer's lemma spells rank otherwise without it.
    changed = found.spelled.get(answer.lemma_, set())
    recounted = []
    for text in changed:
        left = [place for lemma, place in found.places[text].items() if lemma != answer.lemma_]
        if left:
            recounted.append((-sum(count for count, _ in left), min(first for _, first in left), text))
    unchanged = ((-found.totals[text][0], found.totals[text][1], text) for text in found.ranked if text not in changed)
    for _, _, text in heapq.merge(unchanged, sorted(recounted)):
        yield text


@dataclass(frozen=True)
class _Words:
    """An article's words of one tag (no stopwords or names), as :func:`_article_words` ranks them."""

    places: dict[str, dict[str, tuple[int, int]]]  # word -> lemma -> (tokens, first token)
    totals: dict[str, tuple[int, int]]  # word -> (tokens, first token)
    ranked: list[str]  # most tokens first, then first found first
    spelled: dict[str, set[str]]  # lemma -> the words its tokens spell


def _words(doc: Doc, tag: str) -> _Words:
    """:class:`_Words` of ``doc`` for ``tag``, worked out once per document and tag."""
    cache = doc.user_data.setdefault("quizgen_words", {})
    if tag in cache:
        return cache[tag]
    places: dict[str, dict[str, tuple[int, int]]] = {}
    spelled: dict[str, set[str]] = {}
    for token in doc:
        if token.tag_ != tag or not token.is_alpha or token.is_stop or token.ent_type_:
            continue
        text = token.text if token.tag_ in ("NNP", "NNPS") else token.lower_
        count, first = places.setdefault(text, {}).get(token.lemma_, (0, token.i))
        places[text][token.lemma_] = (count + 1, first)
        spelled.setdefault(token.lemma_, set()).add(text)
    totals = {
        text: (sum(count for count, _ in by_lemma.values()), min(first for _, first in by_lemma.values()))
        for text, by_lemma in places.items()
    }
    ranked = sorted(totals, key=lambda text: (-totals[text][0], totals[text][1]))
    cache[tag] = _Words(places, totals, ranked, spelled)
    return cache[tag]


def _by_length(answer: str, candidates: Iterable[str]) -> Iterator[str]:
    """Candidates nearest the answer's length first (within a word), so that
    the answer does not stand out as the longest (or shortest) option; in
    their order otherwise. The near ones come as they are found."""
    size = len(answer.split())
    far = []
    for candidate in candidates:
        if abs(len(candidate.split()) - size) > 1:
            far.append(candidate)
        else:
            yield candidate
    yield from far


def _gazetteer(answer: str, label: str) -> list[str]:
    from quizgen.analyze import gazetteer

    country = gazetteer.country_named(answer)
    if country is not None:
        return [c.name for c in gazetteer.neighbours(country)]
    capital_of = gazetteer.country_of_capital(answer)
    if capital_of is not None:
        return [c.capital for c in gazetteer.neighbours(capital_of) if c.capital]
    if label == "NORP":
        demonyms = {c.demonym: c for c in gazetteer.countries().values() if c.demonym}
        country = demonyms.get(answer)
        if country is not None:
            return [c.demonym for c in gazetteer.neighbours(country) if c.demonym]
    if gazetteer.place_kind(answer) == "region":
        return [name for name, (_, kind) in sorted(gazetteer.places().items()) if kind == "region"]
    return []


def _place(name: str) -> str | None:
    """ "country" or "city" (a capital) for a name the gazetteer knows, else None."""
    from quizgen.analyze import gazetteer

    if gazetteer.country_named(name) is not None:
        return "country"
    if gazetteer.country_of_capital(name) is not None:
        return "city"
    return None
