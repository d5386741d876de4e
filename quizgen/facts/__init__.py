"""Key facts: the spans of an article worth asking about, and how much.

article -> analysis -> facts (this) -> questions -> quality -> generation. A
fact is a sentence and an answer span in it, found by one of the fact
patterns, with a salience that says how central it is to the article.
"""

from quizgen.facts.fact import Fact, Pattern
from quizgen.facts.patterns import MAX_SENTENCE_WORDS, PATTERNS, extract_facts, long_sentences

__all__ = ["MAX_SENTENCE_WORDS", "PATTERNS", "Fact", "Pattern", "extract_facts", "long_sentences"]
