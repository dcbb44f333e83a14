"""Roles one word implies, whatever the clause's subject and object say: "its" in "drones
that entered its airspace" names the incursion's target, and the one who must "face new
sanctions" is their target (docs/tone_and_events.md, N140-N141)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tracker.coding.argument_groups import Args, Scene
from tracker.coding.matching import Match

AIRSPACE_RULE = "assault.airspace"


def airspace_owner(words: Sequence[str], m: Match, scene: Scene, args: Args) -> Args:
    """The target of an airspace incursion named by "its" ("drones that entered its
    airspace"): the nearest earlier state (``before_all`` is nearest first) that is not the
    incursion's source ("Estonia said Russian jets entered its airspace")."""
    if "its" not in words[m.first : m.last + 1]:
        return args
    owner = next((g.codes for g in scene.before_all if not set(g.codes) & set(args.sources)), ())
    return args._replace(targets=owner) if owner else args


_FACE = re.compile(r"\bfac(?:e|es|ed|ing)\b", re.IGNORECASE)


def faced_measure(text: str, m: Match, scene: Scene, args: Args) -> Args:
    """A measure its source group faces ("a deadline for Russia to halt its campaign or face
    new sanctions"): that group, the nearest before it with "face" between, is its target,
    and its source is left to the sentence."""
    if not scene.before_all or scene.before_all[0].codes != args.sources:
        return args  # ("faces sanctions from the United States": the source is named)
    between = text[scene.before_all[0].end : m.start]
    if len(between) > 80 or not _FACE.search(between):
        return args  # ("faced US sanctions": the modifier is the source)
    return args._replace(sources=(), targets=args.sources)
