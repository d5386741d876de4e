"""The package keeps its layers: import-linter's contracts in pyproject.toml
hold, and importing the store, quiz or command-line modules does not load spaCy."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

# The packages whose modules are imported on the quiz and database paths, where
# loading spaCy would cost seconds before the first question.
SPACY_FREE = ("quizgen.store", "quizgen.quiz", "quizgen.cli")


def _env() -> dict[str, str]:
    # The editable install may point at another checkout; the code under test is
    # the one beside these tests.
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
    return {**os.environ, "PYTHONPATH": path}


def test_import_contracts_are_kept():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        # The configuration is found in pyproject.toml in the working directory.
        [str(lint_imports), "--no-cache"],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    if done.returncode != 0:
        pytest.fail(done.stdout + done.stderr, pytrace=False)


def _modules(package: str) -> list[str]:
    base = ROOT / package.replace(".", "/")
    found = []
    for path in sorted(base.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        # Alembic loads the migration scripts by path when a database is opened
        # or upgraded; they are not importable modules.
        if "migrations" in parts:
            continue
        found.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return found


def test_store_quiz_and_cli_do_not_import_spacy_at_module_level():
    # import-linter cannot tell an import inside a function from one at module
    # level, and the commands that analyse text reach spaCy through imports
    # inside their functions. So the modules are imported one by one in a fresh
    # interpreter that checks after each import, which also names the module
    # that brought spaCy in.
    modules = [m for package in SPACY_FREE for m in _modules(package)]
    assert len(modules) > len(SPACY_FREE)
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "    if 'spacy' in sys.modules:\n"
        "        sys.exit(f'importing {name} loads spaCy')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=120
    )
    if done.returncode != 0:
        pytest.fail(done.stderr, pytrace=False)


def test_no_module_imports_itself_through_others():
    """No import cycle among quizgen's modules, counting imports inside
    functions: a cycle is a stage that reaches back to one that uses it."""
    import grimp

    graph = grimp.build_graph("quizgen", exclude_type_checking_imports=True, cache_dir=None)
    modules = sorted(graph.modules)
    edges = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in modules}
    # Tarjan's strongly connected components: a component of two or more is a cycle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in edges[module]:
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in modules:
        if module not in index:
            visit(module)
    assert not cycles, cycles
