"""GDELT 2.0 events beside our line (docs/gdelt.md).

- ``codebook``: the 61 columns of a GDELT 2.0 event export, and ``format_row`` to write one;
- ``countries``: CAMEO country codes -> the tracker's ISO alpha-3 states
  (tracker/data/cameo_countries.csv);
- ``parse``: one export line -> a GdeltEvent between two states, or why not (pure);
- ``importer``: files (.CSV, .zip) -> the store's ``gdelt_events``, idempotent by GLOBALEVENTID.

The per-period series (mean Goldstein, mean AvgTone, event counts) is built in
tracker/index/gdelt.py and drawn by tracker.present.charts.gdelt_figure.
"""
