"""A learner's stats on a real database: forecast, retention, streak, heatmap, mastery, the command."""

from __future__ import annotations

import json
import re
import time
from datetime import UTC, date, datetime, timedelta

import pytest
from fsrs import Card, State
from rich.text import Text
from sqlmodel import select

from quizgen.cli.stats import heatmap_lines
from quizgen.ingest import ArticleText
from quizgen.item import Item
from quizgen.quiz.learners import LEARNER_ENV, learner_name
from quizgen.quiz.stats import Retention, stats, study_days
from quizgen.store import ItemRecord, ItemStatus, Learner, ReviewLog, ReviewState, Store

TODAY = date(2026, 3, 18)  # a Wednesday
DAY = timedelta(days=1)


def local(day: date, hour: int = 12, minute: int = 0) -> datetime:
    """The UTC moment of a wall-clock time on a local day."""
    return datetime(day.year, day.month, day.day, hour, minute).astimezone(UTC)


NOW = local(TODAY, 12)


def add_article(store: Store, title: str, keys: list[str]) -> dict[str, int]:
    article, _ = store.save_article(
        ArticleText(title=title, text=f"The body of {title}.", source=f"{title}.txt", format="txt")
    )
    items = [
        Item(
            key=key,
            kind="wh",
            prompt=f"Question {key}?",
            answer=f"Answer {key}",
            sentence=f"Answer {key} is it.",
            sentence_start=0,
            answer_start=0,
            answer_end=8,
            rule="test",
            score=0.5,
            reasons=(),
        )
        for key in keys
    ]
    store.save_items(article.id, items)
    return {row.key: row.id for row in store.items(article.id)}


def schedule(store: Store, learner: str, item_id: int, due: datetime, stability: float) -> None:
    card = Card(state=State.Review, stability=stability, difficulty=5.0, due=due, last_review=due - 10 * DAY)
    with store.session() as session:
        session.add(ReviewState(learner_id=store.learner(learner).id, item_id=item_id, due=due, card=card.to_dict()))
        session.commit()


def review(store: Store, learner: str, item_id: int, at: datetime, rating: int, state: str = "review") -> None:
    with store.session() as session:
        session.add(
            ReviewLog(learner_id=store.learner(learner).id, item_id=item_id, rating=rating, reviewed_at=at, state=state)
        )
        session.commit()


def reject(store: Store, item_id: int) -> None:
    with store.session() as session:
        item = session.get(ItemRecord, item_id)
        item.status = ItemStatus.rejected
        session.add(item)
        session.commit()


@pytest.fixture
def studied(store: Store) -> Store:
    """Alice's history on two articles (and Bob's, which must not count for her)."""
    a = add_article(store, "Sahel", ["a1", "a2", "a3", "a4", "a5", "a6"])
    b = add_article(store, "Space", ["b1", "b2"])
    add_article(store, "Empty", [])
    reject(store, a["a5"])
    schedule(store, "alice", a["a1"], NOW - 2 * DAY, 30.0)  # overdue: due today
    schedule(store, "alice", a["a2"], local(TODAY, 23, 59), 5.0)  # today, last minute
    schedule(store, "alice", a["a3"], local(TODAY + 5 * DAY, 8), 21.0)  # this week; mastered, just
    schedule(store, "alice", a["a4"], local(TODAY + 7 * DAY, 0), 100.0)  # the 8th day: not this week
    schedule(store, "alice", a["a5"], NOW - DAY, 50.0)  # rejected: not counted anywhere
    schedule(store, "alice", b["b1"], local(TODAY + DAY, 0), 2.0)  # tomorrow, first minute
    schedule(store, "bob", b["b2"], NOW - DAY, 40.0)
    review(store, "alice", a["a1"], local(TODAY, 9), 3)
    review(store, "alice", a["a2"], local(TODAY, 10), 1)
    review(store, "alice", b["b1"], local(TODAY, 11), 1, state="learning")
    review(store, "alice", a["a3"], local(TODAY - DAY, 20), 2)
    review(store, "alice", a["a4"], local(TODAY - 2 * DAY, 8), 4)
    review(store, "alice", a["a1"], local(TODAY - 4 * DAY, 23, 30), 3, state="new")
    review(store, "alice", a["a1"], local(date(2026, 1, 10)), 1)
    review(store, "alice", a["a2"], local(date(2025, 11, 1)), 3)
    review(store, "alice", a["a1"], local(TODAY, 15), 1)  # after NOW: not yet
    review(store, "bob", b["b2"], local(TODAY, 9), 1)
    return store


def test_forecast_counts_local_days_and_leaves_out_rejected_and_other_learners(studied: Store):
    result = stats(studied, "alice", NOW)
    assert (result.due_today, result.due_tomorrow, result.due_week) == (2, 1, 4)
    assert result.new == 2  # a6 and b2: Bob's studying b2 does not make it Alice's


