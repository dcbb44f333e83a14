"""The dashboard's layout: data check (demo on first run), sidebar controls, and the
Explore / Add articles / Briefing tabs. The work is done by the library; this file wires it.

Environment: TRACKER_DB (database path, default data/tracker.duckdb), TRACKER_READONLY=1
(no upload, no demo load: nothing is ever written).
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from tracker.config import read_only
from tracker.errors import StoreBusy, TrackerError
from tracker.index.params import TemperatureParams
from tracker.store import resolve_db_path
from tracker.ui import (
    briefing,
    cached,
    chart_signal,
    explore,
    preload,
    quick_switch,
    removal,
    upload,
)
from tracker.ui import gdelt as gdelt_view
from tracker.ui import sources as sources_view
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
    return read_only()


def main() -> None:
    st.set_page_config(page_title="Relationship tracker", page_icon="🌡️", layout="wide")
    st.title("Relationship temperature")
    preload.plotly_early()
    db = resolve_db_path()
    read_only = read_only_mode()
    try:
        _run(db, read_only)
    except StoreBusy as error:
        st.warning(f"{error}. Reload the page (or press R) in a moment.", icon="⏳")
    except TrackerError as error:
        st.error(str(error))


def _run(db: str, read_only: bool) -> None:
    version = _ensure_data(db, read_only)
    if version is None:
        return
    pairs = cached.pairs(db, version)
    if cached.only_demo_data(db, version):
        st.info(
            "This is **demo data**: the bundled sample corpus (tracker/data/samples) was loaded "
            "because the database was empty. It stays marked as demo until you add your own "
            "articles under *Add articles*.",
            icon="ℹ️",
        )
    ctx, choices = _view(db, version, pairs, read_only)
    sidebar = st.sidebar.container()  # its widgets come after the chart (see _view)
    tabs = _banners_and_tabs(db, read_only)
    # A new view is drawn in two passes: the first sends the headline and the chart alone
    # (nothing competes with them, in the script or in the browser), then reruns for the
    # rest of the page. Clicks and edits within a view take one pass.
    view = None if ctx is None else (version, *dataclasses.astuple(ctx))
    chart_first = bool(ctx and ctx.pairs) and st.session_state.get(Key.DRAWN_VIEW) != view
    with tabs["Explore"]:
        if ctx is None:
            st.info("No country pairs yet: add articles that mention two countries.")
        elif chart_first:
            explore.render_chart_only(ctx)
    # On a session's very first pass the sidebar's widgets wait for the second pass too:
    # their scripts (the pair picker's and the date picker's are large) would be fetched
    # and run beside plotly.js. Their values are in the session state already (_view).
    if choices is not None and chart_first and Key.DRAWN_VIEW not in st.session_state:
        sidebar.caption("Loading the view's controls…")
    elif choices is not None:
        with _sidebar(sidebar, choices, db, version, read_only):
            _params_widgets()
    if ctx is not None and not chart_first:
        with tabs["Explore"]:
            explore.render(ctx)
            gdelt_view.render(ctx)  # GDELT beside our line, when imported for these pairs
    if chart_first:
        if _has_browser():  # the rest when the browser says the chart is drawn
            chart_signal.when_drawn(cached.chart_id(*ctx.chart_view()), _drawn(view))
            _prewarm(ctx)  # the chart is on its way: this works beside the browser
            if Key.DRAWN_VIEW in st.session_state:  # a previous view's rest is on the page:
                chart_signal.wait_for_rerun()  # it stays until replaced (a first load has none)
            return
        st.session_state[Key.DRAWN_VIEW] = view
        st.rerun()
    if not read_only:
        with tabs["Add articles"]:
            upload.render(db)
        with tabs["Sources"]:
            sources_view.render(db)
    with tabs["Briefing"]:
        if ctx is not None:
            briefing.render(ctx)
    if ctx is not None:  # last: nothing on the page waits for it
        _prewarm(ctx)
        if ctx.pairs and _has_browser():
            with tabs["Explore"]:  # the other frequencies, for a switch without a round trip
                quick_switch.offer(ctx)


def _banners_and_tabs(db: str, read_only: bool) -> dict[str, DeltaGenerator]:
    if not read_only:
        removal.undo_banner(db)
    for warning in st.session_state.get(Key.URL_WARNINGS, ()):
        st.caption(f"⚠️ Link: {warning}")
    names = ["Explore", "Briefing"] if read_only else ["Explore", "Add articles", "Briefing"]
    if not read_only:
        names.append("Sources")  # feeds and pages: writes, so never in read-only mode
    return dict(zip(names, st.tabs(names), strict=True))


def _prewarm(ctx: Context) -> None:
    if ctx.pairs:
        cached.prewarm_frequencies(*ctx.chart_view())


def _has_browser() -> bool:
    """A browser session sends request headers; AppTest and other headless runs have no
    browser to say when the chart is drawn: they get the rest at once (st.rerun)."""
    return bool(st.context.headers)


def _drawn(view: tuple) -> Callable[[], None]:
    def mark() -> None:
        st.session_state[Key.DRAWN_VIEW] = view

    return mark


def _ensure_data(db: str, read_only: bool) -> tuple[int, str] | None:
    """The data version; the demo corpus first if the database is empty (never in
    read-only mode). None: nothing to show."""
    if read_only:
        version = cached.data_version(db) if Path(db).exists() else (0, "")
        if version[0] == 0:
            st.info(
                "Read-only mode and the database is empty: nothing to show yet. An "
                "administrator can load data with `tracker ingest` or `tracker demo`."
            )
            return None
        return version
    version = cached.data_version(db)
    if version[0] > 0:
        return version
    from tracker.demo import load_demo

    with _DEMO_LOCK, st.spinner("First run: loading the demo corpus…"):
        if cached.data_version(db)[0] == 0:
            try:
                load_demo(db)
            except FileNotFoundError as error:
                st.info(f"The database is empty and there is no demo corpus ({error}).")
                return None
            cached.clear_data()
    version = cached.data_version(db)
    return version if version[0] > 0 else None


@dataclasses.dataclass(frozen=True)
class _Choices:
    """What the sidebar's widgets choose from."""

    codes: list[str]
    counts: dict[str, int]
    first: date
    last: date


