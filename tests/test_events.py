"""Event coding: rules as data -> PLOVER events, modes, direction (tracker/coding/events.py)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from event_helpers import CASES, PLOVER, PUBLISHED, USRU, code, mentions
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.coding.events import (
    EventCategory,
    EventCoder,
    EventRule,
    code_sentence,
    default_event_coder,
    inflect,
    load_categories,
    load_rules,
    parse_pattern,
    primary_event,
)
from tracker.models import Dyad, Mention, Mode

GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "plover_gsr_cameo.json"


@pytest.mark.parametrize(("text", "actors", "category", "mode", "source", "target"), CASES)
def test_event(text, actors, category, mode, source, target) -> None:
    events = code(text, actors)
    found = [(e.category, e.mode, e.source, e.target, e.trigger) for e in events]
    assert (category, mode, source, target) in [f[:4] for f in found], found


def test_cases_cover_every_category_and_mode() -> None:
    assert {c[2] for c in CASES} == PLOVER
    assert {c[3] for c in CASES} == set(Mode)
    assert len(CASES) >= 50


def test_event_fields() -> None:
    text = "Following the 2020 elections, the US imposed sanctions on Belarus."
    (event,) = code(text, [("US", "USA"), ("Belarus", "BLR")])
    cat = load_categories()["SANCTION"]
    assert event.pair == ("BLR", "USA")
    assert event.sentence_index == 3
    assert event.year == 2020
    assert event.trigger == "imposed sanctions"
    assert text[event.span_start : event.span_end] == event.trigger
    assert (event.intensity, event.cameo, event.quad_class) == (cat.intensity, cat.cameo, 4)
    assert event.rule == "sanction.impose"
    assert event.text == text


def test_same_year_is_not_historical() -> None:
    (event,) = code(
        "In 2025 the US imposed sanctions on Belarus.", [("US", "USA"), ("Belarus", "BLR")]
    )
    assert event.mode is Mode.ASSERTED and event.year is None


def test_last_year_sets_year() -> None:
    text = "Last year the US imposed sanctions on Belarus."
    events = code(text, [("US", "USA"), ("Belarus", "BLR")])
    assert [(e.mode, e.year) for e in events] == [(Mode.HISTORICAL, 2024)]


def test_said_it_had_is_reported_speech_not_background() -> None:
    text = "Japan said on Tuesday it had halted economic aid to Russia."
    events = code(text, [("Japan", "JPN"), ("Russia", "RUS")])
    assert [(e.category, e.mode) for e in events] == [("SANCTION", Mode.ASSERTED)]


@pytest.mark.parametrize(
    "text",
    [
        "Trump spoke to reporters about Belarus and Lukashenko.",
        "The weather in Minsk was mild when Trump's plane arrived from Washington.",
        "Lukashenko declined to comment on Trump's remarks.",
        "Trump was asked about Lukashenko at a press conference.",
        "The Security Council of Belarus issued a statement on the US elections.",
    ],
)
def test_no_false_event(text: str) -> None:
    assert code_sentence(text, mentions_of(text), PUBLISHED) == []


def mentions_of(text: str) -> list[Mention]:
    table = {"Trump": "USA", "Washington": "USA", "US": "USA", "Lukashenko": "BLR",
             "Minsk": "BLR", "Belarus": "BLR"}  # fmt: skip
    out = []
    for surface, code_ in table.items():
        i = text.find(surface)
        if i >= 0:
            out.append(Mention(code_, i, i + len(surface), surface, "leader"))
    return sorted(out, key=lambda m: m.start)


def test_direction_falls_back_to_dyad_and_stays_in_pair() -> None:
    text = "Sanctions were imposed."
    dyad = Dyad(("BLR", "USA"), 0, "USA", "BLR")
    (event,) = default_event_coder().code(text, [], dyad, PUBLISHED)
    assert (event.source, event.target) == ("USA", "BLR")


def test_pronoun_mention_is_subject() -> None:
    text = "He praised Lukashenko."
    ms = [Mention("USA", -1, -1, "he", "pronoun"), Mention("BLR", 11, 21, "Lukashenko", "leader")]
    (event,) = default_event_coder().code(text, ms, Dyad(("BLR", "USA"), 0), PUBLISHED)
    assert (event.category, event.source, event.target) == ("SUPPORT", "USA", "BLR")


def test_no_duplicate_category_for_same_direction() -> None:
    text = "The US imposed sanctions on Belarus, and the sanctions hit potash."
    events = code(text, [("US", "USA"), ("Belarus", "BLR")])
    assert [e.category for e in events] == ["SANCTION"]


def test_lift_sanctions_is_not_also_sanction() -> None:
    events = code("The US lifted sanctions on Belarus.", [("US", "USA"), ("Belarus", "BLR")])
    assert [e.category for e in events] == ["CONCEDE"]


def test_primary_event_prefers_asserted() -> None:
    events = code("Trump urged Putin to agree to a ceasefire.", USRU)
    first = primary_event(events)
    assert first is not None and first.category == "REQUEST"
    assert primary_event([]) is None


def test_code_sentence_builds_dyads_from_actor_order() -> None:
    text = "Trump praised Lukashenko and criticised Putin."
    ms = mentions(text, [("Trump", "USA"), ("Lukashenko", "BLR"), ("Putin", "RUS")])
    events = code_sentence(text, ms, PUBLISHED)
    pairs = {e.pair for e in events}
    assert ("BLR", "USA") in pairs and ("RUS", "USA") in pairs
    for e in events:
        assert e.source in (*e.pair, None) and e.target in (*e.pair, None)


def test_categories_file() -> None:
    cats = load_categories()
    assert set(cats) == PLOVER
    for c in cats.values():
        assert -10 <= c.intensity <= 10 and c.quad_class in (1, 2, 3, 4) and len(c.cameo) == 2
        assert (c.quad_class <= 2) == (c.intensity > 0) or c.name == "REQUEST"
    assert cats["CONSULT"].intensity == 1.0 and cats["CONSULT"].cameo == "04"


def test_rules_file_covers_every_category_and_ids_are_unique() -> None:
    rules = load_rules()
    assert {r.category for r in rules} == PLOVER
    assert len({r.id for r in rules}) == len(rules)


def test_custom_rules_and_validation() -> None:
    cats = {"SUPPORT": EventCategory("SUPPORT", 3.5, "05", 1)}
    coder = EventCoder(rules=[EventRule("x.hail", "SUPPORT", "hail")], categories=cats)
    (event,) = coder.code("Trump hailed Putin.", mentions("Trump hailed Putin.", USRU),
                          Dyad(("RUS", "USA"), 0), PUBLISHED)  # fmt: skip
    assert (event.category, event.rule, event.trigger) == ("SUPPORT", "x.hail", "hailed")
    with pytest.raises(ValueError, match="unknown category"):
        EventCoder(rules=[EventRule("x", "NOPE", "hail")], categories=cats)
    with pytest.raises(ValueError, match="duplicate"):
        EventCoder(rules=[EventRule("x", "SUPPORT", "a"), EventRule("x", "SUPPORT", "b")],
                   categories=cats)  # fmt: skip


@pytest.mark.parametrize(
    ("lemma", "form"),
    [("praise", "praised"), ("ban", "banned"), ("deploy", "deployed"), ("deny", "denied"),
     ("accuse", "accusing"), ("free", "freed"), ("attack", "attacks"), ("urge", "urges")],
)  # fmt: skip
def test_inflect(lemma: str, form: str) -> None:
    assert form in inflect(lemma)


def test_parse_pattern() -> None:
    slots = parse_pattern("impose ... =sanctions|embargo")
    assert "imposed" in slots[0] and slots[1] == 3 and "sanctions" in slots[2]
    with pytest.raises(ValueError):
        parse_pattern("... x")
    with pytest.raises(ValueError):
        parse_pattern("x ...")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_code_never_crashes_and_spans_are_valid(text: str) -> None:
    ms = [Mention("USA", -1, -1, "he", "pronoun")]
    for event in default_event_coder().code(text, ms, Dyad(("RUS", "USA"), 0), PUBLISHED):
        assert 0 <= event.span_start < event.span_end <= len(text)
        assert event.source in ("RUS", "USA", None) and event.target in ("RUS", "USA", None)


@pytest.mark.skipif(not GOLD.exists(), reason="PLOVER gold set not available")
def test_plover_gold_quad_class_accuracy() -> None:
    """Guard against regressions on ../shared/eval (read in place, not copied)."""
    relabel = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT",
               "INVESTIGATE": "ACCUSE"}  # fmt: skip
    cats = load_categories()
    records = [r for r in json.loads(GOLD.read_text()) if r.get("text")]
    found = quad_ok = 0
    for r in records:
        ms = []
        for role in ("source", "target"):
            for actor in r.get(role) if isinstance(r.get(role), list) else []:
                i = r["text"].find(actor["actorText"])
                if i >= 0:
                    ms.append(Mention(actor.get("code") or role, i, i + len(actor["actorText"]),
                                      actor["actorText"], "x"))  # fmt: skip
        if len({m.code for m in ms}) < 2:
            ms.append(Mention("ZZZ", -1, -1, "", "pronoun"))
        event = primary_event(code_sentence(r["text"], ms, date(2000, 1, 1)))
        if event:
            found += 1
            gold = relabel.get(r["event"], r["event"])
            quad_ok += event.quad_class == cats[gold].quad_class
    assert found / len(records) >= 0.6
    assert quad_ok / found >= 0.75


def _pipeline_events(text: str, on: date = date(2004, 6, 1)) -> list[tuple[str, str, str]]:
    """(category, source, target) of every event of the whole pipeline on one sentence."""
    from tracker.coding.score import score_article
    from tracker.evaluate.pipeline import sentence_article

    scored = score_article(sentence_article("t", text, on))
    return [(e.category, e.source, e.target) for e in scored.events]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("A French minister has cancelled a planned visit to Haiti after a state of siege was"
         " declared in the one-time French colony.", "COERCE"),
        ("Serbia lifted a night curfew in Montenegro where 28 people have been killed in ethnic"
         " riots this year.", "ASSAULT"),
        ("Uganda said it had paid compensation to British nationals for assets they lost when"
         " a former dictator expelled them.", "SANCTION"),
    ],
)  # fmt: skip
def test_a_directed_act_with_no_actor_of_its_own_is_not_the_named_pairs(text, category) -> None:
    """The siege, the killing and the expulsion have actors of their own, not named: the
    sentence's two states are not them, whatever their order."""
    events = _pipeline_events(text)
    assert not [e for e in events if e[0] == category], events


