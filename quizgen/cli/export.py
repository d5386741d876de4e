"""``quizgen export``: write stored items for other tools; this module holds the Anki and Quizlet commands."""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from quizgen.cli.context import open_store
from quizgen.cli.render import out
from quizgen.errors import UsageError

if TYPE_CHECKING:
    from quizgen.export.selection import Selection

app = typer.Typer(
    help="Export items: an Anki deck (anki) or Anki text (csv), Quizlet text (quizlet), "
    "worksheets to print (print), Moodle XML (moodle), GIFT (gift), QTI for Canvas (qti) "
    "or a Kahoot spreadsheet (kahoot).",
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
) -> None:
    """Write an Anki deck (.apkg): one note per item, a subdeck per article.

    Rejected items are left out; once any item is approved, only approved and
    edited items are exported. Import the file again after editing items:
    notes are matched by item, so Anki updates them and keeps their reviews.
    With SOURCE_DATE_EPOCH set, no time in the deck is later than it, so the
    same items give the same file.

    \b
    Example:
      quizgen export anki 1 2 --out decks/news.apkg --deck News
    """
    from quizgen.export.anki import anki_notes, write_apkg
    from quizgen.export.selection import select_items

    not_after = _source_date_epoch()
    with open_store(ctx) as store:
        selection = select_items(store, article_ids)
    write_apkg(anki_notes(selection, deck=deck, not_after=not_after), out_path)
    _report(selection, out_path)


@app.command("csv")
def csv(
    ctx: typer.Context,
    article_ids: ArticleIds = None,
    out_path: Annotated[str, _out("File to write the notes to, or - for standard output.")] = CSV_OUT,
    deck: Deck = "quizgen",
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

    with open_store(ctx) as store:
        selection = select_items(store, article_ids)
    write_output(out_path, anki_text(anki_notes(selection, deck=deck)).encode("utf-8"), default_name=CSV_OUT)
    _report(selection, out_path)


@app.command("quizlet")
def quizlet(
    ctx: typer.Context,
    article_ids: ArticleIds = None,
    out_path: Annotated[str, _out("File to write the cards to, or - for standard output.")] = QUIZLET_OUT,
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

    with open_store(ctx) as store:
        selection = select_items(store, article_ids)
    write_output(out_path, quizlet_text(selection).encode("utf-8"), default_name=QUIZLET_OUT)
    _report(selection, out_path)


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


def _report(selection: Selection, out_path: str) -> None:
    articles = len({item.article_id for item in selection.items})
    line = f"{selection.describe()} from {articles} article{'' if articles == 1 else 's'} -> {out_path}"
    if out_path == "-":
        print(line, file=sys.stderr)
    else:
        out.print(escape(line))
