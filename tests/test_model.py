"""Which spaCy pipeline quizgen uses, and what it says when there is none."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from quizgen.analyze import find_model, load_model
from quizgen.analyze import model as model_module
from quizgen.errors import ModelNotFound


def test_the_registry_pipeline_is_found_and_parses_english():
    info = find_model()
    assert info.name in model_module.DEFAULT_MODELS
    nlp = load_model()
    doc = nlp("Ilya Tarasenko, the Director General of Glavkosmos, spoke in Moscow.")
    assert [s.text for s in doc.sents]
    assert "Moscow" in {e.text for e in doc.ents}


def test_the_official_package_is_preferred(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    package = tmp_path / "en_core_web_sm"
    package.mkdir()
    (package / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert find_model().name == "en_core_web_sm"


def test_a_named_model_must_exist(monkeypatch: pytest.MonkeyPatch):
    with pytest.raises(ModelNotFound, match="spaCy model 'xx_missing_model' is not installed"):
        find_model("xx_missing_model")
    monkeypatch.setenv("QUIZGEN_MODEL", "xx_missing_model")
    with pytest.raises(ModelNotFound, match="xx_missing_model"):
        find_model()


def test_a_pipeline_directory_can_be_named():
    import importlib.util

    location = Path(importlib.util.find_spec(find_model().name).origin).parent
    directory = next(p for p in location.iterdir() if (p / "config.cfg").is_file())
    assert find_model(str(directory)).location == str(directory)
    assert load_model(str(directory)).pipe_names


def test_no_model_installed_says_how_to_install_one(cli, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(model_module, "DEFAULT_MODELS", ("xx_absent_one", "xx_absent_two"))
    with pytest.raises(ModelNotFound) as caught:
        find_model()
    assert str(caught.value) == ("no English spaCy model is installed; install one with: " + model_module.INSTALL_HINT)
    result = cli("info")
    assert result.code == 1
    assert result.err == f"quizgen: error: {caught.value}\n"


def test_info_reports_the_model(cli):
    result = cli("info", "--json")
    assert result.code == 0
    report = json.loads(result.out)
    assert report["model"]["name"] == find_model().name
    assert report["python"] == ".".join(map(str, sys.version_info[:3]))
    bad = cli("--model", "xx_missing_model", "info")
    assert bad.code == 1
    assert bad.err.startswith("quizgen: error: spaCy model 'xx_missing_model' is not installed")
