"""The dashboard's layout: data check (demo on first run), sidebar controls, and the
Explore / Add articles / Briefing tabs. The work is done by the library; this file wires it.

Environment: TRACKER_DB (database path, default data/tracker.duckdb), TRACKER_READONLY=1
(no upload, no demo load: nothing is ever written).
"""

from __future__ import annotations

import threading
from dataclasses import fields
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from tracker.config import read_only
from tracker.errors import StoreBusy, TrackerError
from tracker.index.params import TemperatureParams
from tracker.store import resolve_db_path
from tracker.ui import briefing, cached, explore, upload
from tracker.ui import gdelt as gdelt_view
from tracker.ui import sources as sources_view
from tracker.ui.state import (
    DEFAULT_FREQ,
    DEFAULT_PAIRS,
    FREQ_CODES,
    FREQ_NAMES,
    Context,
    Key,
    pair_code,
    parse_view,
    view_params,
    write_query_params,
)

_DEMO_LOCK = threading.Lock()  # sessions run on threads: one demo load per process
# Parameter widgets: (min, max, step) per TemperatureParams field; others get a default.
_PARAM_RANGES = {
    "volatility": (0.0, 0.2, 0.001),
    "reversion_per_year": (0.0, 0.99, 0.01),
    "tone_scale": (0.05, 2.0, 0.05),
    "event_scale": (1.0, 500.0, 1.0),
    "prior_sd": (0.05, 5.0, 0.05),
    "band_z": (0.0, 3.0, 0.05),
}
_DEFAULT_RANGE = (0.0, 5.0, 0.05)


def read_only_mode() -> bool:
    return read_only()


def main() -> None:
    st.set_page_config(page_title="Relationship tracker", page_icon="🌡️", layout="wide")
    st.title("Relationship temperature")
    db = resolve_db_path()
    read_only = read_only_mode()
    try:
        _run(db, read_only)
    except StoreBusy as error:
        st.warning(f"{error}. Reload the page (or press R) in a moment.", icon="⏳")
    except TrackerError as error:
        st.error(str(error))


def _run(db: str, read_only: bool) -> None:
    if not _ensure_data(db, read_only):
        return
    version = cached.data_version(db)
    pairs = cached.pairs(db, version)
    if st.session_state.get(Key.DEMO_NOTE):
        st.info(
            "This is **demo data**: the bundled sample corpus (tracker/data/samples) was loaded "
            "because the database was empty. Add your own articles under *Add articles*.",
            icon="ℹ️",
        )
    ctx = _sidebar(db, version, pairs, read_only)
    for warning in st.session_state.get(Key.URL_WARNINGS, ()):
        st.caption(f"⚠️ Link: {warning}")
    names = ["Explore", "Briefing"] if read_only else ["Explore", "Add articles", "Briefing"]
    if not read_only:
        names.append("Sources")  # feeds and pages: writes, so never in read-only mode
    tabs = dict(zip(names, st.tabs(names), strict=True))
    with tabs["Explore"]:
        if ctx is None:
            st.info("No country pairs yet: add articles that mention two countries.")
        else:
            explore.render(ctx)
            gdelt_view.render(ctx)  # GDELT beside our line, when imported for these pairs
    if not read_only:
        with tabs["Add articles"]:
            upload.render(db)
        with tabs["Sources"]:
            sources_view.render(db)
    with tabs["Briefing"]:
        if ctx is not None:
            briefing.render(ctx)


def _ensure_data(db: str, read_only: bool) -> bool:
    """Load the demo corpus into an empty database (never in read-only mode)."""
    if read_only:
        if not Path(db).exists() or cached.data_version(db)[0] == 0:
            st.info(
                "Read-only mode and the database is empty: nothing to show yet. An "
                "administrator can load data with `tracker ingest` or `tracker demo`."
            )
            return False
        return True
    if cached.data_version(db)[0] > 0:
        return True
    from tracker.demo import load_demo

    with _DEMO_LOCK, st.spinner("First run: loading the demo corpus…"):
        if cached.data_version(db)[0] == 0:
            try:
                load_demo(db)
            except FileNotFoundError as error:
                st.info(f"The database is empty and there is no demo corpus ({error}).")
                return False
            cached.clear_data()
    st.session_state[Key.DEMO_NOTE] = True
    return cached.data_version(db)[0] > 0


