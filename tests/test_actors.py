"""Tests for tracker.coding.actors: gazetteer coverage, matching rules, ambiguity, tenure, speed."""

from __future__ import annotations

from datetime import date

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.coding.actors import (
    ActorAlias,
    ActorMatcher,
    Gazetteer,
    load_gazetteer,
)
from tracker.coding.venues import (
    _TOPIC,
    _TOPIC_OR_VENUE,
    _TOPIC_WORDS,
    _VENUE,
    _last_words_start,
)

ON = date(2025, 12, 1)

# UN members (193) + observer states; pycountry holds 249 codes, so list the non-members.
NOT_UN = {
    "ABW", "AIA", "ALA", "ASM", "ATA", "ATF", "BES", "BLM", "BMU", "BVT", "CCK", "COK", "CUW",
    "CXR", "CYM", "ESH", "FLK", "FRO", "GGY", "GIB", "GLP", "GRL", "GUF", "GUM", "HKG", "HMD",
    "IMN", "IOT", "JEY", "MAC", "MAF", "MNP", "MSR", "MTQ", "MYT", "NCL", "NFK", "NIU", "PCN",
    "PRI", "PYF", "REU", "SGS", "SHN", "SJM", "SPM", "SXM", "TCA", "TKL", "TWN", "UMI", "VGB",
    "VIR", "WLF",
}  # fmt: skip


@pytest.fixture(scope="module")
def matcher() -> ActorMatcher:
    return ActorMatcher()


def found(matcher: ActorMatcher, text: str, on: date = ON) -> list[tuple[str, str]]:
    return [(m.surface, m.code) for m in matcher.find(text, on)]


