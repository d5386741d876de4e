"""Quality: which candidate questions a teacher would print, and how good each is.

questions -> quality (this) -> items. Every candidate gets a score and the
reasons behind it; a candidate with a fatal reason is dropped. Then only the
best candidate for each answer is kept, so that a quiz does not repeat itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizgen.normalize import contains, normalize, words
from quizgen.questions.realize import BLANK, Candidate

MAX_QUESTION_WORDS = 30
MIN_QUESTION_WORDS = 5
# A preposition left at the end of a question longer than this is read as a slip.
STRANDING_WORDS = 16
PREPOSITIONS = frozenset({"in", "on", "at", "of", "to", "for", "from", "with", "by", "about", "into", "over", "under", "after", "before"})
DATE_OPENINGS = frozenset({"in what year", "what year did", "what year was", "what year were", "on what date", "what date did", "what date was"})
QUESTION_WORDS_INSIDE = frozenset({"what", "who", "whom", "which"})
WH_WORDS = frozenset({"what", "who", "whom", "whose", "when", "where", "which", "how", "why", "in"})
# Words that point outside the question: with the sentence gone, a student
# cannot know who "he" is, which deal "this" is, or who says "my letter".
POINTERS = frozenset(
    {"he", "she", "it", "they", "him", "her", "his", "its", "their", "them", "this", "these", "those",
     "i", "me", "my", "we", "us", "our", "you", "your"}
)
STOPWORDS = frozenset(
    """a an the and or but of to in on at by for with from as is are was were be been it its
    he she they them his her their this that these those there here what which who whom""".split()
)
DANGLING = frozenset({"and", "or", "nor", "but", "between"})
KIND_WEIGHT = {"wh": 1.0, "cloze": 0.8}
# "cut ties with and much of Europe": one member of a list was taken out.
GAPPED_LIST = re.compile(r"\b(?:with|between|of|to|from|for|by|in|on|at|as|including|,) (?:and|or)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Judgement:
    keep: bool
    score: float
    reasons: tuple[str, ...]


def judge(candidate: Candidate) -> Judgement:
    """Score ``candidate`` and say why; ``keep`` is False when a teacher would not print it."""
    prompt_words = words(candidate.prompt)
    fatal: list[str] = []
    if candidate.kind == "cloze":
        shown = candidate.prompt.replace(BLANK, " ")
        if contains(shown, candidate.answer):
            fatal.append("answer also elsewhere in the sentence")
        asked = words(shown)
    else:
        if contains(candidate.prompt, candidate.answer):
            fatal.append("answer visible in the question")
        asked = prompt_words
        if not prompt_words or prompt_words[0] not in WH_WORDS:
            fatal.append("question word not in front")
        if (prompt_words and prompt_words[-1] in DANGLING) or len(prompt_words) < MIN_QUESTION_WORDS:
            fatal.append("question does not pin down one answer")
        if GAPPED_LIST.search(candidate.prompt):
            fatal.append("question does not pin down one answer")
        if candidate.fact.pattern == "date" and " ".join(prompt_words[:3]) not in DATE_OPENINGS and prompt_words[:1] != ["when"]:
            fatal.append("a date asked for without when")
        if prompt_words and prompt_words[-1] in PREPOSITIONS and ("," in candidate.prompt or len(prompt_words) > STRANDING_WORDS):
            fatal.append("a preposition stranded after a long clause")
        if any(a == b for a, b in zip(prompt_words, prompt_words[1:])):
            fatal.append("a word twice in a row")
        if set(prompt_words[1:]) & QUESTION_WORDS_INSIDE:
            fatal.append("a second question word inside the question")
    if set(asked) & POINTERS:
        fatal.append("refers to something outside the question")
    answer = normalize(candidate.answer)
    if not answer or all(w in STOPWORDS for w in answer.split()):
        fatal.append("answer is a pronoun or stopword")
    if len(prompt_words) > MAX_QUESTION_WORDS:
        fatal.append(f"over {MAX_QUESTION_WORDS} words")
    length = len(prompt_words)
    fit = 1.0 if 5 <= length <= 20 else 0.7
    score = round(candidate.fact.salience * KIND_WEIGHT[candidate.kind] * fit, 6)
    reasons = (
        f"salience {candidate.fact.salience:.2f}",
        f"{candidate.fact.pattern} fact",
        f"{candidate.kind} question of {length} words",
        *fatal,
    )
    return Judgement(keep=not fatal, score=score, reasons=reasons)


def thin_duplicates(ranked: list[tuple[Candidate, Judgement]]) -> list[tuple[Candidate, Judgement]]:
    """Keep the best item for each answer: a quiz that asks for "three" three
    times, or for the same name as a question and again as a cloze, repeats itself."""
    kept: list[tuple[Candidate, Judgement]] = []
    answers: set[str] = set()
    for candidate, judgement in ranked:
        answer = normalize(candidate.answer)
        if answer in answers:
            continue
        answers.add(answer)
        kept.append((candidate, judgement))
    return kept
