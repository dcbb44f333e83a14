"""Rules of the coder's eighth accuracy pass (issue 13; docs/tone_and_events.md 70-):
unquoted reported speech (tracker/coding/reported_speech.py)."""

from __future__ import annotations

from datetime import date

import pytest
from event_helpers import sentence_pairs as _pairs

from tracker.coding.relation_words import relation_words
from tracker.coding.reported_speech import QUOTE, speech_wrapper
from tracker.coding.score import default_scorer, score_article
from tracker.evaluate.pipeline import sentence_article

ON = date(2025, 10, 25)


def _events(text: str, on: date = ON) -> set[tuple[str, str | None, str | None, str]]:
    return {
        (e.category, e.source, e.target, e.source_basis)
        for p in _pairs(text, on).values()
        for e in p.events  # type: ignore[attr-defined]
    }


# --- 70: the speaker's own demand in the content is the speaker's act ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Washington must stop arming Kyiv, Lavrov said.",
        "Washington must stop arming Kyiv, Lavrov told reporters on Tuesday.",
    ],
)
def test_a_demand_in_a_speech_tail_is_the_speakers(text) -> None:
    assert ("REQUEST", "RUS", "USA", QUOTE) in _events(text)
    assert _pairs(text)[("RUS", "USA")].tone < 0  # type: ignore[attr-defined]


def test_an_addressee_is_not_the_speaker_of_a_demand() -> None:
    events = _events("Washington must stop arming Kyiv, Lavrov told Rubio.")
    assert ("REQUEST", "RUS", "USA", QUOTE) in events
    assert not any(e[0] == "REQUEST" and e[1] == "UKR" for e in events)


# --- 71: content with no act is the speaker's judgement of its pairs -------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv is a puppet of Washington, Lavrov said on Tuesday.",
        "According to Lavrov, Kyiv is a puppet of Washington.",
        "Kyiv is a puppet of Washington, according to Lavrov.",
        "Lavrov said that Kyiv is a puppet of Washington.",
    ],
)
def test_a_judgement_gives_the_speaker_a_pair_with_each_state_judged(text) -> None:
    pairs = _pairs(text)
    for pair in (("RUS", "UKR"), ("RUS", "USA")):
        assert pair in pairs
        assert pairs[pair].tone < 0  # type: ignore[attr-defined]  # "puppet" (lexicon)
    assert ("UKR", "USA") in pairs  # the content's own pair, as the dyad rules read it


def test_a_neutral_description_is_no_judgement() -> None:
    pairs = _pairs("Russia and Ukraine are far apart on the key issues, Rubio said.")
    assert ("RUS", "USA") not in pairs and ("UKR", "USA") not in pairs


# --- 72: a report of others' acts, or a speaker already in the content, adds nothing ---------


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Russia launched 500 drones at Ukraine overnight, the Pentagon said.", ("RUS", "UKR")),
        ("According to Rubio, Moscow has not responded to the U.S. proposal.", ("RUS", "USA")),
    ],
)
def test_a_reported_act_or_a_speaker_with_a_pair_adds_nothing(text, kept) -> None:
    assert set(_pairs(text)) == {kept}


# --- 73: "X said (that) ..." opens with the speaker ------------------------------------------


def test_a_leading_speaker_only_reports_others_acts() -> None:
    text = (
        "The Pentagon said Russia had fired an experimental intermediate-range missile at "
        "the Ukrainian city of Dnipro."
    )
    assert set(_pairs(text)) == {("RUS", "UKR")}


def test_a_leading_speaker_is_not_the_contents_subject() -> None:
    text = "Sybiha said Russia had rejected the ceasefire proposed by the United States."
    pairs = _pairs(text)
    assert ("UKR", "USA") not in pairs
    assert ("REJECT", "RUS", "USA", "text") in _events(text)


def _wrapper(text: str):
    mentions = default_scorer().matcher.find(text, ON)
    return speech_wrapper(text, sorted(mentions, key=lambda m: m.start), relation_words())


def test_a_lead_speaker_stands_close_to_its_verb() -> None:
    near = _wrapper("Russia's Foreign Ministry said on Monday that Japan had violated the deal.")
    assert near is not None and near.speakers == ("RUS",) and near.lead
    far = _wrapper(
        "Serbian military police opened an inquiry last year into the crimes they noted "
        "Croatian forces had committed in Montenegro."
    )
    assert far is None


def test_according_to_names_its_speaker_right_after_it() -> None:
    text = (
        "A Palestinian prisoner died in Israeli police custody, according to a report by a "
        "pathologist sent to Israel by a rights group."
    )
    assert _wrapper(text) is None


def test_alleged_opens_reported_speech_only_before_that() -> None:
    lead = _wrapper("A Rwandan government report alleged that France armed the militias.")
    assert lead is not None and lead.speakers == ("RWA",)
    assert _wrapper("Rwandan officials alleged crimes by French soldiers.") is None


