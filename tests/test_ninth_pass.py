"""Rules of the coder's ninth accuracy pass (issue 13; docs/tone_and_events.md 78-): the
misses of the PETRARCH-2 and PLOVER wire sentences, read one by one, as general rules of
wire English (tracker/coding/trigger_objects.py and the data files)."""

from __future__ import annotations

import pytest
from event_helpers import SENTENCE_DAY, sentence_events

from tracker.coding.event_rules import slot_forms
from tracker.coding.trigger_objects import attributive, conditions_between

# --- 78: "alleged" before a noun is a hedge, not an accusation -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Lithuania expelled a Russian diplomat over his alleged role in sabotage on a rail line.",
        "Estonia summoned the Russian envoy over the alleged violations of its airspace.",
    ],
)
def test_an_alleged_act_is_no_accusation(text) -> None:
    events = sentence_events(text)
    assert not any(e[0] == "ACCUSE" and e[1] == "RUS" for e in events), events


def test_a_verb_alleged_still_accuses() -> None:
    events = sentence_events("Kyiv alleged that Moscow had violated the ceasefire.")
    assert ("ACCUSE", "UKR", "RUS", "asserted") in events
    words = ["the", "alleged", "violations"]
    assert attributive(words, words, 1)
    words = ["kyiv", "alleged", "that"]
    assert not attributive(words, words, 1)


# --- 79: what a signing signs is its object, not a second event -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Poland and Lithuania signed an agreement on air defence on Tuesday.",
        "Armenia and Azerbaijan signed a peace treaty in Washington.",
        "The United States and Japan signed a memorandum on critical minerals.",
    ],
)
def test_a_signed_agreement_is_one_support_event(text) -> None:
    events = sentence_events(text)
    assert {e[0] for e in events} == {"SUPPORT"}, events


def test_an_agreement_reached_without_signing_stays_agree() -> None:
    events = sentence_events("Poland and Lithuania reached an agreement on air defence.")
    assert ("AGREE", None, None, "asserted") in events


# --- 80: an act in a condition is no content of the intent before it ------------------------


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Norway is willing to help defend Lithuania if it is attacked.", "NOR", "LTU"),
        ("France is ready to help protect Moldova if it is invaded.", "FRA", "MDA"),
    ],
)
def test_a_guarantee_against_an_attack_is_no_threat(text, source, target) -> None:
    events = sentence_events(text)
    assert ("AGREE", source, target, "asserted") in events
    assert not any(e[0] == "THREATEN" for e in events), events


def test_a_condition_between_triggers() -> None:
    words = ["ready", "to", "help", "if", "it", "is", "attacked"]
    assert conditions_between(words, 3, 6)
    assert not conditions_between(words, 0, 3)


# --- 81: an agentless passive in a condition names no attacker ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Norway is willing to help defend Lithuania if it is attacked.",
        "Japan would come to the aid of the Philippines if it were attacked at sea.",
    ],
)
def test_the_helper_is_not_the_attacker(text) -> None:
    events = sentence_events(text)
    assert not any(e[0] == "ASSAULT" for e in events), events


def test_a_named_attacker_in_a_condition_is_kept() -> None:
    events = sentence_events(
        "Japan said it would help defend the Philippines if it were attacked by China."
    )
    assert ("ASSAULT", "CHN", "PHL", "hypothetical") in events


# --- 82: "accord" and "deal" are nouns in the agreement rules: "according to" is no accord ----


def test_according_to_is_no_agreement() -> None:
    events = sentence_events(
        "Russia will withdraw its forces according to the plan agreed with Ukraine."
    )
    assert not any(e[0] == "REJECT" for e in events), events
    assert "according" not in slot_forms("=accord|=accords") and "dealing" not in slot_forms(
        "=deal|=deals"
    )


# --- 83: an act ruled out is negated; a cooperative one is refused --------------------------


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "The Kremlin said lifting the sanctions on Georgia was out of the question.",
            "RUS",
            "GEO",
        ),
        ("Kyiv said talks with Moscow were off the table until Russia withdraws.", "UKR", "RUS"),
        ("The United States ruled out talks with Iran.", "USA", "IRN"),
    ],
)
def test_a_cooperative_act_ruled_out_is_a_refusal(text, source, target) -> None:
    events = sentence_events(text)
    assert ("REJECT", source, target, "asserted") in events
    assert not any(e[0] != "REJECT" and e[3] == "asserted" for e in events), events


