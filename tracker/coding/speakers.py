"""Who speaks: a document's speaker, and first-person actors that stand for it.

A statement says "We condemn Russia's ..." and never names its own state. The speaker of a
document comes, in this order, from (docs/tone_and_events.md, "Speakers"):

1. the record's metadata: a ``speaker`` / ``source_country`` field (an alpha-3 code or a
   name the gazetteer knows: "United States", "Russian MFA");
2. the site of its URL, for the official domains in ``tracker/data/official_domains.csv``
   (state.gov, whitehouse.gov, mid.ru, kremlin.ru, president.gov.by, mfa.gov.by, ...);
3. a byline or dateline among its first lines that names an official source ("Press
   Statement ... Office of the Spokesperson", "Belarus Ministry of Foreign Affairs").

A quotation has its own speaker (``quotations``): '"We will respond," Lavrov said' makes
Lavrov's state the "we" inside the quotes. First-person subjects and possessives
(``data/en/first_person.txt``: we, our, our government, I ...) then become mentions of kind
``speaker`` at their offsets, so that dyads and event arguments read them like a named state.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any
from urllib.parse import urlsplit

from tracker.coding.actors import ActorMatcher
from tracker.coding.quotations import Quote, one_state, quote_speaker
from tracker.models import Mention

SPEAKER = "speaker"  # Mention.kind of a first-person actor
BYLINE_LINES = 3  # first lines of a document read for a byline or dateline
BYLINE_WORDS = 16  # a longer line is prose, not a byline


@dataclass(frozen=True)
class SpeakerRules:
    domains: tuple[tuple[str, str], ...]  # (domain, code), longest domain first
    first_person: re.Pattern[str]
    byline: re.Pattern[str]


def _lines(name: str) -> list[str]:
    raw = files("tracker.data").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in raw.splitlines() if line.strip() and line[0] != "#"]


def _first_person_pattern(phrases: Sequence[str]) -> re.Pattern[str]:
    """Whole-word alternatives: each phrase lower-case and capitalised, except "i" (only
    "I") and "us" (only lower-case: "US" is the country)."""
    forms: list[str] = []
    for phrase in sorted(phrases, key=len, reverse=True):
        if phrase == "i":
            forms.append("I")
        elif phrase == "us":
            forms.append("us")
        else:
            forms += [re.escape(phrase), re.escape(phrase[:1].upper() + phrase[1:])]
    return re.compile(rf"\b(?:{'|'.join(forms)})\b")


@cache
def speaker_rules() -> SpeakerRules:
    """The packaged speaker data, read once."""
    raw = files("tracker.data").joinpath("official_domains.csv").read_text(encoding="utf-8")
    records = csv.DictReader(io.StringIO(raw))
    rows = [(r["domain"].strip().lower(), r["code"].strip()) for r in records]
    byline = "|".join(re.escape(p) for p in _lines("en/speaker_lines.txt"))
    return SpeakerRules(
        domains=tuple(sorted(rows, key=lambda r: -len(r[0]))),
        first_person=_first_person_pattern(_lines("en/first_person.txt")),
        byline=re.compile(rf"\b(?:{byline})\b", re.IGNORECASE),
    )


def domain_speaker(url: str | None) -> str | None:
    """The state of an official site ("https://www.state.gov/..." -> USA), or None."""
    if not url:
        return None
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    for domain, code in speaker_rules().domains:
        if host == domain or host.endswith("." + domain):
            return code
    return None


def document_speaker(
    text: str,
    on: date,
    matcher: ActorMatcher,
    speaker: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> tuple[str | None, str]:
    """(code, where it came from: "metadata", "url", "title", "byline" or "") of a
    document; a title that heads a statement names its body ("Statement of the Ministry of
    Foreign Affairs of Ukraine on ...", "Joint Statement by the United States and ...":
    two states, no one)."""
    if speaker:
        field = speaker.strip()
        if len(field) == 3 and field.isalpha() and field.upper() in matcher.gazetteer.codes:
            return field.upper(), "metadata"
        code = one_state(matcher.find(field, on))
        if code:
            return code, "metadata"
    code = domain_speaker(url)
    if code:
        return code, "url"
    heading = _STATEMENT_TITLE.match(title or "")
    if heading and (code := one_state(matcher.find(heading.group("body"), on))):
        return code, "title"  # "Statement of the Ministry of Foreign Affairs of Ukraine on ..."
    rules = speaker_rules()
    lines = text.lstrip().split("\n", BYLINE_LINES)[:BYLINE_LINES]
    short = [line for line in lines if len(line.split()) <= BYLINE_WORDS]
    bylines = [line for line in short if rules.byline.search(line)]
    for line in bylines:
        found = matcher.find(line, on)
        code = one_state(found) or _host_of(line, found)
        if code:
            return code, "byline"
    # "Press Statement / Marco Rubio, Secretary of State / October 24, 2025": the byline
    # word and the official's state on different lines of one heading
    if len(short) > 1 and bylines:
        code = one_state(matcher.find("\n".join(short), on))
        if code:
            return code, "byline"
    return None, ""


_STATEMENT_TITLE = re.compile(
    r"^\s*(?:joint\s+|press\s+|official\s+)?(?:statement|comment|declaration|communiqu[eé])\s+"
    r"(?:of|by|from)\s+(?P<body>.{3,100}?)(?:\s+(?:on|regarding|about|concerning|in\s+connection"
    r"\s+with|following|after)\b|[:.]|\s*$)",
    re.IGNORECASE,
)
# "Readout: Secretary Rubio's Call with Russian Foreign Minister Lavrov": the heading names
# two states, and the one whose official's call, meeting or visit it reports speaks
_HOST = re.compile(
    r"^(?P<host>[^\n]{0,80}?)['’]s\s+(?:(?:phone|telephone|video)\s+)?"
    r"(?:call|meeting|conversation|talks|visit|trip)\s+(?:with|to)\b",
    re.IGNORECASE,
)


def _host_of(line: str, mentions: Sequence[Mention]) -> str | None:
    """The state of the official whose call or meeting a readout's heading names."""
    found = _HOST.search(line)
    if found is None:
        return None
    return one_state([m for m in mentions if m.end <= found.end("host")])


UNREAD: Any = object()  # ``with_first_person``'s ``said`` when no one has read the quotation


def with_first_person(
    text: str,
    mentions: list[Mention],
    speaker: str | None,
    running: Quote | None = None,
    said: Quote | Any | None = UNREAD,
) -> list[Mention]:
    """``mentions`` plus a ``speaker`` mention for each first-person word that stands for
    the speaker: inside an attributed quotation its speaker (``running``: a quotation that
    runs over several sentences, from ``running_quotes``), elsewhere the document's."""
    quoted = '"' in text or "“" in text or "”" in text  # any quotation mark (inlined: hot)
    if speaker is None and not quoted and running is None:
        return mentions
    if running is not None or said is not UNREAD:
        quote = running or said  # (read by ``running_quotes``)
    else:
        quote = quote_speaker(text, mentions) if quoted else None
    if quote is None and speaker is None:
        return mentions
    added: list[Mention] = []
    for found in speaker_rules().first_person.finditer(text):
        start, end = found.span()
        if quote is not None and quote[1] <= start < quote[2]:
            code = quote[0]
        elif speaker is not None and (quote is None or not quote[1] <= start < quote[2]):
            code = speaker
        else:
            continue
        if any(m.start < end and start < m.end for m in mentions):
            continue
        added.append(Mention(code, start, end, found.group(0), SPEAKER))
    if not added:
        return mentions
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end))
