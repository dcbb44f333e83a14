"""Rules from the fourteenth reading of real news copy (issue 13; docs/tone_and_events.md
N346-). The sentences are written for these tests in the style of the copy that showed
each error; none is taken from an article or an evaluation set.
"""

from __future__ import annotations

from datetime import date

import pytest
from event_helpers import SENTENCE_DAY, sentence_events, sentence_pairs

from tracker.coding.score import score_article
from tracker.evaluate.pipeline import sentence_article

CLASH = "Thailand and Cambodia clashed along their disputed border on Thursday. "


def _second_sentence_events(text: str) -> set[tuple[str, str | None, str | None, str]]:
    """(category, source, target, mode) of the events of the text's second sentence."""
    scored = score_article(sentence_article("t", text, SENTENCE_DAY))
    return {
        (e.category, e.source, e.target, e.mode.value)
        for e in scored.events
        if e.sentence_index == 1
    }


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Both sides blamed each other for the violence.", "ACCUSE"),
        ("Both sides blamed the other for starting the fighting.", "ACCUSE"),
        ("The two countries have imposed sanctions on each other.", "SANCTION"),
        ("The two sides swapped prisoners on Saturday.", "RETREAT"),
        ("They traded accusations over the shelling.", "ACCUSE"),
        ("The two neighbours signed a ceasefire accord on Monday.", "SUPPORT"),
    ],
)
def test_a_pair_named_as_the_two_sides_acts_on_each_other(sentence, category) -> None:
    found = _second_sentence_events(CLASH + sentence)
    assert (category, "KHM", "THA", "asserted") in found
    assert (category, "THA", "KHM", "asserted") in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Both sides imposed new curbs on trade.",  # no "each other": whose curbs on whom?
        "The two sides accused the United Nations of bias.",
    ],
)
def test_what_the_two_sides_do_to_no_one_of_the_pair_is_not_each_ones_act(sentence) -> None:
    found = _second_sentence_events(CLASH + sentence)
    assert not {e for e in found if {e[1], e[2]} == {"KHM", "THA"}}


def test_exchanged_fire_again_is_an_exchange_of_fire() -> None:
    found = sentence_events("Thailand and Cambodia exchanged fire again on Friday.")
    assert ("ASSAULT", "KHM", "THA", "asserted") in found
    assert ("ASSAULT", "THA", "KHM", "asserted") in found


@pytest.mark.parametrize(
    "text",
    [
        "Russia and Ukraine traded accusations over the shelling of the plant.",
        "Russia and Ukraine traded blame for strikes on the dam.",
    ],
)
def test_the_nearer_object_of_traded_decides_the_act(text) -> None:
    found = sentence_events(text)
    assert ("ACCUSE", "RUS", "UKR", "asserted") in found
    assert not {e for e in found if e[0] == "ASSAULT"}


def test_a_part_of_a_year_dates_its_act() -> None:
    found = sentence_events(
        "Sanctions were imposed in mid-2022, after Russia's full-scale invasion of Ukraine.",
        date(2025, 11, 4),
    )
    assert ("ASSAULT", "RUS", "UKR", "historical") in found
    assert ("ASSAULT", "RUS", "UKR", "asserted") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("North Korea fired at least 40 missiles at Japan.", "fired at least 40 missiles"),
        ("Russia fired at least one ballistic missile at Ukraine.", "fired at least one"),
    ],
)
def test_at_least_is_no_preposition_of_a_firing(text, expected) -> None:
    scored = score_article(sentence_article("t", text, SENTENCE_DAY))
    triggers = {e.text[e.span_start : e.span_end] for e in scored.events}
    assert any(t.startswith(expected) for t in triggers), triggers


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "Israel said it was on alert in anticipation of a missile strike by Tehran.",
            ("ASSAULT", "IRN", "ISR"),
        ),
        (
            "The drills are designed to enhance China's capabilities in blockading Taiwan.",
            ("COERCE", "CHN", "TWN"),
        ),
        (
            "The drills are designed to simulate a blockade of Taiwan by China.",
            ("COERCE", "CHN", "TWN"),
        ),
    ],
)
def test_an_expected_act_or_a_capacity_is_not_done(text, event) -> None:
    found = sentence_events(text, date(2025, 6, 13))
    assert (*event, "asserted") not in found
    assert (*event, "hypothetical") in found


