"""A teacher's own items: what they wrote, checked and made into items.

teacher (command line or file) -> authored (this) -> items -> store. Nothing
is generated here: the question, the answer and the options are the
teacher's, each made one line of visible text. What each kind needs is
checked before anything is stored: a multiple choice needs a wrong option
that differs from its answer, a cloze exactly one blank, a true/false
statement the answer true or false.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from quizgen.errors import QuizgenError
from quizgen.ingest.lines import one_line
from quizgen.item import AUTHORED, Item
from quizgen.normalize import same, words
from quizgen.wording import BLANK

# A gap written by hand: three underscores or more. It is stored as BLANK.
GAP = re.compile(r"_{3,}")
# A blank marked in a cloze: "{{Bamako}}", or Anki's "{{c1::Bamako::a city}}".
MARKED = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
_ANKI_NUMBER = re.compile(r"c\d+::", re.IGNORECASE)
# Control characters but tab and line breaks: Anki drops them from a field,
# so they are dropped here too, and an item reads back from Anki as it was.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
TRUTH = {"true": "True", "false": "False"}
CLOZE_EXAMPLE = '"The capital of Mali is {{Bamako}}."'


class InvalidItem(QuizgenError):
    """An item that its kind cannot be made from, with what is wrong with it."""

    exit_code = 2


@dataclass(frozen=True)
class AuthoredItem:
    """One of a teacher's items, checked, before it belongs to an article or a deck.

    ``guid`` is the Anki note it was read from, when the file gave one: it
    then names the item across imports, so the note's question may change.
    """

    kind: str
    prompt: str
    answer: str
    distractors: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    guid: str = ""

    @property
    def identity(self) -> str:
        """What names the item in its article or deck: an import of the same
        question, in any case or punctuation, updates it rather than adding another."""
        if self.guid:
            return f"guid\x1f{self.guid}"
        plain = f" {BLANK} ".join(" ".join(words(part)) for part in self.prompt.split(BLANK))
        return f"{self.kind}\x1f{plain if words(self.prompt) else self.prompt.casefold()}"

    def item(self, target_hash: str, origin: str) -> Item:
        """The item, in the article or deck whose content hash is ``target_hash``;
        ``origin`` says where it came from, among its reasons.

        Its ``sentence_start`` is left for the store to give: an item of one's
        own has no sentence in its article.
        """
        from quizgen.answers import accepted_answers

        sentence, start, end = "", None, None
        if self.kind == "cloze":
            start = self.prompt.index(BLANK)
            end = start + len(self.answer)
            sentence = self.prompt.replace(BLANK, self.answer, 1)
        typed = self.kind in ("wh", "cloze")
        return Item(
            key=authored_key(target_hash, self.identity),
            kind=self.kind,
            prompt=self.prompt,
            answer=self.answer,
            sentence=sentence,
            sentence_start=0,
            answer_start=start,
            answer_end=end,
            rule=f"{AUTHORED}{self.kind}",
            # A teacher's own item is one the teacher prints as it is.
            score=1.0,
            reasons=(origin,),
            accepted_answers=accepted_answers(self.answer) if typed else (),
            distractors=self.distractors,
            pairs=self.pairs,
        )


def authored_key(target_hash: str, identity: str) -> str:
    """The stable key of an authored item: never one of a generated item, whose identity has no "authored"."""
    return hashlib.sha256(f"authored\x1f{target_hash}\x1f{identity}".encode()).hexdigest()[:32]


def clean(text: str) -> str:
    """Text as an item holds it: one line, without control or invisible characters, in NFC."""
    return unicodedata.normalize("NFC", one_line(_CONTROL.sub("", text)))


def wh(question: str, answer: str) -> AuthoredItem:
    """A question to answer in one's own words."""
    return AuthoredItem("wh", _required(question, "question"), _required(answer, "answer"))


def multiple_choice(question: str, answer: str, options: Iterable[str]) -> AuthoredItem:
    """A question with its answer among wrong options; an option that is the answer is left out."""
    answer = _required(answer, "answer")
    wrong: dict[str, str] = {}
    for option in map(clean, options):
        if option and option.casefold() != answer.casefold() and not same(option, answer):
            wrong.setdefault(option.casefold(), option)
    if not wrong:
        raise InvalidItem("a multiple choice needs at least one wrong option that differs from its answer")
    return AuthoredItem("multiple_choice", _required(question, "question"), answer, tuple(wrong.values()))


