"""The dashboard's layout: data check (demo on first run), sidebar controls, and the
Explore / Add articles / Briefing tabs. The work is done by the library; this file wires it.

Environment: TRACKER_DB (database path, default data/tracker.duckdb), TRACKER_READONLY=1
(no upload, no demo load: nothing is ever written).
"""

from __future__ import annotations

import os
import threading
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from tracker.errors import StoreBusy, TrackerError
from tracker.index import timeline as tl
from tracker.store import resolve_db_path
from tracker.ui import briefing, cached, explore, removal, upload
from tracker.ui.pairs import pair_option_label
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
from tracker.ui.weights import ranges, settings_text, weights

_DEMO_LOCK = threading.Lock()  # sessions run on threads: one demo load per process


def read_only_mode() -> bool:
    return os.environ.get("TRACKER_READONLY", "").strip().lower() in ("1", "true", "yes", "on")


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
    if cached.only_demo_data(db, version):
        st.info(
            "This is **demo data**: the bundled sample corpus (tracker/data/samples) was loaded "
            "because the database was empty. It stays marked as demo until you add your own "
            "articles under *Add articles*.",
            icon="ℹ️",
        )
    ctx = _sidebar(db, version, pairs, read_only)
    if not read_only:
        removal.undo_banner(db)
    for warning in st.session_state.get(Key.URL_WARNINGS, ()):
        st.caption(f"⚠️ Link: {warning}")
    names = ["Explore", "Briefing"] if read_only else ["Explore", "Add articles", "Briefing"]
    tabs = dict(zip(names, st.tabs(names), strict=True))
    with tabs["Explore"]:
        if ctx is None:
            st.info("No country pairs yet: add articles that mention two countries.")
        else:
            explore.render(ctx)
    if not read_only:
        with tabs["Add articles"]:
            upload.render(db)
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
            format_func=lambda c: pair_option_label(c, int(counts[c])),
            placeholder="Type a country, people or code: Russia, Belarusian, BLR",
            help="Search by country name, demonym (Belarusian) or ISO code (BLR).",
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
        values, params = _params_widgets()
        st.divider()
        st.caption(f"Database: `{Path(db).name}` · {version[0]} articles")
        if read_only:
            st.caption("Read-only mode: uploads are disabled.")
    selected = tuple(tuple(c.split("-", 1)) for c in chosen)
    write_query_params(view_params(selected, start, end, freq, directed, values))
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
        settings=settings_text(values),
    )


def _init_from_url(available: list[tuple[str, str]], first: date, last: date) -> None:
    state = st.session_state
    view = parse_view(
        st.query_params.to_dict(), available, first=first, last=last, weight_ranges=ranges()
    )
    defaults = [p for p in DEFAULT_PAIRS if p in available] or available[:2]
    state[Key.PAIRS] = [pair_code(p) for p in (view.pairs or defaults)]
    state[Key.DATE_RANGE] = (view.start or first, view.end or last)
    state[Key.FREQ] = view.freq or DEFAULT_FREQ
    state[Key.DIRECTED] = bool(view.directed)
    state[Key.URL_WARNINGS] = view.warnings
    _reset_params()
    for name, value in view.weights:
        state[f"{Key.PARAM_PREFIX}{name}"] = value
    state[Key.INITIALISED] = True


def _reset_params() -> None:
    for weight in weights():
        st.session_state[f"{Key.PARAM_PREFIX}{weight.name}"] = weight.default


def _params_widgets() -> tuple[dict[str, float], tl.TemperatureParams]:
    """The weights panel: plain labels, a help text each, and a reset button."""
    values = {}
    with st.expander("Temperature weights"):
        st.caption(
            "How the temperature is made from the articles: how long events are remembered "
            "and how much tone and events count. Hover ⓘ for what each does."
        )
        for weight in weights():
            key = f"{Key.PARAM_PREFIX}{weight.name}"
            current = float(st.session_state.get(key, weight.default))
            st.session_state[key] = min(max(current, weight.low), weight.high)
            widget = st.slider if weight.name == "half_life_days" else st.number_input
            values[weight.name] = widget(
                weight.label,
                weight.low,
                weight.high,
                step=weight.step,
                key=key,
                help=weight.help,
            )
        st.button("Reset weights", key=Key.PARAMS_RESET, on_click=_reset_params)
    try:
        return values, tl.TemperatureParams(**values)
    except (TypeError, ValueError) as error:
        st.sidebar.warning(f"Weights not applied: {error}")
        return values, tl.TemperatureParams()


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
