"""Clauses: where a sentence splits into clauses whose actors are never paired.

Rule 2 of dyad attribution (``tracker/dyads.py``): a sentence is split at ";", ":",
dashes, at ", which / while / but / whereas / although / though / as / after / before /
when / because / since / so / yet" (not "as well as") and at a bare "while/whereas".
"""

from __future__ import annotations

import re

from tracker.coding.relation_words import fold_for_phrases

# Words that open a new clause after a comma ("as" not in "as well as").
_CLAUSE_WORDS = "which|while|but|whereas|although|though|as|after|before|when|because|since|so|yet"
CLAUSE_SPLIT = re.compile(
    r";|:\s|\s[—–]\s|\s--\s|,\s*(?=(?:"
    + _CLAUSE_WORDS.replace("|as|", r"|as(?!\s+well)|")
    + r")\b)|\s(?=(?:while|whereas)\b)",
    re.IGNORECASE,
)
# Cheap pre-test on the folded text: without any of these, CLAUSE_SPLIT cannot match.
_CLAUSE_MARKS = (";", ":", "—", "–", "--", "while", "whereas")
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
