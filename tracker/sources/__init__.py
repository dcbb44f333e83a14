"""Feeds and pages that bring articles by themselves (docs/sources.md).

- ``urls``: which URLs may be fetched (absolute http(s), no credentials);
- ``feeds``: feed bytes -> entries (feedparser), feed or HTML page? (pure);
- ``fetch``: one guarded GET (httpx): timeouts, size cap, checked redirects, conditional
  requests, a politeness delay per host;
- ``pages``: page bytes -> a Pending document through the loader (tracker.load);
- ``poll``: add a source, poll sources into the store through ``ingest_articles``;
- ``schedule``: ``--every 15m`` and the polling loop.

Source state (validators, last poll, entries fetched) lives in the store
(tracker/store/source_store.py).
"""
