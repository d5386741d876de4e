"""What the quality model sees of an item: features the generator knows.

Each finished item is described by the rule that made it (pattern and form),
the shape of its question and answer, the question parsed again on its own,
what is left in it that points outside it, where its fact stands in the
article and how often its answer is named there, and for the forms with
options, how its options relate to the answer. Every feature is read from the
item and the parsed article alone, so that items rated long ago and items made
now are described the same way.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quizgen.normalize import normalize, word_runs, words
from quizgen.quality.rules import AUXILIARIES, PREPOSITIONS, STOPWORDS, slip_in, vague_reference
from quizgen.questions.realize import TITLE_KEY
from quizgen.wording import BLANK, MONTH_WORDS, POINTERS, WEEKDAY_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from quizgen.item import Item

KINDS = ("wh", "cloze", "multiple_choice", "true_false", "matching")
PATTERN_NAMES = ("appositive", "acronym", "date", "quantity", "said", "location", "membership", "svo")
QUESTION_OPENINGS = (
    "how many", "how much", "in what year", "what year", "on what date", "what does", "who is", "who",
    "what", "when", "where", "which", "how", "why",
)  # fmt: skip
LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "DATE", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "EVENT",
          "WORK_OF_ART", "FAC", "PRODUCT", "LAW", "ORDINAL", "TIME")  # fmt: skip
YEAR = re.compile(r"^(?:1[0-9]|20)\d\d$")
# Words that report rather than state: an item built on one may turn a claim into a fact.
REPORTING = frozenset({"said", "says", "say", "told", "according", "claimed", "claims", "alleged", "reported"})
NEGATIONS = frozenset({"not", "no", "never", "nor", "n't", "without"})
LIFE_WORDS = frozenset({"born", "died", "birth", "death", "buried"})
CLOCK = re.compile(r"\b(?:a\.m\.|p\.m\.|o'clock|GMT|UTC|local time|\d{1,2}:\d\d)", re.IGNORECASE)


def parse_prompts(items: Iterable[Item], nlp) -> list[Doc | None]:
    """Each item's question parsed on its own (the blank of a cloze filled by
    its answer), or None for a matching item, which has no one question."""
    items = list(items)
    texts = [_as_sentence(item) for item in items]
    # A question and its multiple-choice form, or a cloze and its gapped stem, read the same: parsed once.
    wanted = list(dict.fromkeys(text for text in texts if text is not None))
    # Tags and dependencies are all the features read: no entities, no lemmas,
    # and no attribute ruler (a verb is told by its tag).
    with nlp.select_pipes(enable=[p for p in ("tok2vec", "tagger", "parser") if p in nlp.pipe_names]):
        parsed = dict(zip(wanted, nlp.pipe(wanted)))
    return [parsed[text] if text is not None else None for text in texts]


def _as_sentence(item: Item) -> str | None:
    if item.kind == "matching":
        return None
    if item.kind == "cloze" or BLANK in item.prompt:
        return item.prompt.replace(BLANK, item.answer, 1)
    return item.prompt


@dataclass(frozen=True)
class _Article:
    """What every item of an article reads of it, found once per document."""

    sentences: tuple[Span, ...]
    sentence_words: tuple[frozenset[str], ...]
    lead: tuple[str, ...]  # the first two sentences, normalized
    labels: dict[str, str]  # a name, normalized, to the label of its first mention
    names: tuple[str, ...]  # every entity mention, normalized
    main_name: str  # the name mentioned most, normalized
    name_parts: frozenset[str]  # the words of a name, in a row, short of the whole: "messi" of "lionel messi"
    long_names: tuple[str, ...]  # names of more than NAME_PART_WORDS words, whose parts are not listed
    sentences_with: dict[str, list[int]]  # a word -> the sentences that have it
    token_counts: Counter[str]  # lowercased tokens
    main_words: tuple[str, ...]  # the last words of the three names mentioned most
    title_words: frozenset[str]  # the headline's content words


def set_title(doc: Doc, title: str) -> None:
    """Keep the article's headline with its parsed body, for the features that compare items with it."""
    doc.user_data[TITLE_KEY] = title
    doc.user_data.pop("quizgen_quality_view", None)