def _view(
    db: str, version: tuple[int, str], pairs: pd.DataFrame, read_only: bool
) -> tuple[Context | None, _Choices | None]:
    """The view, read from the widgets' state before they are drawn: the chart's message
    then reaches the browser before the sidebar's, and its script is fetched first."""
    if not len(pairs):
        return None, None
    available = [(a, b) for a, b in zip(pairs["pair_a"], pairs["pair_b"], strict=True)]
    codes = [pair_code(p) for p in available]
    counts = {c: int(n) for c, n in zip(codes, pairs["articles"], strict=True)}
    first = pd.Timestamp(pairs["first_date"].min()).date()
    last = pd.Timestamp(pairs["last_date"].max()).date()
    _sync_state(available, counts, first, last)
    state = st.session_state
    start, end = _range_of(state[Key.DATE_RANGE], first, last)
    freq = state[Key.FREQ] if state.get(Key.FREQ) in FREQ_CODES else DEFAULT_FREQ
    directed = bool(state.get(Key.DIRECTED))
    values, params = _current_params()
    selected = tuple(tuple(c.split("-", 1)) for c in state[Key.PAIRS])
    write_query_params(view_params(selected, start, end, freq, directed, values))
    context = Context(
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
    return context, _Choices(codes, counts, first, last)


def _sidebar(
    slot: DeltaGenerator, choices: _Choices, db: str, version: tuple[int, str], read_only: bool
) -> DeltaGenerator:
    """The view's widgets (their state is the view, :func:`_view`); the weights panel's
    place, filled by the caller."""
    with slot:
        st.header("View")
        st.multiselect(
            "Country pairs",
            choices.codes,
            key=Key.PAIRS,
            format_func=lambda c: pair_option_label(c, choices.counts[c]),
            placeholder="Type a country, people or code: Russia, Belarusian, BLR",
            help="Search by country name, demonym (Belarusian) or ISO code (BLR).",
        )
        st.date_input(
            "Date range",
            key=Key.DATE_RANGE,
            min_value=choices.first,
            max_value=choices.last,
            format="YYYY-MM-DD",
        )
        st.radio(
            "Frequency",
            FREQ_CODES,
            key=Key.FREQ,
            format_func=lambda f: FREQ_NAMES[f],
            horizontal=True,
        )
        st.toggle(
            "Directed view (A→B and B→A)",
            key=Key.DIRECTED,
            help="Split each pair into its two directions: who did what to whom.",
        )
        weights_slot = st.container()
        st.divider()
        st.caption(f"Database: `{Path(db).name}` · {version[0]} articles")
        if read_only:
            st.caption("Read-only mode: uploads are disabled.")
    return weights_slot


def _sync_state(available: list[tuple[str, str]], counts: dict, first: date, last: date) -> None:
    """The view's state before the widgets: from the URL on a session's first run, then
    kept to the pairs and dates the database has."""
    state = st.session_state
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
    state[Key.WEIGHTS] = {**state[Key.WEIGHTS], **dict(view.weights)}
    state[Key.INITIALISED] = True


def _reset_params() -> None:
    st.session_state[Key.WEIGHTS] = {w.name: w.default for w in weights()}
    for weight in weights():
        st.session_state[f"{Key.PARAM_PREFIX}{weight.name}"] = weight.default


def _current_params() -> tuple[dict[str, float], TemperatureParams]:
    """The weights of the view (Key.WEIGHTS holds them, whether or not the panel is drawn
    in this run), clamped to their ranges, and the model parameters made from them."""
    stored = st.session_state.get(Key.WEIGHTS) or {}
    values = {
        w.name: min(max(float(stored.get(w.name, w.default)), w.low), w.high) for w in weights()
    }
    try:
        return values, TemperatureParams(**values)
    except (TypeError, ValueError) as error:
        st.sidebar.warning(f"Weights not applied: {error}")
        return values, TemperatureParams()


def _weight_changed(name: str) -> None:
    key = f"{Key.PARAM_PREFIX}{name}"
    st.session_state[Key.WEIGHTS] = {**st.session_state[Key.WEIGHTS], name: st.session_state[key]}


def _params_widgets() -> None:
    """The weights panel: plain labels, a help text each, and a reset button."""
    values, _ = _current_params()
    with st.expander("Temperature weights"):
        st.caption(
            "How the temperature is made from the articles: how fast relations drift, how much "
            "tone and events count. Hover ⓘ for what each does."
        )
        for weight in weights():
            key = f"{Key.PARAM_PREFIX}{weight.name}"
            st.session_state[key] = values[weight.name]
            widget = st.slider if weight.name == "volatility" else st.number_input
            widget(
                weight.label,
                weight.low,
                weight.high,
                step=weight.step,
                key=key,
                help=weight.help,
                on_change=_weight_changed,
                args=(weight.name,),
            )
        st.button("Reset weights", key=Key.PARAMS_RESET, on_click=_reset_params)


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
