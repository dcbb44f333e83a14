"""The `tracker` group and what every command shares: option callbacks, error translation,
JSON and table output, the progress bar."""

from __future__ import annotations

import json
import sys
from datetime import date

import click
from tqdm import tqdm

from tracker.coding.gazetteer import state_codes
from tracker.errors import StoreBusy, TrackerError, UsageError
from tracker.models import Pair, parse_direction

DB_HELP = "DuckDB file (default: $TRACKER_DB or data/tracker.duckdb)."


def pair_value(_ctx, _param, value):
    if value is None:
        return None
    try:
        if isinstance(value, tuple):
            return tuple(Pair.parse(v, state_codes()) for v in value)
        return Pair.parse(value, state_codes())
    except ValueError as error:
        raise click.BadParameter(str(error)) from error


def direction_value(_ctx, _param, value):
    if value is None:
        return None
    try:
        return parse_direction(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from error


def date_value(_ctx, _param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from error


def progress_bar(total: int | None, unit: str) -> tqdm:
    """A progress bar on a terminal; silent when stderr is piped."""
    return tqdm(total=total, unit=unit, file=sys.stderr, disable=None, leave=False)


def fail(error: TrackerError) -> click.ClickException:
    if isinstance(error, UsageError):
        return click.UsageError(str(error))
    if isinstance(error, StoreBusy):
        return click.ClickException(f"{error} (busy, retry)")
    return click.ClickException(str(error))


def echo_json(data) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="tracker")
def main() -> None:
    """Geopolitical relationship tracker: tone and events between countries, from news."""


def echo_frame(frame, fmt: str) -> None:
    if fmt == "csv":
        click.echo(frame.to_csv(index=False), nl=False)
    elif fmt == "json":
        click.echo(frame.to_json(orient="records", date_format="iso", indent=2))
    else:
        click.echo(frame.to_string(index=False) if len(frame) else "(nothing stored yet)")
