"""Wh-questions by syntactic transformation of one parsed sentence.

facts -> questions (this) -> quality. Given a sentence and the span that is the
answer, the clause holding the answer is cut out of the sentence, the answer
phrase is removed, a wh-phrase chosen from its entity type and grammatical role
is put in front, and the auxiliary is inverted (with do-support where the verb
has none): "The game was played on February 7" -> "When was the game played?".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from quizgen.analyze.gazetteer import place_kind
from quizgen.questions.pronouns import is_pronoun, replacement
from quizgen.wording import ARTICLES, THING_NOUNS, relative_time

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
AUXILIARIES = frozenset({"aux", "auxpass"})
# Clause parts that can go without changing what the clause says about its answer.
DROPPABLE_BEFORE_SUBJECT = frozenset({"advcl", "prep", "npadvmod", "advmod", "intj", "ccomp", "parataxis"})
# "stepped down", "backed out": a particle the parser may take for an adverb.
PARTICLES = frozenset({"down", "up", "out", "off", "away", "back", "over", "aside", "in", "on"})
DROPPABLE_ANYWHERE = frozenset({"appos", "parataxis", "meta", "dep"})
SET_OFF_AFTER_VERB = frozenset({"prep", "advcl", "npadvmod", "advmod", "dep", "parataxis"})
LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "on", "inside", "within", "across", "throughout", "around", "outside"}
)
TEMPORAL_PREPOSITIONS = frozenset({"in", "on", "at", "during", "by", "until", "till"})
EMPTY_BRACKETS = re.compile(r"\(\s*[,;:]?\s*\)|\[\s*\]")
YEAR = re.compile(r"1\d{3}|20\d{2}")
DURATION = re.compile(
    r"(?:about |nearly |almost |over |more than |less than )?(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|several|a few|many)[ -](?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries)",
    re.IGNORECASE,
)
NEGATIONS = frozenset({"not", "n't", "never", "no"})
PLACES = frozenset({"GPE", "LOC", "FAC"})
TIMES = frozenset({"DATE", "TIME"})
NUMBERS = frozenset({"CARDINAL", "QUANTITY"})
NUMERIC_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"})
DO_FORMS = {"VBD": "did", "VBZ": "does", "VBP": "do", "VB": "do", "VBN": "did", "VBG": "did"}


@dataclass(frozen=True)
class WhPhrase:
    words: str
    absorbed: frozenset[int]  # token indices replaced by the phrase besides the answer
    drop_preposition: bool


def wh_question(sentence: Span, answer: Span, max_words: int | None = None, *, strict: bool = False) -> str | None:
    """The question whose answer is ``answer``, from ``sentence``, or None.

    Optional parts of the clause are dropped, longest first, until the
    question has at most ``max_words`` words (:data:`COMPRESSED_WORDS` by default).
    ``strict`` refuses answers that a question cannot ask for cleanly, such as
    one member of a list.
    """
    answer_ids = set(range(answer.start, answer.end))
    if strict and coordinated(answer, answer_ids):
        # One member of "Mali, Niger and Burkina Faso" cannot be asked for by itself.
        return None
    if strict and answer.root.dep_ == "nummod" and answer.root.head.tag_ == "NN":
        # "one percentage point": "How many percentage point" is no English.
        return None
    verb = _clause_verb(answer)
    if verb is None or verb.i in answer_ids or tangled(verb, answer):
        return None
    subject = _subject(verb)
    if subject is None:
        return None
    verb_ids = {t.i for t in verb.subtree}
    shared = subject.i not in verb_ids
    slot = _slot(answer.root, verb)
    if shared and slot is None:
        slot = _slot(answer.root, subject.head)
    asks_subject = slot is not None and slot.dep_ in SUBJECTS
    if strict and verb.lemma_ in ANSWERING_VERBS and not any(c.lower_ == "to" for c in verb.children):
        return None
    if strict and any(c.dep_ == "mark" and c.lower_ in DOUBT_MARKERS for c in verb.children):
        # "whether Congress will act" is a doubt, not a fact to ask about.
        return None
    clause = _clause_tokens(verb, answer_ids, subject)
    clause = _compress(clause, verb, subject, answer_ids, max_words or COMPRESSED_WORDS, keep_content=strict)
    if strict and _lost_content(verb, clause):
        # "Who said shortly after the vote?" no longer says what was said.
        return None
    if shared:
        # "they have faced X and [they] have sought support".
        if asks_subject:
            return None
        return _object_question(clause, verb, subject, answer, answer_ids, _trimmed_subject(subject, answer_ids))
    if subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" and verb.head.i not in answer_ids:
        # "the stadium, which hosted X": the relative pronoun stands for its antecedent.
        if asks_subject:
            return None
        antecedent = [t for t in verb.head.subtree if t.i <= verb.head.i and t.i not in verb_ids and not t.is_punct]
        clause = [t for t in clause if t.i != subject.i]
        return _object_question(clause, verb, subject, answer, answer_ids, antecedent)
    if asks_subject:
        return _subject_question(clause, subject, answer, answer_ids)
    if strict and _inside_island(answer.root, verb):
        # "What does the deal allow X, creating?": nothing moves out of an adjunct clause.
        return None
    before = answer.doc[answer.start - 1] if answer.start > 0 else None
    if (
        strict
        and before is not None
        and before.dep_ == "compound"
        and before.pos_ == "PROPN"
        and before.head.i in answer_ids
        and answer.root.dep_ == "pobj"
    ):
        # "at the request of President [Kassym-Jomart Tokayev]": asked for, the name would leave its title behind.
        return None
    agent = answer.root.head if answer.root.dep_ == "pobj" and answer.root.head.dep_ == "agent" else None
    if strict and agent is not None and any(t.i > answer.end and not t.is_punct for t in clause):
        # "Who was the night overshadowed by walking on stage?": a "by" left mid-question.
        return None
    return _object_question(clause, verb, subject, answer, answer_ids)


def tangled(verb: Token, answer: Span) -> bool:
    """Whether a phrase that a question about ``answer`` moves or drops is not
    one run of words: the answer or a phrase it sits in, or a part of the
    verb's clause. The parser now and then crosses its arcs ("The government had
    argued that AT&T could force rivals to pay more, costs that would be passed
    on", with "costs" hung on "government"), and a question cut from such a
    parse keeps words whose phrase is gone. A crossing deeper inside a part
    ("territories to which they have access") is carried whole and does no harm."""
    if sum(c.dep_ == "dobj" for c in verb.children) > 1:
        # "Ghana received 600,000 doses ..., the global programme": a second
        # object is a phrase the parser could not place.
        return True
    crossed = _crossed(verb.doc)
    if not crossed:
        return False
    parts = [*verb.children]
    token = answer.root
    while token.i != verb.i and token.head.i != token.i:
        parts.append(token)
        token = token.head
    return any(t.i in crossed for t in parts)


def _crossed(doc) -> frozenset[int]:
    """The tokens of ``doc`` whose phrase is not one run of words, found once per document."""
    found = doc.user_data.get("quizgen_crossed")
    if found is None:
        sizes = [1] * len(doc)
        heads = [t.head.i for t in doc]
        for start in range(len(doc)):
            at = start
            while heads[at] != at:
                at = heads[at]
                sizes[at] += 1
        found = frozenset(t.i for t in doc if t.right_edge.i - t.left_edge.i + 1 != sizes[t.i])
        doc.user_data["quizgen_crossed"] = found
    return found


# --- finding the clause --------------------------------------------------------------

DOUBT_MARKERS = frozenset({"whether", "if", "unless"})
OBJECTS = frozenset({"dobj", "attr", "acomp", "oprd", "dative", "prep", "agent"})


ISLANDS = frozenset({"advcl", "acl", "relcl", "pcomp", "csubj", "appos"})


def _inside_island(token: Token, verb: Token) -> bool:
    """Whether ``token`` sits in a clause or phrase that a wh-word cannot be moved out of."""
    while token.i != verb.i and token.head.i != token.i:
        if token.dep_ in ISLANDS:
            return True
        token = token.head
    return False


def _lost_content(verb: Token, clause: list[Token]) -> bool:
    """Whether the clause lost what its verb says, reports or is for (its
    content clause, or "to expand its influence" after "working")."""
    kept = {t.i for t in clause}
    dropped = [c for c in verb.children if c.i not in kept]
    if any(c.dep_ in ("ccomp", "parataxis") for c in dropped):
        return True
    has_object = any(c.dep_ in OBJECTS and c.i in kept for c in verb.children)
    return not has_object and any(
        c.dep_ == "xcomp" or (c.dep_ == "advcl" and c.left_edge.lower_ == "to") for c in dropped
    )


def coordinated(answer: Span, answer_ids: set[int] | None = None) -> bool:
    """Whether ``answer`` is one member of a list ("Mali, Niger and Burkina Faso")."""
    answer_ids = set(range(answer.start, answer.end)) if answer_ids is None else answer_ids
    root = answer.root
    if root.dep_ == "conj" and root.head.i not in answer_ids:
        return True
    doc = answer.doc
    after = doc[answer.end] if answer.end < len(doc) else None
    before = doc[answer.start - 1] if answer.start > 0 else None
    if before is not None and before.lower_ in ARTICLES and before.i > 0:
        before = doc[before.i - 1]
    # The parser does not always link a list: look at the words on either side.
    if (after is not None and after.lower_ in ("and", "or")) or (before is not None and before.lower_ in ("and", "or")):
        return True
    return any(c.dep_ == "conj" and c.i not in answer_ids for c in root.children)


def _clause_verb(answer: Span) -> Token | None:
    token = answer.root
    while True:
        if (
            token.pos_ in ("VERB", "AUX")
            and _finite(token)
            and _subject(token) is not None
            and token.i not in range(answer.start, answer.end)
        ):
            return token
        if token.head.i == token.i:
            return None
        token = token.head


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or the subject it shares with the verb it is coordinated with."""
    own = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if own is None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    return own