def true_false(statement: str, answer: str) -> AuthoredItem:
    """A statement that is true or false."""
    return AuthoredItem("true_false", _required(statement, "statement"), truth(answer))


def truth(answer: str) -> str:
    """The answer ``answer`` gives, in any case, as "True" or "False"."""
    found = TRUTH.get(clean(answer).casefold())
    if found is None:
        raise InvalidItem(f"a true/false answer is true or false, not {clean(answer)!r}")
    return found


def cloze(text: str) -> AuthoredItem:
    """A cloze from text whose one blank is marked {{like this}} (or as Anki marks it)."""
    parts = MARKED.split(text)
    if len(parts) != 3:
        raise InvalidItem(
            f"a cloze needs exactly one blank marked with {{{{ }}}}, as in {CLOZE_EXAMPLE}; this has {len(parts) // 2}"
        )
    return cloze_of(parts[0], blank_answer(parts[1]), parts[2])


def blank_answer(marked: str) -> str:
    """The answer inside a marked blank: Anki's number and hint ("c1::Bamako::a city") left out."""
    return _ANKI_NUMBER.sub("", marked, count=1).split("::", 1)[0]


def cloze_of(before: str, answer: str, after: str) -> AuthoredItem:
    """A cloze of the text ``before`` and ``after`` its blank, whose answer is ``answer``."""
    if GAP.search(before) or GAP.search(after):
        raise InvalidItem("a cloze has one blank: mark it with {{ }} and write no ___ besides")
    if not clean(answer):
        raise InvalidItem("the blank {{ }} is empty; write the answer inside it")
    return gapped(before + BLANK + after, answer)


def gapped(text: str, answer: str) -> AuthoredItem:
    """A cloze of text with one gap (three underscores or more) and the answer that fills it."""
    prompt = clean(text)
    gaps = len(GAP.findall(prompt))
    if gaps != 1:
        raise InvalidItem(f"a cloze needs exactly one blank, as in {CLOZE_EXAMPLE}; this has {gaps}")
    if not clean(GAP.sub(" ", prompt)):
        raise InvalidItem("a cloze needs text around its blank")
    return AuthoredItem("cloze", GAP.sub(BLANK, prompt), _required(answer, "answer"))


def matching(prompt: str, pairs: Iterable[Sequence[str]]) -> AuthoredItem:
    """A set of pairs to match, left to right, in their correct order."""
    cleaned = tuple((clean(left), clean(right)) for left, right in pairs)
    if len(cleaned) < 2 or not all(left and right for left, right in cleaned):
        raise InvalidItem("a matching set needs at least two pairs, each with both sides")
    answer = "; ".join(f"{left} - {right}" for left, right in cleaned)
    return AuthoredItem("matching", clean(prompt), answer, pairs=cleaned)


def inferred(question: str, answer: str, options: Sequence[str] = ()) -> AuthoredItem:
    """The item a line of a file makes, its kind told by what it holds:
    wrong options make a multiple choice; a blank, {{marked}} or ___ with an
    answer, a cloze; the answer true or false, a true/false statement; else a
    question. A marked blank needs no answer, and any answer given must be
    the blank's."""
    options = [option for option in options if clean(option)]
    if MARKED.search(question):
        made = cloze(question)
        if clean(answer) and clean(answer).casefold() != made.answer.casefold():
            raise InvalidItem(
                f"the answer {clean(answer)!r} is not the one in the blank, {made.answer!r}; "
                "leave the answer out or make them the same"
            )
        return multiple_choice(made.prompt, made.answer, options) if options else made
    if options:
        return multiple_choice(question, answer, options)
    if len(GAP.findall(clean(question))) == 1 and clean(answer):
        return gapped(question, answer)
    if clean(answer).casefold() in TRUTH:
        return true_false(question, answer)
    return wh(question, answer)


Read = tuple[int, "AuthoredItem | InvalidItem"]


def read_line(number: int, build: Callable[[], AuthoredItem]) -> Read:
    """The item a file's line ``number`` makes, or what is wrong with it."""
    try:
        return number, build()
    except InvalidItem as problem:
        return number, problem


def _required(text: str, what: str) -> str:
    found = clean(text)
    if not found:
        raise InvalidItem(f"the {what} is empty")
    return found
