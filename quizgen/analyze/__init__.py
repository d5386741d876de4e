"""Analysis: article text to a parsed document (spaCy), the second stage of the pipeline.

article -> analysis -> facts -> items -> store. spaCy is imported only when a
pipeline is actually loaded, never by ``import quizgen``.
"""

from quizgen.analyze.model import DEFAULT_MODELS, MODEL_ENV, ModelInfo, find_model, load_model
from quizgen.analyze.pipeline import analyze, noun_chunks, pipeline

__all__ = ["DEFAULT_MODELS", "MODEL_ENV", "ModelInfo", "analyze", "find_model", "load_model", "noun_chunks", "pipeline"]
