"""The PLOVER codebook as the evaluation uses it: categories, their GDELT QuadClass, the
GSR's legacy labels, and CAMEO actor codes mapped to ISO 3166-1 alpha-3 countries."""

from __future__ import annotations

from functools import cache

PLOVER_CATEGORIES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

# GDELT QuadClass of each category's CAMEO root (03-05 verbal cooperation, 06-08 material
# cooperation, 09-13 verbal conflict, 14-20 material conflict). One table is used for gold
# and prediction alike, so QuadClass agreement never depends on a coder's own table.
QUAD_CLASS = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1,
    "CONCEDE": 2, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}  # fmt: skip
QUAD_NAMES = {1: "verbal coop", 2: "material coop", 3: "verbal conflict", 4: "material conflict"}

# PLOVER GSR (2016 label set) -> current PLOVER categories; DOCUMENT records are skipped.
LEGACY_LABELS = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "INVESTIGATE": "ACCUSE",
}
SKIPPED_LABELS = frozenset({"DOCUMENT"})
# CAMEO country codes in the GSR that are not ISO 3166-1 alpha-3.
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "KSV": "XKX"}
NON_STATE_CODES = frozenset({"IGO", "NGO", "IMG", "ISM"})  # CAMEO generic non-state actors


def quad_class(category: str) -> int:
    """GDELT QuadClass (1-4) of a PLOVER category; KeyError for an unknown one."""
    return QUAD_CLASS[category]


def normalise_label(label: str) -> str | None:
    """A PLOVER GSR label in the current category set; None for labels that are skipped."""
    if label in SKIPPED_LABELS:
        return None
    return LEGACY_LABELS.get(label, label)


def normalise_code(code: str) -> str:
    """A GSR actor code with CAMEO-only country codes mapped to ISO 3166-1 alpha-3."""
    code = (code or "").strip().upper()
    return CAMEO_TO_ISO.get(code, code)


@cache
def _iso_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}  # Kosovo (user-assigned)


def is_country(code: str | None) -> bool:
    """True for an ISO 3166-1 alpha-3 country code or Kosovo's XKX (IGO, NGO... are not)."""
    return bool(code) and code not in NON_STATE_CODES and code in _iso_codes()
