"""Every setting the tracker reads from its environment, in one place.

Settings are read when asked for (not at import), so a test or a long-running dashboard sees
the environment as it is now. Command-line options win over these (``--db`` over
``TRACKER_DB``); each function below says what it falls back to.

| variable | meaning | default |
| --- | --- | --- |
| ``TRACKER_DB`` | the DuckDB file | ``data/tracker.duckdb`` |
| ``TRACKER_READONLY`` | dashboard without upload or any write (1/true/yes/on) | off |
| ``TRACKER_CHROMIUM`` (or ``BROWSER_PATH``) | the Chromium for PNG/SVG/PDF export | found on PATH |
| ``TRACKER_PLOVER_GOLD`` | the PLOVER gold file for ``tracker eval`` | ``../shared/eval`` |
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

DB_ENV = "TRACKER_DB"
READONLY_ENV = "TRACKER_READONLY"
CHROMIUM_ENVS = ("TRACKER_CHROMIUM", "BROWSER_PATH")  # the first one set wins
PLOVER_GOLD_ENV = "TRACKER_PLOVER_GOLD"

DEFAULT_DB = Path("data") / "tracker.duckdb"  # relative to the working directory
_TRUE = frozenset({"1", "true", "yes", "on"})


def db_path(explicit: str | Path | None = None, environ: Mapping[str, str] = os.environ) -> str:
    """The database file: an explicit path (``--db``) beats $TRACKER_DB beats the default."""
    return str(explicit or environ.get(DB_ENV) or DEFAULT_DB)


def read_only(environ: Mapping[str, str] = os.environ) -> bool:
    """Is the dashboard public and read-only ($TRACKER_READONLY=1)?"""
    return environ.get(READONLY_ENV, "").strip().lower() in _TRUE


def chromium_override(environ: Mapping[str, str] = os.environ) -> str | None:
    """The Chromium path the user set, if any (whether it exists is checked by the caller)."""
    return next((environ[name] for name in CHROMIUM_ENVS if environ.get(name)), None)


def plover_gold_override(environ: Mapping[str, str] = os.environ) -> Path | None:
    """The PLOVER gold file the user pointed to, if any."""
    value = environ.get(PLOVER_GOLD_ENV)
    return Path(value) if value else None
