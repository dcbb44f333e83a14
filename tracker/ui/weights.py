"""The temperature weights in plain words: a label, a help text and a range per
TemperatureParams field. Fields not listed here (a new model's) still get a widget, named
after the field, with a range around its default."""

from __future__ import annotations

from dataclasses import dataclass, fields

from tracker.index.params import TemperatureParams


@dataclass(frozen=True)
class Weight:
    name: str
    label: str
    help: str
    low: float
    high: float
    step: float
    default: float


_PLAIN = {  # field: (label, help, low, high, step)
    "volatility": (
        "How fast relations can drift (per day)",
        "How far the level may move from one day to the next without news. Larger: the "
        "line follows each article more closely; smaller: it trusts the long run.",
        0.0, 0.2, 0.001,
    ),
    "reversion_per_year": (
        "Pull back toward neutral (per year)",
        "0 keeps the level where the evidence left it; 0.5 lets half of it fade in a year "
        "of silence.",
        0.0, 0.99, 0.01,
    ),
    "tone_weight": (
        "Weight of the articles' tone",
        "How much the tone of the sentences about the pair counts (0 = not at all).",
        0.0, 3.0, 0.1,
    ),
    "tone_scale": (
        "Tone that reads as clearly warm or cold",
        "The average sentence tone (−1 … +1) that moves the temperature strongly. Smaller: "
        "a milder tone is enough.",
        0.05, 2.0, 0.05,
    ),
    "tone_story_sd": (
        "How much one article's tone can mislead",
        "The spread of tone between stories on the same relation. Larger: one article moves "
        "the line less.",
        0.01, 2.0, 0.01,
    ),
    "tone_day_sd": (
        "How much one day's news can mislead",
        "Noise no number of same-day articles averages away. Larger: a busy day moves the "
        "line less.",
        0.0, 2.0, 0.01,
    ),
    "event_weight": (
        "Weight of events",
        "How much coded events (agreements, sanctions, threats…) count (0 = not at all).",
        0.0, 3.0, 0.1,
    ),
    "event_scale": (
        "Event strength for a large move",
        "A day's events (Goldstein units) divided by this move the level. Smaller: each "
        "event moves the temperature more.",
        1.0, 500.0, 1.0,
    ),
    "event_rel_se": (
        "Uncertainty of each coded event",
        "How unsure each event's coding is (share of its strength); widens the band.",
        0.0, 1.0, 0.05,
    ),
    "prior_sd": (
        "Uncertainty before the first article",
        "How unsure the model is of a pair it has not read about yet.",
        0.05, 5.0, 0.05,
    ),
    "asserted_weight": (
        "Events reported as facts",
        "Weight of events the article says happened.",
        0.0, 1.0, 0.05,
    ),
    "hypothetical_weight": (
        "Threats, plans and possibilities",
        "Weight of events that may happen (\"could impose sanctions\").",
        0.0, 1.0, 0.05,
    ),
    "negated_weight": (
        "Events said not to happen",
        "Weight of denied events (\"did not impose sanctions\"); 0 ignores them.",
        -1.0, 1.0, 0.05,
    ),
    "historical_weight": (
        "Background events",
        "Weight of past events an article recalls (\"after the 2020 elections\").",
        0.0, 1.0, 0.05,
    ),
    "band_z": (
        "Band width (confidence)",
        "1.96 draws a 95% band, 1.0 a 68% band, 0 no band.",
        0.0, 3.0, 0.05,
    ),
}  # fmt: skip


def weights() -> tuple[Weight, ...]:
    """A widget spec for every numeric field of the model's parameters, in field order."""
    defaults = TemperatureParams()
    out = []
    for f in fields(TemperatureParams):
        value = getattr(defaults, f.name)
        if isinstance(value, bool) or not isinstance(value, int | float):
            continue
        label, text, low, high, step = _PLAIN.get(
            f.name,
            (f.name.replace("_", " ").capitalize(), f"Model setting `{f.name}`.", 0.0,
             max(5.0, 4 * abs(float(value))), 0.05),
        )  # fmt: skip
        out.append(Weight(f.name, label, text, low, high, step, float(value)))
    return tuple(out)


def ranges() -> dict[str, tuple[float, float]]:
    return {w.name: (w.low, w.high) for w in weights()}


def settings_text(values: dict[str, float]) -> str:
    """The settings that differ from the defaults, in words, for chart exports and briefs."""
    changed = [
        f"{w.label.lower()} {values[w.name]:g}"
        for w in weights()
        if w.name in values and abs(values[w.name] - w.default) > 1e-12
    ]
    volatility = values.get("volatility")
    base = f"volatility {volatility:g}/day" if volatility is not None else "default model"
    if not changed:
        return f"default weights ({base})"
    return "weights: " + "; ".join(changed)
