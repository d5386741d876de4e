"""Number distractors: wrong quantities, written the way the answer is written.

forms -> distractors (this: numbers) -> multiple choice / true-false. An answer
such as "over 1,000" gets "over 500", "over 2,000" and "over 10,000": the same
qualifier, currency, scale and unit, a plausible magnitude, and never the
answer's value. An answer that is not one quantity ("24-10", "1346 and 1671",
"last week") gets no distractors at all rather than badly formed ones.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TypeVar

from quizgen.normalize import normalize
from quizgen.wording import AP_MONTHS, MONTHS, ONES, QUALIFIERS, SCALES, SHORT_MONTHS, TENS, in_words

# Years are recognised, and invented, only in this range: a four-digit number
# outside it is more likely a count ("2500 troops") than a year.
FIRST_YEAR = 1000
LAST_YEAR = 2099
YEAR_SPREAD = 10  # how far, at most, a distractor year is from the answer

MAX_DIGITS = 15  # beyond this a float no longer tells two values apart

LARGEST_IN_WORDS = 99  # numbers are written in words only up to "ninety-nine"

# What a scale word or its abbreviation multiplies by; the second value is how
# large the number in front of it may grow before another scale word would be
# the natural one: "twelve hundred" is written "1,200".
MULTIPLIERS: dict[str, tuple[int, int]] = {
    "dozen": (12, 13),
    **{name: (scale, 10 if name == "hundred" else 1_000) for name, scale in SCALES.items()},
}
# "$5m"; without a currency "m" is metres, see parse_quantity.
SCALE_ABBREVIATIONS = {"k": "thousand", "m": "million", "mn": "million", "bn": "billion", "tn": "trillion"}
MULTIPLIERS |= {short: MULTIPLIERS[name] for short, name in SCALE_ABBREVIATIONS.items()}
# Units written straight after the digits ("50km", "20%"); any other letters
# there ("21st", "1990s", "5G") mean the text is not a plain quantity.
ATTACHED_UNITS = frozenset(
    "km kg m cm mm g mg t lb lbs oz ft mi mph kph km/h kmh mw gw kw kwh mwh gwh gb mb tb ml l ha c f x".split()
)
# Words that, after a number, make it part of something larger: "three to five",
# "one-third", "4 million billion", or a date ("23 September") for dates.py.
NOT_A_UNIT = (
    frozenset(ONES + TENS)
    | (frozenset(MULTIPLIERS) - ATTACHED_UNITS)
    | frozenset(
        "half halves third thirds quarter quarters fourth fourths fifth fifths sixth sixths tenth tenths".split()
    )
    # Less "may", which after a number can be the verb: "2,000 may attend".
    | (frozenset(name.lower() for table in (MONTHS, AP_MONTHS, SHORT_MONTHS) for name in table) - {"may"})
)
PERCENT_UNITS = ("%", "percent", "per cent", "pct", "percentage point")

# Multipliers for a round answer ("1,000", "4 million", "250"): options that
# differ clearly and stay round.
ROUND_FACTORS = tuple(Decimal(f) for f in "0.2 0.25 0.3 0.4 0.5 0.6 0.7 0.75 0.8 1.25 1.5 2 2.5 3 4 5 10".split())
# Multipliers for a precise answer ("1,345,596", "39", "2.5"): near it, each
# nudged by up to 3% so that no option is an obvious multiple of the answer.
PRECISE_FACTORS = tuple(Decimal(f) for f in "0.5 0.6 0.7 0.75 0.8 0.85 0.9 1.1 1.15 1.2 1.25 1.3 1.4 1.5 2".split())
# Percentage points, for percentages close to 100 that cannot be multiplied up.
POINTS = tuple(Decimal(p) for p in (-20, -10, -5, -3, -2, 2, 3, 5, 10, 20))
SMALL = 20  # an integer count below this gets neighbours: "three" -> "two", "five"

_CURRENCY = r"(?:(?:US|A|C|NZ|HK|S|R)?\$|[€£¥₹₩₽₦]|Rs\.?|USD|EUR|GBP|CHF)\s?"
_DIGITS = r"(?:[1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]*|0)(?:\.[0-9]+)?"
_WORDS = rf"(?:(?:{'|'.join(TENS)})(?:[-\s]+(?:{'|'.join(ONES[1:10])}))?|{'|'.join(ONES)})(?![^\W\d_])"
_QUALIFIER = "|".join(q.replace(" ", r"\s+") for q in QUALIFIERS)
_SCALE = (
    rf"\s*(?:{'|'.join(SCALE_ABBREVIATIONS)})(?![^\W\d_])"
    rf"|\s+(?:{'|'.join(name for name in MULTIPLIERS if name not in SCALE_ABBREVIATIONS)})(?![^\W\d_])"
)
QUANTITY = re.compile(
    rf"(?P<qualifier>(?:{_QUALIFIER})\s+)?"
    rf"(?P<sign>[-−])?(?P<currency>{_CURRENCY})?"
    rf"(?P<number>{_DIGITS}|{_WORDS})(?P<scale>{_SCALE})?(?P<unit>.*)",
    re.IGNORECASE,
)

T = TypeVar("T", int, Decimal)

_CASE_TWINS = str.maketrans("İıſK", "iisk")
# Qualifiers that bound an amount from below or from above.
LOWER_BOUNDS = frozenset({"more than", "at least", "over", "just over", "well over", "above", "as few as"})
UPPER_BOUNDS = frozenset(
    {"less than", "fewer than", "at most", "up to", "under", "just under", "below", "as many as", "as much as"}
)


def folded(text: str) -> str:
    """``text`` lowercased the way an IGNORECASE pattern compares it, for looking
    up what such a pattern matched: it also takes "ſ" for "s" and "ı" for "i"."""
    return text.translate(_CASE_TWINS).lower()


@dataclass(frozen=True)
class Quantity:
    """A number as an answer writes it: ``"over $2.5 billion"`` is qualifier
    ``"over "``, currency ``"$"``, number 2.5 written ``"2.5"``, scale
    ``" billion"``, worth 2.5e9. Everything but the number is kept verbatim, so
    that another number can be written the same way."""

    value: float
    number: Decimal  # the written number, without its sign or scale
    written: str  # the number as written: "1,000", "2.5", "Twenty-one"
    qualifier: str = ""
    sign: str = ""
    currency: str = ""
    scale: str = ""
    unit: str = ""

    @property
    def words(self) -> bool:
        return not self.written[0].isdigit()

    @property
    def decimals(self) -> int:
        _, dot, fraction = self.written.partition(".")
        return len(fraction) if dot else 0

    @property
    def grouped(self) -> bool:
        """Whether numbers of four digits or more get thousands separators. An
        answer too small to show its style gets them, as news copy does."""
        return "," in self.written or (not self.words and self.number < 1000)

    @property
    def percent(self) -> bool:
        return self.unit.lstrip().lower().startswith(PERCENT_UNITS)

    @property
    def is_year(self) -> bool:
        return (
            not (self.sign or self.currency or self.scale or self.unit)
            and re.fullmatch(r"[0-9]{4}", self.written) is not None
            and FIRST_YEAR <= self.number <= LAST_YEAR
        )

    @property
    def significant(self) -> int:
        """Significant digits of an integer: 2 for "1,200", 7 for "1,345,596"."""
        digits = str(int(self.number))
        return max(1, len(digits.rstrip("0")))

    @property
    def round(self) -> bool:
        """Whether the answer looks rounded ("4", "1,000", "250") rather than counted ("39", "2.5")."""
        if self.decimals:
            return False
        return self.significant == 1 or (self.significant == 2 and self.number % 10 == 0)

    @property
    def step(self) -> Decimal:
        """The value of the last digit the answer commits to: 1000 for "4,000", 0.1 for "2.5"."""
        if self.decimals or self.words:
            return Decimal(1).scaleb(-self.decimals)
        return Decimal(1).scaleb(len(str(int(self.number))) - self.significant)

    def write(self, number: Decimal) -> str:
        """A quantity written exactly like this one, with ``number`` in place of its own."""
        if self.words:
            text = in_words(int(number), " " if re.search(r"[a-z]\s+[a-z]", self.written, re.I) else "-")
            if self.written.isupper() and len(self.written) > 1:
                text = text.upper()
            elif self.written[0].isupper():
                text = text[0].upper() + text[1:]
        else:
            text = f"{number:{',' if self.grouped else ''}.{self.decimals}f}"
        return f"{self.qualifier}{self.sign}{self.currency}{text}{self.scale}{self.unit}"


def parse_quantity(text: str) -> Quantity | None:
    """The quantity ``text`` is, or None when it is not exactly one quantity."""
    match = QUANTITY.fullmatch(text.strip())
    if match is None:
        return None
    written, unit = match["number"], match["unit"]
    if not _is_unit(unit) or len(re.sub(r"[^0-9]", "", written)) > MAX_DIGITS:
        return None
    # The normalizer reads number words: "Twenty-one" -> "21".
    number = Decimal(written.replace(",", "") if written[0].isdigit() else normalize(folded(written)))
    scale = match["scale"] or ""
    multiplier = MULTIPLIERS[folded(scale.strip())][0] if scale else 1
    if folded(scale.strip()) == "m" and not match["currency"]:
        multiplier = 1  # "50m" is fifty metres; "$50m" is fifty million dollars
    value = float(number * multiplier) * (-1 if match["sign"] else 1)
    return Quantity(
        value=value,
        number=number,
        written=written,
        qualifier=match["qualifier"] or "",
        sign=match["sign"] or "",
        currency=match["currency"] or "",
        scale=scale,
        unit=unit,
    )


def number_distractors(answer: str, count: int, rng: random.Random) -> list[str]:
    """Up to ``count`` wrong quantities for ``answer``, written like it; [] when
    ``answer`` is not a quantity. Years get nearby years."""
    quantity = parse_quantity(answer)
    if quantity is None or count <= 0:
        return []
    if quantity.is_year:
        return [f"{quantity.qualifier}{year}" for year in nearby_years(int(quantity.number), count, rng)]
    options = _options(quantity, rng)
    below = [n for n in options if n < quantity.number]
    above = [n for n in options if n > quantity.number]
    qualifier = quantity.qualifier.strip().lower()
    # "At least 200" is also "at least 100": a bound makes every figure on
    # its far side true as well, so the wrong options lie beyond it.
    if qualifier in LOWER_BOUNDS:
        below = []
    elif qualifier in UPPER_BOUNDS:
        above = []
    return [quantity.write(n) for n in choose_around(below, above, count, rng)]


def nearby_years(year: int, count: int, rng: random.Random) -> list[int]:
    """Up to ``count`` other years within a decade of ``year``, all in 1000-2099."""
    below = [y for y in range(year - YEAR_SPREAD, year) if y >= FIRST_YEAR]
    above = [y for y in range(year + 1, year + YEAR_SPREAD + 1) if y <= LAST_YEAR]
    return choose_around(below, above, count, rng)


def choose_around(below: Iterable[T], above: Iterable[T], count: int, rng: random.Random) -> list[T]:
    """Up to ``count`` options, taken from both sides of the answer.

    How many come from below is drawn uniformly, so that the answer is as often
    the smallest option as the largest or one in between, and its rank among the
    options gives nothing away. When one side runs short the other makes up.
    """
    lower, upper = sorted(set(below)), sorted(set(above))
    rng.shuffle(lower)
    rng.shuffle(upper)
    wanted = max(0, count)
    from_below = min(rng.randint(0, wanted), len(lower))
    from_above = min(wanted - from_below, len(upper))
    from_below = min(wanted - from_above, len(lower))
    chosen = lower[:from_below] + upper[:from_above]
    rng.shuffle(chosen)
    return chosen


def _options(quantity: Quantity, rng: random.Random) -> set[Decimal]:
    """Every wrong number that fits ``quantity``'s format, before choosing among them."""
    n, step = quantity.number, quantity.step
    if n == 0:
        found = [step * k for k in (1, 2, 3, 5, 10)]
    elif (
        quantity.decimals == 0
        and n < SMALL
        and (quantity.words or not (quantity.scale or quantity.currency or quantity.percent))
    ):
        found = [n + k for k in range(-3, 6)]
    else:
        precise = not quantity.round
        found = []
        for factor in PRECISE_FACTORS if precise else ROUND_FACTORS:
            if precise:
                factor *= Decimal(rng.randint(970, 1030)) / 1000
            found.append(_round_like(quantity, n * factor))
        if quantity.percent and n >= 50:
            found += [n + p for p in POINTS]
    options = {v for v in found if _fits(quantity, v)}
    if len(options) < 6:
        # Low precision ("0.1", "2.5") leaves few distinct multiples; neighbours fill in.
        options |= {v for v in (n + step * k for k in (-3, -2, -1, 1, 2, 3, 4, 5)) if _fits(quantity, v)}
    return options


