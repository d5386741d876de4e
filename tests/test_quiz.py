"""The quiz, driven through the real command line in a pseudo-terminal (pexpect) against a real database."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pexpect
import pytest
from sqlmodel import Session, select

import quizgen
from quizgen.forms.options import shuffled_options
from quizgen.forms.siblings import fact_of, one_per_fact
from quizgen.ingest import ArticleText, read_article
from quizgen.quiz import session as quiz_session
from quizgen.quiz.scheduler import GOOD
from quizgen.quiz.session import Settings
from quizgen.store import ItemRecord, Learner, ReviewLog, ReviewState, Store
from quizgen.wording import LETTERS
from tests.conftest import ROOT, SEEDS

TIMEOUT = 60


@pytest.fixture
def seeded(db_url: str) -> str:
    """A database holding the seed article and its items."""
    with Store(db_url) as store:
        article, _ = store.save_article(read_article(next(SEEDS.glob("*.txt"))))
        store.save_items(article.id, quizgen.generate(article.text, threshold=0))
    return db_url


CLOZED = """Diouf Concedes Defeat in Senegal

Senegal's President Abdou Diouf conceded defeat on Monday to longtime opposition leader Abdoulaye Wade, ending four decades of Socialist Party rule. Wade won 58 percent of the vote in the runoff.
"""


@pytest.fixture
def seeded_with_clozes(seeded: str, tmp_path: Path) -> str:
    """The seed's database with a news report whose items include clozes (the seed's blanks would be phrases or numbers,
    which are offered with options only)."""
    path = tmp_path / "senegal.txt"
    path.write_text(CLOZED, encoding="utf-8")
    with Store(seeded) as store:
        article, _ = store.save_article(read_article(path))
        store.save_items(article.id, quizgen.generate(article.text, threshold=0))
    return seeded


TARASENKO = """Russia to Launch Satellites for the Sahel States

Ilya Tarasenko, the director general of Glavkosmos, signed the deal in Moscow. Tarasenko said the first satellites would be launched in 2027.
"""
KIMS = """Kim Jong Un Hosts Talks

