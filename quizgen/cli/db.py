"""``quizgen db``: where the database is and which schema it has."""

from __future__ import annotations

from typing import Annotated

import typer

from quizgen.cli.context import open_store, options
from quizgen.cli.render import out, print_json

app = typer.Typer(help="Show and upgrade the database schema.", no_args_is_help=True)


@app.command("upgrade")
def upgrade(ctx: typer.Context) -> None:
    """Upgrade the database to the schema this quizgen needs, keeping all data.

    \b
    Example:
      quizgen --db build/class.db db upgrade
    """
    from quizgen.store import schema

    with open_store(ctx, upgrade=True) as store:
        state = schema.status(store.engine)
        out.print(f"{store.display_url}: schema {state.current} (up to date)")


@app.command("status")
def status(
    ctx: typer.Context,
    json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> int:
    """Show the database URL (password hidden) and its schema version. Exits 1 if it needs an upgrade.

    \b
    Example:
      quizgen db status --json
    """
    from quizgen.store import schema
    from quizgen.store.engine import (
        create_engine,
        display_url,
        reporting_connection_errors,
        resolve_url,
    )

    url = resolve_url(options(ctx).db_url)
    engine = create_engine(url)
    try:
        with reporting_connection_errors(url):
            state = schema.status(engine)
    finally:
        engine.dispose()
    verdict = (
        "up to date"
        if state.up_to_date
        else "new (created on first use)"
        if state.current is None and state.empty
        else "not a quizgen database"
        if state.current is None
        else "newer than this quizgen"
        if not state.known
        else "needs: quizgen db upgrade"
    )
    if json:
        print_json({"url": display_url(url), "current": state.current, "head": state.head, "status": verdict})
    else:
        out.print(f"database: {display_url(url)}")
        out.print(f"schema:   {state.current or 'none'} (this quizgen: {state.head}) - {verdict}")
    return 0 if state.up_to_date or (state.current is None and state.empty) else 1
