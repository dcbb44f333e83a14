"""PETRARCH-2 validation records (``../shared/eval/petr2_gsr_validation.xml``): real wire
sentences and probes, each with its expected CAMEO codings.

The file is not well-formed XML (most records open with a self-closing ``<Sentence .../>``
and still end with ``</Sentence>``): it is split on ``<Sentence `` and each record's
attributes, ``<Text>`` and ``<EventCoding .../>`` are read with regexes. Each record is
scored as a one-sentence article on its own ``date`` (leaders resolve by tenure). Only
codings between two different states count (their actor codes start with an ISO alpha-3
code the gazetteer knows); records without any coding should code nothing.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.evaluate.metrics import ratio
from tracker.evaluate.pipeline import pipeline_scorer, sentence_article

if TYPE_CHECKING:
    from tracker.coding.score import Scorer

_ATTR = re.compile(r'(\w+)="([^"]*)"')
_CODING = re.compile(r"<EventCoding\s+([^>]*?)/?>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)


def cameo_quad(code: str) -> int:
    """GDELT QuadClass of a CAMEO event code: 01-05 verbal cooperation, 06-08 material
    cooperation, 09-13 verbal conflict, 14-20 material conflict."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


@dataclass(frozen=True, slots=True)
class Coding:
    event: str  # CAMEO event code ("042")
    source: str  # alpha-3 state code (first three letters of the actor code)
    target: str

    @property
    def pair(self) -> tuple[str, str]:
        return (
            (self.source, self.target) if self.source <= self.target else (self.target, self.source)
        )


@dataclass(frozen=True, slots=True)
class PetrarchRecord:
    id: str
    on: date
    text: str
    codings: tuple[Coding, ...]  # state-to-state codings only
    all_codings: int  # codings of any kind (0: the record should code nothing)


def _record_date(value: str) -> date:
    """YYYYMMDD, or YYMMDD (one record: "121108" is 2012-11-08)."""
    if len(value) == 6:
        value = "20" + value
    return date(int(value[:4]), int(value[4:6]), int(value[6:8]))


def parse_petrarch(raw: str, states: frozenset[str]) -> list[PetrarchRecord]:
    """The records of the validation file; ``states`` are the alpha-3 codes that count."""
    records = []
    for chunk in raw.split("<Sentence ")[1:]:
        head = dict(_ATTR.findall(chunk[: chunk.find(">")]))
        text = _TEXT.search(chunk)
        if text is None or "date" not in head:
            continue
        codings = [dict(_ATTR.findall(c)) for c in _CODING.findall(chunk)]
        codings = [c for c in codings if c.get("eventcode")]  # not noevents="True"
        kept = []
        for c in codings:
            src, tgt = c.get("sourcecode", "")[:3], c.get("targetcode", "")[:3]
            if src in states and tgt in states and src != tgt and c.get("eventcode"):
                kept.append(Coding(c["eventcode"], src, tgt))
        records.append(
            PetrarchRecord(
                id=head.get("id", ""),
                on=_record_date(head["date"]),
                text=" ".join(html.unescape(text.group(1)).split()),
                codings=tuple(kept),
                all_codings=len(codings),
            )
        )
    return records


@dataclass(frozen=True)
class PetrarchResult:
    path: str
    records: int
    codings: int  # state-to-state codings
    pair_found: int  # an event on the coding's pair
    directed_found: int  # an event source -> target
    # ... or a mutual event on the pair ("X and Y met": PETRARCH codes it both ways)
    directed_or_mutual: int
    root_found: int  # an event on the pair with the coding's CAMEO root
    quad_found: int  # an event on the pair with the coding's QuadClass
    empty_records: int  # records with no coding at all
    empty_with_events: int  # ... that got an event anyway
    misses: tuple[tuple[str, str, str], ...]  # (record id, expected, what was coded)
    false_alarms: tuple[tuple[str, str], ...]  # (record id, what was coded)

    @property
    def pair_recall(self) -> float | None:
        return ratio(self.pair_found, self.codings)

    @property
    def directed_recall(self) -> float | None:
        return ratio(self.directed_found, self.codings)

    @property
    def directed_or_mutual_recall(self) -> float | None:
        return ratio(self.directed_or_mutual, self.codings)

    @property
    def root_accuracy(self) -> float | None:
        return ratio(self.root_found, self.codings)

    @property
    def quad_accuracy(self) -> float | None:
        return ratio(self.quad_found, self.codings)

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "records": self.records,
            "state_codings": self.codings,
            "pair_recall": self.pair_recall,
            "directed_recall": self.directed_recall,
            "directed_or_mutual_recall": self.directed_or_mutual_recall,
            "cameo_root": self.root_accuracy,
            "quad_class": self.quad_accuracy,
            "empty_records": self.empty_records,
            "empty_records_with_events": self.empty_with_events,
        }


def _described(events: Sequence[Any]) -> str:
    return (
        "; ".join(
            f"{e.source}->{e.target} {e.category}/{e.cameo} {e.mode.value} '{e.trigger}'"
            for e in events
        )
        or "nothing"
    )


def score_petrarch(
    records: Sequence[PetrarchRecord], scorer: Scorer, path: str = ""
) -> PetrarchResult:
    """Score every record on its own date and compare with its state-to-state codings."""
    from tracker.coding.score import score_article

    c = dict.fromkeys(
        ("codings", "pair", "directed", "mutual", "root", "quad", "empty", "alarm"), 0
    )
    misses: list[tuple[str, str, str]] = []
    alarms: list[tuple[str, str]] = []
    for r in records:
        events = score_article(sentence_article(r.id, r.text, r.on), scorer).events
        if r.all_codings == 0:
            c["empty"] += 1
            if events:
                c["alarm"] += 1
                alarms.append((r.id, _described(events)))
        for coding in r.codings:
            c["codings"] += 1
            on_pair = [e for e in events if e.pair == coding.pair]
            c["pair"] += bool(on_pair)
            way = (coding.source, coding.target)
            c["directed"] += any((e.source, e.target) == way for e in on_pair)
            c["mutual"] += any((e.source, e.target) in (way, (None, None)) for e in on_pair)
            c["root"] += any(e.cameo[:2] == coding.event[:2] for e in on_pair)
            quad = cameo_quad(coding.event)
            hit = any(e.quad_class == quad for e in on_pair)
            c["quad"] += hit
            if not hit:
                expected = f"{coding.source}->{coding.target} {coding.event}"
                misses.append((r.id, expected, _described(events)))
    return PetrarchResult(
        path, len(records), c["codings"], c["pair"], c["directed"], c["mutual"], c["root"],
        c["quad"],
        c["empty"], c["alarm"], tuple(misses), tuple(alarms),
    )  # fmt: skip


def evaluate_petrarch(path: Path, scorer: Scorer | None = None) -> PetrarchResult:
    """Read the validation file and score it with the pipeline."""
    scorer = scorer or pipeline_scorer()
    states = scorer.matcher.gazetteer.codes
    records = parse_petrarch(Path(path).read_text(encoding="utf-8"), states)
    return score_petrarch(records, scorer, str(path))
