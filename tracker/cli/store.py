"""`tracker pairs`, `backup`, `restore` and `remove`: the store as a whole."""

from __future__ import annotations

import shutil
from pathlib import Path

import click

from tracker.cli.common import (
    DB_HELP,
    echo_frame,
    echo_json,
    fail,
    main,
)
from tracker.errors import StoreError, TrackerError


@main.command()
@click.option("--db", help=DB_HELP)
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
@click.option("--db", help=DB_HELP)
def backup(dest, db):
    """Copy the database to DEST, consistently (waits for writers to finish)."""
    from tracker.store import Store

    try:
        with Store(db) as store:  # holding the write lock: nobody writes while we copy
            store.checkpoint()
            shutil.copyfile(store.path, dest)
    except TrackerError as error:
        raise fail(error) from error
    click.echo(f"backed up {db or 'database'} to {dest}")


@main.command()
@click.argument("src", type=click.Path(exists=True, dir_okay=False))
@click.option("--db", help=DB_HELP)
def restore(src, db):
    """Replace the database with the backup SRC (checked to be a tracker database first)."""
    from tracker.store import Store, resolve_db_path

    try:
        with Store(src, read_only=True, must_exist=True) as backup_store:
            if backup_store.schema_version() == 0:
                raise StoreError(f"{src} is a DuckDB file but not a tracker database")
            count = backup_store.article_count()
        target = resolve_db_path(db)
        with Store(target) as store:  # hold the lock while swapping the file in
            store.checkpoint()
            tmp = Path(target).with_suffix(".restoring")
            shutil.copyfile(src, tmp)
            tmp.replace(target)
    except TrackerError as error:
        raise fail(error) from error
    click.echo(f"restored {count} articles from {src} into {target}")


@main.command()
@click.argument("ids", nargs=-1, required=True)
@click.option("--db", help=DB_HELP)
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