def test_a_mutual_act_with_no_actor_of_its_own_is_the_pairs() -> None:
    """ "after talks in Jeddah": talks are between the sentence's parties."""
    events = _pipeline_events(
        "The United States agreed to resume military aid to Ukraine after talks in Jeddah.",
        date(2025, 3, 12),
    )
    assert any(e[0] == "CONSULT" for e in events), events


def test_a_description_of_the_subject_is_neither_a_party_nor_a_clause_break() -> None:
    """ "Pakistan, a key U.S. ally in the war against terrorism, has refused ...": the U.S.
    describes Pakistan; Pakistan is the one refusing."""
    events = _pipeline_events(
        "Pakistan, a key U.S. ally in the war against terrorism, has refused to deploy"
        " peacekeepers in Iraq and has urged its citizens to avoid coming here."
    )
    assert events == [("REJECT", "PAK", "IRQ")], events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia urged its citizens to leave Ukraine.", []),
        ("China praised its diplomats in talks with Japan.", [("CONSULT", "CHN", "JPN")]),
        ("Russia accused its neighbour Ukraine of shelling.", [("ACCUSE", "RUS", "UKR")]),
    ],
)
def test_an_act_addressed_to_its_own_side_is_not_toward_the_other_state(text, expected):
    assert _pipeline_events(text, date(2025, 3, 12)) == expected


