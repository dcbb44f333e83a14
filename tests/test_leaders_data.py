"""tracker/data/leaders.csv, the hand-kept table of people who speak for a state: every row
is well formed, no name means two states at once, and the people in it map inside their
tenure only."""

from __future__ import annotations

import csv
import io
import unicodedata
from datetime import date
from importlib.resources import files

import pytest

from tracker.coding.actors import ActorMatcher, load_gazetteer

COLUMNS = ["code", "name", "aliases", "role", "valid_from", "valid_to", "note"]


def _rows(name: str) -> list[dict[str, str]]:
    text = files("tracker.data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _folded(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name)
    return "".join(c for c in plain if not unicodedata.combining(c)).casefold().strip()


def _names(row: dict[str, str]) -> list[str]:
    return [n for n in [row["name"], *(row["aliases"] or "").split("|")] if n.strip()]


def _span(row: dict[str, str]) -> tuple[date, date]:
    start = date.fromisoformat(row["valid_from"]) if row["valid_from"] else date.min
    end = date.fromisoformat(row["valid_to"]) if row["valid_to"] else date.max
    return start, end


@pytest.fixture(scope="module")
def leaders() -> list[dict[str, str]]:
    return _rows("leaders.csv")


@pytest.fixture(scope="module")
def matcher() -> ActorMatcher:
    return ActorMatcher(load_gazetteer())


def test_every_row_is_well_formed(leaders) -> None:
    header = files("tracker.data").joinpath("leaders.csv").read_text(encoding="utf-8")
    assert header.splitlines()[0].split(",") == COLUMNS
    states = load_gazetteer().codes
    for n, row in enumerate(leaders, 2):
        assert row["code"] in states, f"line {n}: {row['code']} is no state"
        assert row["name"].strip() and row["role"].strip(), f"line {n}: name and role"
        start, end = _span(row)  # ISO dates or empty
        assert start <= end, f"line {n}: tenure ends before it starts"


def test_no_name_means_two_states_at_once(leaders) -> None:
    by_name: dict[str, list[dict[str, str]]] = {}
    for row in leaders:
        for name in dict.fromkeys(map(_folded, _names(row))):
            by_name.setdefault(name, []).append(row)
    clashes = [
        (name, a["code"], b["code"])
        for name, rows in by_name.items()
        for a in rows
        for b in rows
        if a["code"] < b["code"] and _span(a)[0] <= _span(b)[1] and _span(b)[0] <= _span(a)[1]
    ]
    assert clashes == []


def test_no_leader_name_is_a_place_or_a_people(leaders) -> None:
    places = {_folded(r["alias"]): r["code"] for r in _rows("actors.csv")}
    assert [n for row in leaders for n in _names(row) if _folded(n) in places] == []


@pytest.mark.parametrize(
    ("text", "on", "code"),
    [
        ("Ryabkov said", date(2023, 3, 1), "RUS"),  # deputy foreign minister
        ("Shoigu said", date(2016, 3, 1), "RUS"),  # defence minister
        ("Shoigu said", date(2025, 3, 1), "RUS"),  # security council secretary
        ("Belousov said", date(2024, 9, 1), "RUS"),
        ("Nebenzia said", date(2024, 9, 1), "RUS"),
        ("Anatoly Antonov said", date(2020, 9, 1), "RUS"),
        ("Antonov said", date(2020, 9, 1), None),  # also an aircraft maker
        ("Khrenin said", date(2024, 9, 1), "BLR"),
        ("Budanov said", date(2024, 9, 1), "UKR"),
        ("Reznikov said", date(2024, 9, 1), None),  # after his tenure
        ("Ratcliffe said", date(2025, 9, 1), "USA"),
        ("Lloyd Austin said", date(2023, 9, 1), "USA"),
        ("Austin said", date(2023, 9, 1), None),  # a city too
    ],
)
def test_officials_map_inside_their_tenure(matcher, text, on, code) -> None:
    assert [m.code for m in matcher.find(text, on)] == ([code] if code else [])