def _relative_time(ids: set[int], doc) -> bool:
    """Whether the tokens ``ids`` are a short time phrase that only the day of
    writing pins down: "on Tuesday", "late on Sunday night", "later this week"."""
    return relative_time([doc[i].lower_ for i in sorted(ids)]) and not any(doc[i].like_num for i in ids)


def _finite(verb: Token) -> bool:
    """Whether the verb can carry a question: tensed, or with a tensed auxiliary."""
    helpers = [c for c in verb.children if c.dep_ in AUXILIARIES]
    if any(h.tag_ == "TO" for h in helpers):
        return False
    if helpers or verb.tag_ in ("VBD", "VBZ", "VBP", "MD"):
        return True
    return verb.dep_ == "conj" and _finite(verb.head)


def _slot(token: Token, verb: Token) -> Token | None:
    """The child of ``verb`` whose subtree holds ``token``."""
    while token.head.i != token.i:
        if token.head.i == verb.i:
            return token
        token = token.head
    return None


def _clause_tokens(verb: Token, answer_ids: set[int], subject: Token) -> list[Token]:
    """The verb's subtree without the parts a question about the answer can do without."""
    dropped: set[int] = set()
    for child in verb.children:
        ids = {t.i for t in child.subtree}
        if ids & answer_ids:
            continue
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            dropped |= ids
        elif child.dep_ == "cc" and any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in verb.children):
            # The "and" goes with the clause it joins; joining a kept part
            # ("13.4 billion dollars and Chrysler four billion") it stays.
            dropped |= ids
        elif child.dep_ == "mark":
            dropped |= ids
        elif child.dep_ in DROPPABLE_BEFORE_SUBJECT and child.i < subject.i:
            dropped |= ids
        elif child.dep_ == "advcl" and len(ids) > 3 and not _completes_rank(child):
            dropped |= ids
        elif (
            child.dep_ == "advmod"
            and len(ids) == 1
            and child.lower_ not in NEGATIONS
            and child.i > subject.i
            and not (child.i == verb.i + 1 and child.lower_ in PARTICLES)
        ):
            dropped |= ids
        elif child.dep_ in ("prep", "npadvmod", "advmod") and _relative_time(ids, verb.doc):
            # "on Tuesday", "last week": which Tuesday only the article's date says.
            dropped |= ids
        elif child.dep_ in SET_OFF_AFTER_VERB and child.i > verb.i and _set_off(child):
            # "... carried the game, with Mick Mixon": an aside after the clause.
            dropped |= ids | _trailing_comma(child) | _opening_mark(child)
    tokens = [t for t in verb.subtree if t.i not in dropped]
    first, last = (min(answer_ids), max(answer_ids)) if answer_ids else (-1, -1)
    for token in tokens:
        if token.i in dropped or token.i == verb.i:
            continue
        if token.dep_ not in DROPPABLE_ANYWHERE and token.dep_ not in ("relcl", "acl", "advcl", "prep", "npadvmod"):
            continue
        # The parse is projective, so a subtree is the run from its left edge to its right edge.
        low, high = token.left_edge.i, token.right_edge.i
        if low <= last and first <= high:
            continue
        ids = set(range(low, high + 1))
        if token.dep_ in ("prep", "npadvmod"):
            # "debate on four proposals on Thursday": a relative time deeper in the clause.
            if _relative_time(ids, verb.doc):
                dropped |= ids
        elif token.dep_ in DROPPABLE_ANYWHERE and _set_off(token):
            dropped |= ids | _trailing_comma(token) | _opening_mark(token)
        elif (
            token.dep_ in ("relcl", "acl", "advcl")
            and len(ids) > 2
            and token.head.i != verb.i
            and not _only_said_by(token)
            and not _completes_rank(token)
        ):
            event = _event_phrase(token, verb)
            if event is not None and not {t.i for t in event.subtree} & answer_ids:
                ids = {t.i for t in event.subtree}
            dropped |= ids | _trailing_comma(token)
    dropped |= _parentheticals(tokens, answer_ids)
    kept = [t for t in verb.subtree if t.i not in dropped]
    return _tidy_punctuation(_without_comma_before_verb(kept, verb), answer_ids)


