"""The English words and marks several stages read and write: articles,
pointer words, number words, month and weekday names, the qualifiers in front
of an amount, the blank of a cloze and the letters of options.

Not a stage itself. The normalizer reads these words; accepted answers
(forms -> answers) and the number and date distractors (forms -> distractors)
read and write them. One list of each keeps the stages in step: a qualifier
that only one of them knew would be set apart from the amount there and read
as part of the answer elsewhere.
"""

from __future__ import annotations

ARTICLES = frozenset({"a", "an", "the"})
# Words that point outside the text they stand in: with the sentence gone, a
# student cannot know who "he" is, which deal "this" is, or who says "my letter".
POINTERS = frozenset(
    {"he", "she", "it", "they", "him", "her", "his", "its", "their", "them", "this", "these", "those",
     "i", "me", "my", "we", "us", "our", "you", "your"}
)  # fmt: skip
# Nouns that, after "the" and on their own, point back into the article: with
# the sentence gone, "What does the move benefit?" does not say which move.
VAGUE_NOUNS = frozenset(
    {"move", "deal", "program", "programme", "plan", "step", "pair", "group", "agreement", "measure",
     "decision", "proposal", "bill", "report", "effort", "issue", "meeting", "talks", "resolution", "case",
     "event", "incident", "policy", "project", "change", "changes", "effect", "idea", "process", "initiative",
     "announcement", "statement", "visit", "trip", "vote", "attack", "operation", "series", "area", "image",
     "result", "match", "region", "confirmation", "uprising", "study", "former", "latter", "ban", "pact",
     "comparison", "declaration", "country", "line", "accord", "treaty", "ruling", "order", "company", "firm",
     "ceremony", "campaign", "crisis", "reform", "law", "drug", "vaccine", "device", "explanation",
     "comments", "remarks", "scheme", "offer", "request", "demand", "victory", "win", "defeat"}
)  # fmt: skip
# Made things, which the entity recognizer may take for organisations: "the
# Polar Satellite Launch Vehicle lifted off" asks "What lifted off?".
MADE_THINGS = frozenset(
    "vehicle rocket satellite spacecraft probe rover lander telescope ship vessel aircraft plane jet "
    "helicopter drone missile train car phone device system software app drug vaccine".split()
)
# Nouns of things and places, which no person is: "Tate Modern, Britain's
# newest museum" gives no one a role.
THING_NOUNS = MADE_THINGS | frozenset(
    {"museum", "gallery", "building", "company", "firm", "film", "movie", "book", "novel", "song", "album",
     "bank", "hotel", "stadium", "airport", "university", "school", "hospital", "church", "cathedral",
     "bridge", "tower", "painting", "statue", "city", "town", "country", "river", "mountain", "island",
     "brand", "product"}
)  # fmt: skip
# Nouns that, opening a sentence after "The", leave it dangling once it stands
# alone as a cloze or a statement: "The series debuted on BBC Three".
VAGUE_SUBJECTS = frozenset(
    {"series", "area", "image", "result", "match", "region", "confirmation", "uprising", "study", "former",
     "latter", "event", "team", "game", "film", "show", "move", "deal", "plan", "program", "programme", "process",
     "change", "pact", "ban", "decision", "comparison", "ruling", "drug", "company", "country", "law", "treaty",
     "accord", "agreement", "measure", "bill", "vote", "victory", "ceremony", "campaign", "crisis", "announcement",
     "statement", "visit", "trip", "meeting", "talks", "proposal", "policy", "initiative", "operation"}
)  # fmt: skip
# Openings that lean on the sentence before: "For example, Lindzen states ..."
# does not stand on its own in a quiz.
CONNECTIVES = (
    "for example", "for instance", "in addition", "however", "also", "but", "and", "instead", "meanwhile",
    "similarly", "likewise", "thus", "therefore", "nevertheless", "moreover", "furthermore", "as a result",
    "in turn", "in response", "by contrast", "in contrast", "in the story", "still", "yet", "so", "then",
    "otherwise", "even so", "at the same time", "after that", "afterwards", "in return", "in particular",
)  # fmt: skip


# Openings that name something only the sentence before says: "That plan",
# "The former", "Somewhat earlier".
POINTING_OPENINGS = (
    "that", "the former", "the latter", "the same", "such", "somewhat earlier", "earlier", "later",
    "minutes earlier", "minutes later", "hours earlier", "hours later", "days earlier", "days later",
    "moments earlier", "moments later", "a day earlier", "a day later", "the day before", "the next day",
)  # fmt: skip


