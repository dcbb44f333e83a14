"""The relationship temperature: series per pair and direction, periods, attribution, turning
points (docs/temperature.md). `timeline` reads the store; the rest is pure.
"""
