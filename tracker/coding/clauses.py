"""Clauses: where a sentence splits into clauses whose actors are never paired.

Rule 2 of dyad attribution (``tracker/dyads.py``): a sentence is split at ";", ":",
dashes, at ", which / while / but / whereas / although / though / as / after / before /
when / because / since / so / yet" (not "as well as") and at a bare "while/whereas".
A relative clause set off by two commas (", who has ruled Belarus since 1994,") is an aside:
a clause of its own, and the clause around it is read as if it were not there. A description
after an actor (", the deputy chairman of Russia's Security Council,") is read as if it were
not there.
"""

from __future__ import annotations

import re

from tracker.coding.appositives import DESCRIPTION_OPENING
from tracker.coding.relation_words import fold_for_phrases

# Words that open a new clause after a comma ("as" not in "as well as").
_CLAUSE_WORDS = "which|while|but|whereas|although|though|as|after|before|when|because|since|so|yet"
CLAUSE_SPLIT = re.compile(
    r";|:\s|\s[—–]\s|\s--\s|,\s*(?=(?:"
    + _CLAUSE_WORDS.replace("|as|", r"|as(?!\s+well)|")
    + r")\b)|\s(?=(?:while|whereas)\b)"
    # "would visit Minsk as talks between Ukraine and Russia remain stalled": "as" opening a
    # clause of its own (a subject of at most seven words and a finite verb)
    r"|\s(?=as\s+(?!well\b|part\b|a\b|an\b)(?:[\w'’-]+\s+){1,7}?"
    r"(?:remain|remains|remained|continue|continues|continued|is|are|was|were|has|have|had|"
    r"stall|stalls|stalled|rage|rages|raged|grow|grows|grew|drag|drags|dragged)\b)",
    re.IGNORECASE,
)
# Cheap pre-test on the folded text: without any of these, CLAUSE_SPLIT cannot match.
_CLAUSE_MARKS = (";", ":", "—", "–", "--", "while", "whereas", " as ")
_COMMA_CLAUSE_WORD = re.compile(rf",\s*(?:{_CLAUSE_WORDS})")


def _may_split(folded: str) -> bool:
    """False when CLAUSE_SPLIT cannot match in this folded text (cheap)."""
    return any(map(folded.__contains__, _CLAUSE_MARKS)) or (
        "," in folded and _COMMA_CLAUSE_WORD.search(folded) is not None
    )


def clause_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(start, end) of the clauses of ``text[lo:hi]``, separators left out."""
    if not _may_split(fold_for_phrases(text[lo:hi])):
        return [(lo, hi)]
    spans = []
    pos = lo
    for match in CLAUSE_SPLIT.finditer(text, lo, hi):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, hi))
    return spans


# ", who has ruled Belarus since 1994, met ...", ", which borders Poland, closed ...": a
# relative clause between two commas, with more of the sentence after it
_ASIDE = re.compile(
    r",\s+(?:who|whom|whose|which)\b[^,;:()\"]{1,120},(?=\s+\S+\s+\S)", re.IGNORECASE
)  # (two more words at least: ", ... and its neighbor, Eritrea." is an apposition)


def aside_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(start, end) of the relative-clause asides of ``text[lo:hi]``, commas included."""
    if ", wh" not in text and ", Wh" not in text:
        return []
    return [(m.start(), m.end()) for m in _ASIDE.finditer(text, lo, hi)]


# ", the deputy chairman of Russia's Security Council, said": a description of the actor just
# before it (what it is, not whom it acts on), with more of the sentence after it
# ... or who chose or sent it (", appointed by President Donald Trump, met Lukashenko")
_CHOSEN_BY = (
    r",\s*(?:appointed|named|nominated|elected|chosen|picked|sent|dispatched|tasked|hired|"
    r"backed|endorsed|accompanied|flanked|joined)\s+by\s+"
)
_DESCRIPTION = re.compile(
    rf"{DESCRIPTION_OPENING}[^,;:()\"]{{1,80}},(?=\s+\S+\s+\S)"
    rf"|{_CHOSEN_BY}[^,;:()\"]{{1,120}},(?=\s+\S+\s+\S)",  # (who sent it, and with what task)
    re.IGNORECASE,
)


def description_spans(text: str, actors: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of the descriptions that follow an actor (``actors``: their spans); a
    list's next state is none ("Russia, the United States, and Ukraine")."""
    if text.count(",") < 2:
        return []
    spans = []
    for _, end in actors:
        found = _DESCRIPTION.match(text, end)
        if found and not any(
            found.start() < a
            and text[found.start() : a].strip(", ").lower() in _LIST_OPENERS
            and not text[b : found.end()].strip(", ")
            for a, b in actors
        ):
            spans.append((found.start(), found.end()))
    return spans


_LIST_OPENERS = frozenset({"", "the"})  # what may stand before a listed state's name


def without_asides(text: str, asides: list[tuple[int, int]]) -> str:
    """``text`` with each aside blanked out (same length: offsets stay valid)."""
    for start, end in asides:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


# "... that the country would support", "... that the government had ordered": a that-clause
# whose subject is a noun phrase naming no state, right before its verb
_NOMINAL_SUBJECT = re.compile(
    r"\bthat\s+(?:the|this|its|their)\s+(?:[a-z-]+\s+){0,2}?[a-z-]+\s+"
    r"(?:(?:would|will|could|can|had|has|have|was|were|is|are|must|should|did|does|not|also)\s+)*$"
)


def nominal_subject_between(text: str, start: int, end: int) -> bool:
    """Does a that-clause with a subject of its own that names no state open between an
    actor (ending at ``start``) and a trigger (at ``end``)? Then the actor is not the
    trigger's subject: "as it became clear to Washington that the country would support
    Russia" is no U.S. support."""
    return (
        text.find(" that ", start, end) >= 0
        and _NOMINAL_SUBJECT.search(text, start, end) is not None
    )


# A sentence's opening adjunct up to its comma: "Shortly after Trump's post, ...", "Following
# the talks in Riyadh, ..." (its actors are not the main clause's subject)
_OPENING_ADJUNCT = re.compile(
    r"\s*(?:[A-Z]\w*\s+){0,2}?(?:[Aa]fter|[Bb]efore|[Ff]ollowing|[Aa]mid|[Dd]espite|[Ss]ince)"
    r"\s[^,;:]{1,80},"
)


def opening_adjunct_end(text: str) -> int:
    """Where an opening time adjunct ends ("Shortly after Trump's post, "), else 0."""
    found = _OPENING_ADJUNCT.match(text)
    return found.end() if found else 0
