"""Geopolitical relationship tracker: dyadic tone, PLOVER events and a relationship temperature."""

__version__ = "0.1.0"
