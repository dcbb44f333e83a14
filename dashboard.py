"""Streamlit entry point: `streamlit run dashboard.py`. The app lives in tracker.ui."""

from tracker.ui.app import main

main()
