"""The analysis stage: article text to parsed spaCy documents.

article -> analysis (this) -> facts -> questions -> items. The pipeline is the
spaCy model with two additions: a place-name ruler before NER, and a pass after
it that corrects entity labels the small model is known to get wrong.
"""

from __future__ import annotations

import re
import signal
import threading
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, cast

from quizgen.analyze.model import load_model
from quizgen.wording import ARTICLES

if TYPE_CHECKING:
    import numpy
    from spacy.language import Language
    from spacy.tokens import Doc
    from thinc.types import Ints2d

CURRENCY = re.compile(
    r"[$€£¥₹₦]|\b(?:dollars?|euros?|pounds?|yen|yuan|francs?|rubles?|roubles?|naira|rupees?|cedis?|"
    r"shillings?|pesos?|reais|real|won|rand|cfa|usd|eur|gbp)\b",
    re.IGNORECASE,
)
# Words the NER takes into a number's span that belong outside it.
LEADING_NOISE = ARTICLES | {"additional", "another", "extra", "further"}
# Texts per batch when several processes parse.
PROCESS_BATCH = 8


@cache
def pipeline(model: str | None = None) -> Language:
    """The model chosen by :func:`~quizgen.analyze.find_model`, with quizgen's entity corrections."""
    from spacy.language import Language

    from quizgen.analyze import gazetteer

    nlp = load_model(model)
    gazetteer.add_to(nlp)
    if not Language.has_factory("quizgen_entity_fixes"):
        Language.component("quizgen_entity_fixes", func=fix_entities)
    if "quizgen_entity_fixes" not in nlp.pipe_names and "ner" in nlp.pipe_names:
        nlp.add_pipe("quizgen_entity_fixes", after="ner")
    if not Language.has_factory("quizgen_datelines"):
        Language.component("quizgen_datelines", func=split_datelines)
    if "quizgen_datelines" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("quizgen_datelines", before="parser")
    return nlp


DASHES = frozenset({"—", "–", "--", "-"})
# A token's sentence start, as spaCy's SENT_START array holds it.
START, NOT_START, UNSET = 1, -1, 0
DATELINE_WORDS = 12
OPENING_QUOTES = frozenset({'"', "“", "'", "‘"})


def split_datelines(doc: Doc) -> Doc:
    """Sentence starts the parser must keep.

    A news dateline ("WHITE HOUSE —", "DAKAR, Senegal (Reuters) -") is not
    part of the sentence that follows it: that sentence starts after the dash.
    A dateline opens a line, starts with a word in capitals and runs to a
    dash within a few words, through nothing but names, numbers and
    punctuation; a capital letter follows the dash.

    Nor does a sentence run across a line break: a stored article has one
    paragraph per line, and a line without a full stop (a caption, a
    subheading) ends there too. Only a line that plainly stops mid-sentence is
    wrapped text and runs on: one that ends in a comma, a hyphen or a word
    that cannot end a sentence ("to", "the"), or whose next line goes on in
    lowercase.
    """
    # The starts are written to an array, and to the document once: setting
    # one token's start checks the whole document for a parse.
    starts = doc.to_array("SENT_START").astype("int64")
    line_start = 0
    ended = True  # whether the text so far ends a sentence or a paragraph
    for token in doc:
        if token.i == line_start and not token.is_space:
            if token.i > 0 and (ended or not _runs_on(doc, token.i)):
                starts[token.i] = START
            end = _dateline_end(doc, token.i)
            if end is not None:
                starts[token.i] = starts[end] = START
        if token.is_space and token.i == line_start:
            line_start = token.i + 1
            ended = ended or token.text.count("\n") > 0
        elif "\n" in token.text or "\n" in token.whitespace_:
            line_start = token.i + 1
            ended = token.text.count("\n") > 1 or _ends_sentence(doc, token.i)
        elif not token.is_space:
            ended = False
    _no_starts_mid_sentence(doc, starts)
    doc.from_array(["SENT_START"], cast("Ints2d", starts.reshape(-1, 1).astype("uint64")))
    return doc


