"""The Streamlit dashboard: the only package (with dashboard.py) that imports streamlit.

app.py lays out the page (a new view chart first); state.py names every widget/session key
and syncs the view with the URL; cached.py holds every st.cache_* wrapper; weights.py and
pairs.py give the sidebar's plain labels; explore, drilldown, removal, upload, exports and
briefing each render one part of the page. Reading, dating, scoring and storing are the
library's (tracker.load.review, tracker.ingest): the UI renders.
"""
