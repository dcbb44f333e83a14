"""The package's data files: gazetteer, rules and English word lists (``en/``)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def word_list(name: str) -> frozenset[str]:
    """The lower-cased words of ``en/<name>``: one per line, "#" lines and blanks skipped."""
    raw = files("tracker.data").joinpath(f"en/{name}").read_text(encoding="utf-8")
    lines = (line.strip().lower() for line in raw.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))
