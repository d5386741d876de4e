"""Answer checking: whether what a student typed or picked is right.

store -> quiz: check (this) -> scheduling. The quiz shows an item, reads the
student's response and asks this module for a :class:`Verdict`; the verdict's
``correct`` becomes the rating the scheduler sees, and ``how`` decides what the
student is told. A typed answer is tried in a fixed order: the shared
normalizer (``exact``), the item's accepted answers (``accepted``), then a
fuzzy match that forgives a slip of the keyboard (``typo``) or offers the
student the chance to overrule a near miss (``close``).

The fuzzy match is kept from being generous where generosity would teach the
wrong fact: numbers must agree digit for digit, very short answers must be
right as written, and adding words to a right answer is never a typo.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Levenshtein

from quizgen.answers import is_accepted
from quizgen.normalize import normalize
from quizgen.wording import LETTERS

# Scores are rapidfuzz's ``fuzz.ratio`` (0..100) of the normalized response to
# a normalized correct form. One changed letter in n scores 100 * (1 - 1/n), so
# at 85 a changed or swapped letter is forgiven from seven letters up, and a
# missing or doubled one from four; a changed letter in a shorter name
# ("Gambia"/"Zambia", 83) is more likely another name than a slip.
FUZZY_ACCEPT = 85.0
# Below FUZZY_ACCEPT, or a slip of more than one character, but at least this:
# wrong, yet near enough that the student may say it was meant. One letter off
# in four ("Iran" for "Iraq", 75) is another name, so it stays below.
CLOSE = 80.0
# A typo is one slip: a character changed, lost or added, or two swapped. The
# ratio alone would forgive two letters in nine, which is "Austria" for
# "Australia", or two in eleven, "East Africa" for "West Africa"; two slips
# are "close", and the student who meant the answer says so.
SLIPS = 1
# Normalized answers this short ("UN", "AES") are acronyms or codes, where one
# letter makes another thing: they are right as written or wrong.
SHORTEST_FUZZY = 4

_DIGITS = re.compile(r"\d+")
_TRUE = frozenset({"t", "true", "y", "yes"})
_FALSE = frozenset({"f", "false", "n", "no"})
# Worst first: of several correct forms, the best verdict any one gives stands.
_RANK = ("wrong", "close", "typo")


@dataclass(frozen=True)
class Verdict:
    """What the quiz tells the student about one response.

    ``how`` is one of "exact" (equal after normalization), "accepted" (one of
    the item's accepted answers), "typo" (a forgiven slip), "close" (wrong but
    near: the student may overrule), "wrong" or "empty". ``similarity`` is
    0..100, of the normalized response to the nearest correct form.
    """

    correct: bool
    how: str
    expected: str
    similarity: float
    response: str


def check_typed(response: str, answer: str, accepted: Sequence[str] = (), wrong: Sequence[str] = ()) -> Verdict:
    """Check a typed ``response`` against ``answer`` and its ``accepted`` answers.

    ``wrong`` are answers known to be wrong (the item's distractors): a
    response that is one of them, or nearer one of them than any right form,
    is wrong outright, never a typo or a close call to overrule
    ("Alliance of Sahara States" for "Alliance of Sahel States").
    ``expected`` is always ``answer`` as it should be shown, even when the
    response came nearer to one of the accepted answers.
    """
    shown = " ".join(answer.split())
    said = normalize(response)
    if not said:
        # Punctuation or a lone "the" says no more than a blank line does.
        return Verdict(False, "empty", shown, 0.0, response)
    if said == normalize(answer):
        return Verdict(True, "exact", shown, 100.0, response)
    if is_accepted(response, answer, tuple(accepted)):
        return Verdict(True, "accepted", shown, 100.0, response)
    forms = [form for form in dict.fromkeys(normalize(each) for each in (answer, *accepted)) if form]
    similarity = max((fuzz.ratio(said, form) for form in forms), default=0.0)
    if any(fuzz.ratio(said, normalize(other)) >= similarity for other in wrong if normalize(other)):
        return Verdict(False, "wrong", shown, similarity, response)
    how = max((_fuzzy(said, form) for form in forms), key=_RANK.index, default="wrong")
    return Verdict(how == "typo", how, shown, similarity, response)


def _fuzzy(said: str, form: str) -> str:
    """ "typo", "close" or "wrong" for the normalized response ``said`` against
    one normalized correct ``form`` that it is not equal to."""
    if len(form) < SHORTEST_FUZZY:
        return "wrong"
    # "1001" is as near "1000" as a typo is, but a student who overrules
    # a wrong year or amount has learned the wrong fact.
    if _DIGITS.findall(said) != _DIGITS.findall(form):
        return "wrong"
    score = fuzz.ratio(said, form)
    if score < CLOSE:
        return "wrong"
    # A word added to a right answer ("Mali and Niger" for "Mali") costs a
    # space and a letter at least, so listing candidates is never a slip.
    if score >= FUZZY_ACCEPT and OSA.distance(said, form, score_cutoff=SLIPS) <= SLIPS:
        return "typo"
    return "close"


def choice_index(response: str, count: int) -> int | None:
    """The option a key picks among ``count`` options, from 0: "2", "b", "B"
    and " b " all pick the second. ``None`` when ``response`` is no key of
    these options: keys are the digits 1..count and the letters a.. on."""
    key = response.strip().casefold()
    if key.isascii() and key.isdigit():
        index = int(key) - 1
    elif len(key) == 1 and key.upper() in LETTERS:
        index = LETTERS.index(key.upper())
    else:
        return None
    return index if 0 <= index < count else None


def check_choice(response: str, options: Sequence[str], correct: int) -> Verdict | None:
    """Check the key a student typed for a multiple-choice item whose right
    option is ``options[correct]``; ``None`` when ``response`` picks no option,
    so the quiz can ask again rather than mark it wrong."""
    index = choice_index(response, len(options))
    if index is None:
        return None
    right = index == correct
    return Verdict(right, "exact" if right else "wrong", options[correct], 100.0 if right else 0.0, response)


def true_false(response: str) -> bool | None:
    """What a typed "t", "true", "y", "yes" (or "f", "false", "n", "no") says,
    in any case; ``None`` for anything else."""
    said = response.strip().casefold()
    if said in _TRUE:
        return True
    if said in _FALSE:
        return False
    return None


def check_true_false(response: str, answer: str) -> Verdict | None:
    """Check a response to a true/false item whose ``answer`` is "True" or
    "False"; ``None`` when ``response`` is neither, so the quiz can ask again."""
    truth = true_false(answer)
    if truth is None:
        raise ValueError(f"a true/false item's answer must be True or False, not {answer!r}")
    said = true_false(response)
    if said is None:
        return None
    right = said == truth
    return Verdict(right, "exact" if right else "wrong", str(truth), 100.0 if right else 0.0, response)


def differences(response: str, expected: str) -> list[tuple[str, str]]:
    """``response`` against ``expected``, character by character, for showing
    what a close answer got wrong: ("same", text) is in both, ("extra", text)
    only in the response and ("missing", text) only in the expected answer.

    The alignment is the fewest edits (rapidfuzz's ``Levenshtein.opcodes``).
    A changed stretch comes out as its "extra" text followed by its "missing"
    text, so the "same" and "extra" segments spell the response and the
    "same" and "missing" ones spell the expected answer.
    """
    segments: list[tuple[str, str]] = []
    for op in Levenshtein.opcodes(response, expected):
        typed, wanted = response[op.src_start : op.src_end], expected[op.dest_start : op.dest_end]
        if op.tag == "equal":
            _append(segments, "same", typed)
        else:
            _append(segments, "extra", typed)
            _append(segments, "missing", wanted)
    return segments


def _append(segments: list[tuple[str, str]], kind: str, text: str) -> None:
    if not text:
        return
    if segments and segments[-1][0] == kind:
        segments[-1] = (kind, segments[-1][1] + text)
    else:
        segments.append((kind, text))
