"""The quiz in a terminal: one item at a time, an answer, what was right, the source.

session -> terminal (this). Answers are read a line at a time, so the quiz
works the same in a terminal, without colour (``NO_COLOR``) and from a pipe,
where it can be scripted. Keys:

- at the answer prompt, each followed by Enter: ``s`` skips, ``u`` undoes the
  last answer, ``e`` edits the item, ``b`` buries it until tomorrow (not for a
  multiple-choice item, where ``b`` is an option), ``q`` quits;
- after an answer: Enter goes on with the rating shown, ``1``-``4`` rate it
  Again, Hard, Good or Easy and go on, ``y`` says "I was right" after any
  wrong answer, and ``u``, ``b``, ``e``, ``q`` as above. In a terminal these
  act at once, with no Enter, and say what they did ("rated Good"); from a
  pipe they are lines like the answers.
"""

from __future__ import annotations

import os
import select
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from quizgen.errors import PermissionDenied
from quizgen.forms.options import shuffled_options
from quizgen.quiz.check import Verdict, check_choice, check_true_false, check_typed, differences
from quizgen.quiz.scheduler import RATING_NAMES
from quizgen.quiz.session import QuizSession
from quizgen.store import ItemRecord
from quizgen.wording import LETTERS, option_letter

Reader = Callable[[str], "str | None"]


# What a key read at once gives: Enter is an empty line, Ctrl-D the end of input.
_ENTER = ("\r", "\n")
_END = "\x04"
_ESCAPE = b"\x1b"
# Seconds after a question appears in which an empty answer is taken for an
# Enter pressed after the rating key, not for an answer.
STRAY_ENTER = 0.5


@dataclass
class Screen:
    console: Console
    read: Reader
    titles: dict[int, str]  # article id -> title
    read_key: Reader | None = None  # one key at once, after an answer; ``read`` when None


def line_reader(console: Console) -> Reader:
    """Read one line after printing ``prompt``; None at the end of input."""

    def read(prompt: str) -> str | None:
        _prompt(console, prompt)
        line = sys.stdin.readline()
        if not line:
            return None
        return line.rstrip("\r\n")

    return read


def key_reader(console: Console) -> Reader | None:
    """Read one key after printing ``prompt``, as soon as it is pressed: Enter
    as "", None for Ctrl-D. None, no reader, where standard input is no terminal."""
    try:
        import termios
        import tty
    except ImportError:  # not on a POSIX system
        return None
    if not sys.stdin.isatty():
        return None
    fd = sys.stdin.fileno()

    def read(prompt: str) -> str | None:
        _prompt(console, prompt)
        saved = termios.tcgetattr(fd)
        # Ctrl-C still interrupts; a key typed ahead, before the prompt, is kept.
        tty.setcbreak(fd, termios.TCSANOW)
        try:
            key = _key(fd)
        finally:
            termios.tcsetattr(fd, termios.TCSANOW, saved)
        if key is None or key == _END:
            return None
        return "" if key in _ENTER else key

    return read


def _prompt(console: Console, prompt: str) -> None:
    console.print(prompt, end="", markup=False, highlight=False)
    console.file.flush()


def _key(fd: int) -> str | None:
    """One key from the terminal ``fd``, a character; None at the end of input.
    An arrow or function key sends a sequence starting with Escape, which is
    read whole and given as Escape alone, so that none of it is taken for a key."""
    first = os.read(fd, 1)
    if not first:
        return None
    if first == _ESCAPE:
        while select.select([fd], [], [], 0)[0]:
            os.read(fd, 64)
        return _ESCAPE.decode()
    # The further bytes of a character written in several, as "é" is in UTF-8.
    data = first + os.read(fd, _continuation(first[0])) if first[0] >= 0xC0 else first
    return data.decode("utf-8", errors="replace")


def _continuation(lead: int) -> int:
    """How many bytes follow a UTF-8 lead byte."""
    return 3 if lead >= 0xF0 else 2 if lead >= 0xE0 else 1


def run(session: QuizSession, screen: Screen) -> None:
    """Ask the session's items until they run out, the time is up, or the student quits."""
    started = time.monotonic()
    limit = session.settings.time_limit
    while True:
        item = session.next_item()
        if item is None:
            break
        if limit is not None and time.monotonic() - started > limit:
            screen.console.print("Time is up.")
            break
        if not _ask(session, screen, item):
            break
    _summary(session, screen)


