"""The fact: one answer span in one sentence, found by one pattern."""

from __future__ import annotations

from dataclasses import dataclass

PATTERNS = (
    "appositive",  # "Ilya Tarasenko, the Director General of Glavkosmos"
    "acronym",  # "the Alliance of Sahel States (AES)"
    "date",  # when something happened
    "quantity",  # "over 1,000 deaths"
    "said",  # who said or emphasised something
    "location",  # where something happened
    "membership",  # "including Mali, Niger, and Burkina Faso"
    "svo",  # who did what to whom
)


@dataclass(frozen=True)
class Fact:
    """An answer span in a sentence of an article. Offsets are into the article's text."""

    pattern: str
    sentence_index: int
    sentence_start: int
    sentence_end: int
    answer_start: int
    answer_end: int
    label: str
    salience: float
    # What the pattern knows that the sentence does not say outright, such as
    # the role in an appositive or the expansion of an acronym.
    detail: str = ""
