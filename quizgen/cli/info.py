"""``quizgen info``: versions, the database and the spaCy model in use."""

from __future__ import annotations

import platform
from typing import Annotated

import typer

from quizgen import __version__
from quizgen.cli.context import options
from quizgen.cli.render import error, out, print_json
from quizgen.errors import ModelNotFound


def info(
    ctx: typer.Context,
    json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> int:
    """Show the quizgen and Python versions, the database and the spaCy model.

    Exits 1 if no spaCy model can be found.

    \b
    Example:
      quizgen --model en_core_web_sm info
    """
    from quizgen.analyze import find_model
    from quizgen.store.engine import display_url, resolve_url

    opts = options(ctx)
    report: dict[str, object] = {
        "quizgen": __version__,
        "python": platform.python_version(),
        "database": display_url(resolve_url(opts.db_url)),
    }
    problem = None
    try:
        model = find_model(opts.model)
        report["model"] = {"name": model.name, "version": model.version, "location": model.location}
    except ModelNotFound as exc:
        report["model"] = None
        problem = str(exc)
    if json:
        print_json(report)
    else:
        out.print(f"quizgen   {report['quizgen']} (Python {report['python']})")
        out.print(f"database  {report['database']}")
        if report["model"]:
            m = report["model"]
            out.print(f"model     {m['name']} {m['version'] or ''} ({m['location']})")  # type: ignore[index]
    if problem:
        error(problem)
        return 1
    return 0