# Words after which a sentence cannot stop: a line ending in one runs on.
RUNS_ON_AFTER = frozenset(
    """a an the of to in on at by for from with and or but nor as than that which who whose whom its their his
    her our your my this these those is are was were be been has have had will would can could should may might
    must shall into onto upon over under about between among against during after before since until via""".split()
)


def _runs_on(doc: Doc, start: int) -> bool:
    """Whether the line starting at token ``start`` goes on with the sentence
    of the line before it: hard-wrapped text, not a new paragraph."""
    i = start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0:
        return False
    last, first = doc[i], doc[start]
    return first.text[:1].islower() or last.text in (",", "-", "–", "—", "(") or last.lower_ in RUNS_ON_AFTER


# Past this many words with no full stop, the parser may end a sentence where
# it sees fit, so that a text without punctuation still comes in sentences.
RUN_ON_WORDS = 80


def _no_starts_mid_sentence(doc: Doc, starts: numpy.ndarray) -> None:
    """No sentence starts where the text before it does not end one: the parser
    alone now and then cuts a sentence inside a name ("forced Zine El |
    Abidine Ben Ali to flee"). A start stays possible after a full stop, a
    question or exclamation mark, a colon or semicolon, a closing quotation
    after one of them, or a line break, and after a long run without one."""
    run = 0
    for token in doc[1:]:
        run += 1
        before = doc[token.i - 1]
        if token.is_space or starts[token.i] != UNSET:
            run = 0 if starts[token.i] == START else run
            continue
        if "\n" in before.text or "\n" in before.whitespace_ or _stops(doc, token.i - 1) or run > RUN_ON_WORDS:
            run = 0
            continue
        starts[token.i] = NOT_START


MAY_END = frozenset({".", "!", "?", ":", ";", "…"})
SENTENCE_ENDS = frozenset({".", "!", "?"})
CLOSING_MARKS = frozenset({'"', "'", "”", "’", ")", "]"})


def _stops(doc: Doc, i: int, stops: frozenset[str] = MAY_END) -> bool:
    """Whether token ``i`` ends in one of ``stops``, or closes marks after one:
    a sentence may end with it."""
    while i >= 0 and doc[i].text in CLOSING_MARKS:
        i -= 1
    return i >= 0 and doc[i].text[-1:] in stops


def _ends_sentence(doc: Doc, i: int) -> bool:
    """Whether the text up to token ``i`` (skipping space) ends a sentence: a
    blank line, or a full stop, question or exclamation mark (in closing marks or not)."""
    while i >= 0 and doc[i].is_space:
        if doc[i].text.count("\n") > 1:
            return True
        i -= 1
    return _stops(doc, i, SENTENCE_ENDS)


def _dateline_end(doc: Doc, start: int) -> int | None:
    """The index of the first token after the dateline starting at ``start``, or None."""
    first = doc[start]
    if not (first.is_alpha and first.is_upper and len(first.text) > 1):
        return None
    for token in doc[start : min(len(doc), start + DATELINE_WORDS + 1)]:
        if token.text in DASHES and token.i > start and token.whitespace_:
            following = doc[token.i + 1 : token.i + 3]
            # A capital follows, or a quotation opening on one: 'LOS ANGELES — "CODA," a film'.
            opens = len(following) > 0 and (
                following[0].text[:1].isupper()
                or (following[0].text in OPENING_QUOTES and len(following) > 1 and following[1].text[:1].isupper())
            )
            return token.i + 1 if opens else None
        # After the place's comma, its region may have plain words: "ARAVA CROSSING, Israel-Jordan border".
        region = any(t.text == "," for t in doc[start : token.i])
        if token.is_space or not (token.is_punct or token.like_num or token.text[:1].isupper() or region):
            return None
    return None


