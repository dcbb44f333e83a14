"""Paragraph and sentence segmentation.

Pure and fast (one compiled regex pass per paragraph). Abbreviation-aware: "U.S.", "Mr.",
"Aug. 15" and initials do not end a sentence. A heading on a line of its own ("Background &
Context") is its own paragraph, never glued to the next sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from importlib.resources import files

from tracker.data import word_list
from tracker.models import Sentence

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace.
# (Written "[...][...]*", not "[...]+", so that the regex engine skips ahead to a candidate.)
_BOUNDARY = re.compile(r"""[.!?…][.!?…]*["'”’)\]]*\s+""")
# What may start the next sentence: a capital, a digit or an opening quote/bracket.
_NEXT_START = re.compile(r"""["'“‘(\[]?[A-Z0-9À-ÖØ-ÞА-ЯЁ]""")
_WORD_CHARS = re.compile(r"[\w.'’-]+$")
_CLOSERS = "\"'”’)]"
_INITIAL = re.compile(r"^(?:[A-Z]\.)+[A-Z]?$|^[A-Z]$")
_HEADING_END = frozenset(""".!?…:;,"'”’)""")  # a line ending in one of these is no heading
_BLANK = re.compile(r"\n\s*\n")

_TAIL = 64  # characters before a period that can hold the word it ends
HEADING_MAX_WORDS = 12  # a longer line without final punctuation is wrapped prose, not a heading
ABBREVIATION_CACHE = 4096  # tokens before a period whose verdict is kept (most words recur)


@cache
def abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """Lower-cased abbreviations (without final period) that do not end a sentence: those
    that never do, and those that do not only when a number follows ("No. 5")."""
    raw = files("tracker.data").joinpath("en/abbreviations.txt").read_text(encoding="utf-8")
    always, before_digit = set(), set()
    for line in raw.splitlines():
        word, _, rule = line.strip().lower().partition(" ")
        if word and not word.startswith("#"):
            (before_digit if rule == "+digit" else always).add(word.rstrip("."))
    return frozenset(always), frozenset(before_digit)


def sentence_starters() -> frozenset[str]:
    """Lower-cased words after which a period ending an initialism ("U.S.") ends the
    sentence ("... and the U.S. The release ...")."""
    return word_list("sentence_starters.txt")


def iter_paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, paragraph) pairs. Blank lines separate paragraphs; so does a heading line."""
    for start, end in _blocks(text):
        block = text[start:end]
        line_start = start
        buffer_start: int | None = None
        buffer_end = start
        for line in block.split("\n"):
            stripped = line.strip()
            if stripped and _is_heading(stripped):
                if buffer_start is not None:
                    yield buffer_start, text[buffer_start:buffer_end]
                    buffer_start = None
                yield line_start + line.index(stripped), stripped
            elif stripped:
                if buffer_start is None:
                    buffer_start = line_start + line.index(stripped)
                buffer_end = line_start + len(line.rstrip())
            line_start += len(line) + 1
        if buffer_start is not None:
            yield buffer_start, text[buffer_start:buffer_end]


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the pieces of ``text`` between blank lines (``_BLANK.split``)."""
    start = 0
    for blank in _BLANK.finditer(text):
        yield start, blank.start()
        start = blank.end()
    yield start, len(text)


def _is_heading(line: str) -> bool:
    # (``line`` is stripped and not empty; at most HEADING_MAX_WORDS splits)
    return line[-1] not in _HEADING_END and (
        len(line.split(None, HEADING_MAX_WORDS)) <= HEADING_MAX_WORDS
    )


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with paragraph numbers and character offsets into ``text``."""
    sentences: list[Sentence] = []
    abbrevs = abbreviations()
    for paragraph_no, (offset, paragraph) in enumerate(iter_paragraphs(text)):
        for start, end in _sentence_spans(paragraph, abbrevs):
            chunk = paragraph[start:end]
            stripped = chunk.lstrip()
            s = offset + start + len(chunk) - len(stripped)  # after leading whitespace
            stripped = stripped.rstrip()
            if not stripped:
                continue
            sentences.append(
                Sentence(
                    index=len(sentences),
                    paragraph=paragraph_no,
                    start=s,
                    end=s + len(stripped),
                    text=_single_spaced(stripped),
                )
            )
    return sentences


def _single_spaced(text: str) -> str:
    """``" ".join(text.split())``: runs of whitespace as one space (no work when there are
    none; every whitespace character but the space is unprintable)."""
    if "  " not in text and text.isprintable():
        return text
    return " ".join(text.split())


def _sentence_spans(
    paragraph: str, abbrevs: tuple[frozenset[str], frozenset[str]]
) -> list[tuple[int, int]]:
    spans = []
    start = 0
    size = len(paragraph)
    for match in _BOUNDARY.finditer(paragraph):
        end = match.end()
        if end >= size:
            break
        if not _NEXT_START.match(paragraph, end):
            continue
        stop = match.start()
        if paragraph[stop] == ".":
            # the token the period ends (only the last _TAIL characters are read)
            token = paragraph[max(start, stop + 1 - _TAIL) : stop + 1].rsplit(None, 1)[-1]
            number = paragraph[end : end + 2].lstrip("(")[:1].isdigit()  # "a.m. (1900 GMT)"
            if _token_is_abbreviation(token, number, abbrevs) and not (
                _INITIAL.match(_word_of(token))
                and paragraph[end : end + 12].split(None, 1)[0].lower() in sentence_starters()
            ):
                continue
        spans.append((start, end))
        start = end
    spans.append((start, size))
    return spans


@lru_cache(maxsize=ABBREVIATION_CACHE)
def _token_is_abbreviation(
    token: str, digit_follows: bool, abbrevs: tuple[frozenset[str], frozenset[str]]
) -> bool:
    word = _word_of(token)
    if not word:
        return False
    if _INITIAL.match(word) and word != "I":
        return True  # "U.S.", "U.N.", "J." (but not the pronoun "I")
    always, before_digit = abbrevs
    word = word.lower()
    return word in always or (digit_follows and word in before_digit)


def _word_of(token: str) -> str:
    """The word a period ends: the token without closing punctuation and quotes."""
    token = token.rstrip(_CLOSERS).rstrip(".!?…").rstrip(_CLOSERS)
    found = _WORD_CHARS.search(token)
    return found.group(0).rstrip(".") if found else ""