def leans_back(text: str) -> bool:
    """Whether ``text`` opens with a word that points to the sentence before it."""
    opening = " ".join(text.lstrip("\"'“‘ ").lower().split()[:4])
    return any(
        opening == c or opening.startswith(c + " ") or opening.startswith(c + ",")
        for c in (*CONNECTIVES, *POINTING_OPENINGS)
    )


# The gap of a cloze, in the item, the quiz and every export.
BLANK = "_____"
# Options are lettered A, B, C... on paper, in Anki and in the quiz.
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def option_letter(index: int) -> str:
    """The label of the option at ``index``: A to Z, then numbers from 27."""
    return LETTERS[index] if index < len(LETTERS) else str(index + 1)


ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
)  # fmt: skip
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}

# Words in front of an amount that a student may leave out ("over 1,000" is
# answered by "1,000") and that a distractor keeps ("over 2,000"). They are
# tried in this order and the first that fits wins, so "just over" comes
# before "over" and "an estimated" before "estimated".
QUALIFIERS = (
    "more than", "less than", "fewer than", "at least", "at most", "up to", "as many as",
    "as much as", "as few as", "close to", "just over", "just under", "well over", "an estimated",
    "a total of", "about", "around", "approximately", "roughly", "nearly", "almost", "over",
    "under", "some", "above", "below", "only", "estimated",
)  # fmt: skip

# Each name three ways: in full, as AP style abbreviates it (written with a
# dot, see dotted), and in three letters.
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
AP_MONTHS = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")
SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
AP_WEEKDAYS = ("Mon", "Tues", "Wed", "Thurs", "Fri", "Sat", "Sun")
SHORT_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# The names as words are compared: lowercased.
WEEKDAY_WORDS = frozenset(day.lower() for day in WEEKDAYS)
MONTH_WORDS = frozenset(month.lower() for month in MONTHS)
# Times that only the day of writing pins down: "today", "later this week",
# "earlier in the day", "in recent months".
RELATIVE_DAYS = frozenset({"today", "yesterday", "tomorrow", "tonight", "recently", "currently"})
RELATIVE_MARKERS = frozenset({"this", "last", "next", "past", "coming", "recent", "earlier", "later"})
TIME_UNITS = frozenset(
    {"day", "days", "week", "weeks", "weekend", "month", "months", "year", "years", "morning", "afternoon",
     "evening", "night"}
)  # fmt: skip


# A part of a day that says no date: "in the early hours", "in the afternoon".
DAY_PARTS = frozenset({"hours", "morning", "afternoon", "evening", "night", "overnight", "dawn", "dusk"})


def relative_time(words: list[str]) -> bool:
    """Whether the lowercase ``words``, a short phrase, are a time that only the
    day of writing pins down: a weekday, "today", "last week", "later this month",
    "in the early hours"."""
    found = set(words)
    day_part = bool(found & DAY_PARTS) and (words[:2] == ["in", "the"] or words[:1] == ["at"] or words == ["overnight"])
    return len(words) <= 6 and bool(
        found & (WEEKDAY_WORDS | RELATIVE_DAYS)
        or (found & RELATIVE_MARKERS and found & TIME_UNITS)
        or (day_part and not found & MONTH_WORDS)
    )


def dotted(name: str, full: str) -> str:
    """``name`` with the dot it takes when it abbreviates ``full``: "Sept." for
    September, but "March" for March."""
    return name if name == full else f"{name}."


def in_words(number: int, joiner: str = "-") -> str:
    """``number`` (not negative) in words: 21 -> "twenty-one", 1200 -> "one
    thousand two hundred". ``joiner`` goes between tens and ones."""
    if number < len(ONES):
        return ONES[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        return TENS[tens - 2] + (joiner + ONES[ones] if ones else "")
    name, scale = next((name, scale) for name, scale in reversed(SCALES.items()) if number >= scale)
    head, rest = divmod(number, scale)
    return f"{in_words(head, joiner)} {name}" + (f" {in_words(rest, joiner)}" if rest else "")


# Words that stand before a name as its holder's title or rank: they tell no
# two people of one name apart ("President Wade" is "Abdoulaye Wade").
TITLES = frozenset(
    "president vice prime minister chancellor treasurer secretary senator governor mayor king queen prince "
    "princess duke duchess baron baroness lord lady sir dame pope cardinal archbishop bishop general admiral "
    "colonel captain judge justice chief dr. dr mr. mr mrs. mrs ms. ms sheikh emir sultan ayatollah".split()
)
