"""`import quizgen` stays cheap: spaCy loads only when text is analysed."""

from __future__ import annotations

import subprocess
import sys

import pytest

import quizgen


def modules_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print('\\n'.join(sys.modules))"
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, check=True)
    assert "import time:" in done.stderr  # -X importtime really ran
    return set(done.stdout.split())


@pytest.mark.parametrize(
    "statement",
    [
        "import quizgen",
        "import quizgen.cli",
        "import quizgen.store",
        # The quiz path, from the command to the screen.
        "import quizgen.cli.quiz, quizgen.cli.stats, quizgen.quiz.terminal, quizgen.quiz.session, quizgen.quiz.stats",
        # A worksheet's questions, chosen without a question giving another away.
        "from quizgen.export.print.files import asked_once; asked_once([])",
    ],
)
def test_spacy_is_not_imported(statement: str):
    loaded = modules_after(statement)
    assert "quizgen" in loaded
    assert not {m for m in loaded if m == "spacy" or m.startswith(("spacy.", "thinc", "genanki"))}


def test_import_quizgen_does_not_open_the_database_layer():
    loaded = modules_after("import quizgen")
    assert "sqlalchemy" not in loaded
    assert "sqlmodel" not in loaded


def test_public_names_resolve():
    for name in quizgen.__all__:
        assert getattr(quizgen, name) is not None, name
    with pytest.raises(AttributeError):
        quizgen.no_such_name  # noqa: B018


def test_the_analysis_path_does_import_spacy():
    loaded = modules_after("import quizgen; quizgen.load_model()")
    assert "spacy" in loaded


def test_only_the_store_imports_the_database_layer():
    import ast
    from pathlib import Path

    package = Path(quizgen.__file__).parent
    found = []
    for path in sorted(package.rglob("*.py")):
        if path.relative_to(package).parts[0] == "store":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            found += [
                f"{path.relative_to(package)}: {n}" for n in names if n.split(".")[0] in ("sqlalchemy", "sqlmodel")
            ]
    assert found == []