def _without_comma_before_verb(tokens: list[Token], verb: Token) -> list[Token]:
    """``tokens`` without a comma left between the subject and its verb by a
    dropped aside: "The pact, governs" is "The pact governs"."""
    kept = [t for t in tokens if not t.is_space]
    finite = {verb.i} | {c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")}
    dropped = set()
    commas = 0  # before the token looked at
    for before, t, after in zip(kept, kept[1:], kept[2:]):
        commas += before.text == ","
        # A comma that closes a kept aside ("Eugene Meyer, the father of X,
        # bought") pairs with one before it and stays.
        if t.text == "," and after.i in finite and not before.is_punct and commas % 2 == 0:
            dropped.add(t.i)
    return [t for t in tokens if t.i not in dropped]


COMPRESSED_WORDS = 14
# Verb dependents that a question can lose when it is too long: they add
# circumstances, not what the clause is about.
OPTIONAL_AFTER_VERB = frozenset(
    {"prep", "advcl", "npadvmod", "advmod", "conj", "cc", "dep", "parataxis", "xcomp", "ccomp", "agent"}
)


DISTANCE_OFFSET = 3
# What was said or wanted: without it "When did McConnell say?" asks nothing.
CONTENT_CLAUSES = frozenset({"ccomp", "xcomp"})


def _compress(
    clause: list[Token],
    verb: Token,
    subject: Token,
    answer_ids: set[int],
    max_words: int,
    keep_content: bool = False,
) -> list[Token]:
    """Drop optional parts after the verb until the question is short: the
    longest first, and of two the same length, the one farther from the
    answer (the words next to it say most about it)."""
    kept = list(clause)
    kept_ids = {t.i for t in clause}
    candidates = [
        c
        for c in verb.children
        if c.i > verb.i and c.dep_ in OPTIONAL_AFTER_VERB and not (keep_content and c.dep_ in CONTENT_CLAUSES)
    ] + [
        t
        for t in clause
        if t.dep_ in ("prep", "acl", "relcl")
        and t.head.i != verb.i
        and t.head.pos_ in ("NOUN", "PROPN")
        and t.head.i in kept_ids
        and t.lower_ != "of"  # "part of the deal" is one phrase
    ]
    candidates = [c for c in candidates if not _completes_rank(c) and not _argument(c)]
    first, last = min(answer_ids), max(answer_ids)

    def weight(part: Token) -> float:
        ids = [t.i for t in part.subtree]
        distance = min(first - i if i < first else i - last for i in ids)
        return len(ids) * (max(distance, 0) + DISTANCE_OFFSET)

    def length() -> int:
        return sum(1 for t in kept if t.i not in answer_ids and not t.is_punct)

    for child in sorted(candidates, key=lambda c: -weight(c)):
        if length() <= max_words:
            break
        ids = {t.i for t in child.subtree}
        if ids & answer_ids:
            continue
        kept = [t for t in kept if t.i not in ids]
    return _tidy_punctuation(kept, answer_ids)


# Verbs whose "to" or "as" phrase is part of what they say: "added X [to the
# World Heritage List]", "raised the record [to 6.14 metres]", "named X [as coach]".
TARGET_VERBS = frozenset(
    "add send move transfer admit elevate promote return bring lend sell donate deliver hand appoint nominate "
    "elect name sentence compare link connect commit devote extend raise lower cut increase reduce boost lift "
    "push drop rise fall climb".split()
)


def _argument(part: Token) -> bool:
    """Whether ``part`` is the destination a verb of :data:`TARGET_VERBS` needs."""
    if part.dep_ != "prep" or part.lower_ not in ("to", "as"):
        return False
    head = part.head
    # The parser may hang it on the verb's object: "added [a section ...] to the List".
    verb = head.head if head.dep_ in ("dobj", "conj") and head.head.pos_ == "VERB" else head
    return verb.lemma_ in TARGET_VERBS


# Verbs that answer something, which the question must say: "Who responded by
# dismissing the government?" responded to what?
ANSWERING_VERBS = frozenset({"respond", "react", "reply", "retaliate"})


# Words that rank a thing among others, which the rest of the phrase must say:
# "the youngest man [to win Wimbledon]", "for the first time".
RANK_WORDS = frozenset({"first", "second", "third", "fourth", "fifth", "last", "only", "next"})


def _ranked(noun: Token) -> bool:
    """Whether ``noun`` is ranked: "the youngest man", "the second country", "the most powerful storm"."""
    for child in noun.children:
        if child.dep_ not in ("amod", "advmod", "nummod"):
            continue
        if child.tag_ in ("JJS", "RBS") or child.lower_ in RANK_WORDS or child.ent_type_ == "ORDINAL":
            return True
        if any(c.tag_ == "RBS" for c in child.children):
            return True
    return False


# Prepositions of time whose noun is the subject of a clause that tells the event.
EVENT_PREPOSITIONS = frozenset({"after", "before", "until", "since", "following"})


def _event_phrase(part: Token, verb: Token) -> Token | None:
    """The "after" phrase that ``part`` tells the event of, if any: "after a boat
    carrying 500 migrants caught fire" without its clause says nothing, so the
    whole phrase goes instead."""
    token = part
    while token.i != verb.i and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ in EVENT_PREPOSITIONS:
            return token
        token = token.head
    return None


def _completes_rank(part: Token) -> bool:
    """Whether dropping ``part`` would cut a ranking short: "became the youngest
    man" without "to win the Wimbledon title", "the shortest tenure of anyone"
    without "who has held the post", "were held" without "for the first time"."""
    head = part.head
    if head.pos_ in ("VERB", "AUX") and part.dep_ in ("xcomp", "advcl", "relcl", "acl"):
        # "became the first sitting U.S. president [to visit Hiroshima]", parsed as the verb's.
        ranked = [c for c in head.children if c.dep_ in ("attr", "dobj", "oprd") and c.i < part.i]
        if any(_ranked(c) for c in ranked):
            return True
    if head.pos_ in ("NOUN", "PROPN", "PRON") and (
        _ranked(head) or (head.dep_ == "pobj" and head.head.lower_ == "of" and _ranked(head.head.head))
    ):
        return True
    words = list(part.subtree)
    return any(t.lower_ == "time" and _ranked(t) for t in words)


def _trimmed_subject(subject: Token, answer_ids: set[int]) -> list[Token]:
    """A subject borrowed from another clause, without its set-off asides."""
    dropped: set[int] = set()
    for token in subject.subtree:
        ids = {t.i for t in token.subtree}
        if (
            token.i != subject.i
            and not ids & answer_ids
            and ((token.dep_ in DROPPABLE_ANYWHERE and _set_off(token)) or token.dep_ in ("relcl", "acl"))
        ):
            dropped |= ids
    return [t for t in subject.subtree if t.i not in dropped and not t.is_punct]


def _only_said_by(clause: Token) -> bool:
    """Whether ``clause`` is all that says which thing its noun is: "repeal rules
    that required providers to treat traffic equally" is not "repeal rules"."""
    noun = clause.head
    if noun.pos_ != "NOUN" or clause.dep_ == "advcl" or noun.tag_ != "NNS":
        return False
    return not any(c.dep_ in ("det", "poss", "amod", "compound", "nummod", "nmod") for c in noun.children)


def _set_off(token: Token) -> bool:
    """Whether a phrase is set off by a comma, dash or parenthesis before it."""
    return bool(_opening_mark(token))


def _opening_mark(token: Token) -> set[int]:
    """The comma, dash or parenthesis that sets off a phrase, to go with it
    (none when nothing sets it off); inside a closing quotation mark, the comma
    only: '"Nomadland," a quiet drama about a widow'."""
    first = token.left_edge
    if first.i > 1 and first.nbor(-1).text in ('"', "”") and first.nbor(-2).text == ",":
        return {first.i - 2}
    return {first.i - 1} if first.i > 0 and first.nbor(-1).text in (",", "(", "-", "–", "—") else set()


def _trailing_comma(token: Token) -> set[int]:
    last = token.right_edge
    if last.i + 1 < len(last.doc) and last.nbor(1).text in (",", ")"):
        return {last.i + 1}
    return set()


def _tidy_punctuation(tokens: list[Token], answer_ids: set[int]) -> list[Token]:
    """No comma or dash at either end, and none twice in a row."""
    out: list[Token] = []
    for token in tokens:
        if token.is_punct and token.text in ",;:-–—" and token.i not in answer_ids:
            if not out or (out[-1].is_punct and out[-1].text in ",;:-–—("):
                continue
        out.append(token)
    while out and out[-1].is_punct and out[-1].i not in answer_ids:
        out.pop()
    return out


def _parentheticals(tokens: list[Token], answer_ids: set[int]) -> set[int]:
    dropped: set[int] = set()
    opened: int | None = None
    for position, token in enumerate(tokens):
        if token.text in "([":
            opened = position
        elif token.text in ")]" and opened is not None:
            inside = {t.i for t in tokens[opened : position + 1]}
            if not inside & answer_ids:
                dropped |= inside
            opened = None
    return dropped


# --- the wh-phrase ---------------------------------------------------------------------


def _written_lowercase(token: Token) -> bool:
    """Whether the article also writes the capitalized word ``token`` in lowercase."""
    return token.is_alpha and not token.is_lower and token.lower_ in _article_words(token.doc)


def _article_words(doc) -> frozenset[str]:
    """Every token's text in ``doc``, worked out once per document."""
    found = doc.user_data.get("quizgen_token_texts")
    if found is None:
        found = doc.user_data["quizgen_token_texts"] = frozenset(t.text for t in doc)
    return found


# Nouns that say a name is a work, an event or a place, not a person or a body of people.
NAMED_THINGS = THING_NOUNS | frozenset(
    {"drama", "comedy", "musical", "documentary", "play", "opera", "thriller", "sequel", "series", "show",
     "episode", "single", "sculpture", "poem", "newspaper", "magazine", "storm", "hurricane", "typhoon",
     "cyclone", "flood", "volcano", "lake", "liner", "tanker", "ferry", "tunnel", "viaduct", "canal", "dam",
     "railway", "line", "station", "library", "palace", "park", "highway", "pipeline", "reactor", "plant",
     "court", "church", "horse"}
)  # fmt: skip


def _named_thing(answer: Span) -> str | None:
    """What a name the parser took for a person or a body of people is, when
    the article says it is a thing: "drama" for "Moonlight, Barry Jenkins's
    drama", "island" for "the island of Giglio", "" for a title in quotation
    marks; None when it says no such thing."""
    things = answer.doc.user_data.get("quizgen_named_things")
    if things is None:
        things = answer.doc.user_data["quizgen_named_things"] = _named_things(answer.doc)
    return things.get(answer.text.lower().removeprefix("the ").strip())


def _named_things(doc) -> dict[str, str]:
    found: dict[str, str] = {}
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG", "NORP", "WORK_OF_ART"):
            continue
        root = ent.root
        nouns = [c for c in root.children if c.dep_ == "appos" or (c.dep_ == "compound" and c.i < ent.start)]
        if root.dep_ == "appos":
            nouns.append(root.head)
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in NAMED_BY_OF:
            nouns.append(root.head.head)
        noun = next((n.lower_ for n in nouns if n.lower_ in NAMED_THINGS), None)
        quoted = ent.start > 0 and doc[ent.start - 1].text in ('"', "“") and ent.label_ != "ORG"
        # "the Ashes": no person's name follows "the".
        quoted = quoted or (ent.label_ == "PERSON" and ent.start > 0 and doc[ent.start - 1].lower_ == "the")
        key = ent.text.lower().removeprefix("the ").strip()
        if noun is not None:
            found[key] = noun
        elif (quoted or ent.label_ == "WORK_OF_ART") and key not in found:
            found[key] = ""
    return found


def _is_a_thing(verb: Token) -> bool:
    """Whether ``verb`` says its subject is or became a thing: "The European
    Central Bank became the first major central bank"."""
    return verb.lemma_ in ("be", "become") and any(c.dep_ == "attr" and c.lower_ in NAMED_THINGS for c in verb.children)


def _entity_label(answer: Span) -> str:
    labels = [t.ent_type_ for t in answer if t.ent_type_]
    return max(sorted(set(labels)), key=labels.count) if labels else ""


def _noun_words(head: Token, in_answer: range) -> list[Token]:
    """The head noun with its adjectives and compounds, without determiners."""
    return [
        t
        for t in head.subtree
        if t.i <= head.i
        and t.i not in in_answer
        and t.dep_ in ("amod", "compound", "nmod", "nummod")
        and t.head.i == head.i
    ] + [head]


def _left_part(head: Token, in_answer: range) -> frozenset[int]:
    return frozenset(t.i for t in head.subtree if t.i <= head.i)


def wh_phrase(answer: Span) -> WhPhrase:
    root = answer.root
    label = _entity_label(answer)
    head = root.head
    preposition = head.lower_ if root.dep_ == "pobj" else ""
    if label == "PERSON" and _written_lowercase(answer[-1]):
        # "Poliovirus", "the Black Death": read as a person, written as a
        # common word elsewhere in the article; "who" would not fit it.
        label = ""
    named = label in ("PERSON", "ORG", "NORP", "FAC") or (not label and root.pos_ == "PROPN")
    if named and root.lower_ in NAMED_THINGS and not preposition:
        # "the Gotthard Base Tunnel" is a tunnel.
        return WhPhrase(f"what {root.lower_}", frozenset(), False)
    if label in ("PERSON", "ORG", "NORP"):
        thing = _named_thing(answer)
        if thing is not None and preposition == "of" and head.head.lower_ in NAMED_BY_OF:
            label = ""  # "the island of Giglio", asked below as "what island"
        elif thing is not None:
            # "Moonlight, Barry Jenkins's drama": no "who".
            return WhPhrase(f"what {thing}" if thing else "what", frozenset(), False)
    if label == "PERSON" or (
        label in ("ORG", "NORP")
        and root.dep_ in SUBJECTS
        and answer.root.head.pos_ == "VERB"
        and root.lower_ not in NAMED_THINGS
        and not _is_a_thing(root.head)
    ):
        return WhPhrase("who", frozenset(), False)
    if label in TIMES and DURATION.fullmatch(answer.text.strip()):
        return WhPhrase("how long", frozenset(), bool(preposition in ("for", "in", "after", "within")))
    if label in TIMES and preposition == "in" and len(answer) == 1 and YEAR.fullmatch(root.text):
        return WhPhrase("in what year", frozenset(), True)
    if label in TIMES and (preposition in TEMPORAL_PREPOSITIONS or root.dep_ in ("npadvmod", "tmod")):
        return WhPhrase("when", frozenset(), bool(preposition))
    if label in PLACES and preposition in LOCATIVE_PREPOSITIONS:
        return WhPhrase("where", frozenset(), True)
    in_answer = range(answer.start, answer.end)
    counting = root.dep_ == "nummod" and root.like_num and not YEAR.fullmatch(root.text)
    if (
        label in TIMES
        and not counting
        and root.dep_ in ("compound", "nmod", "nummod", "amod")
        and head.pos_ == "NOUN"
        and head.i not in in_answer
    ):
        noun = _noun_words(head, in_answer)
        return WhPhrase(" ".join(["what type of", *(t.text for t in noun)]), _left_part(head, in_answer), False)
    if root.dep_ == "appos" and head.pos_ == "NOUN" and head.i not in in_answer:
        noun = _noun_words(head, in_answer)
        return WhPhrase(
            " ".join(["what", *(t.text for t in noun)]), _left_part(head, in_answer) | set(in_answer), False
        )
    if (
        root.dep_ in ("amod", "compound", "nmod")
        and head.pos_ == "NOUN"
        and head.i not in in_answer
        and label not in NUMBERS
        and label != "PERSON"
    ):
        noun = [t for t in _noun_words(head, in_answer) if t.i > answer.end - 1 or t.i == head.i]
        # "Radio Lollipop station" is one station, "rounded arches" a type of arch.
        opening = "what" if root.pos_ == "PROPN" or label else "what type of"
        return WhPhrase(" ".join([opening, *(t.text for t in noun)]), _left_part(head, in_answer), False)
    if (
        preposition == "of"
        and head.head.lemma_ in NAMED_BY_OF
        and head.head.i < head.i
        and (label or root.pos_ == "PROPN")
    ):
        # "the city of Beijing": Beijing is the city.
        noun = _noun_words(head.head, in_answer)
        absorbed = _left_part(head.head, in_answer) | {head.i}
        return WhPhrase(" ".join(["what", *(t.text for t in noun)]), frozenset(absorbed), False)
    example_of = _exemplified(root)
    if example_of is not None and example_of.i not in in_answer:
        # "disease states such as cancer": the answer is one of the states.
        noun = [t for t in _noun_words(example_of, in_answer) if t.lower_ not in VAGUE_QUANTITIES]
        absorbed = _left_part(example_of, in_answer) | {t.i for t in root.head.subtree}
        absorbed |= {t.i for c in example_of.children if c.dep_ in ("cc", "conj") for t in c.subtree}
        absorbed |= {c.i for c in example_of.children if c.lower_ == "such"} | _comma_before(root.head)
        return WhPhrase(" ".join(["what", *(t.text for t in noun)]), frozenset(absorbed), False)
    if label == "GPE" and root.dep_ in (*SUBJECTS, "dobj", "pobj", "attr", "conj", "ROOT"):
        place = place_kind(answer.text)
        if place in ("country", "city"):
            return WhPhrase(f"what {place}", frozenset(), False)
    kind = [
        c
        for c in root.children
        if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i not in in_answer and c.i < answer.start
    ]
    if kind and root.pos_ == "PROPN":
        return WhPhrase(" ".join(["what", *(t.text for t in kind)]), frozenset(t.i for t in kind), False)
    if label == "MONEY":
        return WhPhrase("how much", frozenset(), False)
    if label == "PERCENT":
        return WhPhrase("what percentage", frozenset(), False)
    if (
        (label in NUMBERS or counting or (root.like_num and label not in TIMES and not YEAR.fullmatch(root.text)))
        and root.dep_ == "nummod"
        and head.pos_ in ("NOUN", "PROPN")
    ):
        noun = [t for t in head.subtree if root.i < t.i <= head.i and t.i not in in_answer]
        words = " ".join(["how many", *(t.text for t in noun)])
        return WhPhrase(words, _left_part(head, in_answer), False)
    counted = [c for c in root.children if c.dep_ == "nummod" and c.i in in_answer]
    if counted and root.pos_ == "NOUN" and root.tag_ in ("NNS", "NNPS"):
        return WhPhrase(f"how many {root.text}", frozenset(), False)
    if label in NUMBERS:
        return WhPhrase("how many", frozenset(), False)
    return WhPhrase("what", frozenset(), False)


# Nouns whose "of" phrase names them: "the city of Beijing", "the character of Oliver".
NAMED_BY_OF = frozenset(
    "city town village state province country county district region island neighborhood neighbourhood "
    "character name title concept kingdom empire republic port".split()
)
EXAMPLE_MARKERS = frozenset({"including", "like", "as"})
VAGUE_QUANTITIES = frozenset({"several", "many", "some", "numerous", "various", "few", "a", "number"})


def _exemplified(root: Token) -> Token | None:
    """The plural noun that ``root`` is an example of ("states such as
    cancer", "museums, including the Centre for Life"), or None."""
    marker = root.head
    if root.dep_ != "pobj" or marker.lower_ not in EXAMPLE_MARKERS:
        return None
    noun = marker.head
    if marker.lower_ == "as":
        if noun.lower_ == "such":
            noun = noun.head
        elif not any(c.lower_ == "such" for c in (*noun.children, *marker.children)):
            return None
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS":
        return None
    return noun


def _comma_before(token: Token) -> set[int]:
    first = token.left_edge
    return {first.i - 1} if first.i > 0 and first.nbor(-1).text == "," else set()


# --- building the question -------------------------------------------------------------


def _answer_phrase(answer: Span, answer_ids: set[int], phrase: WhPhrase) -> set[int]:
    """What the wh-phrase replaces: the answer, the words the phrase absorbs
    with their determiners, the determiners that only make sense with the
    answer, and what describes it (an appositive or relative clause would
    give the answer away)."""
    ids = set(answer_ids) | phrase.absorbed
    ids |= {t.i for i in phrase.absorbed for t in answer.doc[i].children if t.dep_ in ("det", "predet")}
    person = _entity_label(answer) == "PERSON"
    for token in answer:
        # "the satellites' support": "the" belongs to the answer's possessor.
        ids |= {c.i for c in token.children if c.i < answer.start and c.dep_ in ("det", "predet")}
    for token in answer.root.children:
        if token.i < answer.start and token.dep_ in ("det", "predet", "case", "poss"):
            ids |= {t.i for t in token.subtree}
        elif person and token.i < answer.start and token.dep_ in ("compound", "amod", "nmod"):
            # "former president Barack Obama": the title goes with the name.
            ids |= {t.i for t in token.subtree}
        elif token.i >= answer.end and token.dep_ in ("appos", "relcl", "acl"):
            ids |= {t.i for t in token.subtree} | _trailing_comma(token)
            before = token.left_edge.i - 1
            if before >= answer.end and answer.doc[before].text in (",", "("):
                ids.add(before)
    return ids


# Verbs that take two to do them: "Who met in Singapore?" has two answers.
RECIPROCAL = frozenset({"meet", "marry", "talk", "negotiate", "clash", "embrace", "reconcile", "wed"})


def _shared_deed(verb: Token, clause: list[Token]) -> bool:
    """Whether the subject asked for did what others did with it: a reciprocal
    verb without its object ("Who met on Sentosa?"), or a share of something
    ("Who won a share of the Nobel Prize?")."""
    kept = {t.i for t in clause}
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i in kept]
    partners = [c for c in verb.children if c.i in kept and (c.dep_ in ("xcomp", "ccomp") or c.lower_ == "with")]
    if verb.lemma_ in RECIPROCAL and not objects and not partners:
        return True
    return any(o.lower_ in ("share", "part") and any(c.lower_ == "a" for c in o.children) for o in objects)