def test_every_un_member_and_observer_is_covered():
    codes = load_gazetteer().codes
    expected = {c.alpha_3 for c in pycountry.countries} - NOT_UN
    assert len(expected) == 195  # 193 members + VAT + PSE
    assert expected <= codes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia and the Russian Federation", [("Russia", "RUS"), ("Russian Federation", "RUS")]),
        ("Belarus, formerly Byelorussia", [("Belarus", "BLR"), ("Byelorussia", "BLR")]),
        (
            "the United States, U.S., US, USA, U.S.A. and America",
            [
                ("United States", "USA"),
                ("U.S.", "USA"),
                ("US", "USA"),
                ("USA", "USA"),
                ("U.S.A.", "USA"),
                ("America", "USA"),
            ],
        ),
        ("the United States of America", [("United States of America", "USA")]),
        (
            "UK, Britain and Great Britain",
            [("UK", "GBR"), ("Britain", "GBR"), ("Great Britain", "GBR")],
        ),
        ("South Korea and North Korea", [("South Korea", "KOR"), ("North Korea", "PRK")]),
        ("Iran and Syria", [("Iran", "IRN"), ("Syria", "SYR")]),
        ("Americans and Belarusians", [("Americans", "USA"), ("Belarusians", "BLR")]),
        (
            "Russian, Ukrainian, Chinese, British, Polish",
            [
                ("Russian", "RUS"),
                ("Ukrainian", "UKR"),
                ("Chinese", "CHN"),
                ("British", "GBR"),
                ("Polish", "POL"),
            ],
        ),
        (
            "Washington, Moscow, Minsk, Kyiv, Kiev",
            [
                ("Washington", "USA"),
                ("Moscow", "RUS"),
                ("Minsk", "BLR"),
                ("Kyiv", "UKR"),
                ("Kiev", "UKR"),
            ],
        ),
        (
            "Beijing, Warsaw, London, Paris, Berlin",
            [
                ("Beijing", "CHN"),
                ("Warsaw", "POL"),
                ("London", "GBR"),
                ("Paris", "FRA"),
                ("Berlin", "DEU"),
            ],
        ),
        ("the Kremlin and the White House", [("Kremlin", "RUS"), ("White House", "USA")]),
        (
            "the State Department and the Pentagon",
            [("State Department", "USA"), ("Pentagon", "USA")],
        ),
        ("Downing Street and the Elysee", [("Downing Street", "GBR"), ("Elysee", "FRA")]),
        ("the KGB, the FSB and the CIA", [("KGB", "BLR"), ("FSB", "RUS"), ("CIA", "USA")]),
        ("Congress passed it", [("Congress", "USA")]),
        ("Türkiye and Côte d’Ivoire", [("Türkiye", "TUR"), ("Côte d’Ivoire", "CIV")]),
        (
            "Kosovo, Kosovar officials and Pristina",  # user-assigned XKX (ACTORS.md)
            [("Kosovo", "XKX"), ("Kosovar", "XKX"), ("Pristina", "XKX")],
        ),
    ],
)
def test_names_demonyms_capitals_institutions(matcher, text, expected):
    assert found(matcher, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A woman from Prussia spoke.", []),  # no Oman in woman, no Russia in Prussia
        ("Prussian generals", []),
        ("Iranian officials", [("Iranian", "IRN")]),
        ("Niger and Nigeria", [("Niger", "NER"), ("Nigeria", "NGA")]),
        ("Nigerian troops", [("Nigerian", "NGA")]),
        ("Russia's army", [("Russia", "RUS")]),
        ("Russia’s army", [("Russia", "RUS")]),  # curly apostrophe
        ("the U.S.-led coalition", [("U.S.", "USA")]),
        ("let us talk", []),
        ("Tell US about it", [("US", "USA")]),  # upper-case abbreviation is case-sensitive
        ("we ate turkey", []),
        ("Turkey objected", [("Turkey", "TUR")]),
        ("US SANCTIONS HIT TURKEY", [("US", "USA"), ("TURKEY", "TUR")]),  # all-caps headline
        ("a chad of paper", []),
        ("fine china and bone china", []),
        ("the South China Sea", []),
        ("China's claims in the South China Sea", [("China", "CHN")]),
        ("the Washington Post reported", []),
        ("the Washington Post reported from Washington", [("Washington", "USA")]),
        ("Washington state officials", []),
        ("George Washington crossed", []),
        ("Denzel Washington starred", []),
        ("New York and New Mexico", []),
        ("Moscow, Idaho police", []),
        ("the Paris Agreement on climate", []),
        ("the Minsk agreements", []),
        ("the Minsk accords and the Minsk talks", []),
        ("the Minsk protocol, the Minsk format and Minsk II", []),
        ("talks with Minsk", [("Minsk", "BLR")]),
        ("talks in Minsk", []),  # a venue (actors.py: venues and topics)
        (
            "Putin and Trump discussed the situation around Ukraine",
            [("Putin", "RUS"), ("Trump", "USA")],
        ),
        # where something was said, even with one other state named: no party
        ("the U.S. envoy told reporters in Vilnius", [("U.S.", "USA")]),
        ("Putin said in Minsk that", [("Putin", "RUS")]),
        ("the Budapest Memorandum", []),
        ("Michael Jordan scored", []),
        ("Jordan Bardella said", []),
        ("Jordan said it would help", [("Jordan", "JOR")]),
        ("King Abdullah of Jordan", [("Jordan", "JOR")]),
        ("Chad Smith drummed", []),
        ("Chad President Mahamat Deby", [("Chad", "TCD"), ("Mahamat Deby", "TCD")]),
        ("Sudan and Chad", [("Sudan", "SDN"), ("Chad", "TCD")]),
        (
            "Papua New Guinea and Guinea-Bissau",
            [("Papua New Guinea", "PNG"), ("Guinea-Bissau", "GNB")],
        ),
        ("Northern Ireland and Ireland", [("Northern Ireland", "GBR"), ("Ireland", "IRL")]),
        ("the Democratic Republic of the Congo", [("Democratic Republic of the Congo", "COD")]),
    ],
)
def test_boundaries_case_and_negatives(matcher, text, expected):
    assert found(matcher, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Atlanta, Georgia, is hot.", []),
        ("Georgia's governor signed the bill.", []),
        ("The Georgia Senate race tightened.", []),
        ("The state of Georgia sued.", []),
        ("Georgia and Florida voters", []),
        ("Georgia and Russia fought a war in 2008.", [("Georgia", "GEO"), ("Russia", "RUS")]),
        (
            "Protests in Tbilisi, Georgia, grew; the governor was silent.",
            [("Tbilisi", "GEO"), ("Georgia", "GEO")],
        ),
        ("Georgia's ruling party won.", [("Georgia", "GEO")]),  # default: the country
        (
            "Russian troops remain in Georgia's South Ossetia region.",
            [("Russian", "RUS"), ("Georgia", "GEO")],
        ),
    ],
)
def test_georgia_country_or_us_state(matcher, text, expected):
    assert found(matcher, text) == expected


@pytest.mark.parametrize(
    ("text", "on", "code"),
    [
        ("Trump spoke", date(2019, 6, 1), "USA"),
        ("Trump spoke", date(2022, 6, 1), None),
        ("Trump spoke", date(2025, 2, 1), "USA"),
        ("Trump spoke", date(2017, 1, 20), "USA"),  # tenure bounds are inclusive
        ("Trump spoke", date(2017, 1, 19), None),
        ("Biden spoke", date(2022, 6, 1), "USA"),
        ("Medvedev spoke", date(2010, 6, 1), "RUS"),  # president
        ("Medvedev spoke", date(2015, 6, 1), "RUS"),  # prime minister
        ("Putin spoke", date(2000, 1, 1), "RUS"),  # prime minister / acting president
        ("Putin spoke", date(1998, 1, 1), None),
        ("Lavrov spoke", date(2003, 1, 1), None),
        ("Lavrov spoke", date(2005, 1, 1), "RUS"),
        ("Lukashenko spoke", date(2001, 1, 1), "BLR"),
        ("Lukashenka spoke", date(2024, 1, 1), "BLR"),
        ("Clinton spoke", date(2000, 6, 1), "USA"),  # Bill, president
        ("Clinton spoke", date(2005, 6, 1), None),
        ("Clinton spoke", date(2011, 6, 1), "USA"),  # Hillary, secretary of state
        ("Zelenskyy spoke", date(2023, 1, 1), "UKR"),
        ("Zelensky spoke", date(2018, 1, 1), None),
        ("Xi spoke", date(2020, 1, 1), "CHN"),
        ("xi spoke", date(2020, 1, 1), None),
        ("Erdogan spoke", date(2020, 1, 1), "TUR"),
        ("Erdoğan spoke", date(2020, 1, 1), "TUR"),
        ("Boris Johnson spoke", date(2020, 1, 1), "GBR"),
        ("Johnson spoke", date(2020, 1, 1), None),  # surname alone is too common
        ("Prime Minister Johnson spoke", date(2020, 1, 1), "GBR"),
        ("Sybiha spoke", date(2025, 1, 1), "UKR"),
        ("Kuleba spoke", date(2025, 1, 1), None),
        ("Nawrocki spoke", date(2025, 9, 1), "POL"),
        ("Duda spoke", date(2025, 9, 1), None),
    ],
)
def test_leader_tenure(matcher, text, on, code):
    mentions = matcher.find(text, on)
    assert [m.code for m in mentions] == ([code] if code else [])
    if code:
        assert mentions[0].kind == "leader"