def _article(doc: Doc) -> _Article:
    found: _Article | None = doc.user_data.get("quizgen_quality_view")
    if found is None:
        sentences = tuple(doc.sents)
        names = tuple(normalize(ent.text) for ent in doc.ents)
        sentence_words = tuple(frozenset(words(s.text)) for s in sentences)
        labels: dict[str, str] = {}
        for name, ent in zip(names, doc.ents):
            labels.setdefault(name, ent.label_)
        found = _Article(
            sentences=sentences,
            sentence_words=sentence_words,
            lead=tuple(normalize(s.text) for s in sentences[:2]),
            labels=labels,
            names=names,
            main_name=Counter(names).most_common(1)[0][0] if names else "",
            name_parts=frozenset(part for name in set(names) for part in _parts(name)),
            long_names=tuple(name for name in set(names) if name.count(" ") >= NAME_PART_WORDS),
            sentences_with=_sentences_with(sentence_words),
            token_counts=Counter(token.lower_ for token in doc),
            main_words=tuple(
                name.split()[-1] for name, _ in Counter(n for n in names if n).most_common(3) if name.split()
            ),
            title_words=frozenset(w for w in words(doc.user_data.get(TITLE_KEY, "")) if w not in STOPWORDS),
        )
        doc.user_data["quizgen_quality_view"] = found
    return found


# Names up to this many words have their parts listed; longer ones are searched.
NAME_PART_WORDS = 12


def _parts(name: str) -> Iterator[str]:
    """The runs of whole words of ``name`` (split at single spaces) short of the whole."""
    pieces = name.split(" ")
    if len(pieces) <= NAME_PART_WORDS:
        yield from word_runs(pieces, proper=True)