def _subject_question(clause: list[Token], subject: Token, answer: Span, answer_ids: set[int]) -> str | None:
    if _shared_deed(subject.head, clause):
        return None
    phrase = wh_phrase(answer)
    if answer.root.i == subject.i or answer.root.dep_ == "appos" and answer.root.head.i == subject.i:
        removed = {t.i for t in subject.subtree}
    else:
        removed = _answer_phrase(answer, answer_ids, phrase)
    words = _simple_past(in_place(clause, removed, phrase.words), subject.head)
    if phrase.words.lower() in ("who", "what"):
        # "Who" takes a singular verb: "Democrats were" asks "Who was".
        words = _singular_verb(words, subject)
    return render_question(words, answer)


# Past participles that are not also the past tense.
PAST_TENSES = {
    "been": "was", "gone": "went", "done": "did", "seen": "saw", "taken": "took", "given": "gave",
    "written": "wrote", "driven": "drove", "known": "knew", "shown": "showed", "grown": "grew", "thrown": "threw",
    "flown": "flew", "drawn": "drew", "chosen": "chose", "spoken": "spoke", "broken": "broke", "stolen": "stole",
    "frozen": "froze", "fallen": "fell", "eaten": "ate", "begun": "began", "swum": "swam", "sung": "sang",
    "rung": "rang", "run": "ran", "come": "came", "become": "became", "beaten": "beat", "bitten": "bit",
    "hidden": "hid", "ridden": "rode", "risen": "rose", "forgotten": "forgot", "gotten": "got", "sworn": "swore",
    "torn": "tore", "worn": "wore", "woken": "woke", "shaken": "shook", "overtaken": "overtook", "undertaken":
    "undertook", "withdrawn": "withdrew", "struck": "struck", "arisen": "arose", "forbidden": "forbade",
}  # fmt: skip


