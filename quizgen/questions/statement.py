"""Statements: a fact's clause on its own, for true/false items.

facts -> questions (this) -> forms. The clause that holds the answer is cut
out of its sentence and simplified the way a wh-question is (asides,
parentheticals, leading adverbials and other clauses go, pronouns become the
names they stand for), but it stays a declarative sentence, and the answer's
place in it is known, so that a false statement can change that span and
nothing else.
"""

from __future__ import annotations

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
    if start == 0:
        text = text[0].upper() + text[1:]
    elif text[0].islower():
        text = text[0].upper() + text[1:]
    return Statement(text=text + ".", answer_start=start, answer_end=end)


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
