"""Work that grows no faster than the input, counted rather than timed.

Generation's Python function calls are counted on a text and on one twice
as long: twice the text may take about twice the calls, not more (the
shared, noisy machine makes seconds useless here; ``bench/hostile.py``
measures time and memory). A text of any length is analysed whole, and
sentences too long to ask about are skipped and counted.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from quizgen.analyze import analyze
from quizgen.facts import MAX_SENTENCE_WORDS, long_sentences
from quizgen.generation import items_from_doc

NEWS = Path(__file__).parent / "data" / "news"
# Twice the text may cost this many times the calls. At these sizes linear
# work shows as about 1.91 times, and a pass over the whole document for each
# item (work that grows with the square of the text) already as 2.09.
MOST_GROWTH = 2.0


def sentences() -> list[str]:
    text = " ".join(path.read_text(encoding="utf-8").partition("\n")[2] for path in sorted(NEWS.glob("*.txt")))
    return [s for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if len(s.split()) > 3]


# Counts in a fresh process each, as caches warmed by earlier work would change them.
CALLS = """
import cProfile, pstats, sys
from quizgen.analyze import analyze
from quizgen.generation import items_from_doc
doc = next(analyze([sys.stdin.read()]))
profile = cProfile.Profile()
profile.enable()
items_from_doc(doc, threshold=0)
profile.disable()
print(pstats.Stats(profile).total_calls)
"""


def generation_calls(text: str) -> int:
    """The Python calls :func:`items_from_doc` makes on ``text``, once parsed."""
    done = subprocess.run(
        [sys.executable, "-c", CALLS], input=text, capture_output=True, text=True, check=True, timeout=600
    )
    return int(done.stdout)


def run_on_sentence(words: int) -> str:
    """One sentence of ``words`` words: the news sentences run on with commas."""
    found = " ".join(s.rstrip(".!?") + "," for s in sentences()).split()
    return " ".join((found * (words // len(found) + 1))[:words]).rstrip(",") + "."


def short_paragraphs(count: int) -> str:
    """``count`` paragraphs, each the start of a news sentence."""
    found = sentences()
    return "\n\n".join(" ".join(found[i % len(found)].split()[:7]).rstrip(",;:") + "." for i in range(count))


def test_twice_the_paragraphs_take_at_most_twice_the_work():
    small, large = generation_calls(short_paragraphs(800)), generation_calls(short_paragraphs(1_600))
    assert large / small < MOST_GROWTH, (small, large)


def test_sentences_too_long_to_ask_about_are_skipped_and_counted(cli, tmp_path: Path):
    words = run_on_sentence(3 * MAX_SENTENCE_WORDS).rstrip(".").split()
    # The parser cuts a long run without stops where it likes: newlines keep each run whole.
    runs = [
        " ".join(words[i : i + MAX_SENTENCE_WORDS + 20]) + ";" for i in range(0, len(words), MAX_SENTENCE_WORDS + 20)
    ]
    doc = next(analyze(["\n".join(runs) + "\nThe ministry signed the agreement with Mali on Monday in Bamako."]))
    items = items_from_doc(doc, threshold=0)
    long = [s for s in doc.sents if sum(not (t.is_punct or t.is_space) for t in s) > MAX_SENTENCE_WORDS]
    assert long and long_sentences(doc) == len(long)
    assert items and all(len(re.findall(r"\w+", item.sentence)) <= MAX_SENTENCE_WORDS + 10 for item in items)
    assert not any(item.sentence in sentence.text for item in items for sentence in long)

    article = tmp_path / "long.txt"
    article.write_text("Long sentences\n\n" + doc.text, encoding="utf-8")
    assert cli("add", str(article)).code == 0
    result = cli("generate", "--quiet")
    assert result.code == 0
    plural = "s" if len(long) > 1 else ""
    assert f"; {len(long)} sentence{plural} of over {MAX_SENTENCE_WORDS} words skipped" in result.out


def test_a_text_longer_than_the_parser_takes_is_analysed_whole(monkeypatch):
    from quizgen.analyze import pipeline

    # The parser refuses a text over its max_length (a million characters); a smaller one shows the same.
    monkeypatch.setattr(pipeline(), "max_length", 50_000)
    text = "\n".join(short_paragraphs(3_000).split("\n\n"))
    assert len(text) > 100_000
    doc = next(analyze([text]))
    assert doc.text == text
    last = list(doc.sents)[-1]
    assert last.end_char == len(text) and text[last.start_char : last.end_char] == last.text
    assert doc.ents[-1].end_char > len(text) - 2_000
