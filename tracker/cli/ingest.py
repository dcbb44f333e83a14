"""`tracker ingest`, `score`, `rescore` and `demo`: articles in."""

from __future__ import annotations

import sys

import click

from tracker.cli.common import (
    DB_HELP,
    date_value,
    db_value,
    echo_json,
    fail,
    main,
    progress_bar,
)
from tracker.errors import IngestError, TrackerError

WARNINGS_SHOWN = 20  # on a terminal; --json lists every warning


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", callback=db_value, help=DB_HELP)
@click.option("--date", "default_date", callback=date_value, help="Date for files that carry none.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object with the outcome.")
@click.option("--workers", type=click.IntRange(1, 64), help="Scoring processes (default: cores).")
@click.option("--actors", type=click.Path(exists=True, dir_okay=False), help="Extra actors CSV.")
@click.option(
    "--follow-links",
    is_flag=True,
    help="Read files that symbolic links in the given folders lead to, even outside them.",
)
@click.option("--cluster", help="Score on Dask: a scheduler (tcp://HOST:8786) or local[:N].")
@click.option("--archive", help="With --cluster: write to this Parquet archive (folder or URL).")
@click.option(
    "--batch-mb", type=click.FloatRange(0.01, 1024), help="With --cluster: MB of files per task."
)
def ingest(
    paths, db, default_date, as_json, workers, actors, follow_links, cluster, archive, batch_mb
):
    """Load, score and store articles from files, folders (recursive) and globs.

    Formats: .txt .md .html .json .jsonl .csv and .zip of those. Each article is stored once;
    a file that fails is reported and the others still land (exit status 1).
    """
    if cluster or archive:  # tracker/cli/archive.py; docs/scale.md
        from tracker.cli.archive import check_cluster_options, cluster_ingest_command

        check_cluster_options(cluster, archive, workers, batch_mb)
        options = {"db": db, "default_date": default_date, "as_json": as_json, "actors": actors}
        cluster_ingest_command(
            paths, cluster=cluster, archive=archive, batch_mb=batch_mb, **options
        )
        return
    from tracker.ingest import articles_from_paths, ingest_articles
    from tracker.load.reader import input_files

    try:
        total = len(input_files(paths, follow_links=follow_links))
        with progress_bar(total, "file") as bar:
            items = articles_from_paths(
                paths, default_date, on_file=bar.update, follow_links=follow_links
            )
            report = ingest_articles(items, db, workers=workers, actors_file=actors)
    except TrackerError as error:
        raise fail(error) from error
    if as_json:
        echo_json(report.as_dict())
    else:
        click.echo(
            f"added {len(report.added)}, duplicates {len(report.duplicates)}, "
            f"failed {len(report.failed)}"
        )
        for failure in report.failed:
            click.echo(f"  failed: {failure.file}: {failure.reason}", err=True)
        for origin, warning in report.warnings[:WARNINGS_SHOWN]:
            click.echo(f"  warning: {origin}: {warning}", err=True)
        if len(report.warnings) > WARNINGS_SHOWN:
            more = len(report.warnings) - WARNINGS_SHOWN
            click.echo(f"  ... and {more} more warnings (--json lists them all)", err=True)
    sys.exit(1 if report.failed else 0)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--date", "default_date", callback=date_value, help="Date if the file carries none.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (one object per article).")
@click.option("--actors", type=click.Path(exists=True, dir_okay=False), help="Extra actors CSV.")
def score(file, default_date, as_json, actors):
    """Score one file without storing it: pairs, dyadic tone and events."""
    from tracker.coding.budget import BudgetExceeded
    from tracker.coding.score import default_scorer, score_article
    from tracker.load.paths import read_settled
    from tracker.load.reader import load_articles
    from tracker.present.serialize import scored_to_dict

    scorer = default_scorer(actors)
    results, failures = [], []
    data = read_settled(file)  # refused by size before reading, as ingest does
    items = [data] if isinstance(data, TrackerError) else load_articles(file, data, default_date)
    for item in items:
        if isinstance(item, TrackerError):
            failures.append(item)
            continue
        try:
            results.append(scored_to_dict(score_article(item, scorer)))
        except BudgetExceeded as error:  # a name list, not news: refused, not scored
            failures.append(IngestError(item.origin, str(error)))
    for failure in failures:
        click.echo(f"error: {failure}", err=True)
    if as_json:
        if results:
            echo_json(results[0] if len(results) == 1 else results)
    else:
        for result in results:
            _echo_summary(result)
    sys.exit(1 if failures else 0)


def _echo_summary(result: dict) -> None:
    article = result["article"]
    click.echo(
        f"{article['title']}  ({article['published_at']}, date from {article['date_source']})"
    )
    if not result["pairs"]:
        click.echo("  no pair of countries interacts in this article")
    for pair in result["pairs"]:
        click.echo(
            f"  {'-'.join(pair['pair'])}: tone {pair['tone']:+.2f}, "
            f"{len(pair['sentences'])} sentences, {len(pair['events'])} events"
        )
        for event in pair["events"]:
            arrow = f"{event['source'] or '?'}->{event['target'] or '?'}"
            click.echo(
                f"    {event['category']:<10} {event['mode']:<12} {arrow}  «{event['trigger']}»"
            )


@main.command()
@click.option("--db", callback=db_value, help=DB_HELP)
@click.option("--force", is_flag=True, help="Rescore every article, not only stale ones.")
@click.option("--workers", type=click.IntRange(1, 64))
@click.option("--actors", type=click.Path(exists=True, dir_okay=False), help="Extra actors CSV.")
def rescore(db, force, workers, actors):
    """Recompute stored scores from the stored text (after a lexicon, rule or actor change)."""
    from tracker.ingest import rescore as rescore_store

    try:
        with progress_bar(None, "article") as bar:
            done, failures = rescore_store(
                db, workers=workers, actors_file=actors, force=force, on_article=bar.update
            )
    except TrackerError as error:
        raise fail(error) from error
    click.echo(f"rescored {done} articles")
    for failure in failures:
        click.echo(f"  failed: {failure}", err=True)
    sys.exit(1 if failures else 0)


@main.command()
@click.option("--db", callback=db_value, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True)
def demo(db, as_json):
    """Load the bundled demo corpus (package data: tracker/data/samples/)."""
    from tracker.demo import load_demo

    try:
        report = load_demo(db)
    except TrackerError as error:
        raise fail(error) from error
    if as_json:
        echo_json(report.as_dict())
    else:
        click.echo(f"demo corpus: added {len(report.added)}, duplicates {len(report.duplicates)}")
    for failure in report.failed:
        click.echo(f"  failed: {failure}", err=True)
    sys.exit(1 if report.failed else 0)
