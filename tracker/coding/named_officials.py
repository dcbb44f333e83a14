"""An official introduced with a state and a title, named later by surname.

Wire copy names a state's official once in full, with the state and the title ("Guyanese
President Irfaan Ali said ...", "Russian Ambassador Oleg Ozerov", "Chinese Foreign Ministry
Spokesperson Mao Ning") and by surname after that ("Ali said in a statement", "Ozerov
dismissed the accusations"). The leader table cannot hold every ambassador and spokesperson;
the article itself says whose they are. Each later surname becomes a ``leader`` mention of
the state it was introduced with, as a surname in the leader table would be. A surname
introduced for two states, or one that stands inside a longer name ("Mohammad Ali"), is
left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from tracker.coding.gazetteer import load_gazetteer
from tracker.data import word_list
from tracker.models import Mention

_STATE_KINDS = frozenset({"demonym", "country"})
_NAME = r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})"
_OWNER_GAP = r"(?:['’]s?)?\s+(?:(?:[A-Z][\w-]*|deputy|top|senior|chief)\s+){0,3}?"
_TITLED = frozenset({"mr", "mrs", "ms", "dr", "president", "minister", "ambassador", "envoy"})
_DAYS = frozenset(
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)  # fmt: skip


@cache
def _leader_names() -> frozenset[str]:
    """Every name the leader table gives a leader, of any tenure: the table's dates decide
    whose they are ("U.S. President Donald Trump" in 2022 names no state)."""
    return frozenset(a.surface for a in load_gazetteer().aliases if a.kind == "leader")


_FORMER = re.compile(r"\b(?:former|ex|late|then|acting)[\s-]+(?:\w+\s+)?$", re.IGNORECASE)


@cache
def _introduction() -> re.Pattern[str]:
    titles = sorted(word_list("official_titles.txt"), key=len, reverse=True)
    alternatives = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in titles)
    return re.compile(rf"{_OWNER_GAP}(?i:{alternatives})\s+{_NAME}\b")


def introduced(texts: Sequence[str], mentions: Sequence[Sequence[Mention]]) -> dict[str, tuple]:
    """Name word -> (state code, index of the sentence that introduces it) for every official
    named in full right after a state's name or adjective and a title: the full name, and
    its first and last words ("Ozerov", and "Mao" of "Mao Ning"). A word introduced for two
    states maps to no state (None)."""
    found: dict[str, tuple] = {}
    pattern = _introduction()
    for i, (text, named) in enumerate(zip(texts, mentions, strict=True)):
        for m in named:
            if m.kind not in _STATE_KINDS:
                continue
            hit = pattern.match(text, m.end)
            if hit is None or any(hit.start("name") < x.end and x.start < hit.end() for x in named):
                continue  # (a name the leader table knows is a mention already)
            if _FORMER.search(text, max(0, m.start - 20), m.start):
                continue  # ("former U.S. President ...": no longer the state's)
            words = hit.group("name").split()
            if not _leader_names().isdisjoint((hit.group("name"), words[-1])):
                continue  # (a leader out of tenure, "Trump": the table's dates decide)
            last = words[-1].removesuffix("'s").removesuffix("’s")
            for word in dict.fromkeys((" ".join((*words[:-1], last)), words[0], last)):
                if len(word) < 3:
                    continue
                if word in found and found[word][0] != m.code:
                    found[word] = (None, found[word][1])
                else:
                    found.setdefault(word, (m.code, i))
    return found


def with_named_officials(
    texts: Sequence[str], mentions: list[list[Mention]]
) -> list[list[Mention]]:
    """``mentions`` (by sentence) plus a ``leader`` mention for each later surname of an
    official introduced with a state (``introduced``)."""
    officials = introduced(texts, mentions)
    if not officials:
        return mentions
    names = sorted(officials, key=len, reverse=True)  # the full name first
    surnames = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")
    for i, text in enumerate(texts):
        added = []
        for hit in surnames.finditer(text):
            code, first = officials[hit.group()]
            if code is None or i <= first or _inside_longer_name(text, hit.start(), hit.end()):
                continue
            if any(hit.start() < x.end and x.start < hit.end() for x in mentions[i]):
                continue
            added.append(Mention(code, hit.start(), hit.end(), hit.group(), "leader"))
        if added:
            mentions[i] = sorted([*mentions[i], *added], key=lambda m: (m.start, m.end))
    return mentions


_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?\s+$")
_WORD_AFTER = re.compile(r"\s+([A-Z][a-z]+)")


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """Does the surname stand inside another name: a capitalised word right before it that
    is no title and does not open the sentence ("Mohammad Ali"), or one right after it that
    is no weekday ("Ali Khamenei")?"""
    before = _WORD_BEFORE.search(text, 0, start)
    if (
        before is not None
        and before.group(1)[0].isupper()
        and before.start() > 0
        and before.group(1).lower() not in _TITLED
    ):
        return True
    after = _WORD_AFTER.match(text, end)
    return after is not None and after.group(1) not in _DAYS