def _header(session: QuizSession, screen: Screen) -> None:
    mode = session.settings.mode
    left = len(session.queue)
    screen.console.print()
    screen.console.print(
        f"[bold]{mode}[/] · {session.done} answered · {left} to go · {escape(session.learner.name)}", highlight=False
    )


def _ask(session: QuizSession, screen: Screen, item: ItemRecord) -> bool:
    """One item, start to finish. False when the student quits."""
    console = screen.console
    kind = item.kind
    _header(session, screen)
    options: list[str] = []
    correct_index = -1
    if kind == "multiple_choice":
        options, correct_index = shuffled_options(item.key, item.answer, item.distractors)
    elif kind == "matching":
        rights = [right for _, right in item.pairs]
        options, _ = shuffled_options(item.key, rights[0], rights[1:])
    _show_prompt(console, item, kind, options)
    asked = time.monotonic()
    while True:
        raw = screen.read("answer> ")
        if raw is None:
            return False
        command = raw.strip().lower()
        if not command and screen.read_key and time.monotonic() - asked < STRAY_ENTER:
            # The Enter of "3, Enter", typed out of habit after a rating key that acted at once.
            continue
        if command == "s":
            session.skip(item)
            console.print("Skipped.")
            return True
        if command in ("q", "u", "e") or (command == "b" and kind != "multiple_choice"):
            return _command(session, screen, item, command)
        verdict = _verdict(session, kind, raw, item, options, correct_index)
        if verdict is None:
            console.print(_how_to_answer(kind, len(options)))
            continue
        break
    seconds = time.monotonic() - asked
    outcome = session.submit(
        item, correct=verdict.correct, response=raw, seconds=seconds, forgiven=verdict.how == "typo"
    )
    _feedback(console, item, kind, verdict, options, correct_index, screen.titles.get(item.article_id, ""))
    read = screen.read_key or screen.read
    while True:
        # A blank answer is no answer to stand by.
        overrulable = not outcome.correct and verdict.how != "empty"
        hint = f"rated {RATING_NAMES[outcome.rating]} · Enter: next · 1-4: rate and next · u: undo · b: bury · e: edit · q: quit"
        if overrulable:
            hint += " · y: I was right"
        console.print(f"[dim]{hint}[/]", highlight=False)
        raw = read("> ")
        if raw is None:
            return False
        command = raw.strip().lower()
        if command == "":
            console.print(f"rated {RATING_NAMES[outcome.rating]}")
            return True
        if command in ("1", "2", "3", "4"):
            # A rating is the last word on an answer: it moves on, as in Anki.
            outcome = session.rate(int(command))
            console.print(f"rated {RATING_NAMES[outcome.rating]}")
            return True
        if command == "y" and overrulable:
            outcome = session.overrule()
            console.print("Counted as right.")
            continue
        if command in ("q", "u", "b", "e"):
            return _command(session, screen, item, command)
        # A key that does nothing: the line it was typed on ends, and the keys are shown again.
        console.print()


def _command(session: QuizSession, screen: Screen, item: ItemRecord, command: str) -> bool:
    """Quit, undo, bury or edit, from either prompt. False when the student quits."""
    if command == "q":
        return False
    if command == "u":
        undone = session.undo()
        screen.console.print("Undone: that answer is gone and its item comes again." if undone else "Nothing to undo.")
    elif command == "b":
        session.bury(item)
        screen.console.print("Buried until tomorrow.")
    elif command == "e":
        _edit(session, screen, item)
    return True


def _show_prompt(console: Console, item: ItemRecord, kind: str, options: list[str]) -> None:
    if kind == "true_false":
        console.print(f"True or false? {escape(item.prompt)}", highlight=False)
        console.print("[dim](t/f)[/]")
    elif kind == "matching":
        console.print(escape(item.prompt), highlight=False)
        for number, (left, _) in enumerate(item.pairs, 1):
            console.print(f"  {number}. {escape(left)}", highlight=False)
        for index, right in enumerate(options):
            console.print(f"     {option_letter(index)}) {escape(right)}", highlight=False)
        console.print(f"[dim]Type the letter for each number in order, e.g. {LETTERS[: len(options)][::-1]}.[/]")
    else:
        console.print(f"[bold]{escape(item.prompt)}[/]", highlight=False)
        for index, option in enumerate(options):
            console.print(f"  {option_letter(index)}) {escape(option)}", highlight=False)