North Korean leader Kim Jong Un met the envoy in Pyongyang. His sister, Kim Yo Jong, read a statement. Kim said the talks went well.
"""


def store_article(db_url: str, text: str, questions: list[tuple[str, str, str]]) -> list[ItemRecord]:
    """An article and a question about each (answer, label, question) of ``questions``,
    asked in this order, each about the last sentence that holds its answer."""
    title, body = text.split("\n\n", 1)
    sentences = [s + "." for s in body.strip().rstrip(".").split(". ")]
    rows = []
    with Store(db_url) as store:
        article, _ = store.save_article(ArticleText(title=title, text=text, source="test", format="text"))
        for n, (answer, label, question) in enumerate(questions):
            sentence = [s for s in sentences if answer in s][-1]
            rows.append(
                ItemRecord(
                    article_id=article.id,
                    key=f"{article.id}-{n}",
                    kind="wh",
                    prompt=question,
                    answer=answer,
                    sentence=sentence,
                    sentence_start=text.find(sentence),
                    answer_start=sentence.find(answer),
                    answer_end=sentence.find(answer) + len(answer),
                    rule="test",
                    label=label,
                    score=1.0 - n / 10,
                )
            )
        with store.session() as session:
            session.add_all(rows)
            session.commit()
        return store.items(article.id)


def spawn(db_url: str, *args: str, learner: str = "ada") -> pexpect.spawn:
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb", "QUIZGEN_LEARNER": learner, "COLUMNS": "200"}
    return pexpect.spawn(
        sys.executable,
        ["-m", "quizgen", "--db", db_url, "quiz", *args],
        env=env,
        encoding="utf-8",
        timeout=TIMEOUT,
        cwd=str(ROOT),
        dimensions=(50, 200),
    )


def items(db_url: str) -> list[ItemRecord]:
    with Store(db_url) as store:
        return store.items()


def logs(db_url: str, learner: str = "ada") -> list[ReviewLog]:
    with Store(db_url) as store, Session(store.engine) as session:
        who = session.exec(select(Learner).where(Learner.name == learner)).first()
        if who is None:
            return []
        return list(session.exec(select(ReviewLog).where(ReviewLog.learner_id == who.id).order_by(ReviewLog.id)))


def states(db_url: str) -> list[ReviewState]:
    with Store(db_url) as store, Session(store.engine) as session:
        return list(session.exec(select(ReviewState)))


def shown_item(child: pexpect.spawn, stored: list[ItemRecord]) -> ItemRecord:
    """The item on screen: read up to the answer prompt and find it by its text."""
    child.expect("answer> ")
    return on_screen(child.before, stored)


def on_screen(screen: str, stored: list[ItemRecord]) -> ItemRecord:
    """The stored item whose text comes first after the session's header line
    (a matching item lists other items' questions below its own)."""
    # Long lines wrap on the terminal: compare with runs of white space as one.
    screen = " ".join(screen[screen.rfind(" to go · ") :].split())
    flat = {i.id: " ".join(i.prompt.split()) for i in stored}
    # A question and its multiple-choice form read the same; the options tell them apart.
    choice = " A) " in screen and "Match each" not in screen
    found = [
        (
            screen.find(flat[i.id]),
            (i.kind == "multiple_choice") != choice,
            -len(flat[i.id]),
            i.id,
            i,
        )
        for i in stored
        if flat[i.id] in screen
    ]
    if not found:
        raise AssertionError(f"no stored item on screen:\n{screen}")
    return min(found)[4]


def right_answer(item: ItemRecord) -> str:
    kind = item.kind
    if kind == "multiple_choice":
        options, correct = shuffled_options(item.key, item.answer, item.distractors)
        return LETTERS[correct].lower()
    if kind == "true_false":
        return "t" if item.answer == "True" else "f"
    if kind == "matching":
        rights = [r for _, r in item.pairs]
        options, _ = shuffled_options(item.key, rights[0], rights[1:])
        return "".join(LETTERS[options.index(r)] for r in rights)
    return item.answer


def answer_all(child: pexpect.spawn, stored: list[ItemRecord]) -> list[ItemRecord]:
    """Answer every item the session asks, rightly, until its summary; the items asked."""
    asked = []
    while child.expect(["answer> ", r"\d+ answered, \d+ right"]) == 0:
        item = on_screen(child.before, stored)
        child.sendline(right_answer(item))
        child.expect("Right")
        child.expect("> ")
        child.sendline("")
        asked.append(item)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    return asked


def test_a_full_review_session_schedules_every_answer(seeded_with_clozes: str):
    seeded = seeded_with_clozes
    stored = items(seeded)
    answered = answer_all(spawn(seeded, "--new", "100"), stored)
    # One form of each fact: no two answered items ask about the same thing.
    facts = [(i.sentence_start, i.answer_end) for i in answered if i.kind != "matching"]
    assert len(facts) == len(set(facts))
    kinds = {i.kind for i in answered}
    assert {"wh", "cloze", "matching"} <= kinds
    logged = logs(seeded)
    assert [log.item_id for log in logged] == [i.id for i in answered]
    assert all(log.correct and log.rating >= 2 and log.mode == "review" and log.state == "new" for log in logged)
    scheduled = {s.item_id: s for s in states(seeded)}
    assert set(scheduled) == {i.id for i in answered}
    assert all(s.due > log.reviewed_at for s, log in ((scheduled[log.item_id], log) for log in logged))
    # Nothing is due again right away, and the new items of the day are used up.
    again = spawn(seeded, "--new", str(len(answered)))
    again.expect(["Nothing due now", pexpect.EOF])
    again.close()


@pytest.mark.parametrize("limit", [1, 3, 5, 50])
def test_the_limit_counts_questions_one_per_fact(seeded: str, limit: int):
    stored = items(seeded)
    facts = len(one_per_fact(stored))
    assert 5 < facts < 20  # more than most limits asked for, fewer than 50 and the new items of a day
    asked = answer_all(spawn(seeded, "--limit", str(limit)), stored)
    assert len(asked) == min(limit, facts)
    assert len({fact_of(item) for item in asked}) == len(asked)
    assert [log.item_id for log in logs(seeded)] == [item.id for item in asked]


def test_the_limit_counts_facts_over_pages_of_due_and_new_items(seeded: str, monkeypatch: pytest.MonkeyPatch):
    # Pages of one item per fact wanted: most queues take several queries.
    monkeypatch.setattr(quiz_session, "FORMS_PER_FACT", 1)
    first_day = datetime(2026, 3, 18, 12, tzinfo=UTC)
    later = first_day + timedelta(days=60)
    with Store(seeded) as store:
        learner = store.learner("cy")
        first = quiz_session.QuizSession(store, learner, settings=Settings(limit=3), clock=lambda: first_day)
        for item in list(first.queue):
            first.submit(item, correct=True, response=item.answer, seconds=5.0, rating=GOOD)
        due = store.due_items(learner.id, later)
        assert len(due) == 3

        def queue(limit: int | None) -> list[ItemRecord]:
            return quiz_session.QuizSession(
                store, learner, settings=Settings(limit=limit, new_per_day=100), clock=lambda: later
            ).queue

        everything = queue(None)
        assert len(everything) > 5
        for limit in range(1, len(everything) + 3):
            asked = queue(limit)
            # Past the whole queue, a limit may stop short of a matching set
            # that would gather several facts into one: more facts, none twice.
            assert len(asked) == limit if limit < len(everything) else len(everything) <= len(asked) <= limit, limit
            assert len({fact_of(item) for item in asked}) == len(asked)
            if limit <= len(due):
                assert {fact_of(item) for item in asked} <= {fact_of(item) for item in due}


def test_undo_restores_the_scheduling_and_the_log(seeded: str):
    stored = items(seeded)
    child = spawn(seeded, "--tag", "wh")
    first = shown_item(child, stored)
    child.sendline("certainly not this")
    child.expect("Not quite")
    child.expect("> ")
    assert len(logs(seeded)) == 1 and len(states(seeded)) == 1
    child.send("u")
    child.expect("Undone")
    # The same item is asked again, and the answer and its state are gone.
    again = shown_item(child, stored)
    assert again.id == first.id
    assert logs(seeded) == [] and states(seeded) == []
    child.sendline(right_answer(first))
    child.expect("Right")
    child.expect("> ")
    child.send("q")
    child.expect(pexpect.EOF)
    (log,) = logs(seeded)
    assert log.item_id == first.id and log.correct


def test_a_close_answer_can_be_overruled(seeded: str):
    stored = items(seeded)
    child = spawn(seeded, "--tag", "wh", "--mode", "practice", "--seed", "1")
    while True:
        item = shown_item(child, stored)
        words = item.answer.split()
        if not any(c.isdigit() for c in item.answer) and len(item.answer) >= 12:
            break
        child.sendline("s")
    # Drop two letters from the middle: close, but more than a typo.
    middle = len(item.answer) // 2
    close = item.answer[: middle - 1] + item.answer[middle + 1 :]
    child.sendline(close)
    child.expect("Not quite")
    child.expect("I was right")
    child.expect("> ")
    child.send("y")
    child.expect("Counted as right")
    child.expect("> ")
    child.send("q")
    child.expect(pexpect.EOF)
    (log,) = logs(seeded)
    assert log.item_id == item.id and log.correct and log.rating == 2 and log.response == close
    assert words


def test_ctrl_c_in_mid_session_keeps_every_answer(seeded: str):
    stored = items(seeded)
    child = spawn(seeded)
    answered = []
    for _ in range(3):
        item = shown_item(child, stored)
        child.sendline(right_answer(item))
        child.expect("> ")
        child.sendline("")
        answered.append(item)
    child.expect("answer> ")
    child.sendintr()
    child.expect("every answer is saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130 or child.signalstatus is not None
    logged = logs(seeded)
    assert [log.item_id for log in logged] == [i.id for i in answered]
    assert {s.item_id for s in states(seeded)} == {i.id for i in answered}


def test_killing_the_process_keeps_every_answer(seeded: str):
    stored = items(seeded)
    child = spawn(seeded)
    item = shown_item(child, stored)
    child.sendline(right_answer(item))
    child.expect("> ")
    child.kill(9)
    child.close()
    (log,) = logs(seeded)
    assert log.item_id == item.id
    assert [s.item_id for s in states(seeded)] == [item.id]


def test_a_test_from_a_pipe_is_scored_without_colour(seeded: str):
    stored = {i.prompt: i for i in items(seeded)}
    # Answers read line by line from a pipe: all wrong, then the summary.
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "quizgen",
            "--db",
            seeded,
            "quiz",
            "--mode",
            "test",
            "--limit",
            "3",
            "--seed",
            "2",
            "--tag",
            "wh",
        ],
        input="zzz\n\n" * 3,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        cwd=str(ROOT),
        env={**os.environ, "QUIZGEN_LEARNER": "bo", "NO_COLOR": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert "\x1b[" not in result.stdout
    assert re.search(r"Score: 0/3 \(0%\)", result.stdout), result.stdout
    # A key is a line from a pipe, and says what it did as on a terminal.
    assert result.stdout.count("> rated Again") == 3, result.stdout
    shown = " ".join(result.stdout.split())
    assert sum(" ".join(prompt.split()) in shown for prompt in stored) >= 3
    # A test leaves scheduling alone but keeps the answers.
    assert states(seeded) == []
    assert [(log.mode, log.state) for log in logs(seeded, "bo")] == [("test", None)] * 3


def test_choices_by_letter_or_number_and_true_false_by_t_or_f(seeded: str):
    stored = items(seeded)
    child = spawn(seeded, "--mode", "practice", "--tag", "multiple_choice", "--tag", "true_false", "--seed", "3")
    seen = set()
    for turn in range(4):
        item = shown_item(child, stored)
        kind = item.kind
        seen.add(kind)
        key = right_answer(item)
        if kind == "multiple_choice" and turn % 2:
            key = str(LETTERS.index(key.upper()) + 1)  # a number works as well as a letter
        if kind == "multiple_choice":
            child.sendline("z")  # not an option: asked again, nothing stored
            child.expect("Answer with a letter")
            child.expect("answer> ")
        child.sendline(key)
        child.expect("Right")
        child.expect("> ")
        child.sendline("")
    child.sendline("q")
    child.expect(pexpect.EOF)
    assert seen == {"multiple_choice", "true_false"}
    logged = logs(seeded)
    assert len(logged) == 4 and all(log.correct and log.mode == "practice" and log.state is None for log in logged)
    assert states(seeded) == []  # practice leaves scheduling alone


def test_a_rating_key_replaces_the_derived_rating(seeded: str):
    stored = items(seeded)
    child = spawn(seeded, "--tag", "wh")
    first = shown_item(child, stored)
    child.sendline(right_answer(first))
    child.expect("Right")
    child.expect("> ")
    (derived,) = logs(seeded)
    assert derived.rating >= 2
    child.send("1")  # Again, and on to the next item
    shown_item(child, stored)
    child.sendline("q")
    child.expect(pexpect.EOF)
    (log,) = logs(seeded)
    assert log.item_id == first.id and log.rating == 1 and log.correct
    (state,) = states(seeded)
    # Again keeps a new item in its first learning step: due within minutes, not days.
    assert state.due - log.reviewed_at < timedelta(minutes=5)


def test_a_fuller_name_counts_where_the_article_gives_it(db_url: str):
    (tarasenko,) = store_article(
        db_url, TARASENKO, [("Tarasenko", "PERSON", "Who said the first satellites would be launched in 2027?")]
    )
    (kim,) = store_article(db_url, KIMS, [("Kim", "PERSON", "Who said the talks went well?")])
    child = spawn(db_url, "--article", str(tarasenko.article_id))
    shown_item(child, [tarasenko])
    child.sendline("Ilya Tarasenko")
    child.expect("Right")
    child.expect("> ")
    child.send("q")
    child.expect(pexpect.EOF)
    # The article has two Kims: the short name does not say which one it means.
    child = spawn(db_url, "--article", str(kim.article_id))
    shown_item(child, [kim])
    child.sendline("Kim Jong Un")
    child.expect("Not quite")
    child.expect("> ")
    child.send("q")
    child.expect(pexpect.EOF)
    assert [(log.item_id, log.correct, log.response) for log in logs(db_url)] == [
        (tarasenko.id, True, "Ilya Tarasenko"),
        (kim.id, False, "Kim Jong Un"),
    ]


def test_rating_keys_act_at_once_and_say_what_they_did(db_url: str):
    stored = store_article(
        db_url,
        TARASENKO,
        [
            ("Tarasenko", "PERSON", "Who said the first satellites would be launched in 2027?"),
            ("Moscow", "GPE", "Where was the deal signed?"),
        ],
    )
    child = spawn(db_url)
    first = shown_item(child, stored)
    child.sendline(right_answer(first))
    child.expect("Right")
    child.expect("> ")
    # An arrow key does nothing; a rating key rates and goes on, with no Enter.
    child.send("\x1b[A")
    child.expect("Enter: next")
    child.expect("> ")
    # A rating key followed by Enter out of habit: the Enter is no blank answer to the next question.
    child.send("3\r")
    child.expect("rated Good")
    second = shown_item(child, stored)
    assert second.id != first.id
    # "I was right" is offered after any wrong answer, not only a close one.
    child.sendline("Timbuktu")
    child.expect("Not quite")
    child.expect("y: I was right")
    child.expect("> ")
    child.send("y")
    child.expect("Counted as right")
    child.expect("> ")
    child.send("\r")
    child.expect("rated Hard")
    child.expect(r"2 answered, 2 right")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert [(log.item_id, log.rating, log.correct) for log in logs(db_url)] == [
        (first.id, 3, True),
        (second.id, 2, True),
    ]


def test_ctrl_c_at_a_rating_key_keeps_the_answer(db_url: str):
    (item,) = store_article(db_url, TARASENKO, [("Moscow", "GPE", "Where was the deal signed?")])
    child = spawn(db_url)
    shown_item(child, [item])
    child.sendline("Moscow")
    child.expect("Right")
    child.expect("> ")
    child.sendintr()
    child.expect("every answer is saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    (log,) = logs(db_url)
    assert log.item_id == item.id and log.correct
