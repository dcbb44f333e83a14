"""Frozen dataclasses that cross module boundaries.

The pipeline is one direction:

    bytes -> Document (load) -> Article (dated) -> sentences (text) -> Mention (actors)
          -> Dyad (dyads) -> DyadSentence (tone) + Event (events) -> ScoredArticle -> store

Dicts live only at I/O edges (JSON, SQL parameters); everything in between is one of these.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Container
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import NamedTuple


class DateSource(StrEnum):
    """Where an article's publication date came from, in order of precedence."""

    FIELD = "field"  # an explicit field of a JSON/CSV record or text front matter
    HTML_META = "html_meta"  # HTML metadata (htmldate)
    DATELINE = "dateline"  # a dateline or written date in the text itself
    FILENAME = "filename"  # a YYYY-MM-DD in the file name
    CALLER = "caller"  # the caller's --date / the date typed in the upload review


class Mode(StrEnum):
    """PLOVER event modes. The temperature weighs each differently."""

    ASSERTED = "asserted"
    NEGATED = "negated"  # "did not impose sanctions"
    HYPOTHETICAL = "hypothetical"  # future, potential, conditional, proposed
    HISTORICAL = "historical"  # background: "following the 2020 elections"


def normalise_text(text: str) -> str:
    """Text as identity sees it: NFKC, case-folded, whitespace collapsed.

    Defined as ``" ".join(NFKC(text).split()).casefold()`` after each lone surrogate (a
    ``"\\udfff"`` escape in JSON decodes to one; UTF-8 cannot encode it, so no id could be
    computed from it) is replaced with U+FFFD; stored ids depend on it, so the
    faster paths below give exactly that: NFKC of ASCII is the text itself, and text whose
    only whitespace is single spaces inside lines and newlines between them is collapsed by
    joining its non-empty lines (a few line objects, not one string per word).
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKC", replace_surrogates(text))
        if _OTHER_SPACE.search(text):
            return " ".join(text.split()).casefold()
    elif any(char in text for char in _ASCII_OTHER_SPACE):
        return " ".join(text.split()).casefold()
    if "  " in text:
        return " ".join(text.split()).casefold()
    lines = [line for line in text.split("\n") if line]
    if any(line[0] == " " or line[-1] == " " for line in lines):
        return " ".join(text.split()).casefold()
    return " ".join(lines).casefold()


_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """``text`` with every lone surrogate code point replaced by U+FFFD (the text unchanged,
    and no copy made, when it has none: the common case costs one regex scan)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def count_surrogates(text: str) -> int:
    return len(_SURROGATE.findall(text))


# Whitespace that str.split() splits on, other than " " and "\n" (then the general path).
_ASCII_OTHER_SPACE = "\t\r\x0b\x0c\x1c\x1d\x1e\x1f"
_OTHER_SPACE = re.compile(r"[^\S \n]")


