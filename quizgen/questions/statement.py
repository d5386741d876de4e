"""Statements: a fact's clause on its own, for true/false items.

facts -> questions (this) -> forms. The clause that holds the answer is cut
out of its sentence and simplified the way a wh-question is (asides,
parentheticals, leading adverbials and other clauses go, pronouns become the
names they stand for), but it stays a declarative sentence, and the answer's
place in it is known, so that a false statement can change that span and
nothing else. A statement opens as a sentence does: with a word, a number or
an amount, or with a quotation that it closes ('"Nomadland" won').
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from spacy.tokens import Span

from quizgen.facts.patterns import SAY_VERBS
from quizgen.questions.pronouns import is_pronoun, replacement
from quizgen.questions.wh import _clause_tokens, _clause_verb, _subject, seamless, tangled

MAX_STATEMENT_WORDS = 25


@dataclass(frozen=True)
class Statement:
    text: str
    answer_start: int  # of the answer in ``text``
    answer_end: int


def statement(answer: Span) -> Statement | None:
    """The simplified clause that states ``answer``'s fact, or None."""
    answer_ids = set(range(answer.start, answer.end))
    verb = _clause_verb(answer)
    if (
        verb is None
        or tangled(verb, answer)
        or verb.dep_ not in ("ROOT", "conj")
        or (verb.dep_ == "conj" and verb.head.dep_ != "ROOT")
    ):
        # A clause inside another ("critics said Obama should have ...") is no
        # fact on its own: stated alone it would lose who holds it.
        return None
    subject = _subject(verb)
    if subject is None or subject.i not in {t.i for t in verb.subtree} or subject.tag_ in ("WDT", "WP"):
        return None
    tokens = _clause_tokens(verb, answer_ids, subject)
    if not answer_ids <= {t.i for t in tokens} or any(t.tag_ in ("WP", "WDT", "WP$") for t in tokens):
        # "What Ilya Tarasenko emphasized as ..." is no statement.
        return None
    if _says_little(tokens, verb):
        return None
    if verb.lemma_ in SAY_VERBS and not any(t.head.i == verb.i and t.dep_ in ("ccomp", "dobj") for t in tokens):
        # "Warner Bros. said, making Greta Gerwig the first ...": no saying without what was said.
        return None
    opening = _without_stray_opening(tokens, answer_ids)
    if any(t.text in QUOTATION_MARKS for t in tokens[: len(tokens) - len(opening)]):
        # A quotation's speaker without the quotation: '"Go home," McAuliffe
        # told white nationalists' leaves '" , " McAuliffe told white
        # nationalists', which says nothing of what he told them.
        return None
    tokens = opening
    if not seamless(tokens):
        return None
    if _unnamed_place(tokens) or not _agrees_in_number(tokens, verb, subject):
        return None
    text = ""
    start = end = -1
    previous = None
    for token in tokens:
        if token.is_space:
            continue
        piece = token.text
        if is_pronoun(token) and token.i not in answer_ids:
            piece = replacement(token, answer) or piece
        gap = previous.whitespace_ if previous is not None and token.i == previous.i + 1 else " "
        gap = " " if gap else gap  # a sentence hard-wrapped across lines reads as one line
        if token.is_punct and token.i not in answer_ids and (token.text in ",;:.)" or _attached(token)):
            gap = ""  # no space before a comma or closing quotation mark left behind by a dropped aside
        if text:
            text += gap
        if token.i == answer.start:
            start = len(text)
        text += piece
        if token.i == answer.end - 1:
            end = len(text)
        previous = token
    text = text.rstrip(" ,;:-–—\n\r\t.")
    if start < 0 or end < 0 or end > len(text) or len(text.split()) > MAX_STATEMENT_WORDS or len(text.split()) < 4:
        return None
    if sum(text.count(q) for q in '"“”') % 2 or text[-1] in "\"”’'":
        return None  # a quotation cut in two
    if not opens_cleanly(text) or not _brackets_balanced(text):
        return None
    if start == 0:
        text = text[0].upper() + text[1:]
    elif text[0].islower():
        text = text[0].upper() + text[1:]
    return Statement(text=text + ".", answer_start=start, answer_end=end)


# Quotation marks that may open a statement, each with the mark that closes it.
# A bracket may not: a sentence does not start with an aside.
OPENING_MARKS = {'"': '"', "“": "”", "‘": "’", "'": "'"}
QUOTATION_MARKS = frozenset({*OPENING_MARKS, *OPENING_MARKS.values()})


