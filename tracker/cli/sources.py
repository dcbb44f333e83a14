"""`tracker sources add|list|remove|poll`: feeds and pages that bring articles by themselves."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime

import click

from tracker.cli.common import DB_HELP, echo_frame, echo_json, fail, main
from tracker.errors import TrackerError


@main.group()
def sources() -> None:
    """Feeds (RSS, Atom) and single pages polled for new articles (docs/sources.md)."""


@sources.command()
@click.argument("url")
@click.option("--db", help=DB_HELP)
@click.option(
    "--kind",
    type=click.Choice(["feed", "page"]),
    help="Say what the URL is instead of fetching it once to find out.",
)
@click.option("--json", "as_json", is_flag=True)
def add(url, db, kind, as_json):
    """Add a feed or a single article page (detected by fetching it once)."""
    from tracker.sources.poll import add_source
    from tracker.sources.urls import BadUrl

    try:
        source = add_source(db, url, kind=kind)
    except BadUrl as error:
        raise click.BadParameter(str(error), param_hint="URL") from error
    except TrackerError as error:
        raise fail(error) from error
    if as_json:
        echo_json({"id": source.id, "url": source.url, "kind": source.kind, "title": source.title})
    else:
        named = f" ({source.title})" if source.title else ""
        click.echo(f"source {source.id}: {source.kind} {source.url}{named}")


@sources.command(name="list")
@click.option("--db", help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table")
def list_sources(db, fmt):
    """The sources, when each was last polled and what its last poll brought."""
    import pandas as pd

    from tracker.store import Store

    try:
        with Store(db) as store:
            rows = store.sources()
    except TrackerError as error:
        raise fail(error) from error
    columns = [
        "id",
        "kind",
        "url",
        "title",
        "last_polled_at",
        "last_status",
        "last_added",
        "last_duplicates",
        "last_failed",
        "total_added",
        "last_error",
    ]
    frame = pd.DataFrame([{c: getattr(s, c) for c in columns} for s in rows], columns=columns)
    if fmt == "table" and not len(frame):
        click.echo("(no sources yet: tracker sources add URL)")
        return
    echo_frame(frame, fmt)


@sources.command()
@click.argument("source")
@click.option("--db", help=DB_HELP)
def remove(source, db):
    """Forget a source (by id or URL); the articles it brought stay."""
    from tracker.sources.poll import find_source
    from tracker.store import Store

    try:
        found = find_source(db, source)
        if found is None:
            raise click.UsageError(f"no source {source!r}: see tracker sources list")
        with Store(db) as store:
            store.remove_source(found.id)
    except TrackerError as error:
        raise fail(error) from error
    click.echo(f"removed source {found.id}: {found.url}")


@sources.command()
@click.option("--db", help=DB_HELP)
@click.option("--every", help="Poll again at this interval (30s, 15m, 2h) until Ctrl-C.")
@click.option("--source", "only", multiple=True, help="Only this source (id or URL); repeatable.")
@click.option("--json", "as_json", is_flag=True, help="JSON: one list per poll, per source.")
@click.option("--workers", type=click.IntRange(1, 64), help="Scoring processes (default: cores).")
def poll(db, every, only, as_json, workers):
    """Fetch what is new in every source, score it and store it.

    Prints, per source, added / duplicates / failed with reasons (the shape of
    `tracker ingest --json`, plus the source, its status and the entries skipped because
    they were already stored). Exit status 1 when a source or an entry failed.
    """
    from tracker.sources.schedule import parse_every, run_every

    interval = None
    if every is not None:
        try:
            interval = parse_every(every)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--every") from error
    failed = False

    def one_round() -> None:
        nonlocal failed
        reports = _poll_once(db, only, workers)
        failed = any(r["failed"] for r in reports)
        _show(reports, as_json, compact=interval is not None)

    if interval is None:
        one_round()
        sys.exit(1 if failed else 0)
    try:
        run_every(interval, one_round)
    except KeyboardInterrupt:
        click.echo("stopped polling", err=True)
        sys.exit(0)


def _poll_once(db, only, workers) -> list[dict]:
    from tracker.sources.poll import find_source, poll_sources

    try:
        chosen = None
        if only:
            chosen = []
            for which in only:
                found = find_source(db, which)
                if found is None:
                    raise click.UsageError(f"no source {which!r}: see tracker sources list")
                chosen.append(found)
        return [r.as_dict() for r in poll_sources(db, sources=chosen, workers=workers)]
    except TrackerError as error:
        raise fail(error) from error


def _show(reports: list[dict], as_json: bool, *, compact: bool) -> None:
    if as_json:
        if compact:  # one line per round: a log that `jq` can follow
            click.echo(json.dumps(reports, ensure_ascii=False, default=str))
        else:
            echo_json(reports)
        return
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    if not reports:
        click.echo(f"{stamp}: no sources yet: tracker sources add URL")
    for report in reports:
        state = {"not_modified": " (not modified)", "failed": " (FAILED)"}.get(report["status"], "")
        click.echo(
            f"{stamp} {report['source']}{state}: added {report['added']}, duplicates "
            f"{report['duplicates']}, failed {len(report['failed'])}, skipped {report['skipped']}"
        )
        for failure in report["failed"]:
            click.echo(f"  failed: {failure['file']}: {failure['error']}", err=True)
