"""The GDELT 2.0 event export layout (GDELT Event Codebook V2.0): 61 tab-separated columns,
no header, one event per line, in ``YYYYMMDDHHMMSS.export.CSV`` files (zipped as published).

``format_row`` writes a line in that layout (tests and the docs' fixture use it).
"""

from __future__ import annotations

from collections.abc import Mapping

# fmt: off
COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
    "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code",
    "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
    "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code",
    "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
# fmt: on
assert len(COLUMNS) == 61
INDEX: dict[str, int] = {name: i for i, name in enumerate(COLUMNS)}


def format_row(values: Mapping[str, object]) -> str:
    """One export line (no newline): the given columns, the others empty.

    Derived date columns (MonthYear, Year, FractionDate) are filled from SQLDATE when it is
    given and they are not; tabs and newlines inside values are replaced by spaces."""
    unknown = set(values) - set(INDEX)
    if unknown:
        raise KeyError(f"not GDELT 2.0 event columns: {', '.join(sorted(unknown))}")
    fields = ["" for _ in COLUMNS]
    for name, value in values.items():
        fields[INDEX[name]] = "" if value is None else str(value)
    day = str(values.get("SQLDATE", ""))
    if len(day) == 8 and day.isdigit():
        year, month, dom = int(day[:4]), int(day[4:6]), int(day[6:])
        defaults = {
            "MonthYear": day[:6],
            "Year": day[:4],
            "FractionDate": f"{year + ((month - 1) * 30 + dom) / 365:.4f}",
        }
        for name, value in defaults.items():
            if name not in values:
                fields[INDEX[name]] = value
    return "\t".join(" ".join(f.replace("\t", " ").splitlines()) for f in fields)