def test_a_place_before_a_leading_actor_is_no_speaker() -> None:
    text = "The Red Cross operating in Iraq said US and British forces must ensure security."
    assert _wrapper(text) is None
    assert ("GBR", "IRQ") not in _pairs(text)


def test_a_leading_speaker_named_in_its_content_is_the_subject_of_a_clause() -> None:
    text = "Biden said Putin would pay a price for interfering in the U.S. election."
    assert _wrapper(text) is None
    pair = _pairs(text, date(2021, 3, 17))[("RUS", "USA")]
    assert pair.sentences[0].source == "USA"  # type: ignore[attr-defined]


def test_a_leading_speaker_whose_content_pairs_no_one_speaks_to_its_first_state() -> None:
    text = (
        "The White House said the move was taken in solidarity with Britain, which blames "
        "Moscow for the poisoning."
    )
    assert ("SUPPORT", "USA", "GBR", QUOTE) in _events(text)


# --- 74: a signing's venue is no party --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("Iran and the IAEA signed an agreement on inspections in Cairo.", ("EGY", "IRN")),
        ("Armenia and Azerbaijan initialled a peace agreement at the White House.", ("ARM", "USA")),
    ],
)
def test_a_signings_venue_is_no_party(text, venue) -> None:
    assert venue not in _pairs(text)


def test_signing_with_a_partner_keeps_the_partner() -> None:
    assert ("GBR", "UKR") in _pairs("Ukraine signed a security agreement with Britain in London.")


def test_north_koreas_leader_is_an_actor() -> None:
    pairs = _pairs(
        "Putin and Kim Jong Un signed a mutual defence pact in Pyongyang.", date(2024, 6, 19)
    )
    events = pairs[("PRK", "RUS")].events  # type: ignore[attr-defined]
    assert {(e.source, e.target) for e in events if e.category == "SUPPORT"} == {
        ("PRK", "RUS"),
        ("RUS", "PRK"),
    }


# --- 75: weapons received from a state are its aid; sending weapons is no force posture -----


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Ukraine received F-16 jets from Denmark.", "DNK", "UKR"),
        ("Russia has received drones from Iran.", "IRN", "RUS"),
    ],
)
def test_weapons_received_from_a_state_are_its_aid(text, source, target) -> None:
    assert ("AID", source, target, "text") in _events(text)


def test_not_sending_weapons_is_a_refusal_not_a_posture() -> None:
    events = _events("The United States will not send Tomahawk missiles to Ukraine.")
    assert not any(e[0] == "MOBILIZE" for e in events)
    assert ("REJECT", "USA", "UKR", "text") in events


def test_sending_troops_stays_a_posture() -> None:
    assert ("MOBILIZE", "RUS", "UKR", "text") in _events(
        "Russia sent troops to the border with Ukraine."
    )


# --- 76: blocking sanctions is neither a sanction nor an act toward their target -------------


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("China and Russia blocked new sanctions against North Korea.", ("CHN", "PRK")),
        ("Hungary blocked a new EU sanctions package against Russia.", ("HUN", "RUS")),
        ("Russia vetoed new sanctions against Iran.", ("IRN", "RUS")),
    ],
)
def test_blocked_sanctions_code_nothing_toward_their_target(text, pair) -> None:
    assert not _pairs(text)[pair].events  # type: ignore[attr-defined]


def test_blocking_a_named_states_sanctions_rejects_that_state() -> None:
    assert ("REJECT", "RUS", "USA", "text") in _events("Russia vetoed U.S. sanctions against Iran.")


# --- 77: co-voters are side by side, not a pair -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("The United States and Britain voted in favour, while China abstained.", ("GBR", "USA")),
        ("India and Brazil abstained.", ("BRA", "IND")),
    ],
)
def test_co_voters_are_no_pair(text, pair) -> None:
    assert pair not in _pairs(text)


def test_a_vote_to_act_keeps_the_acts_target() -> None:
    pairs = _pairs("The United States and Britain voted to impose sanctions on Iran.")
    assert {("GBR", "IRN"), ("IRN", "USA")} <= set(pairs)


@pytest.mark.parametrize(
    "text",
    [
        "Trump declined to impose sanctions on Pyongyang.",
        "Lukashenko refused to cut ties with Lithuania.",
    ],
)
def test_refusing_a_measure_against_a_state_is_no_rejection_of_it(text) -> None:
    assert not any(e[0] in ("REJECT", "SANCTION") for e in _events(text))


def test_the_quote_basis_is_stored_with_the_event(tmp_path) -> None:
    import duckdb

    from tracker.store import Store

    scored = score_article(
        sentence_article("t", "Iran must halt uranium enrichment, Rubio said.", ON)
    )
    path = tmp_path / "t.duckdb"
    with Store(path) as store:
        store.add_scored([scored])
    with duckdb.connect(str(path), read_only=True) as con:
        rows = con.execute("SELECT source, target, category, source_basis FROM events").fetchall()
    assert ("USA", "IRN", "REQUEST", QUOTE) in rows