def test_aid_that_is_banned_is_the_ban_not_aid() -> None:
    """ "would prohibit all aid to Belarus": one (hypothetical) SANCTION, the aid its object."""
    events = code(
        "The United States said it would prohibit all aid to Belarus.",
        [("United States", "USA"), ("Belarus", "BLR")],
    )
    assert [(e.category, e.mode, e.source, e.target) for e in events] == [
        ("SANCTION", Mode.HYPOTHETICAL, "USA", "BLR")
    ]


def test_a_dotted_abbreviation_is_one_token_inside_a_gapped_rule() -> None:
    """ "summoned the U.S. ambassador": "U.S." is one word, not four tokens that push the
    ambassador out of the rule's reach or end the clause at its dots."""
    from tracker.coding.events import tokenize_lower

    assert tokenize_lower("the U.S. envoy, e.g. today.") == [
        "the", "u.s.", "envoy", ",", "e.g.", "today", ".",
    ]  # fmt: skip
    events = code(
        "Russia summoned the U.S. ambassador over the strike.", [("Russia", "RUS"), ("U.S.", "USA")]
    )
    assert ("ACCUSE", "RUS", "USA") in [(e.category, e.source, e.target) for e in events]


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("Zelensky thanked the American people and said he still wanted to sign the deal.",
         ("SUPPORT", "UKR", "USA"), ("SUPPORT", "USA", "UKR")),
        ("Trump met Putin and said he would lift sanctions on Russia.",
         ("AGREE", "USA", "RUS"), ("AGREE", "RUS", "USA")),
    ],
)  # fmt: skip
def test_he_after_the_subject_is_the_subject_not_the_nearest_state(text, expected, absent):
    """ "... and said he would ...": the pronoun is the sentence's subject (its first
    leader), not the state or people named just before it."""
    events = _pipeline_events(text, date(2025, 3, 1))
    assert expected in events and absent not in events, events