# Irregular participles that are also the past tense.
SAME_PAST = frozenset(
    "won made said held led met paid sold told found built sent spent lost left kept brought bought fought "
    "thought caught taught sought hit cut put set shut quit hung stood understood shot fed fled read heard laid "
    "lit spun stuck swung split spread struck sat slept swept dealt meant felt knelt sank".split()
)


def _simple_past(words: list[str | Token], verb: Token) -> list[str | Token]:
    """A subject question in the news report's present perfect, in the simple
    past a quiz asks in: "Who has died of a heart attack?" -> "Who died of a
    heart attack?", "Who has been declared the winner?" -> "Who was declared
    the winner?". Only "has" or "have" with the participle; anything else stays."""
    helpers = [c for c in verb.children if c.dep_ in AUXILIARIES and c.i < verb.i]
    perfect = [h for h in helpers if h.lemma_ == "have" and h.tag_ in ("VBZ", "VBP")]
    if len(perfect) != 1 or verb.tag_ != "VBN" or any(h.tag_ == "MD" for h in helpers):
        return words
    have = perfect[0]
    passive = next((h for h in helpers if h.dep_ == "auxpass" and h.lower_ == "been"), None)
    if len(helpers) != (2 if passive is not None else 1):
        return words
    changed = passive if passive is not None else verb
    past = "was" if passive is not None else PAST_TENSES.get(verb.lower_, verb.text)
    if passive is None and not (verb.lower_ in PAST_TENSES or verb.lower_ in SAME_PAST or verb.lower_.endswith("ed")):
        return words  # an irregular participle not listed: left as it is
    out: list[str | Token] = []
    for word in words:
        if isinstance(word, Token) and word.i == have.i:
            continue
        out.append(past if isinstance(word, Token) and word.i == changed.i else word)
    return out


