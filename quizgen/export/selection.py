"""Which stored items an export takes: store -> selection (this) -> export.

Rejected items never leave the store. Once someone has approved items, an
export is the reviewed set (approved and edited items); before any review it
is every item that was not rejected, so a fresh store still exports something.
A teacher's own items are in both, and adding them is no review.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from quizgen.export import ExportError
from quizgen.item import is_authored

if TYPE_CHECKING:
    from quizgen.store import Article, ArticleTitle, ItemRecord, Store


@dataclass(frozen=True)
class Selection:
    """The items of an export, in the store's order (by article, best first), with their articles."""

    items: list[ItemRecord]
    articles: dict[int, Article]
    approved_only: bool
    # Every stored article's title, by id, where only some articles are
    # exported: an Anki subdeck is named among all articles of its title.
    titles: Mapping[int, Article | ArticleTitle] = field(default_factory=dict)

    def describe(self) -> str:
        """What was taken, for the line a command prints: "42 items (all but rejected)"."""
        count = len(self.items)
        if self.approved_only:
            return f"{count} approved item{'' if count == 1 else 's'}"
        return f"{count} item{'' if count == 1 else 's'} (all but rejected)"


def select_items(store: Store, article_ids: Sequence[int] | None = None) -> Selection:
    """The items to export from the articles named (default: every article).

    Raises :class:`~quizgen.errors.NotFound` for an unknown article and
    :class:`ExportError` when no item is left to export.
    """
    from quizgen.store import stored_id

    articles = {stored_id(a): a for a in store.fetch_articles(list(article_ids) if article_ids else None)}
    if article_ids:
        items = [row for article_id in articles for row in store.items(article_id)]
    else:
        items = store.items()
    kept = [row for row in items if row.status != "rejected"]
    reviewed = [row for row in kept if row.status in ("approved", "edited")]
    # A teacher's own items are stored approved; they go out with the rest, and
    # only an approval given in review makes the export the reviewed set.
    approved_only = any(row.status == "approved" and not is_authored(row.rule) for row in kept)
    chosen = reviewed if approved_only else kept
    if not chosen:
        where = "these articles" if article_ids else "the store"
        raise ExportError(f"no items to export in {where}; make some with: quizgen generate")
    titles = store.titles() if article_ids else {}
    return Selection(items=chosen, articles=articles, approved_only=approved_only, titles=titles)
