"""A plotly figure's browser form, made once: what a cached chart hands to every rerun.

Streamlit's ``st.plotly_chart`` turns the figure into JSON on every run that draws it (the
first and second pass of a view, every click): ``Figure.to_dict`` deep-copies every array
(element by element for the per-point ``customdata`` object arrays) and plotly's JSON
encoder calls back into Python for every date and NumPy value. For the 200k store's daily
chart that was ~120 ms a run, ~40 ms for the demo's. :class:`PreparedFigure` does that work
once, when the chart is cached, and leaves a plain dict that the standard ``json`` encoder
writes in C.

The form is the same figure, with two exact simplifications: dates at midnight are written
as days (``2025-10-01``, not ``2025-10-01T00:00:00``: the same instant to plotly.js; the
x values are not shown anywhere as text) and whole floats as integers (``-12``, not
``-12.0``; the hover formats them alike). Numeric arrays keep plotly's own typed-array
(``bdata``) encoding.
"""

from __future__ import annotations

import json
from functools import cached_property
from typing import Any

import numpy as np
import plotly.graph_objects as go


class PreparedFigure(go.Figure):
    """A stand-in whose ``to_dict`` returns a ready browser form of another figure.

    Only for handing a cached figure to ``st.plotly_chart`` (which calls ``to_dict``): it
    holds no traces of its own (``.data`` is empty); exports and tests use the figure it
    was made from. Each call returns fresh top-level containers (callers may pop keys)."""

    def __init__(self, fig: go.Figure) -> None:
        super().__init__()
        self._browser_form = browser_form(fig)

    def to_dict(self) -> dict[str, Any]:
        form = self._browser_form
        return {
            "data": [dict(trace) for trace in form["data"]],
            "layout": dict(form["layout"]),
        }

    @cached_property
    def json_text(self) -> str:
        """The browser form as compact JSON text, made on first use and kept with the
        figure (tracker.ui.quick_switch sends it ahead of a frequency switch)."""
        return json.dumps(self._browser_form, separators=(",", ":"))


def browser_form(fig: go.Figure) -> dict[str, Any]:
    """``fig.to_dict()`` with every remaining NumPy or pandas value turned into plain
    Python (lists, str, int, float, None): what plotly's JSON encoder would write, so the
    standard encoder writes it without calling back (see the module's note). Dates with a
    time of day or a gap stay as they are, for plotly's encoder (none in our charts)."""
    spec = fig.to_dict()
    spec["data"] = [{key: _plain(value) for key, value in t.items()} for t in spec["data"]]
    return spec


def _plain(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        if value.dtype.kind == "M":
            return _days(value)
        return _plain(value.tolist()) if value.dtype.kind == "O" else value.tolist()
    if isinstance(value, list | tuple):
        if value and all(_is_timestamp(v) for v in value):
            days = _days(np.array(value, dtype="datetime64[ns]"))
            return days if isinstance(days, list) else value
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {key: _plain(v) for key, v in value.items()}
    return _scalar(value)


def _scalar(value: Any) -> Any:
    if isinstance(value, bool | str) or value is None:
        return value
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        if value != value:  # NaN: plotly's encoder writes null
            return None
        return int(value) if value.is_integer() else value
    return value


def _is_timestamp(value: Any) -> bool:
    return isinstance(value, np.datetime64) or type(value).__name__ == "Timestamp"


def _days(values: np.ndarray) -> Any:
    """Dates at midnight as days (plotly.js reads ``2025-10-01`` as that midnight); any
    other time of day, or a missing date, leaves the values to plotly's own encoder."""
    if np.isnat(values).any() or (values != values.astype("datetime64[D]")).any():
        return values
    return np.datetime_as_string(values, unit="D").tolist()
