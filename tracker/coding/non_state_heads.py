"""Mentions that modify a non-state noun are no mentions ("Chinese tourists", "UK-based",
"the Belarusian opposition"): the head words and hyphen suffixes are in
``data/en/non_state_heads.txt``."""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from tracker.models import Mention


@cache
def non_state_heads() -> tuple[dict[str, frozenset[str]], tuple[str, ...], frozenset[str]]:
    """(head word -> the next words after which the state is an actor after all, hyphen
    suffixes, the heads that count only capitalised) of ``data/en/non_state_heads.txt``
    ("opposition !to": "the Belarusian opposition" is no state, "Russia's opposition to
    NATO expansion" is Russia's; "Airlines": "Malaysia Airlines", not "Belarusian airlines")."""
    raw = files("tracker.data").joinpath("en/non_state_heads.txt").read_text(encoding="utf-8")
    lines = [w.strip() for w in raw.splitlines() if w.strip() and w[0] != "#"]
    words: dict[str, frozenset[str]] = {}
    for line in lines:
        if line[0] != "-":
            head, _, unless = line.lower().partition(" !")
            words[head.strip()] = frozenset(unless.split("|")) if unless else frozenset()
    capitalised = frozenset(w.lower() for w in lines if w[0].isupper())
    return words, tuple(w.lower() for w in lines if w[0] == "-"), capitalised


_CLOCK = re.compile(r"\d(?:\s*[ap]\.?m\.?)?\s+$", re.I)  # a clock time before a zone's name
_HEAD = re.compile(r"(?:'s)?\s*([A-Za-z]+)(?:\s+([a-z]+))?")
# "Korean Air" is a company, "Israeli air raids" and "the Russian air force" are the state:
# an "air" followed by a word of military action keeps the mention.
_STATE_AIR = re.compile(
    r"\s+(?:raids?|strikes?|forces?|attacks?|defen[cs]es?|campaigns?|power|operations?|"
    r"assaults?|bombardments?|support|patrols?|space|bases?|units?|wings?|cover)\b"
)


# "frozen relations between the United States and Russia's closest ally", "Belarus,
# Russia's closest ally, ...": the ally is another state than its possessor (named or not)
_WHOSE_ALLY = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:ally|allies|partners?|neighbou?rs?|prox(?:y|ies)|"
    r"satellites?|clients?)\b"
)

_SAME_NAME = re.compile(r"\s+(?:[A-Z][\w.'’-]*\s+){0,3}")  # title words between one name's parts
_ALLY_OF = re.compile(
    r"\b(?:ally|allies|partners?|neighbou?rs?|prox(?:y|ies)|satellites?|clients?)\s+of\s+"
    r"(?:the\s+)?$"
)

# ... but what sanctions or restrictions hit is the state's: "sanctioned Russian banks" (as
# CAMEO codes a state's businesses under the state)
_BUSINESSES = frozenset(
    {
        "banks",
        "bank",
        "company",
        "companies",
        "firms",
        "airline",
        "airlines",
        "investors",
        "carrier",
        "carriers",
    }
)
_SANCTIONED = re.compile(
    r"\b(?:sanction\w*|blacklist\w*|penalti\w+|restrictions|designat\w+|froze|freez\w+)"
    r"\s+(?:[\w,'’-]+\s+){0,5}$",
    re.IGNORECASE,
)


_DISTRICT = re.compile(r",?\s?D\.?C\.?(?=-)")  # "the Washington DC-based organization"


def _district_end(text: str, end: int) -> int:
    """Where "Washington" ends with its district ("Washington DC-", "Washington, D.C.-")."""
    found = _DISTRICT.match(text, end) if text.startswith(("D", " D", ", D"), end) else None
    return found.end() if found is not None else end


def drop_non_state_heads(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions minus those modifying a non-state noun ("Chinese tourists", "UK-based")."""
    if not mentions:
        return mentions
    words, suffixes, capitalised = non_state_heads()
    keep = []
    ally: Mention | None = None  # the last mention dropped as the state whose ally is named
    for m in mentions:
        if (
            ally is not None
            and m.code == ally.code
            and _SAME_NAME.fullmatch(text, ally.end, m.start)
        ):
            ally = m  # "a close ally of Russian President Vladimir Putin": the whole name
            continue
        end = m.end if text.startswith("-", m.end) else _district_end(text, m.end)
        if text.startswith("-", end) and text[end : end + 24].lower().startswith(suffixes):
            continue  # "UK-based", "the Washington-based Carnegie Endowment", "Putin-aligned"
        if text.startswith(" time", m.end) and _CLOCK.search(text, max(0, m.start - 12), m.start):
            continue  # "at around 10am (3pm Singapore time)", "1500 Moscow time": a time zone
        if (m.kind in ("country", "capital") and _WHOSE_ALLY.match(text, m.end)) or (
            text.endswith(("of ", "of the "), 0, m.start)
            and _ALLY_OF.search(text, max(0, m.start - 40), m.start)
        ):
            ally = m
            continue  # "Russia's closest ally", "a close ally of Russia": not Russia
        if m.kind in ("country", "demonym", "capital"):
            after = text[m.end : m.end + 24].lower()
            if m.kind == "capital":  # a capital's noun is metonymy ("Moscow officials")
                keep.append(m)
                continue
            head = _HEAD.match(after)
            unless = words.get(head.group(1)) if head is not None else None
            if (
                unless is not None
                and head.group(2) not in unless
                and not (
                    head.group(1) in _BUSINESSES
                    and _SANCTIONED.search(text, max(0, m.start - 60), m.start)
                )
                and (head.group(1) != "air" or not _STATE_AIR.match(after, head.end(1)))
                and (
                    head.group(1) not in capitalised
                    or text[m.end + head.start(1) : m.end + head.start(1) + 1].isupper()
                )
            ):
                continue
        keep.append(m)
    return keep
