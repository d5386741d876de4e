"""Curation before export: approve, reject, edit and the interactive review."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT, SEEDS


def stored(cli) -> list[dict]:
    return json.loads(cli("items", "list", "--json").out)


def test_approve_reject_and_edit_change_what_is_exported(cli, tmp_path):
    cli("add", SEEDS)
    cli("generate", "--all")
    items = stored(cli)
    first, second, third = items[0]["id"], items[1]["id"], items[2]["id"]
    assert cli("items", "approve", str(first), str(second)).code == 0
    assert cli("items", "reject", str(third)).code == 0
    edited = cli("items", "edit", str(second), "--question", "Which alliance is AES?")
    assert edited.code == 0, edited.err
    by_id = {i["id"]: i for i in stored(cli)}
    assert (by_id[first]["status"], by_id[second]["status"], by_id[third]["status"]) == (
        "approved",
        "edited",
        "rejected",
    )
    assert by_id[second]["prompt"] == "Which alliance is AES?"
    assert by_id[second]["updated_at"] > items[1]["updated_at"]
    # An export now takes the reviewed items only, and says so.
    result = cli("export", "quizlet", "--out", str(tmp_path / "cards.txt"))
    assert result.code == 0 and "2 approved items" in result.out
    cards = (tmp_path / "cards.txt").read_text()
    assert "Which alliance is AES?" in cards and items[2]["prompt"] not in cards
    # Regenerating keeps what a person decided.
    cli("generate", "--all")
    again = {i["id"]: i for i in stored(cli)}
    assert again[third]["status"] == "rejected" and again[second]["prompt"] == "Which alliance is AES?"


def test_unknown_items_are_a_one_line_error(cli):
    result = cli("items", "approve", "999")
    assert result.code == 1 and result.err == "quizgen: error: no item with id 999; see: quizgen items list\n"


def test_review_goes_through_the_drafts(cli, db_url):
    cli("add", SEEDS)
    cli("generate", "--all")
    before = stored(cli)
    # keep, reject, edit (new question, same answer), skip, then quit.
    answers = "k\nr\ne\nA better question?\n\ns\nq\n"
    done = subprocess.run(
        [sys.executable, "-m", "quizgen", "--db", db_url, "items", "review"],
        input=answers,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=str(ROOT),
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert done.returncode == 0, done.stderr
    assert "1 kept, 1 rejected, 1 edited, 1 skipped" in done.stdout
    assert before[0]["sentence"].split()[0] in done.stdout  # the source is shown
    after = {i["id"]: i for i in stored(cli)}
    statuses = [after[i["id"]]["status"] for i in before[:4]]
    assert statuses == ["approved", "rejected", "edited", "draft"]
    assert after[before[2]["id"]]["prompt"] == "A better question?"
    assert after[before[2]["id"]]["answer"] == before[2]["answer"]