def test_true_retention_counts_reviews_of_cards_in_review_only(studied: Store):
    result = stats(studied, "alice", NOW)
    assert result.retention_30d == Retention(reviews=4, recalled=3)
    assert result.retention_30d.rate == 0.75
    assert result.retention == Retention(reviews=6, recalled=4)
    assert (result.reviews, result.reviews_today) == (8, 3)


def test_streak_and_heatmap(studied: Store):
    result = stats(studied, "alice", NOW)
    assert result.streak == 3  # the 16th, 17th and 18th; nothing on the 15th
    assert min(result.heatmap) == date(2025, 12, 29)  # the Monday 11 weeks before this week's
    assert max(result.heatmap) == TODAY
    assert len(result.heatmap) == 12 * 7 - 4  # Thursday to Sunday of this week are to come
    assert {day: n for day, n in result.heatmap.items() if n} == {
        TODAY: 3,
        TODAY - DAY: 1,
        TODAY - 2 * DAY: 1,
        TODAY - 4 * DAY: 1,
        date(2026, 1, 10): 1,
    }


def test_the_heatmap_shows_each_day_by_its_share_of_the_busiest(studied: Store):
    lines = [Text.from_markup(line).plain for line in heatmap_lines(stats(studied, "alice", NOW))]
    rows = dict(line.split("  ", 1) for line in lines[1:8])
    assert list(rows) == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    # This week: 1 review on Monday and Tuesday, 3 today, the busiest day.
    assert [rows[day].split()[-1] for day in ("Mon", "Tue", "Wed")] == ["▒", "▒", "█"]
    assert len(rows["Wed"].split()) == 12 and len(rows["Thu"].split()) == 11
    assert rows["Sat"].split()[1] == "▒"  # Saturday 10 January, in the second week
    assert "Jan" in lines[0] and "Mar" in lines[0]
    assert lines[-1].strip() == "less · ░ ▒ ▓ █ more (busiest day: 3 reviews)"


def test_mastery_per_article(studied: Store):
    result = stats(studied, "alice", NOW)
    assert [(m.title, m.items, m.studied, m.mastered) for m in result.mastery] == [
        ("Sahel", 5, 4, 3),
        ("Space", 2, 1, 0),
    ]


def test_an_unknown_learner_gets_zeros_and_is_not_created(studied: Store):
    result = stats(studied, "nobody", NOW)
    assert (result.due_today, result.due_week, result.reviews, result.streak) == (0, 0, 0, 0)
    assert result.new == 7
    assert result.retention.rate is None
    assert sum(result.heatmap.values()) == 0
    assert [(m.studied, m.mastered) for m in result.mastery] == [(0, 0), (0, 0)]
    with studied.session() as session:
        assert session.exec(select(Learner).where(Learner.name == "nobody")).first() is None


def test_a_naive_now_is_refused(store: Store):
    with pytest.raises(ValueError, match="naive"):
        stats(store, "alice", datetime(2026, 3, 18, 12))


def at_noon(*days: date) -> list[datetime]:
    return sorted((local(day) for day in days), reverse=True)


@pytest.mark.parametrize(
    ("days", "streak"),
    [
        ((TODAY, TODAY - DAY, TODAY - 2 * DAY), 3),
        ((TODAY - DAY, TODAY - 2 * DAY), 2),  # nothing yet today: the streak still stands
        ((TODAY, TODAY - 2 * DAY), 1),
        ((TODAY - 2 * DAY, TODAY - 3 * DAY), 0),
        ((), 0),
    ],
)
def test_streak_ends_today_or_yesterday(days, streak):
    assert study_days(at_noon(*days), TODAY, TODAY - 7 * DAY)[1] == streak


def test_a_streak_outlasts_the_heatmap():
    days = [TODAY - n * DAY for n in range(200)] + [TODAY - 201 * DAY]
    heatmap, streak = study_days(at_noon(*days), TODAY, TODAY - 10 * DAY)
    assert streak == 200
    assert len(heatmap) == 11 and set(heatmap.values()) == {1}


@pytest.fixture
def new_york(monkeypatch: pytest.MonkeyPatch):
    """The machine's zone is New York's (a POSIX rule, so no tz database is needed)."""
    monkeypatch.setenv("TZ", "EST5EDT,M3.2.0,M11.1.0")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_days_are_local_days(store: Store, new_york):
    ids = add_article(store, "Sahel", ["a1"])
    # 02:00 UTC on the 18th is 22:00 on the 17th in New York (daylight time).
    review(store, "alice", ids["a1"], datetime(2026, 3, 18, 2, tzinfo=UTC), 3)
    result = stats(store, "alice", datetime(2026, 3, 18, 14, tzinfo=UTC))
    assert result.today == TODAY
    assert result.reviews_today == 0
    assert result.heatmap[TODAY - DAY] == 1
    assert result.streak == 1


