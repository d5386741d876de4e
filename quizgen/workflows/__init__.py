"""Workflows: the pipeline run over the store, one call per command that writes.

ingest -> store (:mod:`~quizgen.workflows.add`) and store -> generation ->
store (:mod:`~quizgen.workflows.generate`), and a teacher's own items to the
store (:mod:`~quizgen.workflows.authored`). Each yields a report per article
as it goes, so the command line only prints them, and a Python caller gets
the same streaming, batching and interruption behaviour.
"""

from quizgen.workflows.add import IngestOutcome, add_articles
from quizgen.workflows.authored import ImportOutcome, add_items, import_items
from quizgen.workflows.generate import GenerateOutcome, generate_items

__all__ = [
    "GenerateOutcome",
    "ImportOutcome",
    "IngestOutcome",
    "add_articles",
    "add_items",
    "generate_items",
    "import_items",
]
