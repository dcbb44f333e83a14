"""The `tracker` group and what every command shares: option callbacks, error translation,
JSON and table output, the progress bar.

Errors: a command turns the project's errors into one line with :func:`fail` (exit 1; a
UsageError exits 2). What escapes a command anyway is caught once, in the group
(:class:`TrackerGroup`): a DuckDB error becomes one line naming the database and what to do
(a damaged file, an unwritable folder), an OSError one line naming the file; never a
traceback."""

from __future__ import annotations

import json
import re
import sys
from datetime import date

import click
from tqdm import tqdm

from tracker.coding.gazetteer import state_codes
from tracker.errors import StoreBusy, TrackerError, UsageError
from tracker.models import Pair, parse_direction

DB_HELP = "DuckDB file (default: $TRACKER_DB or data/tracker.duckdb)."
_DB_META = "tracker.db"  # ctx.meta key (shared by the group and its command): the db path


def db_value(ctx, _param, value):
    """--db as given; its resolved path is noted for the group's error messages."""
    from tracker.store.connection import resolve_db_path

    ctx.meta[_DB_META] = resolve_db_path(value)
    return value


def check_codes(store, pairs) -> None:
    """UsageError when a code of ``pairs`` is neither a state of the gazetteer nor one stored
    (an extra actors file may add others): "USA-XYZ" is a typo, not an empty series. The
    option callback (:func:`pair_value`) has already parsed each pair into a :class:`Pair`."""
    known = state_codes()
    stored: set[str] | None = None
    for pair in pairs:
        for code in pair:
            if code in known:
                continue
            if stored is None:
                frame = store.pairs()
                stored = set(frame["pair_a"]) | set(frame["pair_b"])
            if code not in stored:
                raise UsageError(
                    f"unknown country code '{code}' in --pair {'-'.join(pair)}: use ISO 3166-1 "
                    "alpha-3 codes like USA, BLR, RUS (tracker pairs lists those stored)"
                )


def pair_value(_ctx, _param, value):
    if value is None:
        return None
    try:
        if isinstance(value, tuple):
            return tuple(Pair.parse(v) for v in value)
        return Pair.parse(value)
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
    """YYYY-MM-DD only (date.fromisoformat also takes 20250815 and 2025-W33-5)."""
    if value is None:
        return None
    try:
        if not _ISO_DAY.fullmatch(value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError as error:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from error


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_PERIOD = {"M": re.compile(r"(\d{4})-(\d{2})"), "D": _ISO_DAY, "W": _ISO_DAY}


def check_period(period: str, freq: str) -> None:
    """UsageError unless ``period`` is a label of a ``freq`` timeline (2025-08 for M, a
    YYYY-MM-DD day for D and W)."""
    freq = freq.upper()
    example = "2025-08" if freq == "M" else "2025-08-15"
    shape = "YYYY-MM" if freq == "M" else "YYYY-MM-DD"
    problem = f"--period {period!r} is not a {shape} period for --freq {freq}; e.g. {example}"
    if not _PERIOD[freq].fullmatch(period):
        raise UsageError(problem)
    try:
        date.fromisoformat(period + "-01" if freq == "M" else period)
    except ValueError:
        raise UsageError(problem) from None


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
    """Strict JSON on stdout: NaN and infinities as null (never a bare NaN)."""
    from tracker.present.serialize import json_ready

    click.echo(json.dumps(json_ready(data), indent=2, ensure_ascii=False, allow_nan=False))


class TrackerGroup(click.Group):
    """The `tracker` group: what a command lets escape becomes one line, never a traceback."""

    def invoke(self, ctx: click.Context):
        import duckdb

        from tracker.store.connection import db_error_message

        try:
            return super().invoke(ctx)
        except duckdb.Error as error:
            raise click.ClickException(
                db_error_message(ctx.meta.get(_DB_META, "(unknown)"), error)
            ) from error
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            raise click.ClickException(f"{where}{error.strerror or error}") from error


@click.group(cls=TrackerGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="tracker")
def main() -> None:
    """Geopolitical relationship tracker: tone and events between countries, from news."""


def echo_frame(frame, fmt: str) -> None:
    if fmt == "csv":
        from tracker.present.safe_text import csv_safe_frame

        click.echo(csv_safe_frame(frame).to_csv(index=False), nl=False)
    elif fmt == "json":
        click.echo(frame.to_json(orient="records", date_format="iso", indent=2))
    else:
        click.echo(frame.to_string(index=False) if len(frame) else "(nothing stored yet)")
