"""The rules: which questions a teacher would print, and how good each is.

Every question gets a score and the reasons behind it; a question with a
fatal reason is dropped. Then only the best question for each answer is
kept, so that a quiz does not repeat itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizgen.normalize import contains, normalize, words
from quizgen.questions.realize import Question
from quizgen.wording import BLANK, POINTERS, VAGUE_NOUNS, VAGUE_SUBJECTS, WEEKDAY_WORDS, leans_back

MAX_QUESTION_WORDS = 30
MIN_QUESTION_WORDS = 5
# A preposition left at the end of a question longer than this is read as a slip.
STRANDING_WORDS = 16
PREPOSITIONS = frozenset(
    {"in", "on", "at", "of", "to", "for", "from", "with", "by", "about", "into", "over", "under", "after", "before",
     "during", "as", "than", "through", "against", "without", "within", "near"}
)  # fmt: skip
# Words that cannot follow "what did" or "who was": the clause lost its subject
# ("What did in the Ford Motor Company develop ...?").
AUXILIARIES = frozenset(
    {"did", "does", "do", "was", "were", "is", "are", "has", "have", "had", "will", "would", "could", "can",
     "should", "might", "may"}
)  # fmt: skip
NO_SUBJECT = PREPOSITIONS | {"and", "or", "but", "because", "although", "while", "if"}
# Traces of a transformation gone wrong, in a question or a statement: an
# article capitalized inside the sentence ("What did The U.S. House ..."), a
# quotation mark with space on both sides (a quotation cut open), and a
# possessive split from its noun ("What 's").
SLIPS = (
    (re.compile(r"\s(?:The|A|An)\s"), "a capitalized article inside the sentence"),
    (re.compile(r"(?<=\s)[\"“”](?=\s)"), "a quotation cut open"),
    (re.compile(r"\s['’]s\b"), "a possessive split from its noun"),
    (re.compile(r"\bthat to\b"), "a clause taken apart"),
    # "What did that require ...?": a relative pronoun left as the subject.
    (
        re.compile(r"^\w+(?: \w+)? (?:did|does|do|has|have|had|is|was|were|are|will|would|can|could) that\b"),
        "a relative pronoun for a subject",
    ),
)
QUESTION_WORDS_INSIDE = frozenset({"what", "who", "whom", "which"})
WH_WORDS = frozenset({"what", "who", "whom", "whose", "when", "where", "which", "how", "why", "in"})
STOPWORDS = frozenset(
    """a an the and or but of to in on at by for with from as is are was were be been it its
    he she they them his her their this that these those there here what which who whom""".split()
)
DANGLING = frozenset({"and", "or", "nor", "but", "between"})
# Blanks a cloze does not ask for: a phrase with no name ("new members",
# "great calligraphers") has other fillers, and a place is rarely the point.
UNASKED_BLANKS = frozenset({"", "GPE", "LOC", "NORP"})
# A date worth asking names its year, decade or century: "Monday, Sept. 23"
# or "late July" is the day of a report, trivia once the report is old.
DATED = re.compile(r"\b(?:1\d|20)\d\d(?:s|\b)|\bcentur(?:y|ies)\b|\d0s\b", re.IGNORECASE)
# "76-year-old", "132-year": an age or span, trivia of the sentence.
AGE = re.compile(r"\d[\d,.]*-year\b", re.IGNORECASE)
# "the first champions since Nottingham Forest in _____": the date of another
# event, given for comparison.
SINCE = re.compile(r"\bsince\b[^,;.]*$", re.IGNORECASE)
# "the first British man in 77 years to win": what a "first" is first at.
FIRST_TO = re.compile(
    r"\b(?P<rank>first|last|only)\b(?:\s+[\w'’-]+){0,6}?\s+(?P<then>(?:to|who|that)\s+[\w'’-]+)", re.IGNORECASE
)
# "based on, email": a preposition whose noun was taken away.
STRANDED_BEFORE_COMMA = re.compile(r"\b(?:" + "|".join(sorted(PREPOSITIONS)) + r"),", re.IGNORECASE)
# "at a time?": the noun lost the clause that said which ("at a time when ...").
OPEN_TIME = re.compile(r"\b(?:a|the) (?:time|moment|point|way|place|period)\?$")
# "3.5-inch", "2-megapixel": a number bound into a modifier.
HYPHENED = re.compile(r"\d-[A-Za-z]")
SCALE_WORDS = frozenset({"million", "billion", "thousand", "hundred", "trillion"})
# The last code point of the Latin letters: a student is not asked to type
# Chinese ("蕭札剌"), nor to read a word of it in a question.
LATIN_END = 0x24F
FOREIGN_WORD = re.compile(r"[^\W\d_\u0000-\u024f]{2,}")
# Words that may follow a preposition as part of an amount: "of about 300".
AMOUNT_WORDS = frozenset({"about", "over", "under", "around", "nearly", "than"})
# Leftovers of a figure taken apart: a degree sign without its number ("How
# many ° does the high not reach F C?").
LOOSE_SIGN = re.compile(r"(?<!\d)\s+°|^°")
# Every character that ends a line (those ``str.splitlines`` splits on): an
# answer that runs across one is a name broken by the layout ("Richard
# Parsons" with a line or page break inside), and no item keeps one.
LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
KIND_WEIGHT = {"wh": 1.0, "cloze": 0.8}
# "the move", "the first step": a definite whose noun alone does not say which
# one; "the deal with Russia" or "the plan to build..." does.
VAGUE_DEFINITE = re.compile(
    r"\b[Tt]he (?:(?:first|second|third|next|last|latest|new|same) )?(?P<noun>[a-z]+)\b"
    r"(?! (?:of|between|with|to|for|that|which|who|called|named|known|signed|announced)\b)"
    # "the ban on women driving" says which ban; "the program in 2012" does not.
    r"(?! (?:on|in|at|against|over) (?!\d|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January"
    r"|February|March|April|May|June|July|August|September|October|November|December|an?"
    r"|the (?:morning|evening|afternoon|night|day|week|month|year))\b))(?![-,])"
)
VAGUE_OPENING = re.compile(r"The (?P<noun>[a-z]+)\b(?!,)")
# "cut ties with and much of Europe": one member of a list was taken out.
GAPPED_LIST = re.compile(r"\b(?:with|between|of|to|from|for|by|in|on|at|as|including|,) (?:and|or)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Judgement:
    keep: bool
    score: float
    reasons: tuple[str, ...]


def judge(question: Question) -> Judgement:
    """Score ``question`` and say why; ``keep`` is False when a teacher would not print it."""
    prompt_words = words(question.prompt)
    fatal: list[str] = []
    if question.kind == "cloze":
        shown = question.prompt.replace(BLANK, " ")
        if contains(shown, question.answer):
            fatal.append("answer also elsewhere in the sentence")
        asked = words(shown)
        if leans_back(question.prompt):
            fatal.append("opens by pointing to the sentence before")
        opening = next((ch for ch in question.prompt if ch.isalpha() or ch == "_"), "")
        if opening.islower():
            # '"the bird is freed," Musk wrote': the sentence was cut out of a longer one.
            fatal.append("a sentence that opens in lowercase")
        if question.fact.label in UNASKED_BLANKS:
            fatal.append("a blank that many phrases or places could fill")
    else:
        if contains(question.prompt, question.answer):
            fatal.append("answer visible in the question")
        asked = prompt_words
        if not prompt_words or prompt_words[0] not in WH_WORDS:
            fatal.append("question word not in front")
        if (prompt_words and prompt_words[-1] in DANGLING) or len(prompt_words) < MIN_QUESTION_WORDS:
            fatal.append("question does not pin down one answer")
        if GAPPED_LIST.search(question.prompt):
            fatal.append("question does not pin down one answer")
        if not question.fact.detail and names_nothing(question.prompt):
            fatal.append("a short question that names nothing")
        openings = question.fact.pattern.openings
        if openings and not any(prompt_words[: len(o.split())] == o.split() for o in openings):
            fatal.append(f"a {question.fact.pattern.name} asked for without {openings[0]}")
        if (
            prompt_words
            and prompt_words[-1] in PREPOSITIONS
            and ("," in question.prompt or len(prompt_words) > STRANDING_WORDS)
        ):
            fatal.append("a preposition stranded after a long clause")
        if len(prompt_words) > 2 and prompt_words[1] in AUXILIARIES and prompt_words[2] in NO_SUBJECT:
            fatal.append("the clause lost its subject")
        if any(a == b for a, b in zip(prompt_words, prompt_words[1:])):
            fatal.append("a word twice in a row")
        if set(prompt_words[1:]) & QUESTION_WORDS_INSIDE:
            fatal.append("a second question word inside the question")
        if _cut_after_first(question.prompt, question.sentence):
            fatal.append("a first or last without what it was first to do")
        if prompt_words[:1] == ["when"] and set(prompt_words) & WEEKDAY_WORDS:
            fatal.append("a when-question that names the day")
        pairs = list(zip(prompt_words, prompt_words[1:]))
        if any(a in PREPOSITIONS and b in PREPOSITIONS and b not in AMOUNT_WORDS for a, b in pairs):
            fatal.append("two prepositions in a row")
        if any(a in PREPOSITIONS and b in AUXILIARIES for a, b in pairs) or STRANDED_BEFORE_COMMA.search(
            question.prompt
        ):
            fatal.append("a preposition left without its noun")
        if OPEN_TIME.search(question.prompt):
            fatal.append("a time or place cut from what it was")
        if _leaves_its_number(question):
            fatal.append("the answer's number left behind")
    if _answer_shows(question):
        fatal.append("the question shows part of its answer")
    if question.fact.label == "DATE" and not DATED.search(question.answer):
        fatal.append("a date without its year")
    if question.fact.label == "DATE" and question.fact.sentence_index >= LEAD_SENTENCES:
        # Past the lead, a date is a detail of the background: teachers rated
        # three in four of them not worth asking.
        fatal.append("a date outside the lead")
    if _prize_head_count(question):
        fatal.append("a head count of prize winners")
    if AGE.search(question.answer):
        fatal.append("an age or a span as the answer")
    if question.fact.label in ("DATE", "TIME") and SINCE.search(question.sentence[: question.answer_start]):
        fatal.append("a date given only for comparison")
    if HYPHENED.search(question.answer) or question.sentence[question.answer_end : question.answer_end + 1] == "-":
        fatal.append("half of a hyphened word as the answer")
    if (
        LOOSE_SIGN.search(question.prompt)
        or LINE_BREAK.search(question.prompt.strip())
        or LINE_BREAK.search(question.answer)
    ):
        fatal.append("a stray mark or line break")
    if _foreign(question.answer) or FOREIGN_WORD.search(question.prompt):
        fatal.append("a script other than Latin")
    if not _balanced(question.prompt) or not _balanced(question.answer):
        fatal.append("a bracket or quotation left open")
    if words(question.answer) and words(question.answer)[-1] in PREPOSITIONS:
        fatal.append("answer ends in a preposition")
    if set(asked) & POINTERS:
        fatal.append("refers to something outside the question")
    slip = slip_in(question.prompt)
    if slip:
        fatal.append(slip)
    if question.fact.label in ("PERSON", "ORG") and any(ch.isdigit() for ch in question.answer):
        # "Leylah Fernandez 6-4": the entity ran on into a score.
        fatal.append("a name with a number in it")
    # A cloze keeps its sentence, and "the ban" in it is as vague as in a question.
    vague = vague_reference(question.prompt) or (question.kind != "wh" and _vague_opening(question.prompt))
    if vague:
        fatal.append(f"a vague reference: {vague}")
    answer = normalize(question.answer)
    if not answer or all(w in STOPWORDS for w in answer.split()):
        fatal.append("answer is a pronoun or stopword")
    if len(prompt_words) > MAX_QUESTION_WORDS:
        fatal.append(f"over {MAX_QUESTION_WORDS} words")
    length = len(prompt_words)
    fit = 1.0 if 5 <= length <= 20 else 0.7
    score = round(question.fact.salience * KIND_WEIGHT[question.kind] * fit, 6)
    reasons = (
        f"salience {question.fact.salience:.2f}",
        f"{question.fact.pattern.name} fact",
        f"{question.kind} question of {length} words",
        *fatal,
    )
    return Judgement(keep=not fatal, score=score, reasons=reasons)


# The sentences that open an article (a dateline counts as one): its lead.
LEAD_SENTENCES = 3
# A run of capitalized words ("Rosalind Franklin"), and the possessive after one.
NAME = re.compile(r"\b[A-Z]\w+(?:\s+[A-Z]\w+)*")
POSSESSIVE = re.compile(r"['’]s\b")


# "Three scientists won the Nobel Prize": how many shared a prize is trivia
# next to who they are and what they found.
COUNTED_WINNERS = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}(?:scientists|researchers|laureates|winners|physicists|chemists|economists|"
    r"doctors|writers|people|men|women|Americans|Britons|Europeans)\b"
)
PRIZE = re.compile(r"\b(?:Prize|prize|award|Award|medal|Medal)s?\b")


def _prize_head_count(question: Question) -> bool:
    """Whether ``question`` asks how many people won or shared a prize."""
    if question.fact.label != "CARDINAL":
        return False
    after = question.sentence[question.answer_end :]
    return bool(COUNTED_WINNERS.match(after)) and bool(PRIZE.search(question.sentence))


def _answer_shows(question: Question) -> bool:
    """Whether a name's word of the answer shows elsewhere in the question: "in
    honour of _____ of Assisi" after "chose the name Francis" for "St Francis"."""
    # As written: "Health" of "the World Health Organization" is not the "health" of "public health".
    shown = set(re.findall(r"[\w’'-]+", question.prompt.replace(BLANK, " ")))
    named = [w.strip(".,;:()'’") for w in question.answer.split() if w[:1].isupper() and len(w) > 3]
    return any(w in shown for w in named)


