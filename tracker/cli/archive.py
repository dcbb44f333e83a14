"""`tracker ingest --cluster`, `attach`, `detach` and `compact`: beyond one machine.

The cluster side is tracker/cluster, the Parquet side tracker/archive; see docs/scale.md.
"""

from __future__ import annotations

import sys

import click

from tracker.cli.common import DB_HELP, echo_json, fail, main, progress_bar
from tracker.errors import TrackerError, UsageError

RESULT_TIMEOUT_S = 1800.0  # no batch in 30 min: the cluster lost its workers; say so, exit 1


def cluster_ingest_command(
    paths, *, db, default_date, as_json, actors, cluster, archive, batch_mb=None
) -> None:
    """The body of ``tracker ingest ... --cluster SPEC [--archive LOCATION]``."""
    from tracker.cluster.run import cluster_ingest
    from tracker.cluster.session import cluster_client, local_workers

    try:
        local_workers(cluster)  # a malformed spec is a usage error before anything starts
        with cluster_client(cluster) as client, progress_bar(None, "batch") as bar:
            click.echo(f"Dask dashboard: {client.dashboard_link}", err=True)

            def planned(total: int) -> None:
                bar.reset(total=total)

            report = cluster_ingest(
                paths,
                client,
                db=db,
                archive=archive,
                default_date=default_date,
                actors_file=actors,
                on_batch=bar.update,
                on_plan=planned,
                timeout=RESULT_TIMEOUT_S,
                **({"max_bytes": int(batch_mb * 2**20)} if batch_mb else {}),
            )
    except TrackerError as error:
        raise fail(error) from error
    if as_json:
        echo_json(report.as_dict())
    else:
        where = f"archive {archive}" if archive else "database"
        click.echo(
            f"added {len(report.added)}, duplicates {len(report.duplicates)}, "
            f"failed {len(report.failed)} ({where})"
        )
        for failure in report.failed:
            click.echo(f"  failed: {failure.file}: {failure.reason}", err=True)
    sys.exit(1 if report.failed else 0)


def check_cluster_options(
    cluster: str | None, archive: str | None, workers: int | None, batch_mb: float | None = None
) -> None:
    if (archive or batch_mb) and not cluster:
        raise fail(
            UsageError("--archive and --batch-mb need --cluster (local[:N] or a scheduler address)")
        )
    if cluster and workers:
        raise fail(UsageError("--workers is for local ingest; with --cluster use local:N"))


@main.command()
@click.argument("location")
@click.option("--db", help=DB_HELP)
@click.option("--json", "as_json", is_flag=True)
def attach(location, db, as_json):
    """Read the Parquet archive LOCATION (a folder or a URL) with the stored articles."""
    from tracker.archive.layout import open_archive
    from tracker.store import Store

    try:
        normalised = open_archive(location).location
        with Store(db) as store:
            counts = store.attach_archive(normalised)
    except TrackerError as error:
        raise fail(error) from error
    if as_json:
        echo_json({"attached": normalised, "rows": counts})
    else:
        rows = ", ".join(f"{table} {count:,}" for table, count in counts.items())
        click.echo(f"attached {normalised}: {rows}")


@main.command()
@click.argument("location")
@click.option("--db", help=DB_HELP)
def detach(location, db):
    """Stop reading the archive LOCATION (its files stay as they are)."""
    from tracker.archive.layout import open_archive
    from tracker.store import Store

    try:
        normalised = open_archive(location).location
        with Store(db) as store:
            found = store.detach_archive(normalised)
    except TrackerError as error:
        raise fail(error) from error
    if not found:
        raise click.ClickException(f"{normalised} is not attached")
    click.echo(f"detached {normalised}")


@main.command()
@click.argument("location")
@click.option("--json", "as_json", is_flag=True)
def compact(location, as_json):
    """Merge the small files of the archive LOCATION (one file per partition)."""
    from tracker.archive.compact import compact as compact_archive
    from tracker.archive.layout import open_archive

    try:
        report = compact_archive(open_archive(location))
    except (OSError, TrackerError) as error:
        raise click.ClickException(f"cannot compact {location}: {error}") from error
    if as_json:
        echo_json(report.__dict__)
    else:
        click.echo(
            f"compacted {report.folders} folders: {report.files_before:,} files -> "
            f"{report.files_after:,}"
        )
