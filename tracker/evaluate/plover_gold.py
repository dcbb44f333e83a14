"""The PLOVER GSR gold set: 322 human-coded sentences from the CAMEO manual (Open Event
Data Alliance, CC BY-SA 4.0), read into typed records, and their gold actor spans."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.evaluate.codebook import QUAD_CLASS, is_country, normalise_code, normalise_label

if TYPE_CHECKING:
    from tracker.models import Mention


@dataclass(frozen=True, slots=True)
class GoldActor:
    text: str
    code: str


@dataclass(frozen=True, slots=True)
class PloverRecord:
    """One PLOVER GSR sentence with its label in the current category set."""

    id: str
    text: str
    category: str
    original_label: str
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]
    compound: bool  # SRC/TAR: the actors act together or on each other, direction free
    on: date
    markup: str = ""

    @property
    def actor_codes(self) -> frozenset[str]:
        return frozenset(a.code for a in self.sources + self.targets if a.code)

    @property
    def scope(self) -> str:
        """'country-dyad', 'actor-dyad' (>= 2 actors, some non-state) or 'single-actor'."""
        if self._has_pair(is_country):
            return "country-dyad"
        if self._has_pair(bool):
            return "actor-dyad"
        return "single-actor"

    def _has_pair(self, keep: Any) -> bool:
        if self.compound:
            return len({c for c in self.actor_codes if keep(c)}) >= 2
        src = {a.code for a in self.sources if keep(a.code)}
        tgt = {a.code for a in self.targets if keep(a.code)}
        return any(s != t for s in src for t in tgt)

    def direction_ok(self, source: str | None, target: str | None) -> bool | None:
        """Is an event's direction right? None when it cannot be judged (actor not in gold)."""
        codes = self.actor_codes
        if source is None or target is None or source not in codes or target not in codes:
            return None
        if self.compound:
            return source != target
        return source in {a.code for a in self.sources} and target in {a.code for a in self.targets}


def _actors(value: Any) -> tuple[GoldActor, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(
        GoldActor(str(a.get("actorText", "")).strip(), normalise_code(str(a.get("code", ""))))
        for a in value
        if isinstance(a, dict)
    )


def load_plover(path: Path) -> list[PloverRecord]:
    """The GSR records with text and a usable label (DOCUMENT and text-less ones skipped)."""
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    records = []
    for r in raw:
        label = normalise_label(str(r.get("event", "")))
        text = r.get("text")
        if not label or not text or label not in QUAD_CLASS:
            continue
        info = r.get("textInfo")
        markup = str(info.get("markup", "") if isinstance(info, dict) else info or "")
        sources, targets = _actors(r.get("source")), _actors(r.get("target"))
        compound = "SRC/TAR" in markup or (not targets and len({a.code for a in sources}) >= 2)
        on = date.fromisoformat(r.get("date") or "2000-01-01")
        records.append(
            PloverRecord(
                str(r["id"]), text, label, str(r["event"]), sources, targets, compound, on,
                markup,
            )
        )  # fmt: skip
    return records


def gold_mentions(record: PloverRecord) -> list[Mention]:
    """Mentions at the gold actor spans (the CAMEO codes as given, IGO/NGO included).

    The span is the actor text found in the sentence (case-insensitive; for "U.S. ...
    negotiators" the part before the ellipsis); actors not found are left out.
    """
    from tracker.models import Mention

    lower = record.text.lower()
    mentions: dict[tuple[int, str], Mention] = {}
    for actor in record.sources + record.targets:
        if not actor.code or not actor.text:
            continue
        for candidate in (actor.text, actor.text.split("...")[0], actor.text.split("(")[0]):
            needle = candidate.strip().lower()
            at = lower.find(needle) if needle else -1
            if at >= 0:
                end = at + len(needle)
                mentions[(at, actor.code)] = Mention(
                    actor.code, at, end, record.text[at:end], "gold"
                )
                break
    return sorted(mentions.values(), key=lambda m: (m.start, m.end))
