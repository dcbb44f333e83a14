"""``--every 15m``: the interval of a polling loop, and the loop. Pure but for ``sleep``."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

MIN_EVERY_S = 1.0  # a loop faster than this would hammer the sources
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)


def parse_every(text: str) -> float:
    """'15m' -> 900.0; '30s', '2h', '1d', '90' (seconds). ValueError when malformed."""
    match = _EVERY.match(text or "")
    if not match:
        raise ValueError(f"{text!r} is not an interval like 30s, 15m, 2h or 1d")
    seconds = float(match.group(1)) * _UNITS[(match.group(2) or "s").lower()]
    if seconds < MIN_EVERY_S:
        raise ValueError(f"interval {text!r} is under {MIN_EVERY_S:g} s")
    return seconds


def run_every(
    every_s: float,
    work: Callable[[], object],
    *,
    rounds: int | None = None,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Call ``work()`` every ``every_s`` seconds (start to start; a round that overruns is
    followed at once by the next), ``rounds`` times or until interrupted (Ctrl-C raises
    KeyboardInterrupt out of here: the caller decides how to exit). Returns rounds done."""
    done = 0
    while rounds is None or done < rounds:
        started = clock()
        work()
        done += 1
        if rounds is not None and done >= rounds:
            break
        sleep(max(0.0, started + every_s - clock()))
    return done
