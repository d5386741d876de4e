"""--json on the commands that write: one JSON object on standard output, saying what the text says."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SEEDS

# Each export and the arguments of a run of it, with the file it writes.
EXPORTS = {
    "anki": ("deck.apkg",),
    "csv": ("notes.txt",),
    "quizlet": ("cards.txt",),
    "print": ("sheet.md", "--format", "md"),
    "moodle": ("quiz.xml",),
    "gift": ("quiz.gift",),
    "qti": ("quiz.zip",),
    "kahoot": ("quiz.xlsx",),
}


def json_of(result) -> dict:
    """The one JSON object a command printed; the whole of standard output must be it."""
    assert result.code == 0, result.err
    value = json.loads(result.out)
    assert isinstance(value, dict)
    return value


def test_add_and_generate_print_what_they_did(cli, tmp_path: Path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a pdf")
    added = cli("add", SEEDS / "2024-09-sahel-states-russia-satellite-deal.txt", broken, "--json")
    assert added.code == 1
    summary = json.loads(added.out)
    assert {k: summary[k] for k in ("added", "exists", "failed")} == {"added": 1, "exists": 0, "failed": 1}
    good, bad = summary["inputs"]
    assert good["status"] == "added" and good["article_id"] == 1 and good["words"] > 400
    assert bad["status"] == "failed" and bad["source"] == str(broken) and bad["reason"]
    # The failure is still reported on standard error.
    assert f"quizgen: error: {broken}" in added.err

    again = json_of(cli("add", SEEDS / "2024-09-sahel-states-russia-satellite-deal.txt", "--json"))
    assert (again["added"], again["exists"]) == (0, 1) and again["inputs"][0]["article_id"] == 1

    generated = json_of(cli("generate", "--all", "--json"))
    (article,) = generated["articles"]
    assert article["article_id"] == 1 and article["items"] == generated["added"] > 0
    assert article["title"].startswith("Burkina Faso, Mali, and Niger")
    text = cli("generate", "--all").out
    assert text.endswith(f"1 article: 0 new, 0 updated, {generated['added']} unchanged, 0 kept as curated, 0 removed\n")
    regenerated = json_of(cli("generate", "--all", "--json"))
    assert (regenerated["added"], regenerated["unchanged"]) == (0, generated["added"])


def test_generate_with_nothing_stored(cli):
    assert json_of(cli("generate", "--json")) == {
        "added": 0,
        "updated": 0,
        "unchanged": 0,
        "kept": 0,
        "removed": 0,
        "long_sentences": 0,
        "articles": [],
    }


def test_every_export_prints_its_files_and_items(cli, tmp_path: Path):
    cli("add", SEEDS)
    cli("generate", "--all")
    stored = len(json.loads(cli("items", "list", "--json").out))
    for name, (file, *options) in EXPORTS.items():
        target = tmp_path / file
        summary = json_of(cli("export", name, "--out", target, *options, "--json"))
        assert summary["items"] == stored, name
        assert summary["articles"] == [1] and summary["approved_only"] is False, name
        assert summary["files"][0] == str(target) and all(Path(f).is_file() for f in summary["files"]), name
        # The text for people says the same count.
        assert f"{stored} items (all but rejected)" in cli("export", name, "--out", target, *options).out, name
    printed = json_of(
        cli("export", "print", "--out", tmp_path / "sheet.md", "--format", "md", "--versions", "2", "--json")
    )
    assert printed["files"] == [str(tmp_path / "sheet.md"), str(tmp_path / "sheet-key.md")]
    assert printed["versions"] == 2 and printed["questions"] > 0


def test_kahoot_json_lists_every_skipped_item(cli, tmp_path: Path):
    cli("add", SEEDS)
    cli("generate", "--all")
    rows = {row["id"]: row for row in json.loads(cli("items", "list", "--json").out)}
    summary = json_of(cli("export", "kahoot", "--out", tmp_path / "k.xlsx", "--json"))
    skipped = summary["skipped"]
    assert summary["in_sheet"] + len(skipped) == summary["items"] == len(rows)
    assert {s["kind"] for s in skipped} >= {"wh", "matching"}
    for entry in skipped:
        assert entry["key"] == rows[entry["id"]]["key"] and entry["kind"] == rows[entry["id"]]["kind"]
        assert entry["reason"]


def test_json_and_standard_output_as_the_file_are_refused(cli, tmp_path: Path):
    for name in ("anki", "csv", "quizlet", "moodle", "gift", "qti", "kahoot"):
        result = cli("export", name, "--out", "-", "--json")
        assert result.code == 2, name
        assert result.out == ""
        assert result.err == (
            "quizgen: error: --json and --out - both write to standard output; give --out a file name\n"
        ), name
