"""quizgen: turn articles into quiz items, and study, print or export them.

The pipeline runs article -> analysis -> facts -> questions -> quality ->
generation -> forms -> items -> store -> quiz and exports. ``import quizgen``
is cheap: each public name below is imported from its module on first use, so
spaCy and the database layer load only when needed.

    >>> import quizgen
    >>> with quizgen.Store("build/quizgen.db") as store:
    ...     outcomes = list(quizgen.add_articles(store, ["seeds/"]))
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_PUBLIC = {
    # ingest
    "ArticleText": "quizgen.ingest",
    "read_article": "quizgen.ingest",
    "read_all": "quizgen.ingest",
    # generation
    "generate": "quizgen.generation",
    "Item": "quizgen.item",
    # workflows over the store
    "add_articles": "quizgen.workflows",
    "IngestOutcome": "quizgen.workflows",
    "generate_items": "quizgen.workflows",
    "GenerateOutcome": "quizgen.workflows",
    "add_items": "quizgen.workflows",
    "import_items": "quizgen.workflows",
    "ImportOutcome": "quizgen.workflows",
    # answers and options
    "accepted_answers": "quizgen.answers",
    "is_accepted": "quizgen.answers",
    "shuffled_options": "quizgen.forms.options",
    # questions
    "question_for": "quizgen.questions.answer_aware",
    "questions_for": "quizgen.questions.answer_aware",
    # analysis
    "find_model": "quizgen.analyze",
    "load_model": "quizgen.analyze",
    # store
    "Store": "quizgen.store",
    "Article": "quizgen.store",
    "ItemRecord": "quizgen.store",
    "ItemKind": "quizgen.store",
    "ItemStatus": "quizgen.store",
    "Learner": "quizgen.store",
    "ReviewState": "quizgen.store",
    "ReviewLog": "quizgen.store",
    # errors
    "QuizgenError": "quizgen.errors",
}

__all__ = ["__version__", *_PUBLIC]

if TYPE_CHECKING:
    from quizgen.analyze import find_model, load_model
    from quizgen.answers import accepted_answers, is_accepted
    from quizgen.errors import QuizgenError
    from quizgen.forms.options import shuffled_options
    from quizgen.generation import generate
    from quizgen.ingest import ArticleText, read_all, read_article
    from quizgen.item import Item
    from quizgen.questions.answer_aware import question_for, questions_for
    from quizgen.store import (
        Article,
        ItemKind,
        ItemRecord,
        ItemStatus,
        Learner,
        ReviewLog,
        ReviewState,
        Store,
    )
    from quizgen.workflows import (
        GenerateOutcome,
        ImportOutcome,
        IngestOutcome,
        add_articles,
        add_items,
        generate_items,
        import_items,
    )


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'quizgen' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
