"""`tracker timeline`, `explain`, `export` and `eval`: the read-side commands."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import click

from tracker.cli.common import (
    DB_HELP,
    check_codes,
    check_period,
    date_value,
    db_value,
    direction_value,
    echo_frame,
    echo_json,
    fail,
    main,
    pair_value,
)
from tracker.errors import TrackerError, UsageError

FREQ = click.Choice(["D", "W", "M"], case_sensitive=False)
DIRECTION_HELP = (
    "Directed series, e.g. 'USA>BLR' (quote it: an unquoted > is a shell redirect); "
    "USA:BLR also works."
)


def _params(volatility, tone_weight, event_weight):
    from tracker.index.params import TemperatureParams

    overrides = {
        name: value
        for name, value in (
            ("volatility", volatility),
            ("tone_weight", tone_weight),
            ("event_weight", event_weight),
        )
        if value is not None
    }
    return dataclasses.replace(TemperatureParams(), **overrides)


def _index_options(command):
    for option in reversed(
        [
            click.option("--db", callback=db_value, help=DB_HELP),
            click.option(
                "--freq",
                type=FREQ,
                default="M",
                show_default=True,
                metavar="[D|W|M]",
                help="Period: day, week or month.",
            ),
            click.option("--direction", callback=direction_value, help=DIRECTION_HELP),
            click.option(
                "--volatility",
                type=click.FloatRange(min=0.0),
                help="Daily drift of the level (x per sqrt(day)); larger: follows news faster.",
            ),
            click.option("--tone-weight", type=float, help="Weight of dyadic tone."),
            click.option(
                "--event-weight", type=float, help="Weight of the events (their move of the level)."
            ),
        ]
    ):
        command = option(command)
    return command


@main.command()
@click.option("--pair", required=True, callback=pair_value, help="Pair, e.g. USA-RUS.")
@click.option("--from", "start", callback=date_value, help="First day (YYYY-MM-DD).")
@click.option("--to", "end", callback=date_value, help="Last day (YYYY-MM-DD).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table")
@click.option("--gdelt", is_flag=True, help="Add GDELT's series (tracker gdelt import) beside.")
@_index_options
def timeline(
    pair, start, end, fmt, gdelt, db, freq, direction, volatility, tone_weight, event_weight
):
    """Relationship temperature of a pair over time (-100 hostile .. +100 warm)."""
    from tracker.index.gdelt import with_gdelt
    from tracker.index.timeline import compute_timeline
    from tracker.store import Store

    params = _params(volatility, tone_weight, event_weight)
    try:
        with Store(db, read_only=True, must_exist=True) as store:
            check_codes(store, [pair])
            frame = compute_timeline(
                store,
                pair,
                freq=freq.upper(),
                start=start,
                end=end,
                direction=direction,
                params=params,
            )
            if gdelt:
                beside = _gdelt_beside(store, True, [pair], freq, start, end, direction)
                frame = with_gdelt(frame, beside)
    except TrackerError as error:
        raise fail(error) from error
    echo_frame(frame, fmt)


@main.command()
@click.option("--pair", required=True, callback=pair_value, help="Pair, e.g. USA-BLR.")
@click.option("--period", required=True, help="Period label: 2025-08 (M) or 2025-08-15 (D, W).")
@click.option("--json", "as_json", is_flag=True)
@click.option("--top", type=click.IntRange(1), default=20, show_default=True)
@click.option(
    "--filtered", is_flag=True, help="Explain the filtered value (no look-ahead), not the history."
)
@_index_options
def explain(
    pair, period, as_json, top, filtered, db, freq, direction, volatility, tone_weight, event_weight
):
    """What made a period's temperature: articles, sentences and events with their shares."""
    from tracker.index.timeline import explain as explain_period
    from tracker.present.safe_text import display_text
    from tracker.store import Store

    params = _params(volatility, tone_weight, event_weight)
    try:
        check_period(period, freq)
        with Store(db, read_only=True, must_exist=True) as store:
            check_codes(store, [pair])
            result = explain_period(
                store,
                pair,
                period,
                freq=freq.upper(),
                direction=direction,
                params=params,
                estimate="filtered" if filtered else "smoothed",
            )
    except TrackerError as error:
        raise fail(error) from error
    frame = result.contributions
    if as_json:
        echo_json(
            {
                "pair": "-".join(pair),
                "period": period,
                "estimate": result.estimate,
                "value": result.value,
                "lower": result.lower,
                "upper": result.upper,
                "contributions": frame.to_dict(orient="records"),
            }
        )
        return
    click.echo(
        f"{'-'.join(pair)} {period}: temperature {result.value:+.1f} "
        f"(95% band {result.lower:+.0f} .. {result.upper:+.0f}, {result.estimate})"
    )
    if frame.empty:
        click.echo("  nothing stored for this pair and period")
        return
    shown = frame.reindex(frame["contribution"].abs().sort_values(ascending=False).index)
    for row in shown.head(top).itertuples():
        what = row.category if isinstance(row.category, str) and row.category else row.kind
        text = display_text(row.text if isinstance(row.text, str) else str(row.note or ""))[:90]
        click.echo(f"  {row.contribution:+7.2f}  {what:<10} {row.published_at}  {text}")
    if len(frame) > top:
        rest = shown["contribution"].iloc[top:].sum()
        click.echo(f"  {rest:+7.2f}  ({len(frame) - top} smaller contributions)")


