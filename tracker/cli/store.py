"""`tracker pairs`, `backup`, `restore` and `remove`: the store as a whole."""

from __future__ import annotations

import click

from tracker.cli.common import (
    DB_HELP,
    db_value,
    echo_frame,
    echo_json,
    fail,
    main,
)
from tracker.errors import TrackerError


@main.command()
@click.option("--db", callback=db_value, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table")
def pairs(db, fmt):
    """Pairs of countries present, with article, sentence and event counts."""
    from tracker.store import Store

    try:
        with Store(db, read_only=True, must_exist=True) as store:
            frame = store.pairs()
    except TrackerError as error:
        raise fail(error) from error
    frame.insert(0, "pair", frame["pair_a"] + "-" + frame["pair_b"])
    frame = frame.drop(columns=["pair_a", "pair_b"])
    echo_frame(frame, fmt)


@main.command()
@click.argument("dest", type=click.Path(dir_okay=False))
@click.option("--db", callback=db_value, help=DB_HELP)
@click.option("--force", is_flag=True, help="Replace DEST if it exists.")
def backup(dest, db, force):
    """Copy the database to DEST, consistently (waits for writers to finish)."""
    from tracker.store.files import backup_database

    try:
        source = backup_database(db, dest, force=force)
    except TrackerError as error:
        raise fail(error) from error
    click.echo(f"backed up {source} to {dest}")


@main.command()
@click.argument("src", type=click.Path(dir_okay=False))
@click.option("--db", callback=db_value, help=DB_HELP)
def restore(src, db):
    """Replace the database with the backup SRC.

    SRC is read whole first (every block's checksum): a truncated or damaged backup is
    refused and nothing changes. The database it replaces is kept beside it as
    DB.before-restore-YYYYmmddTHHMMSS.
    """
    from tracker.store.files import restore_database

    try:
        done = restore_database(src, db)
    except TrackerError as error:
        raise fail(error) from error
    click.echo(f"restored {done.articles} articles from {src} into {done.target}")
    if done.kept:
        click.echo(f"the database it replaced is kept as {done.kept}")


@main.command()
@click.argument("ids", nargs=-1, required=True)
@click.option("--db", callback=db_value, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def remove(ids, db, as_json):
    """Remove stored articles by ID (as `tracker explain` and the dashboard show them).

    Their sentences, events and tone rows go with them, in one transaction; the
    temperature is recomputed from what is left on the next read. IDs not stored are
    reported and exit status is 1 when none of them was stored.
    """
    from tracker.store import Store

    try:
        with Store(db, must_exist=True) as store:
            removed = store.remove_articles(ids)
    except TrackerError as error:
        raise fail(error) from error
    unknown = [i for i in dict.fromkeys(ids) if i not in removed]
    if as_json:
        echo_json({"removed": list(removed), "not_found": unknown})
    else:
        for article_id in removed:
            click.echo(f"removed {article_id}")
        for article_id in unknown:
            click.echo(f"not found: {article_id} (no article with this id is stored)", err=True)
    if not removed:
        raise SystemExit(1)