SINGULAR_FORMS = {"are": "is", "were": "was", "have": "has", "do": "does"}


def _singular_verb(words: list[str | Token], subject: Token) -> list[str | Token]:
    """``words`` with the subject's plural present verb (or ``were``) made singular."""
    verb = subject.head
    finite = [c for c in verb.children if c.dep_ in AUXILIARIES and c.i > subject.i] or [verb]
    first = finite[0]
    if first.tag_ not in ("VBP", "VBD") or (first.tag_ == "VBD" and first.lower_ != "were"):
        return words
    if first.lower_ in SINGULAR_FORMS:
        form = SINGULAR_FORMS[first.lower_]
    elif first.tag_ == "VBP" and first.pos_ == "VERB" and first.is_alpha:
        form = third_person(first.lower_)
    else:
        return words
    return [form if not isinstance(w, str) and w.i == first.i else w for w in words]


def third_person(verb: str) -> str:
    """The third person singular of the present ``verb``: "want" -> "wants", "push" -> "pushes"."""
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if len(verb) > 2 and verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def in_place(tokens: list[Token], removed: set[int], phrase: str) -> list[str | Token]:
    """``tokens`` with the ``removed`` ones replaced, once, by the wh-``phrase``
    (and no comma right after it)."""
    words: list[str | Token] = []
    placed = False
    for token in tokens:
        if token.i in removed:
            if not placed:
                words.append(phrase)
                placed = True
            continue
        if token.is_punct and token.text in ",;:" and words and isinstance(words[-1], str):
            continue
        words.append(token)
    return words