def _leaves_its_number(question: Question) -> bool:
    """Whether the number counting a noun answer stays in the question:
    "What did Apple aim to sell 10 million in 2008?" for "... 10 million iPhones"."""
    if any(ch.isdigit() for ch in question.answer):
        return False
    before = question.sentence[: question.answer_start].split()[-2:]
    number = [w for w in before if any(ch.isdigit() for ch in w) or w.lower() in SCALE_WORDS]
    shown = question.prompt.split()
    return bool(number) and all(w in shown for w in number)


def _cut_after_first(prompt: str, sentence: str) -> bool:
    """Whether a "first", "last" or "only" of ``sentence`` lost, in ``prompt``,
    what it was first to do: "Who became the first British man in 77 years?"
    for "... the first British man in 77 years to win the title"."""
    for match in FIRST_TO.finditer(sentence):
        if re.search(rf"\b{match['rank']}\b", prompt, re.IGNORECASE) and not contains(prompt, match["then"]):
            return True
    return False


def _foreign(text: str) -> bool:
    """Whether ``text`` has a letter of a script other than Latin."""
    return any(char.isalpha() and ord(char) > LATIN_END for char in text)


def _balanced(text: str) -> bool:
    """Whether every bracket in ``text`` is closed and its straight double quotes pair up."""
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0 and text.count('"') % 2 == 0


