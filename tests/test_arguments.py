"""Noun arguments of tracker.coding.arguments: "at the invitation/request of X" names the one
who invited or asked; a non-veridical "any" keeps an act from being asserted."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.coding.score import score_article
from tracker.evaluate.pipeline import sentence_article
from tracker.models import Mode


def _events(text: str, on: date = date(2025, 10, 25)) -> list[tuple[str, str, str, Mode]]:
    scored = score_article(sentence_article("t", text, on))
    return [(e.category, e.source, e.target, e.mode) for e in scored.events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. sent observers to the drills at the invitation of Belarus.",
         ("REQUEST", "BLR", "USA")),
        ("Russia freed 23 prisoners at the request of America.", ("REQUEST", "USA", "RUS")),
    ],
)  # fmt: skip
def test_at_the_invitation_of_x_is_xs_request(text, expected) -> None:
    requests = [e[:3] for e in _events(text) if e[0] == "REQUEST"]
    assert requests == [expected]


def test_the_invasion_of_x_keeps_x_as_target() -> None:
    events = _events("Biden condemned Russia's invasion of Ukraine.", date(2022, 3, 1))
    assert ("ASSAULT", "RUS", "UKR", Mode.ASSERTED) in events


def test_any_act_is_not_asserted() -> None:
    events = _events(
        "Medvedev warned that Russia could deploy nuclear weapons in response to any U.S."
        " move to send Tomahawk missiles to Ukraine."
    )
    sends = [e for e in events if e[1] == "USA" and e[2] == "UKR"]
    assert sends and all(e[3] is Mode.HYPOTHETICAL for e in sends), events


def test_a_purpose_shares_a_hypothetical_or_negated_meeting() -> None:
    """ "did not meet Blinken in Vienna to discuss": no discussion took place either."""
    events = _events(
        "Lavrov did not meet Blinken in Vienna to discuss the border dispute.", date(2022, 1, 10)
    )
    consults = [e for e in events if e[0] == "CONSULT"]
    assert consults and all(e[3] is Mode.NEGATED for e in consults), events


def test_a_promised_act_is_the_promise() -> None:
    """ "pledged $5 billion in aid": one AGREE (an intent, CAMEO 033), no asserted aid."""
    events = _events("Japan pledged 5 billion dollars in aid to Ukraine.")
    assert [e[:3] for e in events] == [("AGREE", "JPN", "UKR")], events


def test_a_duration_aside_does_not_date_the_act() -> None:
    """ ", who has ruled Belarus since 1994, met": the meeting is this week's news."""
    events = _events("Lukashenko, who has ruled Belarus since 1994, met Trump's envoy on Thursday.")
    assert [(e[0], e[3]) for e in events] == [("CONSULT", Mode.ASSERTED)], events


def test_an_actor_inside_an_aside_is_not_the_main_verbs() -> None:
    events = _events("Putin, whose forces invaded Ukraine in 2022, met Trump in Alaska.")
    assert ("CONSULT", "RUS", "USA", Mode.ASSERTED) in events, events
    assert ("ASSAULT", "RUS", "UKR", Mode.HISTORICAL) in events, events


def test_must_after_a_report_of_a_non_state_is_no_demand() -> None:
    """ "Trump said the war must end": no state is told anything."""
    events = _events("In talks with Putin, Trump said the war must end.")
    assert [e for e in events if e[0] == "REQUEST"] == [], events


def test_a_possessors_coordinated_adjectives_keep_the_possessor() -> None:
    events = _events("Biden condemned Russia's unprovoked and unjustified attack on Ukraine.")
    assert ("ASSAULT", "RUS", "UKR", Mode.ASSERTED) in events, events


def test_sanctions_one_evades_are_not_ones_own() -> None:
    events = _events(
        "Belarus has repeatedly denied Western accusations that it is helping Russia"
        " circumvent sanctions."
    )
    assert [e for e in events if e[0] == "SANCTION"] == [], events


def test_a_diplomatic_act_at_a_sports_event_stays_political() -> None:
    events = _events(
        "Minsk expelled the Latvian charge d'affaires after Riga removed the Belarusian flag"
        " at the ice hockey championship."
    )
    assert ("SANCTION", "BLR", "LVA", Mode.ASSERTED) in events, events


def test_a_noun_a_body_modifies_is_no_state_s_act() -> None:
    """ "Hungary blocked a new EU sanctions package against Russia": the sanctions are the
    EU's (they had been Hungary's, SANCTION HUN->RUS)."""
    from tracker.coding.score import score_article
    from tracker.evaluate.pipeline import sentence_article

    for text in (
        "Hungary blocked a new EU sanctions package against Russia.",
        "Putin condemned Western sanctions on Belarus.",
    ):
        scored = score_article(sentence_article("t", text, date(2025, 11, 5)))
        assert [e for e in scored.events if e.category == "SANCTION"] == [], text


def test_a_title_before_the_second_name_keeps_the_group() -> None:
    """ "President Joe Biden and President Vladimir Putin held their first summit ... and
    agreed": one coordinated group, a mutual agreement (it had been Putin's alone)."""
    text = (
        "President Joe Biden and President Vladimir Putin held their first summit in Geneva"
        " and agreed to return their ambassadors."
    )
    scored = score_article(sentence_article("t", text, date(2021, 6, 16)))
    agreed = [(e.source, e.target) for e in scored.events if e.category == "AGREE"]
    assert agreed == [(None, None)], agreed


def test_where_one_travels_is_no_party_to_the_purpose() -> None:
    """ "Orban travelled to Moscow to meet Putin": Orban meets (Moscow had been the source)."""
    scored = score_article(
        sentence_article(
            "t", "Hungary's Prime Minister Viktor Orban travelled to Moscow to meet Putin.",
            date(2025, 11, 5),
        )
    )  # fmt: skip
    assert [(e.category, e.source, e.target) for e in scored.events] == [("CONSULT", "HUN", "RUS")]


def test_a_state_fought_alongside_is_a_partner_not_a_target() -> None:
    """ "North Korean troops fought alongside Russian forces": no North Korean assault on
    Russia (it was ASSAULT PRK->RUS)."""
    for text in (
        "North Korean troops fought alongside Russian forces against Ukraine.",
        "North Korea sent troops to fight alongside Russian forces against Ukraine.",
    ):
        scored = score_article(sentence_article("t", text, date(2025, 11, 5)))
        assert [e for e in scored.events if e.target == "RUS"] == [], text


def test_the_parties_between_are_a_nouns_own_the_mediators_are_not() -> None:
    """ "mediated a ceasefire between Israel and Hamas": no Egyptian ceasefire toward Israel
    (it was RETREAT EGY->ISR); "between Ethiopia and its neighbour, Eritrea" is mutual."""
    for text, expected in (
        ("Egypt and Qatar mediated a ceasefire between Israel and Hamas.", set()),
        (
            "Peacekeepers oversee a ceasefire between Ethiopia and its neighbor, Eritrea.",
            {("ERI", "ETH"), ("ETH", "ERI")},
        ),
    ):
        scored = score_article(sentence_article("t", text, date(2025, 11, 5)))
        found = {(e.source, e.target) for e in scored.events if e.category == "RETREAT"}
        assert found == expected, text