@main.command()
@click.option(
    "--pair", "pairs", multiple=True, required=True, callback=pair_value, help="Repeatable."
)
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False),
    help="FILE.{png,svg,pdf,html,csv,parquet,json}",
)
@click.option("--from", "start", callback=date_value)
@click.option("--to", "end", callback=date_value)
@click.option(
    "--gdelt/--no-gdelt",
    default=None,
    help="GDELT's series beside ours (default: when GDELT events are stored for a pair).",
)
@_index_options
def export(
    pairs, out, start, end, gdelt, db, freq, direction, volatility, tone_weight, event_weight
):
    """Export the temperature chart (png, svg, pdf, html) or its data (csv, parquet, json).

    The file name's extension picks the format; it and the folder are checked before
    anything is computed. CSV text cells never start a spreadsheet formula. With GDELT
    events imported for a pair (tracker gdelt import), the data gain the columns
    gdelt_events, gdelt_goldstein and gdelt_tone and the chart shows GDELT's series beside
    ours (docs/gdelt.md)."""
    from tracker.index.gdelt import with_gdelt
    from tracker.index.timeline import compute_timelines
    from tracker.present.charts import temperature_figure
    from tracker.present.export import export_bytes, export_format_problem
    from tracker.present.gdelt_charts import gdelt_figure
    from tracker.store import Store

    suffix = Path(out).suffix.lower().lstrip(".")
    params = _params(volatility, tone_weight, event_weight)
    try:
        _check_out(Path(out), export_format_problem(suffix))
        with Store(db, read_only=True, must_exist=True) as store:
            check_codes(store, pairs)
            frame = compute_timelines(
                store,
                list(pairs),
                freq=freq.upper(),
                start=start,
                end=end,
                direction=direction,
                params=params,
            )
            beside = _gdelt_beside(store, gdelt, pairs, freq, start, end, direction)
        if suffix in {"csv", "parquet", "json"}:
            chart_or_table = frame if beside is None else with_gdelt(frame, beside)
        elif beside is None:
            chart_or_table = temperature_figure(frame)
        else:
            chart_or_table = gdelt_figure(frame, beside)
        data = export_bytes(chart_or_table, suffix)
        _write_out(Path(out), data)
    except TrackerError as error:
        raise fail(error) from error
    click.echo(f"wrote {out} ({len(data):,} bytes)")


def _gdelt_beside(store, wanted, pairs, freq, start, end, direction):
    """GDELT's series of the pairs, or None when not wanted (or, by default, none stored)."""
    from tracker.index.gdelt import gdelt_series_many

    if wanted is False:
        return None
    frame = gdelt_series_many(
        store, list(pairs), freq=freq.upper(), start=start, end=end, direction=direction
    )
    return frame if len(frame) or wanted else None


def _check_out(out: Path, format_problem: str | None) -> None:
    """UsageError for an --out the export cannot write: unknown extension, no folder."""
    if format_problem:
        raise UsageError(f"--out {out}: {format_problem}")
    if out.is_dir():
        raise UsageError(f"--out {out} is a folder; give a file name like chart.png")
    if not out.parent.is_dir():
        raise UsageError(f"--out {out}: folder {out.parent} does not exist")


def _write_out(out: Path, data: bytes) -> None:
    try:
        out.write_bytes(data)
    except OSError as error:
        raise UsageError(f"cannot write {out}: {error.strerror or error}") from error


@main.command(name="eval")
@click.option(
    "--gold", type=click.Path(dir_okay=False), help="PLOVER gold JSON (default ../shared/eval/...)."
)
@click.option("--own", type=click.Path(exists=True, dir_okay=False), help="Own labelled JSONL.")
@click.option("--json", "as_json", is_flag=True)
def evaluate(gold, own, as_json):
    """Measure event coding, direction and tone sign against labelled data."""
    from tracker.evaluate import run_eval

    kwargs = {}
    if gold:
        kwargs["plover_path"] = Path(gold)
    if own:
        kwargs["own_path"] = Path(own)
    report = run_eval(**kwargs)
    if as_json:
        echo_json(report.as_dict())
    else:
        click.echo(report.format_report())
    sys.exit(0)