def _without_stray_opening(tokens: list, answer_ids: set[int]) -> list:
    """``tokens`` without the punctuation left at their start by a dropped part:
    the bracket of a dropped aside ("( the expedition moved"), the dash after a
    dateline, the marks of a dropped quotation. A quotation that opens words
    and closes among ``tokens`` stays."""
    while tokens and tokens[0].is_punct and tokens[0].i not in answer_ids and not _opens(tokens):
        tokens = tokens[1:]
    return tokens


def _opens(tokens: list) -> bool:
    """Whether ``tokens`` start with a quotation mark, right before a word, that a later token closes."""
    closing = OPENING_MARKS.get(tokens[0].text)
    if closing is None or len(tokens) < 3 or tokens[1].is_punct or tokens[0].whitespace_:
        return False
    return any(closing in t.text for t in tokens[2:])


def _brackets_balanced(text: str) -> bool:
    """Whether every bracket ``text`` opens it closes, and none closes unopened."""
    depth = 0
    for char in text:
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def opens_cleanly(text: str) -> bool:
    """Whether ``text`` opens as a sentence may: with a letter, a digit or a
    currency sign ("$5 million was raised"), an elided year ("’90s"), or a
    quotation mark right before a word that ``text`` closes ('"Nomadland"
    won'). Never with a comma, a dash, a bracket, a closing mark or a
    quotation that holds no word."""
    if not text:
        return False
    first, rest = text[0], text[1:]
    if first.isalnum() or unicodedata.category(first) == "Sc":
        return True
    if first in "'’" and rest[:1].isdigit():
        return True
    closing = OPENING_MARKS.get(first)
    if closing is None or not rest[:1].isalnum():
        return False
    for at, mark in enumerate(rest):
        # A closing mark right after a word and not inside one: "’" in "Mali’s" is an apostrophe.
        if mark == closing and at > 0 and not rest[at - 1].isspace() and not rest[at + 1 : at + 2].isalpha():
            return True
    return False


def _agrees_in_number(tokens: list, verb, subject) -> bool:
    """Whether a plural verb still has a plural subject: "Marcos, his wife Imelda
    and members of their family were flown" loses its aside and with it all but
    "Marcos were flown"."""
    kept = {t.i for t in tokens}
    finite = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i in kept), verb)
    if finite.lower_ not in ("were", "are", "have") and finite.tag_ != "VBP":
        return True
    if subject.tag_ not in ("NNP", "NN") or subject.lower_ in ("i", "you"):
        return True
    return any(c.dep_ == "conj" and c.i in kept for c in subject.children)


PLACE_NOUNS = frozenset({"country", "nation", "city", "state", "province", "capital", "island"})


def _unnamed_place(tokens: list) -> bool:
    """Whether a statement speaks of "the country's" or "the city's" without
    naming any place: "Roh Tae-woo won the country's first direct presidential
    election" leaves the student to guess which country."""
    for token in tokens:
        if token.lower_ in PLACE_NOUNS and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return not any(t.ent_type_ in ("GPE", "NORP", "LOC") for t in tokens)
    return False


def _attached(token) -> bool:
    """Whether a punctuation mark was written against the word before it (a closing quotation mark)."""
    return token.i > 0 and token.text in '"”’)' and not token.doc[token.i - 1].whitespace_


SHORT_STATEMENT = 7


def _says_little(tokens: list, verb) -> bool:
    """Whether a short statement's predicate names nothing: "Israel faced a wave
    of international condemnation", "Kenya named a suspected mastermind". Said
    of what, by whom, how many? Teachers find them too vague to test a fact.
    A statement of what something is ("Cholera is a bacterial infection") or
    of what was done to it ("Mutassim was killed") is not one of them."""
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    if len(words) > SHORT_STATEMENT or verb.lemma_ == "be":
        return False
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    counted = passive and (passive[0].like_num or any(c.dep_ == "nummod" for c in passive[0].children))
    if passive and not counted:
        # "Mutassim was killed" says what happened to whom; "More than 250 people were killed" says where not.
        return False
    predicate = [t for t in words if t.i > verb.i]
    return not any(t.ent_type_ or t.like_num or t.pos_ == "PROPN" for t in predicate)


def falsified(true: Statement, distractor: str) -> Statement:
    """``true`` with its answer replaced by ``distractor``, and nothing else changed."""
    text = true.text[: true.answer_start] + distractor + true.text[true.answer_end :]
    if true.answer_start == 0 and text:
        text = text[0].upper() + text[1:]
    return Statement(text=text, answer_start=true.answer_start, answer_end=true.answer_start + len(distractor))
