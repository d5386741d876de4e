"""Printing for the command line: rich tables for people, JSON for programs."""

from __future__ import annotations

import dataclasses
import json
import sys
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from time import monotonic
from typing import Annotated, Any

import typer
from rich.console import Console

from quizgen.errors import UsageError

# Lines are never wrapped: a long title or path stays on one line, so the
# output can be read by grep and by people alike.
out = Console(soft_wrap=True, highlight=False)


def error(message: str) -> None:
    print(f"quizgen: error: {message}", file=sys.stderr)


def warn(message: str) -> None:
    print(f"quizgen: warning: {message}", file=sys.stderr)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(_plain(value), ensure_ascii=False, indent=2) + "\n")


# A command's --json: its closing report as one JSON object, for scripts.
JsonSummary = Annotated[
    bool,
    typer.Option(
        "--json", help="Print the summary as one JSON object on standard output; messages still go to standard error."
    ),
]


def summary(data: Any, text: str, *, json: bool, stderr: bool = False) -> None:
    """A command's closing report: ``data`` as JSON when ``json``, else ``text``
    for people, on standard error when standard output carries the command's data."""
    if json:
        print_json(data)
    elif stderr:
        print(text, file=sys.stderr)
    else:
        out.print(text, markup=False)


def refuse_json_to_stdout(json: bool, out_path: str) -> None:
    """Refuse --json with ``--out -``: both would be written to standard output."""
    if json and out_path == "-":
        raise UsageError("--json and --out - both write to standard output; give --out a file name")


def local_time(value: datetime) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def _no_progress(n: int = 1) -> None:
    pass


# How far back a progress bar's rate looks, in seconds.
PACE_WINDOW = 60.0


class Pace:
    """The rate of a run and the time it has left, from the (time, done) points it reports.

    The rate is the work done since the latest point at least ``window``
    seconds old (or since the start) over the time since then. Work reported
    in bursts, such as articles stored 16 at a time, so counts over the whole
    time it took, where a rate taken between the updates of one burst would
    promise the rest in seconds; and time spent before the first report
    (loading the language model, say) makes early estimates long rather than
    short. Over a long run, the rate follows a change of speed.
    """

    def __init__(self, total: float, start: float, *, window: float = PACE_WINDOW) -> None:
        self.total = total
        self.window = window
        self._points: deque[tuple[float, float]] = deque([(start, 0.0)])

    def update(self, time: float, done: float) -> None:
        """Note that ``done`` of the work was finished at ``time``."""
        points = self._points
        points.append((time, done))
        # Keep the latest point at least ``window`` old: the rate starts there.
        while len(points) > 2 and points[1][0] <= time - self.window:
            points.popleft()

    @property
    def rate(self) -> float | None:
        """Work per second, or None before any is done."""
        (since, done_then), (now, done) = self._points[0], self._points[-1]
        if now <= since or done <= done_then:
            return None
        return (done - done_then) / (now - since)

    @property
    def left(self) -> float | None:
        """Seconds until the work is done at this rate, or None without a rate."""
        rate = self.rate
        if rate is None:
            return None
        return max(self.total - self._points[-1][1], 0.0) / rate


def _clock(seconds: float | None) -> str:
    """Seconds as H:MM:SS, as rich shows the time elapsed; -:--:-- when unknown."""
    if seconds is None:
        return "-:--:--"
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:d}:{minutes:02d}:{secs:02d}"


@contextmanager
def progress(what: str, total: int, *, unit: str, enabled: bool = True) -> Iterator[Callable[[int], None]]:
    """A progress bar on standard error, with the count, the rate and the time
    left (see :class:`Pace`); yields the function that advances it by a number
    of ``unit``.

    It is shown only when ``enabled``, standard error is a terminal and there
    is more than one thing to do; lines printed meanwhile appear above it.
    """
    if not (enabled and total > 1 and sys.stderr.isatty()):
        yield _no_progress
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    with Progress(
        TextColumn(what),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("elapsed,"),
        TextColumn("{task.fields[left]} left"),
        console=Console(stderr=True),
    ) as bar:
        task = bar.add_task(what, total=total, rate="", left=_clock(None))
        pace = Pace(total, monotonic())
        done = 0

        def advance(n: int = 1) -> None:
            nonlocal done
            done += n
            pace.update(monotonic(), done)
            rate = pace.rate
            bar.update(
                task,
                advance=n,
                rate=f"{rate:,.1f} {unit}/s" if rate else "",
                left=_clock(pace.left),
            )

        yield advance
