"""Time to write an Anki deck of 10,000 items, against raw genanki writing the same notes.

    python bench/anki.py            # prints a Markdown report

The items are made in memory (no store, no spaCy): 10,000 wh-questions in one
article. The baseline is what any genanki exporter does at least: escape the
same five fields, make a note of them with one model in one deck, and
``Package.write_to_file``. quizgen's export does the same work plus the note
types, subdecks, tags and ids that make its output byte-identical and
updatable. A second row exports 10,000 items of all five kinds, for scale.
"""

from __future__ import annotations

import hashlib
import html
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from run import timed

ITEMS = 10_000
KINDS = ("wh", "cloze", "multiple_choice", "true_false", "matching")
TITLE = "Burkina Faso, Mali, and Niger Strengthen Russian Relations in a New Satellite Deal"


def synthetic_items(count: int, kinds: tuple[str, ...] = ("wh",)) -> list:
    from quizgen.store import ItemRecord

    made = datetime(2026, 1, 1, tzinfo=UTC)
    rows = []
    for n in range(count):
        kind = kinds[n % len(kinds)]
        answer = f"Ilya Tarasenko {n}"
        sentence = f"The Director General of Glavkosmos, {answer}, said the deal <{n}> would help."
        start = sentence.index(answer)
        prompt = {
            "cloze": sentence.replace(answer, "_____"),
            "true_false": sentence,
        }.get(kind, f"Who is the Director General of Glavkosmos ({n})?")
        rows.append(
            ItemRecord(
                id=n + 1,
                article_id=1,
                key=hashlib.sha256(str(n).encode()).hexdigest()[:32],
                kind=kind,
                prompt=prompt,
                answer="True" if kind == "true_false" else answer,
                accepted_answers=[f"Tarasenko {n}"],
                distractors=["Vladimir Putin", "Sidi Mohamed Raliou", "Yuri Borisov"],
                sentence=sentence,
                sentence_start=0,
                answer_start=start,
                answer_end=start + len(answer),
                rule="bench",
                label="PERSON",
                pairs=[[f"Role {k}", f"Person {k}"] for k in range(5)] if kind == "matching" else [],
                created_at=made + timedelta(milliseconds=n),
                updated_at=made + timedelta(milliseconds=n),
            )
        )
    return rows


def selection(items: list):
    from quizgen.export.selection import Selection
    from quizgen.store import Article

    article = Article(id=1, title=TITLE, source="bench", text="", content_hash="0" * 64)
    return Selection(items=items, articles={1: article}, approved_only=False)


def raw_genanki(items: list, path: Path) -> None:
    import genanki

    from quizgen.export.anki import QA

    model = genanki.Model(
        QA.id,
        QA.name,
        fields=[{"name": name} for name in QA.fields],
        templates=[{"name": "Card 1", "qfmt": QA.front, "afmt": QA.back}],
        css=QA.css,
    )
    deck = genanki.Deck(2059400110, "bench")
    title = html.escape(TITLE)
    for item in items:
        fields = [
            html.escape(item.prompt),
            html.escape(item.answer),
            html.escape(item.sentence),
            title,
            html.escape("; ".join(item.accepted_answers)),
        ]
        deck.add_note(genanki.Note(model=model, fields=fields, guid=item.key, tags=["quizgen", "wh"]))
    genanki.Package(deck).write_to_file(str(path))


def quizgen_export(items: list, path: Path) -> None:
    from quizgen.export.anki import anki_notes, write_apkg

    write_apkg(anki_notes(selection(items), deck="bench"), path)


def report(repeat: int = 3) -> list[str]:
    wh = synthetic_items(ITEMS)
    mixed = synthetic_items(ITEMS, KINDS)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        raw_genanki(wh[:10], out / "warm.apkg")  # imports outside the timing
        quizgen_export(wh[:10], out / "warm.apkg")
        baseline = timed(lambda: raw_genanki(wh, out / "raw.apkg"), repeat)
        same = timed(lambda: quizgen_export(wh, out / "wh.apkg"), repeat)
        every = timed(lambda: quizgen_export(mixed, out / "mixed.apkg"), repeat)
        first = (out / "wh.apkg").read_bytes()
        quizgen_export(wh, out / "again.apkg")
        identical = (out / "again.apkg").read_bytes() == first
    return [
        "| measurement | median seconds | ratio to baseline |",
        "| --- | ---: | ---: |",
        f"| raw genanki: {ITEMS:,} notes, one model, one deck, `Package.write_to_file` (baseline) | {baseline:.4f} | 1.00 |",
        f"| `quizgen export anki` of the same {ITEMS:,} wh items | {same:.4f} | {same / baseline:.2f} |",
        f"| `quizgen export anki` of {ITEMS:,} items of all five kinds | {every:.4f} | {every / baseline:.2f} |",
        "",
        f"Two exports of the same items are byte-identical: {'yes' if identical else 'NO'}.",
    ]


def main() -> None:
    print("\n".join(report()))


if __name__ == "__main__":
    sys.exit(main())
