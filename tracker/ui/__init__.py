"""The Streamlit dashboard: the only package (with dashboard.py) that imports streamlit.

app.py lays out the page; state.py names every widget/session key and syncs the view with
the URL; cached.py holds every st.cache_* wrapper; explore, drilldown, upload, exports and
briefing each render one part of the page.
"""
