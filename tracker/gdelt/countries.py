"""CAMEO country codes -> ISO 3166-1 alpha-3 of the states the tracker knows.

GDELT's Actor1CountryCode / Actor2CountryCode are CAMEO codes: mostly ISO alpha-3, but a few
keep older codes (ROM for Romania, TMP for Timor-Leste) and many name no state (regions such
as EUR, AFR, MEA, WST; organisations; blank). ``tracker/data/cameo_countries.csv`` lists the
codes that name one of the tracker's states (the actors of tracker/data/actors.csv); every
other code is not a state.
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def cameo_states() -> dict[str, str]:
    """CAMEO code -> ISO alpha-3, for the codes that name a state."""
    text = resources.files("tracker.data").joinpath("cameo_countries.csv").read_text("utf-8")
    return {row["cameo"]: row["iso3"] for row in csv.DictReader(io.StringIO(text))}


def state_of(cameo: str) -> str | None:
    """The ISO alpha-3 code of a CAMEO country code, or None when it names no state."""
    return cameo_states().get(cameo.strip().upper())
