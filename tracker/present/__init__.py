"""What users see outside the dashboard: plotly figures, exported files, the briefing, JSON."""