def _round_like(quantity: Quantity, x: Decimal) -> Decimal:
    """``x`` as round as the answer: as many decimals, or as many significant digits."""
    if quantity.decimals:
        return x.quantize(Decimal(1).scaleb(-quantity.decimals), rounding=ROUND_HALF_UP)
    if x <= 0:
        return Decimal(0)
    exponent = x.adjusted() - quantity.significant + 1
    rounded = x.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP)
    return rounded.quantize(Decimal(1), rounding=ROUND_HALF_UP)


def _fits(quantity: Quantity, value: Decimal) -> bool:
    """Whether ``value`` can stand in for the answer's number in the answer's format."""
    if value == quantity.number or value <= 0 or value >= Decimal(10) ** MAX_DIGITS:
        return False
    if value != value.quantize(Decimal(1).scaleb(-quantity.decimals), rounding=ROUND_HALF_UP):
        return False
    if quantity.words and value > LARGEST_IN_WORDS:
        return False
    scale = folded(quantity.scale.strip())
    if scale and value >= MULTIPLIERS[scale][1]:
        return False
    # A share is at most the whole, unless the answer itself is a growth above it.
    return not (quantity.percent and quantity.number <= 100 and value > 100)


def _is_unit(text: str) -> bool:
    """Whether ``text``, after a number, is a unit or nothing rather than more numbers."""
    if not text:
        return True
    if any(ch.isdecimal() for ch in text):
        return False
    if any(word in NOT_A_UNIT for word in re.findall(r"[^\W\d_]+", folded(text))):
        return False
    first = text[0]
    if first.isspace() or first in "%°.,;:)!?'\"":
        return True
    if first == "-":
        return len(text) > 1 and text[1].isalpha()
    attached = re.match(r"[^\W\d_]+(?:/[^\W\d_]+)?", text)
    return attached is not None and folded(attached.group()) in ATTACHED_UNITS
