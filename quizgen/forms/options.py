"""The order of a multiple-choice item's options, shuffled deterministically from a seed.

forms -> options (this) -> quiz and exports. The order depends only on the
item's key, its options and the seed, so a worksheet version or a quiz shows
the same order every time it is built, and across a deck the correct option
lands in each position about equally often.
"""

from __future__ import annotations

import random


def shuffled_options(
    key: str, answer: str, distractors: tuple[str, ...] | list[str], seed: int | str = 0
) -> tuple[list[str], int]:
    """The options of an item in display order, and the index of the correct one."""
    options = [answer, *distractors]
    rng = random.Random(f"options:{seed}:{key}")
    order = list(range(len(options)))
    rng.shuffle(order)
    return [options[i] for i in order], order.index(0)
