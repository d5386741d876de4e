"""Printing for the command line: rich tables for people, JSON for programs."""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from rich.console import Console

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


def local_time(value: datetime) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def _no_progress(n: int = 1) -> None:
    pass


@contextmanager
def progress(what: str, total: int, *, unit: str, enabled: bool = True) -> Iterator[Callable[[int], None]]:
    """A progress bar on standard error, with the count, the rate and the time
    left; yields the function that advances it by a number of ``unit``.

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
        TimeRemainingColumn,
    )

    with Progress(
        TextColumn(what),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("elapsed,"),
        TimeRemainingColumn(),
        TextColumn("left"),
        console=Console(stderr=True),
    ) as bar:
        task = bar.add_task(what, total=total, rate="")

        def advance(n: int = 1) -> None:
            bar.advance(task, n)
            speed = bar.tasks[task].speed
            if speed:
                bar.update(task, rate=f"{speed:,.1f} {unit}/s")

        yield advance