def test_learner_name_comes_from_the_option_then_the_environment_then_the_user(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(LEARNER_ENV, "from-env")
    assert learner_name("alice") == "alice"
    assert learner_name(None) == "from-env"
    monkeypatch.delenv(LEARNER_ENV)
    monkeypatch.setattr("getpass.getuser", lambda: "os-user")
    assert learner_name() == "os-user"
    assert learner_name("  ") == "os-user"


def test_the_command_prints_json(cli, store: Store):
    # Times far from today, so the figures do not depend on when the test runs.
    ids = add_article(store, "Sahel", ["a1", "a2", "a3"])
    long_ago = datetime(2020, 5, 4, 12, tzinfo=UTC)
    schedule(store, "alice", ids["a1"], long_ago, 25.0)
    for n, rating in enumerate([3, 3, 1, 4]):
        review(store, "alice", ids["a1"], long_ago + n * DAY, rating)
    result = cli("stats", "--learner", "alice", "--json")
    assert result.code == 0, result.err
    shown = json.loads(result.out)
    assert shown["learner"] == "alice"
    assert (shown["due_today"], shown["new"], shown["reviews"]) == (1, 2, 4)
    assert shown["retention"] == {"reviews": 4, "recalled": 3, "rate": 0.75}
    assert shown["mastery"] == [{"article_id": 1, "title": "Sahel", "items": 3, "studied": 1, "mastered": 1}]
    assert date.fromisoformat(shown["today"]) == max(map(date.fromisoformat, shown["heatmap"]))


def test_the_command_prints_the_figures_as_text(cli, store: Store, monkeypatch: pytest.MonkeyPatch):
    ids = add_article(store, "Sahel", ["a1", "a2"])
    long_ago = datetime(2020, 5, 4, 12, tzinfo=UTC)
    schedule(store, "alice", ids["a1"], long_ago, 3.0)
    for n, rating in enumerate([3, 1, 1, 2]):
        review(store, "alice", ids["a1"], long_ago + n * DAY, rating)
    monkeypatch.setenv(LEARNER_ENV, "alice")
    result = cli("stats")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].startswith("alice · ")
    assert "due        1 today · 0 tomorrow · 1 within 7 days · 1 new" in lines
    assert "reviews    4 in all · 0 today" in lines
    assert "retention  none in the last 30 days · 50% of 4 in all" in lines
    assert "streak     0 days" in lines
    assert [line[:3] for line in lines if line[:3] in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")] == [
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
        "Sun",
    ]
    assert "Sahel" in result.out and "\x1b[" not in result.out


def test_an_answer_in_a_test_or_practice_is_a_review_and_its_item_is_studied(cli, store: Store):
    from quizgen.quiz.session import QuizSession, Settings

    ids = add_article(store, "Sahel", ["a1", "a2", "a3"])
    alice = store.learner("alice")
    stored = {item.id: item for item in store.items()}
    long_ago = datetime(2020, 5, 4, 12, tzinfo=UTC)
    # Neither mode schedules: a1 is answered twice in a test, a2 once in practice.
    for mode, key in (("test", "a1"), ("test", "a1"), ("practice", "a2")):
        item = stored[ids[key]]
        session = QuizSession(store, alice, settings=Settings(mode=mode), clock=lambda: long_ago)
        session.submit(item, correct=True, response=item.answer, seconds=4.0)
    shown = json.loads(cli("stats", "--learner", "alice", "--json").out)
    assert shown["reviews"] == 3
    assert shown["mastery"] == [{"article_id": 1, "title": "Sahel", "items": 3, "studied": 2, "mastered": 0}]
    text = cli("stats", "--learner", "alice").out
    assert "reviews    3 in all · 0 today" in text
    assert re.search(r"Sahel +3 +2 +0", text), text


def test_the_command_for_a_learner_with_no_reviews(cli, store: Store):
    add_article(store, "Sahel", ["a1", "a2"])
    result = cli("stats", "--learner", "nobody")
    assert result.code == 0, result.err
    assert "no reviews yet" in result.out
    assert "2 new" in result.out
    assert json.loads(cli("stats", "--learner", "nobody", "--json").out)["reviews"] == 0


def test_the_last_30_days_are_today_and_the_29_before(store: Store):
    ids = add_article(store, "Sahel", ["a1"])
    review(store, "alice", ids["a1"], local(TODAY - 29 * DAY, 0, 1), 3)
    review(store, "alice", ids["a1"], local(TODAY - 30 * DAY, 23, 59), 1)
    result = stats(store, "alice", NOW)
    assert result.retention_30d == Retention(reviews=1, recalled=1)
    assert result.retention == Retention(reviews=2, recalled=1)
