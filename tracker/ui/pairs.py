"""Pair labels the picker can search: codes, country names and demonyms from the gazetteer
(tracker/data/actors.csv), so "Russia", "Belarusian" and "BLR" all find their pairs."""

from __future__ import annotations

from functools import cache

from tracker.coding.gazetteer import load_gazetteer


@cache
def country_names() -> dict[str, tuple[str, str]]:
    """code -> (country name, demonym), the first of each kind in the gazetteer."""
    names: dict[str, list[str]] = {}
    demonyms: dict[str, str] = {}
    for alias in load_gazetteer().aliases:
        if alias.kind == "country":
            names.setdefault(alias.code, []).append(alias.surface)
        elif alias.kind == "demonym":
            demonyms.setdefault(alias.code, alias.surface)
    return {code: (found[0], demonyms.get(code, "")) for code, found in names.items()}


def pair_option_label(code: str, articles: int) -> str:
    """'BLR-USA' -> 'Belarus – United States (BLR–USA) · Belarusian, American · 12 articles'."""
    a, _, b = code.partition("-")
    known = country_names()
    name_a, dem_a = known.get(a, (a, ""))
    name_b, dem_b = known.get(b, (b, ""))
    demonyms = ", ".join(d for d in (dem_a, dem_b) if d)
    label = f"{name_a} – {name_b} ({a}–{b})"
    if demonyms:
        label += f" · {demonyms}"
    return f"{label} · {articles:,} articles"
