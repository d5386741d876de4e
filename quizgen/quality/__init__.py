"""Quality: which items a teacher would print, and how good each is.

questions -> quality (this) -> generation. Two steps. The rules
(:mod:`quizgen.quality.rules`) score every question and drop the ones with a
fatal flaw before any form is built. The model (:mod:`quizgen.quality.model`)
then predicts, for each finished item, how likely a strict teacher is to
print it unchanged, from features the generator knows
(:mod:`quizgen.quality.features`); generation keeps the items it predicts
acceptable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizgen.quality.rules import Judgement, judge, slip_in, thin_duplicates, vague_reference

__all__ = ["Judgement", "judge", "slip_in", "thin_duplicates", "vague_reference"]


def __getattr__(name: str) -> object:
    """The rules' names, imported on first use: the rules load spaCy, which
    :mod:`quizgen.quality.giveaways` (used by the exports) does not need."""
    if name in __all__:
        from quizgen.quality import rules

        return getattr(rules, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