def article_id(text: str) -> str:
    """Identity of an article: the first 32 hex digits of sha256 of its normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Document:
    """What a loader read from one file or record, before a date is required.

    ``origin`` names the file, and the record inside it where there is one
    (``batch.jsonl#3``, ``bundle.zip/a.txt``). ``published_at`` is None when nothing in
    the document gave a date; ``warnings`` are shown to the user but do not stop it.
    """

    origin: str
    title: str
    text: str
    published_at: date | None = None
    date_source: DateSource | None = None
    url: str | None = None
    source: str | None = None
    lang: str = "en"
    warnings: tuple[str, ...] = ()
    speaker: str | None = None  # who speaks: a record's speaker/source_country field

    @property
    def id(self) -> str:
        return article_id(self.text)


@dataclass(frozen=True, slots=True)
class Article:
    """A dated document: what the scorer and the store accept."""

    id: str
    origin: str
    title: str
    text: str
    published_at: date
    date_source: DateSource
    url: str | None = None
    source: str | None = None
    lang: str = "en"
    speaker: str | None = None  # who speaks (a state code or name): "we" resolves to it


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article; ``start``/``end`` are character offsets in the text."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor named in a sentence. Offsets are relative to the sentence text.

    ``code`` is an ISO 3166-1 alpha-3 code; ``kind`` is one of country, demonym, capital,
    institution, leader, pronoun (inherited from the previous sentence, offsets -1), speaker
    (a first-person "we"/"our government"/"I" that stands for the speaking state).
    """

    code: str
    start: int
    end: int
    surface: str
    kind: str


def make_pair(a: str, b: str) -> tuple[str, str]:
    """A pair is order-insensitive: always stored sorted. A plain tuple: the coder builds one
    per dyadic sentence, so it stays the cheapest form; :class:`Pair` is the same tuple."""
    return (a, b) if a <= b else (b, a)


_PAIR_SPLIT = re.compile(r"[-:/,\s>]+")


def _two_codes(text: str, what: str, example: str) -> tuple[str, str]:
    parts = [p for p in _PAIR_SPLIT.split(text.strip().upper()) if p]
    if (
        len(parts) != 2
        or not all(len(p) == 3 and p.isascii() and p.isalpha() for p in parts)
        or parts[0] == parts[1]
    ):
        raise ValueError(
            f"{what} {text!r} is not two different ISO 3166 alpha-3 codes like {example}"
        )
    return parts[0], parts[1]


class Pair(NamedTuple):
    """Two different states as ISO 3166-1 alpha-3 codes in alphabetical order: the key of
    every undirected series. A tuple, so ``Pair("BLR", "USA") == ("BLR", "USA")``; parsed
    and validated once at the edge (CLI option, URL, picker) with :meth:`parse`."""

    a: str
    b: str

    @classmethod
    def of(cls, x: str, y: str) -> Pair:
        """The pair of two codes, in either order."""
        return cls(x, y) if x <= y else cls(y, x)

    @classmethod
    def parse(cls, text: str, known: Container[str] | None = None) -> Pair:
        """'USA-BLR', 'blr-usa', 'USA:BLR' -> Pair('BLR', 'USA'). With ``known`` (the
        gazetteer's codes), a code outside it is refused too. Raises ValueError."""
        first, second = _two_codes(text, "pair", "USA-BLR")
        unknown = [code for code in (first, second) if known is not None and code not in known]
        if unknown:
            raise ValueError(f"pair {text!r}: unknown country code {', '.join(unknown)}")
        return cls.of(first, second)

    def __str__(self) -> str:
        return f"{self.a}-{self.b}"

    def other(self, code: str) -> str:
        """The state of the pair that is not ``code``."""
        return self.b if code == self.a else self.a


def parse_pair(text: str) -> Pair:
    """'USA-BLR', 'blr-usa', 'USA:BLR' -> Pair('BLR', 'USA'). Raises ValueError when malformed."""
    return Pair.parse(text)


def parse_direction(text: str) -> tuple[str, str]:
    """'USA>BLR' or 'USA->BLR' -> ('USA', 'BLR'): a directed pair, order kept."""
    return _two_codes(text, "direction", "USA>BLR")


@dataclass(frozen=True, slots=True)
class Dyad:
    """A sentence that describes an interaction between two actors.

    ``source``/``target`` are set when the sentence has a direction ("Trump praised
    Lukashenko" is USA -> BLR); both None when it is mutual or unclear.
    """

    pair: tuple[str, str]
    sentence_index: int
    source: str | None = None
    target: str | None = None


@dataclass(frozen=True, slots=True)
class DyadSentence:
    """A dyadic sentence with its tone (VADER compound with the domain overlay, -1..+1)."""

    pair: tuple[str, str]
    sentence_index: int
    text: str
    tone: float
    source: str | None = None
    target: str | None = None
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, with PLOVER category and mode and GDELT-comparable codes.

    ``intensity`` is on the Goldstein-like -10..+10 scale; ``span_start``/``span_end``
    locate the matched trigger in ``text`` (the sentence). ``year`` is set for
    historical mentions that name when they happened ("the 2020 elections").
    """

    pair: tuple[str, str]
    sentence_index: int
    source: str | None
    target: str | None
    category: str
    mode: Mode
    intensity: float
    cameo: str
    quad_class: int
    text: str
    span_start: int
    span_end: int
    rule: str = ""
    year: int | None = None
    # where the source actor came from: "text" (named in the sentence), "speaker" (a
    # first-person "we" of the statement's speaker), "quote" (the speaker of reported
    # speech, named only in its wrapper: ", Lavrov said"), "pronoun" (an earlier sentence's
    # actor), "discourse" (the pair's earlier event); "" when there is no source
    source_basis: str = ""

    @property
    def trigger(self) -> str:
        return self.text[self.span_start : self.span_end]


@dataclass(frozen=True, slots=True)
class PairScore:
    """Everything one article says about one pair."""

    pair: tuple[str, str]
    tone: float
    sentences: tuple[DyadSentence, ...]
    events: tuple[Event, ...]


@dataclass(frozen=True, slots=True)
class ScoredArticle:
    article: Article
    sentence_count: int
    pairs: tuple[PairScore, ...]
    scorer_version: str
    warnings: tuple[str, ...] = field(default=())

    @property
    def dyad_sentences(self) -> tuple[DyadSentence, ...]:
        return tuple(s for p in self.pairs for s in p.sentences)

    @property
    def events(self) -> tuple[Event, ...]:
        return tuple(e for p in self.pairs for e in p.events)
