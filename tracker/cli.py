"""The `tracker` command: a thin layer over the library.

Each command parses its options, calls one library function and turns the project's errors
into clear messages. Exit status: 0 success, 1 when something failed (e.g. a file in a batch;
the others were stored), 2 on usage errors.
"""

from __future__ import annotations

import json
import shutil
import sys
from datetime import date
from pathlib import Path

import click
from tqdm import tqdm

from tracker.errors import StoreBusy, StoreError, TrackerError, UsageError
from tracker.models import parse_direction, parse_pair

DB_HELP = "DuckDB file (default: $TRACKER_DB or data/tracker.duckdb)."


def _pair(_ctx, _param, value):
    if value is None:
        return None
    try:
        if isinstance(value, tuple):
            return tuple(parse_pair(v) for v in value)
        return parse_pair(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from error


def _direction(_ctx, _param, value):
    if value is None:
        return None
    try:
        return parse_direction(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from error


def _date(_ctx, _param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from error


def _progress(total: int | None, unit: str) -> tqdm:
    """A progress bar on a terminal; silent when stderr is piped."""
    return tqdm(total=total, unit=unit, file=sys.stderr, disable=None, leave=False)


def _fail(error: TrackerError) -> click.ClickException:
    if isinstance(error, UsageError):
        return click.UsageError(str(error))
    if isinstance(error, StoreBusy):
        return click.ClickException(f"{error} (busy, retry)")
    return click.ClickException(str(error))


def _echo_json(data) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="tracker")
def main() -> None:
    """Geopolitical relationship tracker: tone and events between countries, from news."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", help=DB_HELP)
@click.option("--date", "default_date", callback=_date, help="Date for files that carry none.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object with the outcome.")
@click.option("--workers", type=click.IntRange(1, 64), help="Scoring processes (default: cores).")
@click.option("--actors", type=click.Path(exists=True, dir_okay=False), help="Extra actors CSV.")
def ingest(paths, db, default_date, as_json, workers, actors):
    """Load, score and store articles from files, folders (recursive) and globs.

    Formats: .txt .md .html .json .jsonl .csv and .zip of those. Each article is stored once;
    a file that fails is reported and the others still land (exit status 1).
    """
    from tracker.ingest import articles_from_paths, ingest_articles
    from tracker.load import input_files

    try:
        total = len(input_files(paths))
        with _progress(total, "file") as bar:
            items = articles_from_paths(paths, default_date, on_file=bar.update)
            report = ingest_articles(items, db, workers=workers, actors_file=actors)
    except TrackerError as error:
        raise _fail(error) from error
    if as_json:
        _echo_json(report.as_dict())
    else:
        click.echo(
            f"added {len(report.added)}, duplicates {len(report.duplicates)}, "
            f"failed {len(report.failed)}"
        )
        for failure in report.failed:
            click.echo(f"  failed: {failure.file}: {failure.reason}", err=True)
    sys.exit(1 if report.failed else 0)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--date", "default_date", callback=_date, help="Date if the file carries none.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (one object per article).")
@click.option("--actors", type=click.Path(exists=True, dir_okay=False), help="Extra actors CSV.")
def score(file, default_date, as_json, actors):
    """Score one file without storing it: pairs, dyadic tone and events."""
    from tracker.load import load_articles
    from tracker.score import default_scorer, score_article
    from tracker.serialize import scored_to_dict

    scorer = default_scorer(actors)
    results, failures = [], []
    for item in load_articles(file, Path(file).read_bytes(), default_date):
        if isinstance(item, TrackerError):
            failures.append(item)
        else:
            results.append(scored_to_dict(score_article(item, scorer)))
    for failure in failures:
        click.echo(f"error: {failure}", err=True)
    if as_json:
        if results:
            _echo_json(results[0] if len(results) == 1 else results)
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
@click.option("--db", help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table")
def pairs(db, fmt):
    """Pairs of countries present, with article, sentence and event counts."""
    from tracker.store import Store

    try:
        with Store(db, read_only=True, must_exist=True) as store:
            frame = store.pairs()
    except TrackerError as error:
        raise _fail(error) from error
    frame.insert(0, "pair", frame["pair_a"] + "-" + frame["pair_b"])
    frame = frame.drop(columns=["pair_a", "pair_b"])
    _echo_frame(frame, fmt)


def _echo_frame(frame, fmt: str) -> None:
    if fmt == "csv":
        click.echo(frame.to_csv(index=False), nl=False)
    elif fmt == "json":
        click.echo(frame.to_json(orient="records", date_format="iso", indent=2))
    else:
        click.echo(frame.to_string(index=False) if len(frame) else "(nothing stored yet)")


@main.command()
@click.option("--db", help=DB_HELP)
@click.option("--force", is_flag=True, help="Rescore every article, not only stale ones.")
@click.option("--workers", type=click.IntRange(1, 64))
@click.option("--actors", type=click.Path(exists=True, dir_okay=False), help="Extra actors CSV.")
def rescore(db, force, workers, actors):
    """Recompute stored scores from the stored text (after a lexicon, rule or actor change)."""
    from tracker.ingest import rescore as rescore_store

    try:
        with _progress(None, "article") as bar:
            done, failures = rescore_store(
                db, workers=workers, actors_file=actors, force=force, on_article=bar.update
            )
    except TrackerError as error:
        raise _fail(error) from error
    click.echo(f"rescored {done} articles")
    for failure in failures:
        click.echo(f"  failed: {failure}", err=True)
    sys.exit(1 if failures else 0)


@main.command()
@click.option("--db", help=DB_HELP)
@click.option("--json", "as_json", is_flag=True)
def demo(db, as_json):
    """Load the bundled demo corpus (data/samples/)."""
    from tracker.demo import load_demo

    try:
        report = load_demo(db)
    except TrackerError as error:
        raise _fail(error) from error
    if as_json:
        _echo_json(report.as_dict())
    else:
        click.echo(f"demo corpus: added {len(report.added)}, duplicates {len(report.duplicates)}")
    for failure in report.failed:
        click.echo(f"  failed: {failure}", err=True)
    sys.exit(1 if report.failed else 0)


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
        raise _fail(error) from error
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
        raise _fail(error) from error
    click.echo(f"restored {count} articles from {src} into {target}")


from tracker import cli_analysis  # noqa: E402,F401  (registers timeline/explain/export/eval)

if __name__ == "__main__":  # `python -m tracker.cli`: run the fully registered group
    import importlib

    importlib.import_module("tracker.cli").main()