# Diseases the small model names as people or organisations.
DISEASES = frozenset(
    "covid-19 covid sars mers ebola zika hiv aids malaria polio measles mpox cholera tuberculosis influenza "
    "h1n1 h5n1 h7n9 dengue alzheimer's parkinson's".split()
)


def fix_entities(doc: Doc) -> Doc:
    """Entity labels the small model gets wrong, corrected.

    - MONEY without a currency is a plain number, and "an additional 4 million"
      is "4 million".
    - A name cut in two by a place name ("the Alliance of" + "Sahel" + "States")
      is one organisation again.
    - A disease ("COVID-19", "Ebola") is no name of a person or organisation.
    - A name ends before its possessive ending ("The Church of England's").
    """
    from spacy.tokens import Span

    ents = list(doc.ents)
    merged: list[Span] = []
    position = 0
    while position < len(ents):
        ent = ents[position]
        following = ents[position + 1] if position + 1 < len(ents) else None
        if (
            ent.label_ in ("ORG", "FAC", "EVENT", "WORK_OF_ART", "LAW")
            and doc[ent.end - 1].lower_ in ("of", "for", "and", "on")
            and following is not None
            and following.start == ent.end
            and following.label_ in ("GPE", "LOC", "NORP")
        ):
            end = following.end
            while (
                end < len(doc)
                and doc[end].pos_ == "PROPN"
                and doc[end].text[:1].isupper()
                and (position + 2 >= len(ents) or end < ents[position + 2].start)
            ):
                end += 1
            merged.append(Span(doc, ent.start, end, label=ent.label_))
            position += 2
            continue
        merged.append(ent)
        position += 1

    fixed = []
    for ent in merged:
        label = ent.label_
        start = ent.start
        named = [t.lower_ for t in ent if not (t.is_punct or t.lower_ in ("and", "or"))]
        if named and all(word in DISEASES for word in named):
            # "COVID-19", "Ebola": a disease, which the model takes for a person
            # or an organisation, and which no name of either kind answers.
            continue
        if label in ("MONEY", "CARDINAL", "QUANTITY", "PERCENT"):
            while start < ent.end - 1 and doc[start].lower_ in LEADING_NOISE:
                start += 1
            if label == "MONEY" and not CURRENCY.search(ent.text):
                label = "CARDINAL"
        end = ent.end
        while end > start + 1 and doc[end - 1].tag_ == "POS":
            end -= 1  # "The Church of England's": the name ends before its possessive
        changed = (start, end, label) != (ent.start, ent.end, ent.label_)
        fixed.append(Span(doc, start, end, label=label) if changed else ent)
    doc.ents = fixed
    return doc


def analyze(
    texts: Iterable[str], *, model: str | None = None, n_process: int = 1, batch_size: int = 32
) -> Generator[Doc, None, None]:
    """Parse ``texts``, a document each, in batches (``n_process`` > 1 uses several processes).

    The parser's memory grows with the characters it reads at once (about
    3 KB each with the small English model), so a text longer than
    :data:`SLICE` characters is parsed in :func:`slices` joined back into
    one document, and one process takes at most :data:`BATCH_CHARS`
    characters, or ``batch_size`` texts, at a time. Offsets into a document
    are offsets into its text, however long.
    """
    nlp = pipeline(model)
    pieces: deque[int] = deque()  # the number of slices of each text read, in order

    def sliced() -> Iterator[str]:
        for text in texts:
            parts = slices(text)
            pieces.append(len(parts))
            yield from parts

    if n_process == 1:
        docs: Iterator[Doc] = _by_size(nlp, sliced(), batch_size)
    elif threading.current_thread() is not threading.main_thread():
        docs = nlp.pipe(sliced(), n_process=n_process, batch_size=min(batch_size, PROCESS_BATCH))
    else:
        # Small batches keep few articles in flight, which an interrupt has to wait for.
        docs = _in_processes(nlp, sliced(), n_process, min(batch_size, PROCESS_BATCH))
    yield from _joined(docs, pieces)


