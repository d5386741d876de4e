"""The progress bar's rate and time left (quizgen.cli.render.Pace), fed runs as (time, done) points."""

from __future__ import annotations

import pytest

from quizgen.cli.render import Pace

BATCH = 16  # generate stores, and so reports, this many articles at a time


def batched_run(
    seconds_per_article: list[float], *, start_up: float = 2.0, spread: float = 0.002
) -> list[tuple[float, int]]:
    """The (time, done) points of a run that reports its articles a batch at a
    time: every article of a batch once the batch is stored, ``spread`` seconds apart."""
    points = []
    time = start_up
    for first in range(0, len(seconds_per_article), BATCH):
        batch = seconds_per_article[first : first + BATCH]
        time += sum(batch)
        points.extend((time + n * spread, first + n) for n in range(1, len(batch) + 1))
        time += len(batch) * spread
    return points


def estimates(points: list[tuple[float, int]], total: int) -> list[tuple[float, float | None, float]]:
    """(done, estimated seconds left, real seconds left) after each batch is reported."""
    pace = Pace(total, 0.0)
    end = points[-1][0]
    seen = []
    for time, done in points:
        pace.update(time, done)
        if done % BATCH == 0 or done == total:
            seen.append((done, pace.left, end - time))
    return seen


@pytest.mark.parametrize("seconds", [0.2, 1.0, 3.0])
def test_a_steady_run_reported_in_batches_is_estimated_from_the_whole_batch(seconds: float):
    total = 100
    for done, left, real in estimates(batched_run([seconds] * total, start_up=0.5), total):
        assert left is not None
        if done < total:
            assert 0.9 * real <= left <= 1.25 * real, (done, left, real)
        else:
            assert left == 0


@pytest.mark.parametrize("start_up", [0.5, 15.0])
def test_no_estimate_during_a_steady_run_is_below_its_real_time_left(start_up: float):
    # A start-up (loading the language model) makes early estimates long, never short.
    total = 60
    pace = Pace(total, 0.0)
    points = batched_run([0.2] * total, start_up=start_up)
    end = points[-1][0]
    for time, done in points:
        pace.update(time, done)
        assert pace.left is not None and pace.left >= 0.95 * (end - time), (time, done)


def test_batches_of_uneven_length_keep_the_estimate_near_the_real_time():
    # A real run of 101 articles: when each batch of 16 was stored, in seconds from the start.
    stored = {16: 12.0, 32: 15.0, 48: 23.0, 64: 27.0, 80: 39.0, 96: 43.0, 101: 45.0}
    pace = Pace(101, 0.0)
    before = 0
    for done, time in stored.items():
        for n in range(before + 1, done + 1):
            pace.update(time, n)
        before = done
        real = 45.0 - time
        assert pace.left is not None and pace.left >= 0.75 * real, (done, pace.left, real)


def test_the_estimate_follows_a_run_that_slows_down():
    # Short articles first, then long ones: 2 batches at 0.5 s an article, then 3 s.
    speeds = [0.5] * (2 * BATCH) + [3.0] * (8 * BATCH)
    total = len(speeds)
    seen = estimates(batched_run(speeds), total)
    # Once the window holds only slow batches, the estimate is the slow speed's.
    for done, left, real in seen:
        if 4 * BATCH <= done < total:
            assert left is not None and 0.9 * real <= left <= 1.1 * real, (done, left, real)
    # Right after the change, the estimate has already moved well up from the fast one.
    after_change = dict((done, left) for done, left, _ in seen)[3 * BATCH]
    fast_estimate = (total - 3 * BATCH) * 0.5
    assert after_change is not None and after_change > 2 * fast_estimate


def test_nothing_done_means_no_estimate():
    pace = Pace(10, 5.0)
    assert pace.rate is None and pace.left is None
    pace.update(5.0, 0)
    assert pace.left is None
    pace.update(7.0, 4)
    assert pace.rate == 2.0 and pace.left == 3.0
