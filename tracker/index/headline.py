"""The honest headline of one series: the current value with its band, the evidence behind
it, and its change against a stated reference (docs/temperature.md, "Headline"). Pure.

* value: the **filtered** level on the last day (no look-ahead; on the last day the
  smoothed value is the same number), with its band;
* evidence: "based on N articles in the last 90 days" (``articles_90d`` of the last row);
* change: against the smoothed level ``REFERENCES`` names - 90 days earlier (the last
  period ending at least 90 days before, its date stated) or the start of the range;
* uncertain: when the band is wider than the value's distance from 0 the number is not
  shown as a headline figure ("uncertain" instead).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from tracker.index.params import EVIDENCE_DAYS

REFERENCES = {"90d": f"{EVIDENCE_DAYS} days earlier", "start": "the start of the range"}


@dataclass(frozen=True)
class Headline:
    """What the dashboard prints for one series (``text`` fields are ready to show)."""

    value: float
    lower: float
    upper: float
    as_of: date
    articles: int  # in the EVIDENCE_DAYS days up to as_of
    reference: str  # key of REFERENCES
    reference_date: date | None  # None: the range holds nothing that far back
    reference_value: float | None
    change: float | None
    uncertain: bool

    @property
    def value_text(self) -> str:
        return "uncertain" if self.uncertain else f"{self.value:+.0f}"

    @property
    def band_text(self) -> str:
        return f"{self.value:+.0f} (95% band {self.lower:+.0f} … {self.upper:+.0f})"

    @property
    def evidence_text(self) -> str:
        noun = "article" if self.articles == 1 else "articles"
        return f"based on {self.articles} {noun} in the last {EVIDENCE_DAYS} days"

    @property
    def change_text(self) -> str:
        if self.change is None or self.reference_date is None:
            return f"no value {REFERENCES[self.reference]} in this range"
        label = REFERENCES[self.reference]
        return f"{self.change:+.0f} since {self.reference_date:%Y-%m-%d} ({label})"


def headline(series: pd.DataFrame, *, reference: str = "90d") -> Headline | None:
    """The headline of one series' timeline (one pair and direction; None when empty).

    ``reference``: "90d" compares with the last period ending at least 90 days before the
    last one, "start" with the first period of the frame.
    """
    if reference not in REFERENCES:
        raise ValueError(f"reference must be one of {', '.join(REFERENCES)}")
    frame = series.dropna(subset=["filtered"]).sort_values("as_of")
    if frame.empty:
        return None
    last = frame.iloc[-1]
    as_of = _day(last["as_of"])
    if reference == "start":
        earlier = frame.iloc[:1] if len(frame) > 1 else frame.iloc[:0]
    else:
        cutoff = as_of - timedelta(days=EVIDENCE_DAYS)
        earlier = frame[[_day(d) <= cutoff for d in frame["as_of"]]].tail(1)
    value, lower, upper = (float(last[c]) for c in ("filtered", "filtered_lower", "filtered_upper"))
    ref_value = float(earlier["temperature"].iloc[0]) if len(earlier) else None
    return Headline(
        value=value,
        lower=lower,
        upper=upper,
        as_of=as_of,
        articles=int(last["articles_90d"]),
        reference=reference,
        reference_date=_day(earlier["as_of"].iloc[0]) if len(earlier) else None,
        reference_value=ref_value,
        change=None if ref_value is None else value - ref_value,
        uncertain=(upper - lower) > abs(value),
    )


def _day(value: object) -> date:
    return pd.Timestamp(value).date()
