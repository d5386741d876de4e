"""The Python examples in README.md run as written: every ```python block is
executed, and a block of ``>>>`` lines is run as a doctest, so an example that
goes stale with the code fails the suite."""

from __future__ import annotations

import doctest
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

README = ROOT / "README.md"

# The database the examples open, relative to the directory they run in.
EXAMPLE_DB = "build/quizgen.db"

_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)```(?P<info>[^\n`]*)\n(?P<body>.*?)^(?P=indent)```[ \t]*$",
    re.MULTILINE | re.DOTALL,
)


@dataclass(frozen=True)
class Block:
    line: int  # of the block's first line of code in README.md
    source: str

    @property
    def is_doctest(self) -> bool:
        return self.source.lstrip().startswith(">>>")


def python_blocks(text: str) -> list[Block]:
    blocks = []
    for match in _FENCE.finditer(text):
        language = match["info"].strip().split(" ", 1)[0].lower()
        if language not in {"python", "py", "python3", "pycon"}:
            continue
        indent = match["indent"]
        # A fence inside a list item is indented; its code is indented as much.
        lines = [line.removeprefix(indent) for line in match["body"].splitlines(keepends=True)]
        line = text.count("\n", 0, match.start("body")) + 1
        blocks.append(Block(line, "".join(lines)))
    return blocks


BLOCKS = python_blocks(README.read_text(encoding="utf-8"))


def test_the_readme_has_python_examples():
    # Guards the extraction itself: a change of fence style must not turn this
    # module into a suite of zero examples.
    assert BLOCKS


@pytest.fixture(scope="module")
def example_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A directory as the README's examples expect to find it: the seed
    articles in seeds/, and a store in build/quizgen.db holding them with all
    their generated items, ranked (the examples export article 1's items)."""
    from quizgen.cli import main

    made = tmp_path_factory.mktemp("readme")
    shutil.copytree(SEEDS, made / "seeds")
    db = made / EXAMPLE_DB
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("QUIZGEN_DB", raising=False)
        patch.delenv("QUIZGEN_MODEL", raising=False)
        patch.chdir(made)
        for command in (["add", "--quiet", "seeds/"], ["generate", "--all", "--quiet"]):
            try:
                main(["--db", str(db), *command])
            except SystemExit as exc:
                assert exc.code in (0, None), f"quizgen {' '.join(command)} exited with {exc.code}"
    yield made


@pytest.mark.parametrize("block", BLOCKS, ids=[f"README.md:{b.line}" for b in BLOCKS])
def test_readme_example_runs(block: Block, example_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # Each block runs in a copy of the prepared directory and a namespace of its
    # own: the README's blocks each import what they use, and one block's files
    # must not make another pass.
    workdir = tmp_path / "work"
    shutil.copytree(example_dir, workdir)
    monkeypatch.chdir(workdir)
    # An example that opens Store() with no URL gets a data directory of its own,
    # never the user's database.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("QUIZGEN_DB", raising=False)
    monkeypatch.delenv("QUIZGEN_MODEL", raising=False)

    if block.is_doctest:
        parser = doctest.DocTestParser()
        test = parser.get_doctest(block.source, {}, f"README.md:{block.line}", str(README), block.line - 1)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
        report: list[str] = []
        runner.run(test, out=report.append)
        assert not runner.failures, "".join(report)
    else:
        # Padding the source puts README.md's own line numbers in a traceback.
        code = compile("\n" * (block.line - 1) + block.source, str(README), "exec")
        exec(code, {"__name__": "__readme__"})
