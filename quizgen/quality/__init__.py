"""Quality: which items a teacher would print, and how good each is.

questions -> quality (this) -> generation. Two steps. The rules
(:mod:`quizgen.quality.rules`) score every question and drop the ones with a
fatal flaw before any form is built. The model (:mod:`quizgen.quality.model`)
then predicts, for each finished item, how likely a strict teacher is to
print it unchanged, from features the generator knows
(:mod:`quizgen.quality.features`); generation keeps the items it predicts
acceptable.
"""

from quizgen.quality.rules import Judgement, judge, slip_in, thin_duplicates, vague_reference

__all__ = ["Judgement", "judge", "slip_in", "thin_duplicates", "vague_reference"]
