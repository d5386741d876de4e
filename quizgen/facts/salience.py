"""How central a sentence and an entity are to their article.

Three signals: how often an entity is mentioned (counting an acronym and its
expansion as one), how early a sentence comes (news puts the key facts first),
and TextRank centrality: a sentence that shares content words with many others
is what the article is about.
"""

from __future__ import annotations

import math
from collections import Counter

from spacy.tokens import Doc, Span

from quizgen.normalize import normalize
from quizgen.wording import ARTICLES

CONNECTORS = frozenset({"of", "for", "and", "in", "on", "de", "du", "des", "la", "le"})
CONTENT = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})


MAX_TEXTRANK_SENTENCES = 400


def textrank(sentences: list[Span], damping: float = 0.85, rounds: int = 50) -> list[float]:
    """TextRank scores of ``sentences``, summing to 1 (uniform for one sentence)."""
    count = len(sentences)
    if count == 0:
        return []
    if count > MAX_TEXTRANK_SENTENCES:
        # The graph grows with the square of the sentences: past a long
        # article's length, position and mentions rank well enough alone.
        return [1.0 / count] * count
    bags = [{t.lemma_.lower() for t in s if t.pos_ in CONTENT and not t.is_stop} for s in sentences]
    weights = [[0.0] * count for _ in range(count)]
    for i in range(count):
        for j in range(i + 1, count):
            shared = len(bags[i] & bags[j])
            if shared and len(bags[i]) > 1 and len(bags[j]) > 1:
                weight = shared / (math.log(len(bags[i])) + math.log(len(bags[j])))
                weights[i][j] = weights[j][i] = weight
    totals = [sum(row) for row in weights]
    # Each sentence's incoming links with their share of the linking sentence's weight.
    incoming = [
        [(j, weights[j][i] / totals[j]) for j in range(count) if totals[j] and weights[j][i]] for i in range(count)
    ]
    scores = [1.0 / count] * count
    for _ in range(rounds):
        scores = [(1 - damping) / count + damping * sum(share * scores[j] for j, share in links) for links in incoming]
    total = sum(scores)
    return [s / total for s in scores]


def defined_acronyms(doc: Doc) -> dict[str, str]:
    """Acronyms defined in ``doc`` -> their expansions: "(AES)" after "Alliance of Sahel States".

    Found once per document: the fact patterns ask for each sentence, and the
    forms for each answer.
    """
    found: dict[str, str] | None = doc.user_data.get("quizgen_acronyms")
    if found is not None:
        return found
    found = {}
    doc.user_data["quizgen_acronyms"] = found
    for token in doc[1:-1]:
        if (
            token.nbor(-1).text == "("
            and token.nbor(1).text == ")"
            and token.text.isupper()
            and 2 <= len(token.text) <= 8
        ):
            expansion = expansion_before(doc, token.nbor(-1).i, token.text)
            if expansion is not None:
                found[token.text] = expansion.text
    return found


def expansion_before(doc: Doc, paren: int, acronym: str) -> Span | None:
    """The name just before ``doc[paren]`` that ``acronym`` abbreviates, if any.

    The name is a run of capitalized words (with "of", "for" and the like
    between them) that starts with the acronym's first letter and has about as
    many capitalized words as the acronym has letters. Acronyms from another
    language ("AES" for the Alliance of Sahel States) match too.
    """
    start = paren
    capitals = 0
    while start > 0:
        word = doc[start - 1]
        if word.lower_ in ARTICLES:
            break
        if word.text[:1].isupper() and word.is_alpha:
            capitals += 1
        elif not (word.lower_ in CONNECTORS and capitals):
            break
        start -= 1
    while start < paren and doc[start].lower_ in CONNECTORS:
        start += 1
    if start >= paren or not capitals:
        return None
    if doc[start].text[0].upper() != acronym[0].upper() or abs(capitals - len(acronym)) > 1:
        return None
    return doc[start:paren]


def entity_mentions(doc: Doc) -> Counter[str]:
    """Mentions per entity, by normalized text, with acronyms counted for their expansion too."""
    counts: Counter[str] = Counter(normalize(e.text) for e in doc.ents)
    for acronym, expansion in defined_acronyms(doc).items():
        total = counts[normalize(acronym)] + counts[normalize(expansion)]
        counts[normalize(acronym)] = counts[normalize(expansion)] = total
    return counts


def position_weight(index: int) -> float:
    return 1.0 / (1.0 + 0.15 * index)
