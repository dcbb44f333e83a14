"""Ingest on a Dask cluster: files listed and batched here, loaded and scored on workers.

    batches  the client's plan: files -> batches of about BATCH_BYTES (pure)
    tasks    what a worker runs: one batch -> store-ready Arrow rows (or staged Parquet)
    session  the Dask client: a running scheduler's address or ``local[:N]``
    run      the client loop: bounded submission, results taken in batch order, written to
             the DuckDB store or committed to a Parquet archive (tracker.archive)
    local_pool  without a cluster: tracker.ingest's process pool on this machine (windows
             of articles in tasks, store-ready rows back); its scoring step is the tasks'

See docs/scale.md.
"""