def _object_question(
    clause: list[Token],
    verb: Token,
    subject: Token,
    answer: Span,
    answer_ids: set[int],
    subject_words: list[Token] | None = None,
) -> str | None:
    phrase = wh_phrase(answer)
    removed = _answer_phrase(answer, answer_ids, phrase)
    if phrase.drop_preposition and answer.root.dep_ == "pobj":
        preposition = answer.root.head
        if {t.i for t in preposition.subtree} - removed - {preposition.i} <= set():
            removed.add(preposition.i)
    subject_ids = {t.i for t in subject.subtree}
    if subject_ids & removed:
        return None
    auxiliaries = [c for c in verb.children if c.dep_ in AUXILIARIES and c.tag_ != "TO" and c.i < verb.i]
    verb_form: str | None = None
    if auxiliaries:
        first = auxiliaries[0]
        fronted, moved = first.lower_, first.i
    elif verb.lemma_ == "be":
        fronted, moved = verb.lower_, verb.i
    else:
        fronted, moved = DO_FORMS.get(verb.tag_, "did"), None
        verb_form = verb.lemma_
        if not _agrees(verb, subject):
            # "Niger still face risks": the parse took the wrong subject.
            return None
    rest: list[str | Token] = []
    for token in clause:
        if token.i in removed or token.i in subject_ids or token.i == moved:
            continue
        if token.i == verb.i and verb_form is not None:
            rest.append(verb_form)
        else:
            rest.append(token)
    subject_tokens = subject_words if subject_words is not None else [t for t in clause if t.i in subject_ids]
    before_subject = [w for w in rest if isinstance(w, Token) and w.i < subject.i and not w.is_punct]
    after = [w for w in rest if not (isinstance(w, Token) and w.i < subject.i)]
    words: list[str | Token] = [phrase.words, fronted, *before_subject, *subject_tokens, *after]
    return render_question(words, answer)


def _agrees(verb: Token, subject: Token) -> bool:
    """Whether a present-tense verb agrees in number with its subject."""
    if verb.tag_ not in ("VBZ", "VBP") or subject.pos_ == "PRON":
        return True
    plural = subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)
    singular = subject.tag_ in ("NN", "NNP") and not plural
    return not ((verb.tag_ == "VBZ" and plural) or (verb.tag_ == "VBP" and singular))


def _ordinary_word(token: Token) -> bool:
    """Whether a sentence's capitalized first word is an ordinary word, to be
    lowercased when it moves, rather than a name."""
    if token.text == "I" or (token.is_upper and len(token) > 1):
        return False
    if token.ent_type_ in NUMERIC_LABELS:
        # "More than 2.3 million doses", "Two Han Chinese leaders".
        return token.is_alpha
    if token.tag_ in ("NNP", "NNPS") or token.ent_type_:
        # Capitalized only because it opens the sentence: "Smallpox", written
        # "smallpox" elsewhere in the article.
        # "President Donald Trump" keeps its title.
        before_name = token.i + 1 < len(token.doc) and token.nbor(1).tag_ in ("NNP", "NNPS")
        return not token.ent_type_ and not before_name and token.lower_ in _article_words(token.doc)
    if token.is_stop or token.pos_ not in ("NOUN", "PROPN", "X") or token.tag_ in ("NN", "NNS"):
        return True
    return token.lower_ in _article_words(token.doc)


NOUN_ENDS = frozenset({"NOUN", "PROPN", "NUM"})
NOUN_STARTS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM"})


