"""A speaker's judgement of a state's conduct: "Russia's actions are unacceptable, Blinken
said", "Blinken said the Russian strikes were irresponsible" (N355).

The conduct's owner, the first actor of the copula's subject (not one after a preposition:
"the situation in Gaza is unacceptable" judges no state), is the target of the criticism;
whoever states it, the actor before the reported clause or the speaker of its wrapper
(", Hamada said"), is the source. Also the speaker lookup that demands and threats stated
by a speaker use (``wrapper_speaker``).
"""

from __future__ import annotations

import re

from tracker.coding.argument_groups import Args, Near, Scene
from tracker.coding.matching import Match

JUDGED_RULE = "accuse.judged"

_SPOKE = re.compile(
    r"[^,;.]{0,40}?\b(?:said|says|told|tells|added|adds|stated|noted|stressed|insisted|wrote|"
    r"warned|announced|declared|replied)\b"
)
# where a reported clause opens: a quotation mark, a colon, a verb of speech, "that"
_CLAUSE_OPEN = re.compile(
    r"[\"“]|:\s|\b(?:said|says|saying|stated|added|insisted|stressed|noted|warned|that)\b", re.I
)
# an actor after one of these is a place, a topic or a victim, not the conduct's owner
AFTER_PREPOSITION = re.compile(
    r"\b(?:in|on|at|to|from|with|against|by|for|over|into|towards?|of|near|between|amid|about)"
    r"\s+(?:the\s+)?$",
    re.I,
)
# ... but after "of" an actor that modifies a noun owns it: "the series of North Korean
# actions", "the conduct of Russia's forces" (not "the invasion of Ukraine is illegal")
_MODIFIES = re.compile(r"(?:['’]s)?\s+(?!(?:is|are|was|were|has|have|had)\b)[a-z]")


def wrapper_speaker(text: str, m: Match, scene: Scene) -> tuple[str, ...]:
    """The states of the speaker after a reported clause: the wrapper's first actor (",
    Lavrov told Rubio": not Rubio), else the last one after the clause's comma ('," Rubio
    said, adding that ...'); none when no actor that speaks follows a comma (", the official
    added": not "Belarusian fertilizer" before it; not ", after the U.S. brought")."""
    comma = text.rfind(",", m.end)
    if not scene.after_all or comma < 0:
        return ()
    first = text.find(",", m.end)
    after = [g for g in scene.after_all if _SPOKE.match(text, g.end)]
    wrapper = next((g for g in after if g.start > comma), None) or next(
        (g for g in reversed(after) if g.start > first), None
    )
    return wrapper.codes if wrapper is not None else ()


def judged_arguments(text: str, m: Match, scene: Scene, near: Near) -> Args:
    """Source (who judges) and target (whose conduct is judged) of a copula judgement."""
    opened = 0
    for found in _CLAUSE_OPEN.finditer(text, 0, m.start):
        opened = found.end()
    owner = next(
        (
            g
            for g in reversed(scene.before_all)  # (text order)
            if g.start >= opened and not _not_owner(text, g.start, g.end)
        ),
        None,
    )
    if owner is None:
        return Args((), (), *near, own=True)  # "It is unacceptable that ...": no one's
    speakers = [g for g in scene.before_all if g.end <= opened]  # (nearest first)
    speaker = speakers[0].codes if speakers else wrapper_speaker(text, m, scene)
    return Args(tuple(c for c in speaker if c not in owner.codes), owner.codes, *near)


def _not_owner(text: str, start: int, end: int) -> bool:
    """Does a preposition make the actor at ``start:end`` a place, topic or victim?"""
    before = AFTER_PREPOSITION.search(text, max(0, start - 14), start)
    if before is None:
        return False
    return not (before.group().lower().startswith("of") and _MODIFIES.match(text, end))


def without_wrapper_agent(text: str, m: Match, scene: Scene, args: Args) -> Args:
    """A noun's own act with a target and no agent named, in a clause whose speaker comes
    after it, is no act of that speaker: "The invasion of Ukraine is illegal, Kishida said"
    (the act's agent is someone the sentence does not name)."""
    if (
        args.own
        and args.targets
        and not args.sources
        and not scene.before
        and wrapper_speaker(text, m, scene)
    ):
        return args._replace(unowned=True)
    return args
