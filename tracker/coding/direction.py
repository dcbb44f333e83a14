"""The positional fallback for an event's direction: where the dyad's own actor mentions
sit around the trigger (docs/tone_and_events.md, "The old positional direction"). Used only
when a trigger's arguments found no actor and the sentence has one dyad."""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

from tracker.coding.attach import MUTUAL_JOIN
from tracker.coding.passive import PASSIVE_REACH, is_agent_by, is_passive
from tracker.models import Dyad, Mention


def resolve_direction(
    text: str, mentions: Sequence[Mention], dyad: Dyad, start: int, end: int
) -> tuple[str | None, str | None] | None:
    """Source/target of a trigger at ``text[start:end]`` from where the dyad's actors sit.

    Passive "by X" after the trigger makes X the source; otherwise the nearest actor before
    the trigger is the source ("X and Y agreed" is mutual: None, None); otherwise the first
    actor after it (or inside a long trigger) is the target; a pronoun-inherited actor
    counts as the subject; with no usable mention the dyad's own direction is kept. None:
    the trigger is quoted and none of the dyad's actors is (``_quoted_apart``).
    """
    placed, inherited = dyad_mentions(mentions, dyad)
    return positional_direction(text, placed, inherited, dyad, start, end)


def dyad_mentions(mentions: Sequence[Mention], dyad: Dyad) -> tuple[list[Mention], list[Mention]]:
    codes = dyad.pair
    placed = sorted([m for m in mentions if m.code in codes and m.start >= 0], key=POSITION_KEY)
    inherited = [m for m in mentions if m.code in codes and m.start < 0]
    return placed, inherited


def positional_direction(
    text: str,
    placed: Sequence[Mention],
    inherited: Sequence[Mention],
    dyad: Dyad,
    start: int,
    end: int,
) -> tuple[str | None, str | None] | None:
    a, b = dyad.pair
    if ('"' in text or "“" in text) and _quoted_apart(text, placed, start):
        return None  # '"You can go and see, talk to people," Khrenin told the Americans'

    def other(code: str) -> str:
        return b if code == a else a

    after = [m for m in placed if m.start >= end]
    before = [m for m in placed if m.end <= start]
    if after and (not before or is_passive(text, start, end)):
        for m in after:  # "was praised by Trump", "sanctions imposed on Belarus by the US"
            if m.start - end <= PASSIVE_REACH and is_agent_by(text, end, m.start):
                return m.code, other(m.code)
    if before:
        near = before[-1]
        for m in reversed(before[:-1]):
            if m.code != near.code:
                if MUTUAL_JOIN.match(text[m.end : near.start]):
                    return None, None
                break
        return near.code, other(near.code)
    if inherited:
        return inherited[0].code, other(inherited[0].code)
    inside = [m for m in placed if m.start >= start and m.end <= end]
    if inside:  # "sanctions on Russia will not be lifted": the actor inside is the object
        return other(inside[0].code), inside[0].code
    if after:
        return other(after[0].code), after[0].code
    if dyad.source in dyad.pair or dyad.target in dyad.pair:
        return dyad.source, dyad.target
    return None, None


def mention_position(m: Mention) -> tuple[int, int]:
    return (m.start, m.end)


POSITION_KEY = attrgetter("start", "end")  # mention_position as a C-level sort key


def _quoted_apart(text: str, placed: Sequence[Mention], start: int) -> bool:
    """Is the trigger at ``start`` inside a quotation that holds none of the dyad's actors?
    Then position says nothing of who acts: the words are the speaker's, the actors are
    outside them."""
    marks = [k for k, c in enumerate(text) if c in '"“”']
    before = [k for k in marks if k < start]
    if len(before) % 2 == 0:
        return False  # (an even count of marks before it: outside any quotation)
    lo = before[-1]
    hi = next((k for k in marks if k > start), len(text))
    return not any(lo < m.start < hi for m in placed)