def test_a_hostile_act_ruled_out_is_negated() -> None:
    events = sentence_events("An attack on Iran is currently out of the question, Washington said.")
    assert events == {("ASSAULT", "USA", "IRN", "negated")}


# --- eval: PETRARCH-2 codes "X and Y met" both ways; a mutual event is reported as matching --


def test_petrarch_directed_counts_a_mutual_event_both_ways() -> None:
    from tracker.coding.score import default_scorer
    from tracker.evaluate.petrarch import Coding, PetrarchRecord, score_petrarch

    text = "Brazil and Argentina met in Montevideo on Tuesday."
    codings = (Coding("040", "BRA", "ARG"), Coding("040", "ARG", "BRA"))
    record = PetrarchRecord("m-1", SENTENCE_DAY, text, codings, 2)
    result = score_petrarch([record], default_scorer())
    assert (result.pair_found, result.directed_found, result.directed_or_mutual) == (2, 0, 2)
    assert result.as_dict()["directed_or_mutual_recall"] == 1.0


# --- 84: a passive launch comes from its "from X" origin ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Three rockets were fired from Lebanon at northern Israel on Sunday.",
        "Hezbollah fired rockets from Lebanon at Israel.",
    ],
)
def test_a_launch_comes_from_its_origin(text) -> None:
    events = sentence_events(text)
    assert ("ASSAULT", "LBN", "ISR", "asserted") in events
    assert not any(e[1] == "ISR" for e in events), events


def test_an_active_launch_keeps_its_subject() -> None:
    events = sentence_events("Russia fired missiles at Ukraine on Tuesday.")
    assert ("ASSAULT", "RUS", "UKR", "asserted") in events


# --- 85: a reflexive object is the subject itself -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Russia said Ukraine had shelled itself.",
        "Poland sanctioned its own companies for trading with Russia.",
    ],
)
def test_a_reflexive_object_is_no_other_state(text) -> None:
    assert sentence_events(text) == set()


# --- 86: "help" is aid to a state only with a named object ----------------------------------


def test_help_to_a_named_state_is_aid() -> None:
    text = "Germany helped Poland with air defence after the drone incursion."
    assert ("AID", "DEU", "POL", "asserted") in sentence_events(text)


def test_help_to_another_act_is_no_aid() -> None:
    text = "Syria offered its troops to Lebanon's president to help him oust the general."
    assert not any(e[0] == "AID" for e in sentence_events(text))


# --- 87: a trigger after "wants to" is a verb, not a noun in the phrase before --------------


@pytest.mark.parametrize(
    ("text", "category", "source", "target"),
    [
        ("The U.S. Secretary of State wants to help Israel.", "AGREE", "USA", "ISR"),
        (
            "The Chinese Minister of Defence plans to visit Russia next month.",
            "AGREE",
            "CHN",
            "RUS",
        ),
    ],
)
def test_an_infinitive_after_a_title_is_the_persons_act(text, category, source, target) -> None:
    assert (category, source, target, "asserted") in sentence_events(text)


# --- 88: an ultimatum's penalty and a right are not acts ------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "Venezuela must free the detained Americans or face new sanctions, Washington said.",
            "USA",
            "VEN",
        ),
        ("Iran must stop enriching uranium or risk new sanctions, Britain said.", "GBR", "IRN"),
    ],
)
def test_an_ultimatums_penalty_is_no_sanction(text, source, target) -> None:
    events = sentence_events(text)
    assert ("REQUEST", source, target, "asserted") in events
    assert not any(e[0] == "SANCTION" for e in events), events


@pytest.mark.parametrize(
    "text",
    [
        "Washington defended the right of Israeli troops to fire on gunmen in Lebanon.",
        "Turkey has the right to attack Kurdish fighters in Syria, Ankara said.",
    ],
)
def test_a_right_to_strike_is_no_strike(text) -> None:
    events = sentence_events(text)
    assert not any(e[0] == "ASSAULT" and e[3] == "asserted" for e in events), events