def test_a_name_he_is_no_pronoun() -> None:
    """ "Vice Premier Liu He signed": a surname, not "he"."""
    events = _pipeline_events(
        "President Donald Trump and Chinese Vice Premier Liu He signed a trade agreement.",
        date(2020, 1, 15),
    )
    assert ("SUPPORT", "CHN", "USA") in events or ("SUPPORT", "USA", "CHN") in events, events


def test_a_past_verb_is_not_framed_by_a_later_clauses_modal() -> None:
    """ "met" is a verb: "said he would lift sanctions" frames the lifting, not the meeting."""
    from tracker.coding.score import score_article
    from tracker.evaluate.pipeline import sentence_article

    text = "Trump met Putin and said he would lift sanctions on Russia."
    scored = score_article(sentence_article("t", text, date(2025, 3, 1)))
    met = [e for e in scored.events if e.category == "CONSULT"]
    assert [(e.source, e.target, e.mode) for e in met] == [("USA", "RUS", Mode.ASSERTED)], met


def test_would_have_is_a_counterfactual_not_a_declared_intent() -> None:
    """ "aid that would have funded schools" declares nothing: no AGREE (intent)."""
    events = _pipeline_events("The US cut aid to Ukraine that would have funded schools.")
    assert not [e for e in events if e[0] == "AGREE"], events


def test_an_act_in_response_to_the_same_act_is_two_events() -> None:
    """One event per category, mode and direction: a tit-for-tat expulsion is two."""
    events = _pipeline_events(
        "The United States on Friday expelled a Russian diplomat in response to Moscow's"
        " expulsion of an American diplomat.",
        date(2025, 3, 12),
    )
    assert sorted(events) == [("SANCTION", "RUS", "USA"), ("SANCTION", "USA", "RUS")]


def test_workers_on_strike_are_no_attack() -> None:
    events = _pipeline_events("French workers went on strike against Italy's new port rules.")
    assert [e for e in events if e[0] == "ASSAULT"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hostile act of "X and Y" with no state as object is theirs together
        ("The United States and Britain launched strikes against the Houthis.", []),
        ("The United States and Britain imposed new sanctions on Tuesday.", []),
        # ... unless it is done to each other
        ("Russia and Ukraine exchanged fire along the front.",
         [("ASSAULT", "RUS", "UKR"), ("ASSAULT", "UKR", "RUS")]),
        ("Belarus and the United States exchanged accusations.",
         [("ACCUSE", "BLR", "USA"), ("ACCUSE", "USA", "BLR")]),
        # cooperation among them goes each way
        ("Xi and Putin hailed a new era of partnership.",
         [("SUPPORT", "CHN", "RUS"), ("SUPPORT", "RUS", "CHN")]),
    ],
)  # fmt: skip
def test_a_coordinated_subject_with_no_object(text, expected) -> None:
    assert sorted(_pipeline_events(text, date(2025, 3, 12))) == expected


def test_the_agent_of_a_participle_on_a_noun_is_not_the_acts() -> None:
    """ "exchanged prisoners in a deal brokered by the UAE": the U.S. and Russia swapped."""
    events = _pipeline_events(
        "The U.S. and Russia have exchanged prisoners in a deal brokered by the United Arab"
        " Emirates.",
        date(2025, 4, 10),
    )
    assert sorted(events) == [("RETREAT", "RUS", "USA"), ("RETREAT", "USA", "RUS")]


def test_sanctions_imposed_by_x_are_xs_and_condemned_by_the_subject() -> None:
    events = _pipeline_events(
        "Russia strongly condemned the new sanctions imposed by Washington.", date(2025, 10, 23)
    )
    assert sorted(events) == [("ACCUSE", "RUS", "USA"), ("SANCTION", "USA", "RUS")]


def test_a_resolution_backed_by_x_backs_no_state() -> None:
    """ "vetoed a resolution backed by Belarus": a rejection of Belarus's text, no support
    between the two."""
    events = _pipeline_events("Washington vetoed a resolution backed by Belarus.")
    assert events == [("REJECT", "USA", "BLR")]


def test_killing_a_plan_is_no_killing() -> None:
    events = _pipeline_events(
        "Trump struck a deal with Xi, killing the tariff plan.", date(2025, 10, 30)
    )
    assert [e for e in events if e[0] == "ASSAULT"] == [], events


def test_an_adverb_and_a_participle_before_a_name_are_an_adjective() -> None:
    """ "the release of all wrongfully detained Americans": no arrest of the day (it was a
    U.S. COERCE of the U.S. speaker's own citizens, then of Russia)."""
    text = "We will press for the release of all wrongfully detained Americans held by Russia."
    events = code(text, [("We", "USA"), ("Russia", "RUS")])
    assert [e for e in events if e.category == "COERCE"] == [], events
