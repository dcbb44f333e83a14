"""The benchmark table: one row per measure, printed with its baseline, ratio and target."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass
class Row:
    measure: str
    ours: float
    baseline: float | None
    unit: str
    ratio: float | None
    target: str
    met: bool | None  # None: informative row, no target
    note: str = ""
    bench: str = ""  # which measure made it (set by main)


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if unit == "s":
        return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"
    if abs(value) >= 100:
        return f"{value:,.0f} {unit}".strip()
    return f"{value:.2f} {unit}".strip()


def render_table(rows: list[Row]) -> str:
    header = ("measure", "ours", "baseline", "ratio", "target", "met?")
    body = [
        (
            r.measure,
            _fmt(r.ours, r.unit),
            _fmt(r.baseline, r.unit),
            "-" if r.ratio is None else f"{r.ratio:.2f}x",
            r.target,
            {True: "yes", False: "NO", None: "-"}[r.met],
        )
        for r in rows
    ]
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]
    lines = [" | ".join(c.ljust(w) for c, w in zip(header, widths, strict=True))]
    lines.append("-|-".join("-" * w for w in widths))
    lines += [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in body]
    notes = [f"  {r.measure.strip()}: {r.note}" for r in rows if r.note]
    return "\n".join([*lines, "", "notes:", *notes])