def test_executing_strikes_is_no_execution() -> None:
    scored = score_article(
        sentence_article(
            "t", "China practised executing precision strikes on Taiwan.", SENTENCE_DAY
        )
    )
    assert all(e.rule != "assault.kill" for e in scored.events)
    assert all(not e.text[e.span_start : e.span_end].startswith("executing") for e in scored.events)


@pytest.mark.parametrize(
    "text",
    [
        "Venezuela accused the Washington DC-based organization of aggression.",
        "Venezuela accused the Washington, D.C.-based group of aggression.",
    ],
)
def test_a_washington_dc_based_body_is_no_state(text) -> None:
    assert not sentence_events(text, date(2022, 11, 1))


@pytest.mark.parametrize(
    "text",
    [
        "India placed the Indus Waters Treaty with Pakistan on hold.",
        "India put talks with Pakistan on hold.",
    ],
)
def test_putting_a_treaty_or_talks_on_hold_reduces_relations(text) -> None:
    assert ("SANCTION", "IND", "PAK", "asserted") in sentence_events(text, date(2025, 5, 16))


@pytest.mark.parametrize(
    "text",
    [
        "Japan said North Korea's launches threaten peace and stability in the region.",
        "Japan said North Korea's launches threaten regional security.",
    ],
)
def test_acts_that_threaten_peace_are_no_threat(text) -> None:
    assert not {e for e in sentence_events(text, date(2022, 10, 14)) if e[0] == "THREATEN"}


BLINKEN_YEAR = date(2022, 6, 1)


@pytest.mark.parametrize(
    "text",
    [
        "Russia's actions are unacceptable, Blinken said.",
        "“Russia's actions are absolutely unacceptable,” Blinken said.",
        "Blinken said Russia's behaviour was unacceptable.",
        "Blinken said the Russian strikes were irresponsible.",
        "Blinken said that the series of Russian provocations was unacceptable.",
    ],
)
def test_a_speaker_who_judges_a_states_conduct_criticises_it(text) -> None:
    assert ("ACCUSE", "USA", "RUS", "asserted") in sentence_events(text, BLINKEN_YEAR)


@pytest.mark.parametrize(
    "text",
    [
        "The situation in Ukraine is unacceptable, Blinken said.",  # a place, not an owner
        "It is unacceptable that the talks stalled, Blinken said of Russia.",
        "Sanctions against Russia are illegal, Blinken said.",  # the victim, not the owner
    ],
)
def test_a_judgement_of_no_states_conduct_is_no_criticism(text) -> None:
    found = sentence_events(text, BLINKEN_YEAR)
    assert not {e for e in found if e[0] == "ACCUSE" and e[2] in ("RUS", "UKR")}


def test_the_speaker_of_a_clause_is_not_the_agent_of_its_act() -> None:
    found = sentence_events("The invasion of Ukraine is illegal, Kishida said.", date(2022, 10, 1))
    assert not {e for e in found if e[0] == "ASSAULT"}


def test_violations_of_a_ceasefire_are_no_ceasefire() -> None:
    text = (
        "The strike, the latest in a series of Israeli violations of its ceasefire with "
        "Lebanon, killed five people."
    )
    found = sentence_events(text, date(2025, 11, 24))
    assert ("REJECT", "ISR", "LBN", "asserted") in found
    assert not {e for e in found if e[0] == "RETREAT"}


