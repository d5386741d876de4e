"""What the global options give every command: where the store is, which model."""

from __future__ import annotations

from dataclasses import dataclass

import typer


@dataclass(frozen=True)
class Options:
    db_url: str | None = None
    model: str | None = None
    debug: bool = False


def options(ctx: typer.Context) -> Options:
    root = ctx.find_root()
    return root.obj if isinstance(root.obj, Options) else Options()


def open_store(ctx: typer.Context, *, upgrade: bool = False):  # -> quizgen.store.Store
    from quizgen.store import Store

    return Store(options(ctx).db_url, upgrade=upgrade)