def slip_in(text: str) -> str | None:
    """What shows that ``text`` was garbled in the making, or None: a slip of
    :data:`SLIPS`, or a name said twice ("What did Coffman tell Coffman ...",
    "Where did Jobs speak during Steve Jobs' keynote?")."""
    for pattern, slip in SLIPS:
        if pattern.search(text):
            return slip
    names = NAME.findall(POSSESSIVE.sub("", text))
    last_words = [name.split()[-1] for name in names]
    if len(set(last_words)) < len(last_words):
        # "Coffman ... Coffman", or "Jobs ... Steve Jobs' keynote".
        return "a name twice"
    return None


SHORT_QUESTION = 8


def names_nothing(prompt: str) -> bool:
    """Whether a short question says what it is about only with an indefinite
    ("Who has signed a law?", "Who struck down a federal law?"): no name, no
    number, and "a" or "an" for the thing it turns on. Which law? Four in five
    such questions were not worth printing."""
    rest = prompt.rstrip("?").split()[1:]
    if len(rest) + 1 > SHORT_QUESTION or any(w[:1].isupper() or any(c.isdigit() for c in w) for w in rest):
        return False
    return bool({"a", "an"} & {w.lower() for w in rest})


def _vague_opening(text: str) -> str | None:
    """The definite a sentence opens with when it does not say which thing it
    means ("The series debuted on ..."), or None."""
    match = VAGUE_OPENING.match(text)
    return match[0] if match and match["noun"] in VAGUE_SUBJECTS else None