# The most characters parsed as one piece, and at once in one process.
SLICE = 20_000
BATCH_CHARS = 100_000


def slices(text: str, size: int = SLICE) -> list[str]:
    """``text`` in pieces of at most ``size`` characters that join back into
    it. A piece ends at a blank line in its second half if there is one, else
    at a line break after a sentence, a line break, a sentence end, a space,
    and only as a last resort anywhere."""
    parts = []
    start = 0
    while len(text) - start > size:
        end = start + size
        half = start + size // 2
        cut = text.rfind("\n\n", half, end) + 2
        for pattern in (SENTENCE_AT_LINE_END, LINE_END, SENTENCE_END, SPACE):
            if cut > half:
                break
            found = [match.end() for match in pattern.finditer(text, half, end)]
            cut = found[-1] if found else 0
        if cut <= half:
            cut = end
        parts.append(text[start:cut])
        start = cut
    parts.append(text[start:])
    return parts


SENTENCE_AT_LINE_END = re.compile(r"[.!?][\"'”’)]*\n")
LINE_END = re.compile(r"\n")
SENTENCE_END = re.compile(r"[.!?][\"'”’)]* ")
SPACE = re.compile(r"\s")


def _by_size(nlp: Language, texts: Iterator[str], batch_size: int) -> Iterator[Doc]:
    """``nlp.pipe`` in one process, a batch at most ``batch_size`` texts or :data:`BATCH_CHARS` characters."""
    batch: list[str] = []
    size = 0
    for text in texts:
        batch.append(text)
        size += len(text)
        if len(batch) >= batch_size or size >= BATCH_CHARS:
            yield from nlp.pipe(batch, batch_size=len(batch))
            batch, size = [], 0
    if batch:
        yield from nlp.pipe(batch, batch_size=len(batch))


def _joined(docs: Iterator[Doc], pieces: deque[int]) -> Iterator[Doc]:
    """The documents of ``docs``, the slices of one text (``pieces`` says how
    many, text by text) joined into one, without their tensors."""
    import numpy
    from spacy.tokens import Doc

    parts: list[Doc] = []
    for doc in docs:
        # The tok2vec output each document keeps, for word vectors quizgen never
        # reads: 384 bytes a token, more than the rest of the document.
        doc.tensor = numpy.empty((0, 0), dtype="float32")
        parts.append(doc)
        if len(parts) == pieces[0]:
            pieces.popleft()
            yield parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
            parts = []


def _in_processes(nlp: Language, texts: Iterator[str], n_process: int, batch_size: int) -> Iterator[Doc]:
    """spaCy's ``nlp.pipe`` over several processes, which Ctrl-C stops cleanly.

    spaCy's workers cannot be left mid-stream: a parent that stops reading
    while they still have documents to send waits for them, and they for it.
    So Ctrl-C is held while the pipe runs (the workers, forked meanwhile,
    inherit the handler and ignore it): it ends the input, the documents
    already sent out are read and dropped, and then KeyboardInterrupt is
    raised. The same happens when the caller stops early.
    """
    held: list[int] = []
    stopped = False

    def feed() -> Iterator[str]:
        for text in texts:
            if held or stopped:
                return
            yield text

    previous = signal.signal(signal.SIGINT, lambda signum, _frame: held.append(signum))
    docs = nlp.pipe(feed(), n_process=n_process, batch_size=batch_size)
    try:
        for doc in docs:
            if held:
                break
            yield doc
    finally:
        stopped = True
        for _ in docs:
            pass
        signal.signal(signal.SIGINT, previous)
    if held:
        raise KeyboardInterrupt


def noun_chunks(doc: Doc) -> list:
    """The document's noun chunks, listed once: spaCy's ``Span.noun_chunks``
    walks the whole document on every call."""
    chunks = doc.user_data.get("quizgen_noun_chunks")
    if chunks is None:
        chunks = list(doc.noun_chunks)
        doc.user_data["quizgen_noun_chunks"] = chunks
    return chunks
