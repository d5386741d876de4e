"""Printing for the command line: rich tables for people, JSON for programs."""

from __future__ import annotations

import dataclasses
import json
import sys
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