# "the two ships", "the three astronauts": a count of things named before.
COUNTED_DEFINITE = re.compile(r"\b[Tt]he (?:two|three|four|five|six|both) [a-z]+s\b(?! (?:of|who|which|that)\b)")


def vague_reference(text: str) -> str | None:
    """The first definite in ``text`` that does not say which thing it means ("the move"), or None."""
    counted = COUNTED_DEFINITE.search(text)
    if counted:
        return counted[0]
    for match in VAGUE_DEFINITE.finditer(text):
        if match["noun"] in VAGUE_NOUNS:
            if match["noun"] in NAMED_BEFORE and NAME_INSIDE.search(text[: match.start()]):
                # "relief for Iran ... the country's nuclear program" says which.
                continue
            return match[0]
    return None


# Nouns that a name earlier in the same question says which: "Iran ... the country".
NAMED_BEFORE = frozenset({"country", "company", "firm"})
NAME_INSIDE = re.compile(r"(?<=\w )[A-Z]\w+")


def thin_duplicates(ranked: list[tuple[Question, Judgement]]) -> list[tuple[Question, Judgement]]:
    """Keep the best item for each answer: a quiz that asks for "three" three
    times, or for the same name as a question and again as a cloze, repeats itself."""
    kept: list[tuple[Question, Judgement]] = []
    answers: set[str] = set()
    for question, judgement in ranked:
        answer = normalize(question.answer)
        if answer in answers:
            continue
        answers.add(answer)
        kept.append((question, judgement))
    return kept