def test_longest_match_and_offsets(matcher):
    text = "Russian President Vladimir Putin met U.S. President Donald Trump."
    mentions = matcher.find(text, ON)
    assert [(m.surface, m.kind) for m in mentions] == [
        ("Russian", "demonym"), ("Vladimir Putin", "leader"), ("U.S.", "country"),
        ("Donald Trump", "leader"),
    ]  # fmt: skip
    for m in mentions:
        assert text[m.start : m.end] == m.surface


def test_user_csv_extends_gazetteer(tmp_path):
    extra = tmp_path / "mine.csv"
    extra.write_text(
        "code,alias,kind,case_sensitive,context,valid_from,valid_to,note\n"
        "BLR,Drazdy,institution,1,,,,presidential residence\n"
        ",Minsk Zoo,negative,0,,,,a zoo\n",
        encoding="utf-8",
    )
    matcher = ActorMatcher(load_gazetteer(extra))
    assert found(matcher, "Drazdy said") == [("Drazdy", "BLR")]
    assert found(matcher, "the Minsk Zoo") == []
    assert found(matcher, "Minsk said") == [("Minsk", "BLR")]


def test_tiny_fixture_gazetteer():
    g = Gazetteer((ActorAlias("Ruritania", "RUR", "country"),))
    assert [m.code for m in ActorMatcher(g).find("Ruritania won", ON)] == ["RUR"]


def test_default_gazetteer_is_cached():
    assert load_gazetteer() is load_gazetteer()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_mentions_are_well_formed(text):
    mentions = _MATCHER.find(text, ON)
    last_end = -1
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert m.start >= last_end  # sorted, non-overlapping
        assert text[m.start : m.end] == m.surface
        last_end = m.end


_MATCHER = ActorMatcher()


@pytest.mark.parametrize(
    "before",
    [
        "officials said the war in the ",
        "a long preamble that goes on and on about the war  in   the ",
        "(the conflict over ",
        "the US envoy for ",
        "a peace plan for the ",
        "peace efforts in ",
        "held talks in ",
        "at ",
        "in",
        "",
        "said the United ",
        "the war in the conflict in ",
        "talks in the war over the ",
        "an envoy on the ",
        "A CEASEFIRE IN ",
    ],
)
def test_topic_and_venue_search_only_the_last_words(before):
    tail = _last_words_start(before, _TOPIC_WORDS)
    for pattern in (_TOPIC, _VENUE):
        full, short = pattern.search(before), pattern.search(before, tail)
        assert (full and full.span()) == (short and short.span())
    both = _TOPIC_OR_VENUE.search(before, tail)
    expected = "topic" if _TOPIC.search(before) else "venue" if _VENUE.search(before) else None
    assert (both and both.lastgroup) == expected


def test_air_raids_keep_the_state_but_an_airline_does_not() -> None:
    from tracker.coding.actors import default_matcher

    on = date(2024, 1, 1)
    raids = default_matcher().find("Two Israeli air raids hit the border town.", on)
    assert [m.code for m in raids] == ["ISR"]
    assert default_matcher().find("Korean Air ordered new planes.", on) == []


def test_a_lower_case_airline_is_the_states_carrier_not_a_company_name() -> None:
    from tracker.coding.actors import default_matcher
    from tracker.coding.non_state_heads import drop_non_state_heads

    on = date(2025, 9, 1)
    for text, kept in (
        ("Washington lifted sanctions on Belarusian airlines.", ["USA", "BLR"]),
        ("Washington lifted sanctions on Belarusian airline Belavia.", ["USA", "BLR"]),
        ("Malaysia Airlines flight MH17 was downed near Russia.", ["RUS"]),
    ):
        found = default_matcher().find(text, on)
        assert [m.code for m in drop_non_state_heads(text, found)] == kept, text
