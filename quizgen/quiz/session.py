"""A quiz session: which items come up, in which order, and what each answer does to them.

store -> quiz: session (this) -> terminal. Three modes:

- **review**: the items FSRS says are due, then new items up to a daily
  limit; every answer reschedules its item.
- **practice**: any items of the selection, in random order; scheduling is
  left as it is.
- **test**: a random sample with a score at the end; scheduling is left as it is.

Every answer is stored the moment it is given (its log row and, in review,
its new scheduling state, in one transaction), so stopping at any point loses
nothing; an undo removes the answer and puts the state back.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from quizgen.answers import fuller_names
from quizgen.clock import start_of_day, utc_now
from quizgen.forms.siblings import one_per_fact
from quizgen.normalize import same
from quizgen.quiz.scheduler import DEFAULT_RETENTION, HARD, new_card, quick_seconds, rating_for, schedule
from quizgen.store import Answered, ItemRecord, Learner, ReviewLog, Store, StudyFilter, stored_id

MODES = ("review", "practice", "test")
DEFAULT_NEW_PER_DAY = 20
DEFAULT_TEST_SIZE = 10
# A fact's forms: question, cloze, multiple choice, true/false. Pages this many
# times the facts still missing usually find them in one query.
FORMS_PER_FACT = 4


def first_facts(
    fetch: Callable[[int, int], list[ItemRecord]], facts: int, before: Sequence[ItemRecord] = ()
) -> list[ItemRecord]:
    """Items from the start of those ``fetch(offset, size)`` gives page by page,
    as many as make ``facts`` facts with ``before``, one form per fact; all of
    them if there are fewer facts."""
    items: list[ItemRecord] = []

    def count(end: int) -> int:
        return len(one_per_fact([*before, *items[:end]]))

    while (missing := facts - count(len(items))) > 0:
        start, size = len(items), missing * FORMS_PER_FACT
        page = fetch(start, size)
        items.extend(page)
        if count(len(items)) >= facts:
            # An item adds at most one fact (a matching set can take some away),
            # so between a prefix short of the facts and one that has them all
            # lies a prefix with exactly that many.
            short, enough = start, len(items)
            while enough - short > 1:
                middle = (short + enough) // 2
                short, enough = (short, middle) if count(middle) >= facts else (middle, enough)
            return items[:enough]
        if len(page) < size:
            break
    return items


@dataclass(frozen=True)
class Settings:
    mode: str = "review"
    limit: int | None = None
    new_per_day: int = DEFAULT_NEW_PER_DAY
    retention: float = DEFAULT_RETENTION
    time_limit: float | None = None  # seconds, for a test
    seed: int | None = None


@dataclass
class Outcome:
    """One answered item, as the session knows it (and can still change or undo)."""

    item: ItemRecord
    correct: bool
    rating: int
    response: str
    seconds: float
    forgiven: bool
    answered: Answered


@dataclass
class QuizSession:
    """One sitting of a learner: the queue of items to ask, and what each answer did."""

    store: Store
    learner: Learner
    selection: StudyFilter = field(default_factory=StudyFilter)
    settings: Settings = field(default_factory=Settings)
    clock: Callable[[], datetime] = utc_now
    queue: list[ItemRecord] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    _texts: dict[int, str] = field(default_factory=dict, init=False, repr=False)  # article id -> text

    def __post_init__(self) -> None:
        if not self.queue:
            self.queue = self._initial_queue()
        self.total = len(self.queue)

    # --- the queue ---------------------------------------------------------------

    def _initial_queue(self) -> list[ItemRecord]:
        now = self.clock()
        mode = self.settings.mode
        if mode == "review":
            # The limit and the new items of the day count facts, not forms: one
            # form of each fact is asked, and only the one asked is studied.
            limit = self.settings.limit
            learner, selection = self._learner_id, self.selection
            if limit is None:
                due = self.store.due_items(learner, now, selection)
            else:
                due = first_facts(
                    lambda offset, size: self.store.due_items(learner, now, selection, size, offset), limit
                )
            asked = len(one_per_fact(due))
            fresh = max(0, self.settings.new_per_day - self.store.new_studied_since(learner, start_of_day(now)))
            if limit is not None:
                fresh = min(fresh, max(0, limit - asked))
            new = (
                first_facts(
                    lambda offset, size: self.store.new_items(learner, selection, size, offset), asked + fresh, due
                )
                if fresh
                else []
            )
            return one_per_fact([*due, *new])
        items = self.store.study_items(self.selection)
        rng = random.Random(self.settings.seed)
        rng.shuffle(items)
        items = one_per_fact(items)
        size = self.settings.limit or (DEFAULT_TEST_SIZE if mode == "test" else None)
        return items[:size] if size else items

    @property
    def _learner_id(self) -> int:
        return stored_id(self.learner)

    def next_item(self) -> ItemRecord | None:
        return self.queue[0] if self.queue else None

    @property
    def done(self) -> int:
        return len(self.outcomes)

    def skip(self, item: ItemRecord) -> None:
        """Put ``item`` aside for this session; it stays as it was."""
        self.queue = [i for i in self.queue if i.id != item.id]

    def bury(self, item: ItemRecord) -> None:
        """Hide ``item`` until tomorrow (review only: elsewhere it is a skip)."""
        self.skip(item)
        if self.settings.mode != "review":
            return
        tomorrow = start_of_day(self.clock()) + timedelta(days=1)
        learner_id, item_id = self._learner_id, stored_id(item)
        state = self.store.scheduled(learner_id, item_id)
        card = {**state.card, "due": tomorrow.isoformat()} if state.card else new_card(tomorrow)
        self.store.record_review(learner_id, item_id, card=card, due=tomorrow, log=None)

    # --- answering ---------------------------------------------------------------

    def accepted(self, item: ItemRecord) -> tuple[str, ...]:
        """What else counts as ``item``'s answer when typed: its accepted
        answers and, when it names a person, the fuller names its article
        gives them ("Lionel Messi" for "Messi"), but none of its wrong options."""
        if item.label != "PERSON":
            return tuple(item.accepted_answers)
        if item.article_id not in self._texts:
            self._texts[item.article_id] = self.store.article(item.article_id).text
        fuller = fuller_names(item.answer, self._texts[item.article_id])
        return (*item.accepted_answers, *(n for n in fuller if not any(same(n, w) for w in item.distractors)))

    def submit(
        self,
        item: ItemRecord,
        *,
        correct: bool,
        response: str,
        seconds: float,
        forgiven: bool = False,
        rating: int | None = None,
    ) -> Outcome:
        """Store an answer to ``item`` now; it leaves the queue."""
        if rating is None:
            rating = rating_for(correct, forgiven, seconds, quick_seconds(item.kind, item.answer))
        answered = self._store(item, rating, correct, response, seconds)
        outcome = Outcome(item, correct, rating, response, seconds, forgiven, answered)
        self.outcomes.append(outcome)
        self.queue = [i for i in self.queue if i.id != item.id]
        return outcome

    def rate(self, rating: int, *, correct: bool | None = None) -> Outcome:
        """Change the last answer's rating (and, for "I was right", its correctness)."""
        last = self.outcomes[-1]
        right = last.correct if correct is None else correct
        last.answered = self._store(last.item, rating, right, last.response, last.seconds, replacing=last.answered)
        last.rating, last.correct = rating, right
        return last

    def overrule(self) -> Outcome:
        """The student was right after all: the last answer counts as correct (and Hard)."""
        return self.rate(HARD, correct=True)

    def undo(self) -> ItemRecord | None:
        """Take back the last answer: its log row goes, its scheduling state comes back,
        and its item is asked again next."""
        if not self.outcomes:
            return None
        last = self.outcomes.pop()
        self.store.undo_review(self._learner_id, last.answered)
        self.queue.insert(0, last.item)
        return last.item

    def edit(self, item: ItemRecord, *, prompt: str, answer: str) -> ItemRecord:
        edited = self.store.edit_item(stored_id(item), prompt=prompt, answer=answer)
        self.queue = [edited if i.id == item.id else i for i in self.queue]
        return edited

    def _store(
        self,
        item: ItemRecord,
        rating: int,
        correct: bool,
        response: str,
        seconds: float,
        replacing: Answered | None = None,
    ) -> Answered:
        now = self.clock()
        learner_id, item_id = self._learner_id, stored_id(item)
        card = due = state = None
        if self.settings.mode == "review":
            before = replacing.before.card if replacing is not None else self.store.scheduled(learner_id, item_id).card
            following = schedule(before, rating, now, self.settings.retention)
            card, due, state = following.card, following.due, following.state_before
        log = ReviewLog(
            learner_id=learner_id,
            item_id=item_id,
            rating=rating,
            reviewed_at=now,
            duration_ms=round(seconds * 1000),
            response=response,
            correct=correct,
            mode=self.settings.mode,
            state=state,
        )
        return self.store.record_review(learner_id, item_id, card=card, due=due, log=log, replacing=replacing)

    # --- the end -----------------------------------------------------------------

    @property
    def score(self) -> tuple[int, int]:
        return sum(o.correct for o in self.outcomes), len(self.outcomes)