def _how_to_answer(kind: str, count: int) -> str:
    if kind == "true_false":
        return "Answer t or f (or s to skip, q to quit)."
    if kind == "matching":
        return f"Answer with {count} letters, one for each number in order (or s to skip, q to quit)."
    if count > len(LETTERS):
        return f"Answer with a number 1-{count} (or s to skip, q to quit)."
    return f"Answer with a letter A-{option_letter(count - 1)} or a number 1-{count} (or s to skip, q to quit)."


def _verdict(
    session: QuizSession, kind: str, raw: str, item: ItemRecord, options: list[str], correct_index: int
) -> Verdict | None:
    if kind == "multiple_choice":
        return check_choice(raw, options, correct_index)
    if kind == "true_false":
        return check_true_false(raw, item.answer)
    if kind == "matching":
        letters = [c for c in raw.upper() if c.isalpha()]
        if len(letters) != len(options) or any(c not in LETTERS[: len(options)] for c in letters):
            return None
        expected = "".join(LETTERS[options.index(right)] for _, right in item.pairs)
        correct = "".join(letters) == expected
        return Verdict(
            correct=correct,
            how="exact" if correct else "wrong",
            expected=expected,
            similarity=100.0 if correct else 0.0,
            response=raw,
        )
    return check_typed(raw, item.answer, session.accepted(item), tuple(item.distractors))


def _feedback(
    console: Console, item: ItemRecord, kind: str, verdict: Verdict, options: list[str], correct_index: int, title: str
) -> None:
    expected = options[correct_index] if kind == "multiple_choice" else verdict.expected
    if kind == "multiple_choice":
        expected = f"{option_letter(correct_index)}) {expected}"
    if verdict.correct:
        note = " (a typo forgiven)" if verdict.how == "typo" else ""
        console.print(f"[green]✓ Right[/]{note}: {escape(expected)}", highlight=False)
    else:
        console.print(f"[red]✗ Not quite[/]. The answer: [bold]{escape(expected)}[/]", highlight=False)
        if verdict.how == "close":
            console.print(
                f"  yours:    {_marked(differences(verdict.response, verdict.expected), 'response')}", highlight=False
            )
            console.print(
                f"  expected: {_marked(differences(verdict.response, verdict.expected), 'expected')}", highlight=False
            )
    if item.sentence:  # a teacher's own question may have none
        console.print(f"[dim]Source: {escape(item.sentence)}[/]", highlight=False)
    if title:
        console.print(f"[dim]— {escape(title)}[/]", highlight=False)


def _marked(segments: list[tuple[str, str]], side: str) -> str:
    """One side of a close answer's difference, the differing letters underlined."""
    out = ""
    for what, text in segments:
        if what == "same":
            out += escape(text)
        elif what == "extra" and side == "response":
            out += f"[u]{escape(text)}[/u]"
        elif what == "missing" and side == "expected":
            out += f"[u]{escape(text)}[/u]"
        elif what == "changed":
            mine, theirs = text.split("\u2192", 1) if "\u2192" in text else (text, text)
            out += f"[u]{escape(mine if side == 'response' else theirs)}[/u]"
    return out


def _edit(session: QuizSession, screen: Screen, item: ItemRecord) -> None:
    console = screen.console
    console.print("Edit the item (Enter keeps what is there).")
    prompt = screen.read(f"question [{item.prompt}]: ")
    answer = screen.read(f"answer [{item.answer}]: ")
    try:
        edited = session.edit(
            item, prompt=(prompt or "").strip() or item.prompt, answer=(answer or "").strip() or item.answer
        )
    except PermissionDenied:
        # A student's login on a classroom server may quiz but not change items.
        console.print("Not saved: this database login may not change items; tell your teacher what is wrong with it.")
        return
    console.print(f"Saved: {escape(edited.prompt)} -> {escape(edited.answer)}", highlight=False)


def _summary(session: QuizSession, screen: Screen) -> None:
    console = screen.console
    right, total = session.score
    console.print()
    if session.settings.mode == "test" and total:
        table = Table(title=f"Score: {right}/{total} ({100 * right / total:.0f}%)", box=None, pad_edge=False)
        table.add_column("", no_wrap=True)
        table.add_column("question")
        table.add_column("your answer")
        table.add_column("answer")
        for outcome in session.outcomes:
            item = outcome.item
            table.add_row(
                "✓" if outcome.correct else "✗", escape(item.prompt), escape(outcome.response), escape(item.answer)
            )
        console.print(table)
    else:
        console.print(f"{total} answered, {right} right. Every answer is saved.")
