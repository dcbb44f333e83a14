"""Where an attack comes from: an attack launched "from X" with no agent of its own
("200 missiles and drones were fired from Iran towards Israel", "rockets were fired from
Lebanon into Israel", "attacks from Russia") is X's, toward the state after "towards /
into / at / on / against". Read by ``implied_roles.category_roles`` for ASSAULT triggers
whose clause names no source ("Russian troops crossed into Ukraine from Belarus" stays
Russia's: its subject is named)."""

from __future__ import annotations

import re

from tracker.coding.argument_groups import Args, Scene
from tracker.coding.matching import Match

# an attack launched "from X" toward a state after "towards / into / at / on / against"
_FROM = re.compile(r"\s+(?:[\w-]+\s+){0,3}?from\s+(?:the\s+)?(?:territory\s+of\s+)?$", re.I)
_RIGHT_FROM = re.compile(r"\s+from\s+(?:the\s+)?$", re.I)  # ("attacks from Russia")
_TOWARD = re.compile(r"\s+(?:towards?|into|at|on|against)\s+(?:the\s+)?$", re.I)
_LAUNCHES = frozenset({"assault.fired_passive", "assault.fire", "assault.launch", "assault.sent"})


def launched_from(text: str, m: Match, scene: Scene) -> Args | None:
    """The arguments of an attack launched "from X" ("200 missiles and drones were fired from
    Iran towards Israel", "missiles were launched at Kyiv from Belarus", "attacks from
    Russia"): X is its source, a state after "towards / into / at / on" its target; None
    without "from X" (not "killed two aid workers from the United States")."""
    after = scene.after_all[:3]
    ends = [m.end, *(g.end for g in after)]  # where the text before each group starts
    origin_gap = _FROM if m.rule in _LAUNCHES else _RIGHT_FROM
    origin = next(
        (i for i, g in enumerate(after) if origin_gap.match(text, ends[i], g.start)), None
    )
    if origin is None:
        return None
    target = next(
        (
            g.codes
            for i, g in enumerate(after)
            if i != origin and _TOWARD.match(text, ends[i], g.start)
        ),
        (),
    )
    return Args(after[origin].codes, target, *scene.near)