# --- 89: what its subject was put under is done to the subject ------------------------------


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Two Russian diplomats were placed under arrest in Poland.", ("COERCE", "POL", "RUS")),
        ("A U.S. citizen has been put under investigation in Italy.", ("ACCUSE", "ITA", "USA")),
        (
            "The Georgian ex-president was placed under house arrest in Ukraine.",
            ("COERCE", "UKR", "GEO"),
        ),
    ],
)
def test_put_under_is_passive(text, event) -> None:
    events = sentence_events(text)
    assert (*event, "asserted") in events
    assert not any(e[1] == event[2] for e in events), events


# --- 90: a hyphenated pair of names, or "between", names a noun's parties -------------------


@pytest.mark.parametrize(
    "text",
    [
        "Egypt mediated the Hamas-Israel ceasefire.",
        "The German government welcomed progress in U.S.-Soviet talks on arms control.",
        "Egypt mediated a ceasefire between Israel and Hamas.",
    ],
)
def test_named_parties_are_no_other_states(text) -> None:
    events = sentence_events(text)
    assert not any(e[0] in ("RETREAT", "CONSULT") and e[2] in ("EGY", "DEU") for e in events)
    assert not any(e[1] in ("ISR", "USA") and e[2] in ("EGY", "DEU") for e in events), events


def test_a_pair_of_states_keeps_its_event() -> None:
    events = sentence_events("Turkey praised the Russia-Ukraine prisoner swap.")
    assert ("RETREAT", "RUS", "UKR", "asserted") in events


# --- 91: an indictment is an accusation; an agentless one names no accuser ------------------


def test_an_indictment_accuses() -> None:
    text = "A U.S. grand jury indicted two Russian intelligence officers on hacking charges."
    assert ("ACCUSE", "USA", "RUS", "asserted") in sentence_events(text)


def test_a_wished_indictment_has_no_accuser() -> None:
    text = "Rwanda hoped French officials would be indicted for war crimes."
    assert not any(e[0] == "ACCUSE" for e in sentence_events(text))


# --- 92: an answered proposal was made to the one who answers -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "South Korea rejected North Korea's demand to cut ties with Washington.",
        "Belarus rejected Lithuania's demand to close the border with Russia.",
    ],
)
def test_a_rejected_demand_is_not_toward_its_contents_state(text) -> None:
    events = sentence_events(text)
    assert len(events) == 1 and next(iter(events))[0] == "REJECT", events


def test_an_accepted_offers_act_stays_the_offerers() -> None:
    events = sentence_events("Moscow accepted Turkey's offer to host talks with Ukraine.")
    assert ("CONSULT", "TUR", "UKR", "hypothetical") in events


# --- 93: "embargoes" is a measure that is lifted --------------------------------------------


def test_lifting_embargoes_is_a_concession() -> None:
    events = sentence_events("Washington agreed to lift embargoes on grain sales to Cuba.")
    assert ("CONCEDE", "USA", "CUB", "hypothetical") in events
    assert not any(e[0] == "SANCTION" for e in events), events


# --- 94: "an occupying army" names a standing state, not the day's act ----------------------


def test_an_occupying_army_is_no_attack() -> None:
    assert sentence_events("Ukraine called Russian forces an occupying army.") == set()


def test_forces_occupying_a_region_still_act() -> None:
    text = "Russian forces are occupying parts of eastern Ukraine."
    assert ("ASSAULT", "RUS", "UKR", "asserted") in sentence_events(text)


# --- 95: a weapon noun that is the subject of a passive launch is the launch ----------------


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Ukraine said an artillery shell was fired at it from Belarus on Sunday.", "BLR", "UKR"),
        ("Syria said two mortar bombs were fired at it from Turkey.", "TUR", "SYR"),
    ],
)
def test_a_reported_launch_comes_from_its_origin(text, source, target) -> None:
    assert sentence_events(text) == {("ASSAULT", source, target, "asserted")}
