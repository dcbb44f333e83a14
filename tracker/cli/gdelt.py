"""`tracker gdelt import` (and `tracker gdelt series`): GDELT 2.0 events beside our line."""

from __future__ import annotations

import sys

import click

from tracker.cli.common import (
    DB_HELP,
    date_value,
    direction_value,
    echo_frame,
    echo_json,
    fail,
    main,
    pair_value,
)
from tracker.errors import TrackerError


@main.group()
def gdelt() -> None:
    """GDELT 2.0 event exports, compared with our temperature (docs/gdelt.md)."""


@gdelt.command(name="import")
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object with the outcome.")
def import_files(paths, db, as_json):
    """Import GDELT 2.0 event exports (*.export.CSV, zipped or not; files, folders, globs).

    Keeps the rows whose two actors are two different states; each GLOBALEVENTID is stored
    once (importing a file again adds nothing). Malformed rows are reported with their file
    and line and the rest of the file is read (exit status 1).
    """
    from tracker.gdelt.importer import import_gdelt

    try:
        report = import_gdelt(paths, db)
    except TrackerError as error:
        raise fail(error) from error
    if as_json:
        echo_json(report.as_dict())
    else:
        for file in report.files:
            click.echo(
                f"{file.file}: {file.rows} rows, {file.kept} between two states: added "
                f"{file.added}, already stored {file.existing}, malformed {file.malformed}"
            )
            for error in file.errors:
                click.echo(f"  malformed: {error}", err=True)
            if file.malformed > len(file.errors):
                click.echo(f"  ... and {file.malformed - len(file.errors)} more", err=True)
    for failure in report.failed:
        click.echo(f"  failed: {failure.file}: {failure.reason}", err=True)
    sys.exit(1 if report.failed or report.malformed else 0)


@gdelt.command()
@click.option("--pair", required=True, callback=pair_value, help="Pair, e.g. USA-RUS.")
@click.option("--db", help=DB_HELP)
@click.option("--freq", type=click.Choice(["D", "W", "M"], case_sensitive=False), default="M")
@click.option("--from", "start", callback=date_value)
@click.option("--to", "end", callback=date_value)
@click.option("--direction", callback=direction_value, help="Actor1>Actor2, e.g. USA>RUS.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table")
def series(pair, db, freq, start, end, direction, fmt):
    """GDELT's series of a pair: events, mean Goldstein and mean AvgTone per period."""
    from tracker.index.gdelt import gdelt_series
    from tracker.store import Store

    try:
        with Store(db, read_only=True, must_exist=True) as store:
            frame = gdelt_series(
                store, pair, freq=freq.upper(), start=start, end=end, direction=direction
            )
    except TrackerError as error:
        raise fail(error) from error
    echo_frame(frame, fmt)
