"""`quizgen export csv` (Anki's text import) and `quizgen export quizlet`."""

from __future__ import annotations

import csv

import pytest

from tests.test_export_anki import add_items, cloze, collection, import_apkg, item  # noqa: F401 (a fixture)

HEADERS = [
    "#separator:tab",
    "#html:true",
    "#guid column:1",
    "#notetype column:2",
    "#deck column:3",
    "#tags column:10",
]

MESSY = 'A line\twith a tab\nand a break, a "quote" and <b>markup</b>.'


def messy_items() -> list[dict]:
    return [
        item("What\thas a tab?", "a\nbreak", sentence=MESSY),
        cloze(MESSY, "markup"),
        item("Which one?", "quote", kind="multiple_choice", sentence=MESSY, distractors=["tab", "break", "line"]),
        item("Match.", "", kind="matching", sentence="", pairs=[["left\tside", "right\nside"], ["a", "b"]]),
    ]


def test_csv_is_anki_text_with_headers_and_a_row_per_note(store, cli, tmp_path):
    rows = add_items(store, 'Messy "text"', messy_items())
    out = tmp_path / "notes.txt"
    result = cli("export", "csv", "--out", out, "--deck", "News")
    assert result.code == 0 and result.out == f"4 items (all but rejected) from 1 article -> {out}\n"
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[: len(HEADERS)] == HEADERS
    body = [line for line in lines[len(HEADERS) :] if line]
    # One line per note: no field holds a tab or a line break.
    assert len(body) == len(rows)
    # A quote in the deck name is quoted as Anki's own export quotes it.
    assert all('\t"News::Messy ""text"""\t' in line for line in body)
    cells = list(csv.reader(body, delimiter="\t"))
    for row, line in zip(rows, cells):
        assert len(line) == 10
        assert (line[0], line[2]) == (row.key, 'News::Messy "text"')
        assert line[9].split() == ["quizgen", row.kind, "messy-text"]
    assert cells[0][1:2] + cells[0][3:5] == ["quizgen Q&A v1", "What has a tab?", "a<br>break"]
    assert "&quot;quote&quot; and &lt;b&gt;markup&lt;/b&gt;" in cells[0][5]


def test_anki_reads_the_csv_headers_and_matches_the_deck_notes(store, cli, collection, tmp_path):  # noqa: F811
    from anki.collection import ImportCsvRequest

    add_items(store, "Messy", messy_items())
    deck, notes = tmp_path / "deck.apkg", tmp_path / "notes.txt"
    assert cli("export", "anki", "--out", deck).code == 0
    assert cli("export", "csv", "--out", notes).code == 0
    import_apkg(collection, deck)
    metadata = collection.get_csv_metadata(str(notes), None)
    assert (metadata.guid_column, metadata.notetype_column, metadata.deck_column, metadata.tags_column) == (1, 2, 3, 10)
    assert metadata.is_html
    log = collection.import_csv(ImportCsvRequest(path=str(notes), metadata=metadata)).log
    assert not log.new and not log.missing_notetype and len(log.duplicate) == 4
    assert collection.note_count() == 4


def test_quizlet_is_term_tab_definition_on_one_line_each(store, cli, tmp_path):
    add_items(
        store,
        "Quizlet",
        [
            *messy_items(),
            item("What\thas a tab?", "a\nbreak", kind="multiple_choice", sentence=MESSY, distractors=["x", "y", "z"]),
            item("Rejected?", "yes", status="rejected"),
        ],
    )
    result = cli("export", "quizlet", "--out", "-")
    assert result.code == 0
    assert result.err == "5 items (all but rejected) from 1 article -> -\n"
    assert result.out.splitlines() == [
        "What has a tab?\ta break",
        'A line with a tab and a break, a "quote" and <b>_____</b>.\tmarkup',
        "Which one?\tquote",
        "left side\tright side",
        "a\tb",
    ]


@pytest.mark.parametrize("command", ["csv", "quizlet"])
def test_text_exports_write_their_default_file(store, cli, tmp_path, monkeypatch, command):
    add_items(store, "Default", [item("Who?", "Ann")])
    monkeypatch.chdir(tmp_path)
    assert cli("export", command).code == 0
    assert (tmp_path / ("quizgen.txt" if command == "csv" else "quizlet.txt")).read_text(encoding="utf-8")