def seamless(tokens: list[Token]) -> bool:
    """Whether no two neighbours of ``tokens``, a question's or statement's words
    in order, make a :func:`broken_seam`; a comma between them sets off what follows."""
    last_word: Token | None = None  # the last token that is no punctuation
    for token in tokens:
        if last_word is not None and broken_seam(last_word, token):
            return False
        # A comma left in place sets off what follows ("in stock, the company's biggest deal").
        last_word = None if token.text == "," else token if not token.is_punct else last_word
    return True


def broken_seam(before: Token, after: Token) -> bool:
    """Whether two tokens that words were dropped between now read as two noun
    phrases run together: "in a ceremony [watched by] hundreds of thousands",
    "on Thursday [, February 15,] less than a day", "the first prescription
    medicine [made from the plant,] a liquid". Two objects of one verb ("gave
    Pence incomplete information") and one phrase's own words are no seam."""
    if after.i <= before.i + 1 or before.pos_ not in NOUN_ENDS or after.pos_ not in NOUN_STARTS:
        return False
    if after.tag_ == "POS" or before.head.i == after.i or after.head.i == before.i:
        return False
    if before.head.i == after.head.i and before.dep_ in ("dative", "dobj") and after.dep_ in ("dobj", "oprd"):
        return False
    # Two words of one noun phrase ("the [long-awaited] new law") stay one phrase.
    return not (after.head.i == before.head.i and before.dep_ in ("compound", "amod", "nummod", "nmod"))


def render_question(words: list[str | Token], answer: Span | None = None) -> str | None:
    """Words and tokens in question order to the question's text.

    Tokens that were next to each other keep their original spacing, pronouns
    are replaced by the names they stand for, stray punctuation goes, and the
    result starts with a capital letter and ends with "?" (or is None, also
    when dropped words left two noun phrases run together: :func:`broken_seam`).
    """
    runs: list[list[Token]] = [[]]  # the tokens between the words put in
    for word in words:
        if isinstance(word, Token):
            runs[-1].append(word)
        else:
            runs.append([])
    if not all(seamless(run) for run in runs):
        return None
    text = ""
    previous: Token | None = None
    for position, word in enumerate(words):
        if isinstance(word, Token):
            piece = word.text
            if position > 0 and word.i == word.sent.start and _ordinary_word(word):
                piece = piece.lower()
            if is_pronoun(word):
                piece = replacement(word, answer) or piece
            if previous is not None and word.i == previous.i + 1:
                text += previous.whitespace_ + piece
            elif word.text in '"”' and word.i > 0 and not word.doc[word.i - 1].whitespace_:
                text += piece  # a closing quotation mark, whatever was dropped before it
            else:
                text += (" " if text else "") + piece
            previous = word
        else:
            text += (" " if text else "") + word
            previous = None
    text = " ".join(text.split())
    text = EMPTY_BRACKETS.sub("", text)
    text = text.replace(" ,", ",").replace(",,", ",").replace(" :,", ",")
    if text.count('"') % 2:
        text = text.replace('"', "")
    if text.count("(") != text.count(")"):
        text = text.replace("(", "").replace(")", "")
    text = " ".join(text.split()).strip().rstrip(" .,;:!?-–—\"'")
    while text.endswith(","):
        text = text[:-1].rstrip()
    text = text.lstrip(" ,;:.!?-–—)]}\"'")
    if not text or not text[0].upper().isupper() or len(text.split()) < 2:
        return None
    return text[0].upper() + text[1:] + "?"


# --- questions whose answer is what the subject did ------------------------------------

# Adjuncts that may stay in a "What did X do ...?" question to pin down when or where.
SCENE_LABELS = TIMES | PLACES
MAX_SCENE_WORDS = 6
PREDICATE_DO = {"VBZ": "does", "VBP": "do"}


def predicate_question(sentence: Span, answer: Span) -> str | None:
    """The question whose answer is a verb phrase: "Luther lectured on the
    Psalms" -> "What did Luther do?"; "The astronauts were asphyxiated" ->
    "What happened to the astronauts?". None unless the answer holds its
    clause's verb and not its subject."""
    answer_ids = set(range(answer.start, answer.end))
    verb = next((t for t in answer if t.pos_ in ("VERB", "AUX") and _finite(t) and _subject(t) is not None), None)
    if verb is None or verb.dep_ not in ("ROOT", "conj"):
        return None
    subject = _subject(verb)
    if subject is None or answer_ids & {t.i for t in subject.subtree}:
        return None
    subject_words = _trimmed_subject(subject, answer_ids)
    if not subject_words or subject.tag_ in ("WDT", "WP", "EX"):
        return None
    helpers = [c for c in verb.children if c.dep_ in AUXILIARIES and c.i < verb.i]
    negated = any(c.dep_ == "neg" for c in verb.children)
    scene = _scene(verb, answer_ids, subject)
    modal = next((h for h in helpers if h.tag_ == "MD"), None)
    perfect = next((h for h in helpers if h.lemma_ == "have"), None)
    if any(h.dep_ == "auxpass" for h in helpers):
        if modal is not None:
            happened = f"what {modal.lower_} happen to"
        elif perfect is not None:
            happened = "what has happened to"
        else:
            passive = next(h for h in helpers if h.dep_ == "auxpass")
            happened = "what happens to" if passive.tag_ in ("VBZ", "VBP") else "what happened to"
        return render_question([happened, *subject_words, *scene], answer)
    if modal is not None:
        words: list[str | Token] = ["what", modal.lower_, *subject_words, *(["not"] if negated else []), "do"]
    elif perfect is not None:
        words = ["what", perfect.lower_, *subject_words, *(["not"] if negated else []), "done"]
    elif verb.lemma_ == "be":
        return None
    else:
        tag = next((h.tag_ for h in helpers if h.lemma_ == "do"), verb.tag_)
        words = ["what", PREDICATE_DO.get(tag, "did"), *subject_words, *(["not"] if negated else []), "do"]
    return render_question([*words, *scene], answer)


def _scene(verb: Token, answer_ids: set[int], subject: Token) -> list[Token]:
    """A short time or place adjunct of the verb outside the answer, such as
    "from 1510 to 1520", to keep the question about one event."""
    for child in verb.children:
        ids = [t for t in child.subtree]
        if child.dep_ not in ("prep", "npadvmod") or {t.i for t in ids} & answer_ids:
            continue
        if len(ids) <= MAX_SCENE_WORDS and any(t.ent_type_ in SCENE_LABELS for t in ids):
            return [t for t in ids if not t.is_punct]
    return []
