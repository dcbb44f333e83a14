"""Streamlit entry point: `streamlit run dashboard.py`. The app lives in tracker.ui."""

from tracker.ui.app import main, read_only_mode
from tracker.ui.server_guard import refuse_uploads_when_read_only

refuse_uploads_when_read_only(read_only_mode())  # at the server, not only on the page
main()
