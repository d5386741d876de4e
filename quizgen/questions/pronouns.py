"""Pronouns in a question, replaced by the names they stand for.

questions -> (this) -> quality. A question read on its own has no previous
sentence, so "What did he sign?" must become "What did Putin sign?". The
antecedent is looked for in the same and the previous sentence only, and
only one name of the pronoun's kind may stand there; further back, or among
several, a guess is more often wrong than right.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

from quizgen.facts.patterns import has_verb

PERSONAL = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
NEUTER = frozenset({"it", "its", "itself"})
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
POSSESSIVE = frozenset({"his", "her", "hers", "its", "their", "theirs"})
THINGS = frozenset({"ORG", "GPE", "PRODUCT", "FAC", "LOC", "EVENT", "WORK_OF_ART", "LAW"})
GROUPS = frozenset({"ORG", "NORP", "GPE"})


def is_pronoun(token: Token) -> bool:
    return token.tag_ in ("PRP", "PRP$") and token.lower_ in PERSONAL | NEUTER | PLURAL


def antecedent(pronoun: Token) -> Span | None:
    """The named entity ``pronoun`` most likely refers to, or None."""
    lower = pronoun.lower_
    if lower in PERSONAL:
        labels: frozenset[str] = frozenset({"PERSON"})
    elif lower in NEUTER:
        labels = THINGS
    elif lower in PLURAL:
        labels = GROUPS | {"PERSON"}
    else:
        return None
    if lower in POSSESSIVE and (_own_subject(pronoun) or _named_subject(pronoun)):
        # "protests in Iran reached their sixth day": "their" is the protests';
        # "Tate Modern opened its doors": its own, whatever came before.
        return None
    sentence = pronoun.sent
    start = sentence.start
    if start > 0:
        start = pronoun.doc[start - 1].sent.start
    candidates = [
        ent
        for ent in entities_between(pronoun.doc, start, pronoun.i)
        if ent.end <= pronoun.i and ent.label_ in labels and has_verb(ent.sent)
    ]
    if lower in PLURAL and candidates and candidates[-1].label_ == "PERSON":
        return None
    if len(_distinct(candidates)) != 1:
        # Two people before "his" ("Rockefeller, his brother William and
        # Drake"): which one is meant is a guess, and a wrong guess makes a
        # false statement true.
        return None
    return candidates[-1]


def entities_between(doc: Doc, start: int, end: int) -> list[Span]:
    """The entities of ``doc`` that start at a token from ``start`` up to
    ``end``, in order, from a list of them made once per document."""
    found = doc.user_data.get("quizgen_entities")
    if found is None:
        ents = tuple(doc.ents)
        found = (ents, [ent.start for ent in ents])
        doc.user_data["quizgen_entities"] = found
    ents, starts = found
    return list(ents[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)])


def _distinct(candidates: list[Span]) -> set[str]:
    """The different things ``candidates`` name: "Luther" is "Martin Luther"."""
    names = {" ".join(ent.text.replace("’", "'").removesuffix("'s").split()) for ent in candidates}
    return {name for name in names if not any(other != name and other.endswith(" " + name) for other in names)}


def _clause_subject(pronoun: Token) -> Token | None:
    """The subject of the clause ``pronoun`` is in, if any."""
    verb = pronoun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    while subject is None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        # "the vessel struck rocks and rolled onto its side": the first verb's subject is the second's.
        verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject


def _named_subject(pronoun: Token) -> bool:
    """Whether a possessive pronoun's clause has a name for its subject, which
    the pronoun most likely stands for: it is then left as it is."""
    subject = _clause_subject(pronoun)
    return subject is not None and subject.i < pronoun.i and (subject.pos_ == "PROPN" or bool(subject.ent_type_))


def _own_subject(pronoun: Token) -> bool:
    """Whether a possessive pronoun most likely belongs to a common noun that
    is the subject of its own clause and agrees with it in number."""
    subject = _clause_subject(pronoun)
    if subject is None or subject.i > pronoun.i or subject.pos_ != "NOUN":
        return False
    plural = subject.tag_ == "NNS"
    return plural == (pronoun.lower_ in PLURAL) and (plural or pronoun.lower_ in NEUTER)


def replacement(pronoun: Token, answer: Span | None = None) -> str | None:
    """The words to put in place of ``pronoun``, or None to leave it."""
    found = antecedent(pronoun)
    if found is None:
        return None
    if answer is not None and found.start < answer.end and answer.start < found.end:
        return None
    text = found.text
    for ending in ("'s", "’s", "'", "’"):
        # An entity tagged with its possessive ending: "Kim Jong Un's".
        if text.endswith(ending) and len(text) > len(ending):
            text = text[: -len(ending)].rstrip()
            break
    if pronoun.lower_ in POSSESSIVE:
        return text + ("'" if text.endswith("s") else "'s")
    return text