def _sentences_with(sentence_words: tuple[frozenset[str], ...]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for number, found in enumerate(sentence_words):
        for word in found:
            index.setdefault(word, []).append(number)
    return index


def features(item: Item, doc: Doc, parsed: Doc | None) -> dict[str, float]:
    """The features of ``item``, an item of the article ``doc``; ``parsed`` is
    its question parsed on its own (:func:`parse_prompts`). Absent features are 0."""
    found: dict[str, float] = {f"kind={item.kind}": 1.0}
    pattern = item.rule.split("/", 1)[0]
    found[f"pattern={pattern if pattern in PATTERN_NAMES else 'other'}"] = 1.0
    found[f"{item.kind}&pattern={pattern}"] = 1.0
    found["score"] = math.log1p(max(item.score, 0.0))
    if item.kind == "matching":
        found |= _matching(item)
        return found
    article = _article(doc)
    prompt = item.prompt.replace(BLANK, " ")
    prompt_words = words(prompt)
    found["question_words"] = len(prompt_words) / 10
    found["question_long"] = float(len(prompt_words) > 20)
    found["question_short"] = float(len(prompt_words) < 7)
    gapped = item.kind == "multiple_choice" and BLANK in item.prompt
    found["gapped"] = float(gapped)
    if item.kind in ("wh", "multiple_choice") and not gapped:
        opening = next((o for o in QUESTION_OPENINGS if prompt_words[: len(o.split())] == o.split()), "other")
        found[f"opening={opening}"] = 1.0
        found["ends_with_preposition"] = float(bool(prompt_words) and prompt_words[-1] in PREPOSITIONS)
        after = len(opening.split()) + (1 if opening in ("how many", "how much", "which", "what year") else 0)
        found["inverted"] = float(len(prompt_words) > after and prompt_words[after] in AUXILIARIES)
        found["comma"] = float("," in item.prompt)
        found |= _fit(opening, item.answer, article)
    found |= _answer(item.answer if item.kind != "true_false" else "", article)
    source = _source(item, article)
    found |= _headline(item, article)
    found |= _trivia(item, article, source)
    found |= _leftovers(prompt, prompt_words)
    found |= _place(item, article, source)
    if parsed is not None:
        found |= _parse(parsed, item.kind)
    if item.kind == "multiple_choice":
        found |= _options(item.answer, item.distractors)
    if item.kind == "true_false":
        found["statement_false"] = float(normalize(item.answer) == "false")
    return found


def _answer(answer: str, article: _Article) -> dict[str, float]:
    if not answer:
        return {}
    answer_words = words(answer)
    plain = normalize(answer)
    found = {
        "answer_words": min(len(answer_words), 8) / 4,
        "answer_one_word": float(len(answer_words) == 1),
        "answer_weekday": float(bool(answer_words) and set(answer_words) <= WEEKDAY_WORDS | {"on", "last", "next"}),
        "answer_month_or_day": float(bool(set(answer_words) & MONTH_WORDS)),
        "answer_year": float(bool(YEAR.match(plain))),
        "answer_number": float(any(ch.isdigit() for ch in answer)),
        "answer_capitalized": float(answer[:1].isupper()),
        "answer_lowercase": float(answer == answer.lower()),
        "answer_acronym": float(answer.isupper() and len(answer) > 1),
        "answer_stopwords": float(all(w in STOPWORDS for w in answer_words)),
    }
    if article.names:
        found["answer_main_name"] = float(plain == article.main_name)
    label = article.labels.get(plain, "")
    found[f"answer_label={label if label in LABELS else ('other' if label else 'none')}"] = 1.0
    # How often the answer's last word is named in the article: its salience.
    mentions = article.token_counts[answer_words[-1]] if answer_words else 0
    found["answer_mentions"] = math.log1p(mentions)
    found["answer_in_lead"] = float(bool(plain) and any(plain in lead for lead in article.lead))
    return found


def in_passing(item: Item, doc: Doc) -> bool:
    """Whether ``item`` asks for a person the article names only in passing:
    once, after its lead and not in its headline ("Apple chief executive Tim
    Cook", "the acting secretary Eric Hargan"). Teachers rate four in five of
    these side details not worth asking."""
    if item.label != "PERSON" or item.kind not in ("wh", "cloze", "multiple_choice"):
        return False
    article = _article(doc)
    answer_words = [w for w in words(item.answer) if w not in STOPWORDS]
    # Any word of the name counts: "Kim" names Kim Jong Un, "Salman" King Salman.
    if not answer_words or max(article.token_counts[w] for w in answer_words) > 1:
        return False
    plain = normalize(item.answer)
    return not (any(plain in lead for lead in article.lead) or set(answer_words) & article.title_words)


def _headline(item: Item, article: _Article) -> dict[str, float]:
    """How much of the item the headline names: its facts come first."""
    if not article.title_words:
        return {}
    asked = {w for w in words(f"{item.prompt} {item.answer}") if w not in STOPWORDS}
    answer = {w for w in words(item.answer) if w not in STOPWORDS} if item.kind != "true_false" else set()
    return {
        "headline_words": min(len(asked & article.title_words), 3) / 3,
        "answer_in_headline": float(bool(answer & article.title_words)),
    }


def _trivia(item: Item, article: _Article, index: int | None) -> dict[str, float]:
    """Signs of a side detail: a birth or death date, a month or day without
    its year, a clock time, the year a thing was first recorded. ``index`` is
    the item's sentence (:func:`_source`)."""
    sentence = article.sentence_words[index] if index is not None else frozenset()
    answer = item.answer if item.kind != "true_false" else ""
    answer_words = set(words(answer))
    dated = bool(answer_words & MONTH_WORDS) or bool(YEAR.match(normalize(answer)))
    return {
        "life_date": float(dated and bool(sentence & LIFE_WORDS)),
        "month_without_year": float(bool(answer_words & MONTH_WORDS) and not re.search(r"\d{4}", answer)),
        "clock_time": float(bool(CLOCK.search(answer))),
        "first_recorded": float(bool(sentence & {"recorded", "coined", "attested"})),
    }


def _fit(opening: str, answer: str, article: _Article) -> dict[str, float]:
    """Whether the question word fits the answer: "who" for a person, "what"
    for no person, "where" for a place; and whether the answer is only part
    of a longer name in the article ("Messi" of "Lionel Messi")."""
    plain = normalize(answer)
    label = article.labels.get(plain, "")
    longer = bool(plain) and (
        plain in article.name_parts or any(plain != name and f" {plain} " in f" {name} " for name in article.long_names)
    )
    return {
        "who_not_person": float(opening == "who" and label not in ("PERSON", "NORP", "ORG", "")),
        "what_person": float(opening == "what" and label == "PERSON"),
        "where_not_place": float(opening == "where" and label not in ("GPE", "LOC", "FAC", "")),
        "answer_part_of_name": float(longer),
    }


def _leftovers(prompt: str, prompt_words: list[str]) -> dict[str, float]:
    return {
        "pointer": float(bool(set(prompt_words) & POINTERS)),
        "vague_definite": float(vague_reference(prompt) is not None),
        "slip": float(slip_in(prompt) is not None),
        "definites": min(prompt_words.count("the"), 4) / 4,
        "quotation": float(any(mark in prompt for mark in '"“”')),
        "parenthesis": float("(" in prompt),
        "reporting": float(bool(set(prompt_words) & REPORTING)),
        "negation": float(bool(set(prompt_words) & NEGATIONS) or "n't" in prompt),
        "names": min(len(re.findall(r"(?<!^)(?<![.?!] )\b[A-Z][a-z]+", prompt)), 6) / 6,
    }


def _place(item: Item, article: _Article, index: int | None) -> dict[str, float]:
    """Where the item's sentence (``index``) stands in the article, and how much of the
    question is the sentence's own words (little: rewritten, often garbled)."""
    if index is None:
        return {"no_source": 1.0}
    asked = [w for w in words(item.prompt) if w not in STOPWORDS]
    own = article.sentence_words[index]
    content = [w for w in own if w not in STOPWORDS]
    lead = set(" ".join(article.lead).split())
    return {
        # How much the sentence is about what the article leads with, and
        # whether it names the article's main names: a key fact, not a side one.
        "lead_overlap": sum(w in lead for w in content) / max(len(content), 1),
        "main_names": min(sum(n in own for n in article.main_words), 3) / 3,
        "subject_main": float(bool(_subject_words(article.sentences[index]) & set(article.main_words))),
        "position": index / max(len(article.sentences) - 1, 1),
        "first_sentence": float(index == 0),
        "lead": float(index < 3),
        "sentence_words": min(len(article.sentences[index]), 60) / 30,
        "own_words": sum(w in own for w in asked) / max(len(asked), 1),
    }


def _subject_words(sentence: Span) -> set[str]:
    """The words of the subject of ``sentence``'s main verb, lowercased: what the sentence is about."""
    subject = next((t for t in sentence.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    return {t.lower_ for t in subject.subtree} if subject is not None else set()


def _source(item: Item, article: _Article) -> int | None:
    """The index of the sentence an item comes from: the first of those that share most words with it.

    Only sentences that can share as many words as one known sentence are
    counted: a sentence that shares ``n`` of ``k`` words has one of the
    ``k - n + 1`` words found in fewest sentences. So a word that half the
    article uses costs nothing unless the rarer ones leave it a say.
    """
    wanted = {w for w in words(f"{item.prompt} {item.answer}") if w not in STOPWORDS}
    postings = sorted((found for w in wanted if (found := article.sentences_with.get(w))), key=len)
    if not postings:
        return None
    # The item's own sentence most often shares most: its count makes the bound.
    known = [postings[0][0], *_sentence_at(article, item.sentence_start)]
    least = max(len(wanted & article.sentence_words[index]) for index in known)
    candidates = {index for found in postings[: len(postings) - least + 1] for index in found}
    shared = {index: len(wanted & article.sentence_words[index]) for index in candidates}
    return min(shared, key=lambda index: (-shared[index], index))


def _sentence_at(article: _Article, offset: int) -> list[int]:
    """The index of the sentence that starts at character ``offset``, if one does."""
    index = bisect_left(article.sentences, offset, key=lambda sentence: sentence.start_char)
    return [index] if index < len(article.sentences) and article.sentences[index].start_char == offset else []


def _parse(parsed: Doc, kind: str) -> dict[str, float]:
    """The question parsed on its own: one sentence, a verb at its root, a
    subject, no unattached words. A garbled question rarely parses as one."""
    roots = [t for t in parsed if t.dep_ == "ROOT"]
    root = roots[0] if roots else None
    found = {
        "parse_sentences": float(len(roots) > 1),
        "parse_root_verb": float(root is not None and (root.tag_.startswith("VB") or root.tag_ == "MD")),
        "parse_subject": float(any(t.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for t in parsed)),
        "parse_unattached": min(sum(t.dep_ == "dep" for t in parsed), 3) / 3,
        "parse_fragments": float(any(t.dep_ in ("npadvmod", "appos", "parataxis") for t in parsed)),
    }
    if kind in ("wh", "multiple_choice") and len(parsed):
        found["parse_wh_first"] = float(parsed[0].tag_ in ("WP", "WRB", "WDT", "WP$", "IN"))
    return found


def _options(answer: str, distractors: Iterable[str]) -> dict[str, float]:
    """Multiple choice: wrong options that share a word with the answer (a
    variant of it), contain it or lie inside it, or differ from it in shape."""
    answer_words = {w for w in words(answer) if w not in STOPWORDS}
    options = list(distractors)
    shares = contained = shape = numeric = 0
    for option in options:
        option_words = {w for w in words(option) if w not in STOPWORDS}
        shares += bool(option_words & answer_words)
        plain, other = normalize(option), normalize(answer)
        contained += bool(plain and other and (plain in other or other in plain))
        shape += option[:1].isupper() != answer[:1].isupper()
        numeric += any(ch.isdigit() for ch in option) != any(ch.isdigit() for ch in answer)
    count = max(len(options), 1)
    return {
        "options_share_word": shares / count,
        "options_contain": contained / count,
        "options_shape": shape / count,
        "options_numeric_mismatch": numeric / count,
        "options_few": float(len(options) < 3),
    }


def _matching(item: Item) -> dict[str, float]:
    lefts = [left for left, _ in item.pairs]
    rights = [right for _, right in item.pairs]
    return {
        "pairs": len(item.pairs) / 5,
        "pair_left_words": sum(len(words(s)) for s in lefts) / max(len(lefts), 1) / 10,
        "pair_right_words": sum(len(words(s)) for s in rights) / max(len(rights), 1) / 10,
        "pair_questions": float(any(s.rstrip().endswith("?") for s in lefts + rights)),
    }
