"""``quizgen export``: write stored items for other tools; this module holds the Anki and Quizlet commands,
the --json summary every export prints, and the export meant by a format's name."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from quizgen.cli.context import open_store
from quizgen.cli.render import JsonSummary, refuse_json_to_stdout, summary
from quizgen.errors import UsageError

if TYPE_CHECKING:
    # typer's own copy of click, whose classes its groups are typed with.
    from typer._click import Command, Context

    from quizgen.export.selection import Selection

# Names people try for a format, and the export command that writes it.
FORMAT_COMMANDS = {
    "pdf": "print --format pdf",
    "docx": "print --format docx",
    "word": "print --format docx",
    "md": "print --format md",
    "markdown": "print --format md",
    "typ": "print --format typ",
    "typst": "print --format typ",
    "worksheet": "print",
    "worksheets": "print",
    "xml": "moodle",
    "apkg": "anki",
    "deck": "anki",
    "canvas": "qti",
    "zip": "qti",
    "xlsx": "kahoot",
    "excel": "kahoot",
    "tsv": "csv",
}


class ExportNames(TyperGroup):
    """A command group that answers a format's name (``pdf``, ``xml``...), or an
    export's name without ``export`` before it, with the export command meant."""

    def resolve_command(self, ctx: Context, args: list[str]) -> tuple[str | None, Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except typer.TyperException:
            meant = self._meant(ctx, args[0]) if args else None
            if meant is None:
                raise
            raise UsageError(f"No such command {args[0]!r}. Did you mean {meant!r}?") from None

    def _meant(self, ctx: Context, name: str) -> str | None:
        """The export command meant by ``name`` here, if it names a format or an export."""
        export = f"{ctx.find_root().info_name} export"
        if name.lower() in FORMAT_COMMANDS:
            return f"{export} {FORMAT_COMMANDS[name.lower()]}"
        exports = self.commands.get("export")
        if isinstance(exports, TyperGroup) and name in exports.commands:
            return f"{export} {name}"
        return None


app = typer.Typer(
    cls=ExportNames,
    help="Export items: an Anki deck (anki) or Anki text (csv), Quizlet text (quizlet), "
    "worksheets to print (print), Moodle XML (moodle), GIFT (gift), QTI for Canvas (qti), "
    "a Kahoot spreadsheet (kahoot), or the class's answers and test scores as CSV (results).",
    no_args_is_help=True,
)

ArticleIds = Annotated[
    list[int] | None,
    typer.Argument(metavar="[ARTICLE]...", help="Article ids (default: every stored article).", show_default=False),
]
Deck = Annotated[str, typer.Option("--deck", metavar="NAME", help="Parent deck; each article gets a subdeck in it.")]

# The files of the text exports when --out is not given.
CSV_OUT = "quizgen.txt"
QUIZLET_OUT = "quizlet.txt"


def _out(help: str) -> object:
    return typer.Option("--out", "-o", metavar="FILE", help=help)


@app.command("anki")
def anki(
    ctx: typer.Context,
    article_ids: ArticleIds = None,
    out_path: Annotated[str, _out("File to write the deck to.")] = "quizgen.apkg",
    deck: Deck = "quizgen",
    json: JsonSummary = False,
    type_in: Annotated[
        bool,
        typer.Option(
            "--type-in",
            help="Questions and clozes ask for the answer to be typed, and Anki compares it; "
            "multiple choice, true/false and matching stay as they are.",
        ),
    ] = False,
) -> None:
    """Write an Anki deck (.apkg): one note per item, a subdeck per article.

    Rejected items are left out; once any item is approved, only approved and
    edited items are exported. Import the file again after editing items:
    notes are matched by item, so Anki updates them and keeps their reviews.
    With SOURCE_DATE_EPOCH set, no time in the deck is later than it, so the
    same items give the same file.

    \b
    Examples:
      quizgen export anki 1 2 --out decks/news.apkg --deck News
      quizgen export anki --type-in --out typed.apkg
    """
    from quizgen.export.anki import anki_notes, write_apkg
    from quizgen.export.selection import select_items

    refuse_json_to_stdout(json, out_path)
    not_after = _source_date_epoch()
    with open_store(ctx) as store:
        selection = select_items(store, article_ids)
    write_apkg(anki_notes(selection, deck=deck, not_after=not_after, type_in=type_in), out_path)
    _report(selection, out_path, json=json)


@app.command("csv")
def csv(
    ctx: typer.Context,
    article_ids: ArticleIds = None,
    out_path: Annotated[str, _out("File to write the notes to, or - for standard output.")] = CSV_OUT,
    deck: Deck = "quizgen",
    json: JsonSummary = False,
) -> None:
    """Write the deck's notes as Anki's tab-separated text import, with its file headers.

    Each row has the note's GUID, note type, deck, fields (HTML) and tags, as
    in the .apkg; Anki needs the quizgen note types, which importing any
    quizgen .apkg once adds. Items are chosen as for: quizgen export anki.

    \b
    Example:
      quizgen export csv --out notes.txt
    """
    from quizgen.export.anki import anki_notes
    from quizgen.export.output import write_output
    from quizgen.export.selection import select_items
    from quizgen.export.text import anki_text

    refuse_json_to_stdout(json, out_path)
    with open_store(ctx) as store:
        selection = select_items(store, article_ids)
    write_output(out_path, anki_text(anki_notes(selection, deck=deck)).encode("utf-8"), default_name=CSV_OUT)
    _report(selection, out_path, json=json)


@app.command("quizlet")
def quizlet(
    ctx: typer.Context,
    article_ids: ArticleIds = None,
    out_path: Annotated[str, _out("File to write the cards to, or - for standard output.")] = QUIZLET_OUT,
    json: JsonSummary = False,
) -> None:
    """Write items as Quizlet's import text: term, tab, definition, one card a line.

    A question's term is its prompt and its definition the answer; a matching
    item gives one card per pair. Items are chosen as for: quizgen export anki.

    \b
    Example:
      quizgen export quizlet 1 --out - | head
    """
    from quizgen.export.output import write_output
    from quizgen.export.quizlet import quizlet_text
    from quizgen.export.selection import select_items

    refuse_json_to_stdout(json, out_path)
    with open_store(ctx) as store:
        selection = select_items(store, article_ids)
    write_output(out_path, quizlet_text(selection).encode("utf-8"), default_name=QUIZLET_OUT)
    _report(selection, out_path, json=json)


def _source_date_epoch() -> datetime | None:
    """The reproducible-builds clamp: no time in an export is later than this."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    try:
        return datetime.fromtimestamp(int(value), UTC)
    except (ValueError, OverflowError, OSError):
        raise UsageError(
            f"SOURCE_DATE_EPOCH={value!r} is not a time; give seconds since 1970, such as 1727049600"
        ) from None


def _report(selection: Selection, out_path: str, *, json: bool = False) -> None:
    articles = len({item.article_id for item in selection.items})
    line = f"{selection.describe()} from {articles} article{'' if articles == 1 else 's'} -> {out_path}"
    summary(export_summary(selection, [out_path]), line, json=json, stderr=out_path == "-")


def export_summary(selection: Selection, files: Sequence[str | Path], **details: Any) -> dict[str, Any]:
    """An export's --json summary: how many items it took, from which articles, and the files it wrote."""
    return {
        "items": len(selection.items),
        "approved_only": selection.approved_only,
        "articles": sorted({item.article_id for item in selection.items}),
        "files": [str(path) for path in files if str(path) != "-"],
        **details,
    }