def test_aliyev_alone_is_azerbaijan() -> None:
    found = sentence_events("Pashinyan and Aliyev shook hands in Washington.", date(2025, 8, 9))
    assert ("CONSULT", None, None, "asserted") in found
    pairs = {p for p in sentence_pairs("Aliyev met Putin in Moscow.", date(2003, 9, 9))}
    assert ("AZE", "RUS") in pairs


@pytest.mark.parametrize(
    "text",
    [
        "Lukashenko, in turn, thanked Trump for a gift of cufflinks depicting the White House "
        "and promised he would visit.",
        "Lukashenko, for his part, thanked Trump for a gift from the White House and promised "
        "to reply.",
    ],
)
def test_a_subject_keeps_its_verbs_across_an_adverb_set_off_by_commas(text) -> None:
    found = sentence_events(text, date(2025, 9, 11))
    assert ("SUPPORT", "BLR", "USA", "asserted") in found
    assert not {e for e in found if e[1] == "USA"}


def test_a_time_between_a_visit_and_its_place_keeps_the_visitor() -> None:
    text = (
        "China halted cooperation with the United States in retaliation for the visit this "
        "week to Taiwan by US House Speaker Nancy Pelosi."
    )
    found = sentence_events(text, date(2022, 8, 5))
    assert ("CONSULT", "USA", "TWN", "asserted") in found
    assert ("CONSULT", "TWN", "USA", "asserted") not in found


def test_a_body_that_opens_a_sentence_naming_no_state_acts_for_itself() -> None:
    text = (
        "Sudan accused Chad of arming rebels, and Chad supplied weapons to Sudan's enemies. "
        "The United Nations has been using the border crossing between the two countries to "
        "deliver humanitarian aid."
    )
    found = _second_sentence_events(text)
    assert not {e for e in found if e[0] == "AID"}


@pytest.mark.parametrize(
    "text",
    [
        "Abiy accused unnamed parties of trying to obstruct the inauguration, but maintained "
        "Ethiopia's willingness to resume dialogue with Cairo.",
        "Abiy blamed foreign mercenaries for the unrest and called for talks with Egypt.",
    ],
)
def test_an_accused_that_is_no_state_is_no_later_state(text) -> None:
    found = sentence_events(text, date(2025, 7, 3))
    assert not {e for e in found if e[0] == "ACCUSE"}


def test_the_accused_country_or_them_still_stand_for_a_state() -> None:
    found = sentence_events(
        "Russia expelled two U.S. diplomats, accusing them of contacts with a consular worker.",
        date(2021, 4, 1),
    )
    assert ("ACCUSE", "RUS", "USA", "asserted") in found


def test_a_commitment_to_cease_fighting_is_no_fighting() -> None:
    found = sentence_events(
        "Armenia and Azerbaijan commit to cease all fighting forever, resume trade, and respect "
        "each other's sovereignty, Trump said.",
        date(2025, 8, 9),
    )
    assert not {e for e in found if e[0] == "ASSAULT" and e[3] == "asserted"}
    assert ("COOPERATE", None, None, "hypothetical") in found


def test_a_state_named_again_after_a_circumstance_is_another_actor() -> None:
    found = sentence_events(
        "Poland will close its border with Belarus amid Belarusian-Russian military exercises.",
        date(2025, 9, 9),
    )
    assert ("SANCTION", "POL", "BLR", "hypothetical") in found
    assert not {e for e in found if e[0] == "SANCTION" and "RUS" in e[1:3]}


def test_threatening_an_escalation_threatens_no_one() -> None:
    found = sentence_events(
        "The Israeli strike threatened an escalation days before the visit to Lebanon.",
        date(2025, 11, 24),
    )
    assert not {e for e in found if e[0] == "THREATEN"}


def test_a_verb_after_and_has_is_not_its_object_states() -> None:
    found = sentence_events(
        "China views Taiwan's leaders as separatists and has vowed to take the island.",
        date(2022, 8, 5),
    )
    assert not {e for e in found if e[1] == "TWN"}