def _sidebar(
    db: str, version: tuple[int, str], pairs: pd.DataFrame, read_only: bool
) -> Context | None:
    state = st.session_state
    if not len(pairs):
        return None
    available = [(a, b) for a, b in zip(pairs["pair_a"], pairs["pair_b"], strict=True)]
    codes = [pair_code(p) for p in available]
    counts = dict(zip(codes, pairs["articles"], strict=True))
    first = pd.Timestamp(pairs["first_date"].min()).date()
    last = pd.Timestamp(pairs["last_date"].max()).date()
    if Key.INITIALISED not in state:
        _init_from_url(available, first, last)
    state[Key.PAIRS] = [c for c in state.get(Key.PAIRS, []) if c in counts]
    current = state.get(Key.DATE_RANGE, (first, last))
    if isinstance(current, tuple | list) and len(current) == 2:
        clamped = (_clamp(current[0], first, last), _clamp(current[1], first, last))
        if tuple(current) != clamped:
            state[Key.DATE_RANGE] = clamped
    elif not isinstance(current, tuple | list) or len(current) != 1:
        state[Key.DATE_RANGE] = (first, last)

    with st.sidebar:
        st.header("View")
        chosen = st.multiselect(
            "Country pairs",
            codes,
            key=Key.PAIRS,
            format_func=lambda c: f"{c.replace('-', '–')} ({counts[c]} articles)",
            placeholder="Choose pairs",
        )
        picked = st.date_input(
            "Date range", key=Key.DATE_RANGE, min_value=first, max_value=last, format="YYYY-MM-DD"
        )
        start, end = _range_of(picked, first, last)
        freq = st.radio(
            "Frequency",
            FREQ_CODES,
            key=Key.FREQ,
            format_func=lambda f: FREQ_NAMES[f],
            horizontal=True,
        )
        directed = st.toggle(
            "Directed view (A→B and B→A)",
            key=Key.DIRECTED,
            help="Split each pair into its two directions: who did what to whom.",
        )
        params = _params_widgets()
        st.divider()
        st.caption(f"Database: `{Path(db).name}` · {version[0]} articles")
        if read_only:
            st.caption("Read-only mode: uploads are disabled.")
    selected = tuple(tuple(c.split("-", 1)) for c in chosen)
    write_query_params(view_params(selected, start, end, freq, directed))
    return Context(
        db=db,
        version=version,
        pairs=selected,  # type: ignore[arg-type]
        start=start,
        end=end,
        freq=freq,
        directed=directed,
        params_key=cached.params_key(params),
        read_only=read_only,
    )


def _init_from_url(available: list[tuple[str, str]], first: date, last: date) -> None:
    state = st.session_state
    view = parse_view(st.query_params.to_dict(), available, first=first, last=last)
    defaults = [p for p in DEFAULT_PAIRS if p in available] or available[:2]
    state[Key.PAIRS] = [pair_code(p) for p in (view.pairs or defaults)]
    state[Key.DATE_RANGE] = (view.start or first, view.end or last)
    state[Key.FREQ] = view.freq or DEFAULT_FREQ
    state[Key.DIRECTED] = bool(view.directed)
    state[Key.URL_WARNINGS] = view.warnings
    for name, value in _param_defaults().items():
        state[f"{Key.PARAM_PREFIX}{name}"] = value
    state[Key.INITIALISED] = True


def _param_defaults() -> dict[str, float]:
    defaults = TemperatureParams()
    return {
        f.name: float(getattr(defaults, f.name))
        for f in fields(TemperatureParams)
        if isinstance(getattr(defaults, f.name), int | float)
    }


def _reset_params() -> None:
    for name, value in _param_defaults().items():
        st.session_state[f"{Key.PARAM_PREFIX}{name}"] = value


def _params_widgets() -> TemperatureParams:
    values = {}
    with st.expander("Temperature weights"):
        st.caption("Volatility and noise of the level, and the weights of tone, events and modes.")
        for name in _param_defaults():
            low, high, step = _PARAM_RANGES.get(name, _DEFAULT_RANGE)
            key = f"{Key.PARAM_PREFIX}{name}"
            st.session_state[key] = min(max(float(st.session_state.get(key, low)), low), high)
            label = name.replace("_", " ")
            if name == "volatility":
                values[name] = st.slider(label, low, high, step=step, key=key)
            else:
                values[name] = st.number_input(label, low, high, step=step, key=key)
        st.button("Reset weights", key=Key.PARAMS_RESET, on_click=_reset_params)
    try:
        return TemperatureParams(**values)
    except (TypeError, ValueError) as error:
        st.sidebar.warning(f"Weights not applied: {error}")
        return TemperatureParams()


def _range_of(picked: object, first: date, last: date) -> tuple[date, date]:
    """st.date_input gives one date while the second is being picked."""
    if isinstance(picked, tuple | list):
        start = picked[0] if len(picked) > 0 else first
        end = picked[1] if len(picked) > 1 else last
    else:
        start, end = picked or first, last
    return start, end


def _clamp(value: object, first: date, last: date) -> date:
    if not isinstance(value, date):
        return first
    return min(max(value, first), last)
