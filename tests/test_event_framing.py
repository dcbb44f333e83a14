"""Event framing: content, topics, background, passives and partners read from the sentence
(tracker/coding/matching.py, modes.py, arguments.py, passive.py, events.py)."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest
from event_helpers import CASES, PUBLISHED, USRU, A, H, N, P, code, mentions

from tracker.coding.events import EventCoder, code_sentence, rules_from_records
from tracker.models import Mode

# --- content, topics, background and relative clauses (demo corpus errors) -------------------

NAVALNY = (
    "The White House said Biden also raised the poisoning and arrest of opposition leader "
    "Alexei Navalny, the SolarWinds hacking campaign and reports of Russian bounties on U.S. "
    "troops in Afghanistan."
)
KARELINA = (
    "Russia released Ksenia Karelina, a dual U.S.-Russian citizen who had been jailed for "
    "donating money to a Ukrainian charity."
)
SINCE = (
    "It was the first publicly confirmed conversation between the leaders of the United "
    "States and Russia since the invasion began."
)
THREAT = "Trump had earlier threatened new sanctions if Russia did not agree to a ceasefire."
TR_RU = [("Trump", "USA"), ("Russia", "RUS")]
WH_RU_US = [("White House", "USA"), ("Russian", "RUS"), ("U.S. troops", "USA")]
KARELINA_ACTORS = [("Russia", "RUS"), ("U.S.", "USA"), ("Russian c", "RUS"), ("Ukrainian", "UKR")]
SINCE_ACTORS = [("United States", "USA"), ("Russia", "RUS")]
RU_UA = [("Russia", "RUS"), ("Ukraine", "UKR")]
RU_US = [("Russia", "RUS"), ("United States", "USA")]


def all_events(
    text: str, actors: list[tuple[str, str]]
) -> list[tuple[str, Mode, str | None, str | None]]:
    """Events of every actor pair of the sentence, as (category, mode, source, target)."""
    events = code_sentence(text, mentions(text, actors), PUBLISHED)
    return [(e.category, e.mode, e.source, e.target) for e in events]


@pytest.mark.parametrize(
    ("text", "actors", "event"),
    [
        # 1. the content of a threat, request or offer is hypothetical; so is a condition.
        # On the dyad of the threat or request it is that event's content, its terms too
        # ("if Russia did not agree to a ceasefire"); on another dyad it is an event of its own.
        (THREAT, TR_RU, ("THREATEN", P, "USA", "RUS")),
        (
            "Poland urged Washington to lift sanctions on Belarus.",
            [("Poland", "POL"), ("Washington", "USA"), ("Belarus", "BLR")],
            ("CONCEDE", H, "USA", "BLR"),
        ),
        (
            "Ukraine called for new sanctions against Russia.",
            [("Ukraine", "UKR"), ("Russia", "RUS")],
            ("REQUEST", A, "UKR", "RUS"),
        ),
        (
            "Belarus proposed talks with Poland.",
            [("Belarus", "BLR"), ("Poland", "POL")],
            ("CONSULT", H, "BLR", "POL"),
        ),
        (
            "Russia threatened an attack on Ukraine.",
            [("Russia", "RUS"), ("Ukraine", "UKR")],
            ("THREATEN", A, "RUS", "UKR"),
        ),
        # 2. raising a grievance is disapproval; the invasion keeps its own actor
        (NAVALNY, WH_RU_US, ("ACCUSE", A, "USA", "RUS")),
        (
            "Biden condemned Russia's invasion of Ukraine.",
            [("Biden", "USA"), ("Russia", "RUS"), ("Ukraine", "UKR")],
            ("ACCUSE", A, "USA", "RUS"),
        ),
        (
            "Biden condemned Russia's invasion of Ukraine.",
            [("Biden", "USA"), ("Russia", "RUS"), ("Ukraine", "UKR")],
            ("ASSAULT", A, "RUS", "UKR"),
        ),
        (
            "Lukashenko discussed the potential release of 1,300 prisoners with Trump.",
            [("Lukashenko", "BLR"), ("Trump", "USA")],
            ("RETREAT", H, "BLR", "USA"),
        ),
        # 3. forces "in" a state are that state's, as troops and police are
        (
            "Security forces in Guinea have tortured scores of Liberian refugees.",
            [("Guinea", "GIN"), ("Liberian", "LBR")],
            ("ASSAULT", A, "GIN", "LBR"),
        ),
        # the attacker of the attack a passive act happened in is its agent
        (
            "Four Palestinians were killed in Israeli shelling.",
            [("Palestinians", "PSE"), ("Israeli", "ISR")],
            ("ASSAULT", A, "ISR", "PSE"),
        ),
        (
            "KHARKIV, Ukraine: Two civilians were killed in Russian artillery shelling on"
            " Friday, officials said.",
            [("Ukraine", "UKR"), ("Russian", "RUS")],
            ("ASSAULT", A, "RUS", "UKR"),
        ),
        # a reduced passive: the noun before the participle is its object, "by X" its agent
        (
            "Ten Russian soldiers killed by Ukrainian drones were buried on Monday.",
            [("Russian", "RUS"), ("Ukrainian", "UKR")],
            ("ASSAULT", A, "UKR", "RUS"),
        ),
        (
            "Three Russian soldiers detained in Ukraine were exchanged.",
            [("Russian", "RUS"), ("Ukraine", "UKR")],
            ("COERCE", A, "UKR", "RUS"),
        ),
        # ... not where the verb also goes without an object
        (
            "Russian troops attacked in the night, Ukraine said.",
            [("Russian", "RUS"), ("Ukraine", "UKR")],
            ("ASSAULT", A, "RUS", "UKR"),
        ),
        # 4. a released dual citizen: the other nationality is the target
        (KARELINA, KARELINA_ACTORS, ("RETREAT", A, "RUS", "USA")),
        (
            "Two American diplomats were expelled from Russia.",
            [("American", "USA"), ("Russia", "RUS")],
            ("SANCTION", A, "RUS", "USA"),
        ),
    ],
)
def test_framed_event(text, actors, event) -> None:
    assert event in all_events(text, actors)


@pytest.mark.parametrize(
    ("text", "actors", "event"),
    [
        ("Trump threatened to impose sanctions on Russia.", TR_RU, ("THREATEN", A, "USA", "RUS")),
        ("Russia threatened an attack on Ukraine.", RU_UA, ("THREATEN", A, "RUS", "UKR")),
        ("Trump urged Putin to agree to a ceasefire.", USRU, ("REQUEST", A, "USA", "RUS")),
        ("Putin refused to meet Trump.", [("Putin", "RUS"), ("Trump", "USA")],
         ("REJECT", A, "RUS", "USA")),
        ("Russia will boycott the summit hosted by the United States.", RU_US,
         ("THREATEN", A, "RUS", "USA")),
        ("Obama wants to attack Switzerland.", [("Obama", "USA"), ("Switzerland", "CHE")],
         ("THREATEN", A, "USA", "CHE")),
        ("Nigeria announced that it will withdraw its peacekeeping force from Chad unless"
         " elections are held.", [("Nigeria", "NGA"), ("Chad", "TCD")],
         ("THREATEN", A, "NGA", "TCD")),
        ("Yemen rejected a U.S. request to interrogate detainees.",
         [("Yemen", "YEM"), ("U.S.", "USA")], ("REJECT", A, "YEM", "USA")),
        ("Iran threatened to launch a new offensive in its war with Iraq unless Baghdad"
         " accepted its conditions.", [("Iran", "IRN"), ("Iraq", "IRQ"), ("Baghdad", "IRQ")],
         ("THREATEN", A, "IRN", "IRQ")),
    ],
)  # fmt: skip
def test_the_content_of_a_threat_demand_or_refusal_is_not_a_second_event(
    text, actors, event
) -> None:
    """CAMEO and PLOVER code the governing act: what is threatened, demanded, refused or
    rejected is its content, and so are the terms of a threat ("unless Baghdad accepted"),
    not another event of the same pair (one statement, one event;
    the temperature does not count "threatened to attack" twice)."""
    assert all_events(text, actors) == [event]


@pytest.mark.parametrize(
    ("text", "actors", "event"),
    [
        ("The United States will provide humanitarian aid to Ukraine.",
         [("United States", "USA"), ("Ukraine", "UKR")], ("AGREE", A, "USA", "UKR")),
        ("Putin offered to negotiate with the president of Armenia.",
         [("Putin", "RUS"), ("Armenia", "ARM")], ("AGREE", A, "RUS", "ARM")),
        ("Syria says it is willing to withdraw its troops from Lebanon.",
         [("Syria", "SYR"), ("Lebanon", "LBN")], ("AGREE", A, "SYR", "LBN")),
        ("Britain promised to continue military aid to Mozambique.",
         [("Britain", "GBR"), ("Mozambique", "MOZ")], ("AGREE", A, "GBR", "MOZ")),
        ("Putin will visit Washington next month.", [("Putin", "RUS"), ("Washington", "USA")],
         ("AGREE", A, "RUS", "USA")),
        ("The United States was ready to impose sanctions on Russia.",
         [("United States", "USA"), ("Russia", "RUS")], ("THREATEN", A, "USA", "RUS")),
        ("Russia is willing to attack Ukraine.", RU_UA, ("THREATEN", A, "RUS", "UKR")),
    ],
)  # fmt: skip
def test_a_declared_intent_is_one_event_with_its_act_as_content(text, actors, event) -> None:
    """CAMEO 03 and PLOVER AGREE code the intent ("will visit": 036, "promised to continue
    military aid": 033): the act it promises is its content, not a second, hypothetical
    event of the pair (an agreement, below, keeps what was agreed). Readiness to sanction
    or attack is a threat (CAMEO 13), not an intent to cooperate."""
    assert all_events(text, actors) == [event]


def test_an_agreement_keeps_its_content_and_another_pair_keeps_its_act() -> None:
    agreed = all_events(
        "Obama has agreed to lift the sanctions on Iran.", [("Obama", "USA"), ("Iran", "IRN")]
    )
    assert ("AGREE", A, "USA", "IRN") in agreed and ("CONCEDE", H, "USA", "IRN") in agreed
    planned = all_events(  # "a plan to": a noun, no declared intent that would fold the act
        "The United States and Russia agreed on a plan to restore a ceasefire in Syria.", RU_US
    )
    assert ("RETREAT", H, "USA", "RUS") in planned, planned
    urged = all_events(
        "Poland urged Washington to lift sanctions on Belarus.",
        [("Poland", "POL"), ("Washington", "USA"), ("Belarus", "BLR")],
    )
    assert ("REQUEST", A, "POL", "USA") in urged and ("CONCEDE", H, "USA", "BLR") in urged


@pytest.mark.parametrize(
    ("text", "actors", "forbidden"),
    [
        (THREAT, TR_RU, lambda c, m, s, t: m is A and c != "THREATEN"),
        (THREAT, TR_RU, lambda c, m, s, t: m is N),  # "if ... did not agree": a condition
        (
            "Ukraine called for new sanctions against Russia.",
            [("Ukraine", "UKR"), ("Russia", "RUS")],
            lambda c, m, s, t: c == "SANCTION" and m is A,
        ),
        # 2. the speaker never becomes the source of the act they talk about
        (NAVALNY, WH_RU_US, lambda c, m, s, t: c in ("ASSAULT", "COERCE")),
        (
            "Biden condemned the invasion in a call with Putin.",
            [("Biden", "USA"), ("Putin", "RUS")],
            lambda c, m, s, t: c == "ASSAULT",
        ),
        (
            "Trump discussed the sanctions with Putin.",
            USRU,
            lambda c, m, s, t: c == "SANCTION" and m is A,
        ),
        (
            "Biden condemned Russia's invasion of Ukraine.",
            [("Biden", "USA"), ("Russia", "RUS"), ("Ukraine", "UKR")],
            lambda c, m, s, t: c == "ASSAULT" and s == "USA",
        ),
        # 3. background "since"; a conflict noun with no actor argument is no event
        (SINCE, SINCE_ACTORS, lambda c, m, s, t: c == "ASSAULT"),
        (
            "Trump and Putin met for the first time since the invasion.",
            USRU,
            lambda c, m, s, t: c == "ASSAULT",
        ),
        # 4. a relative clause about a private person asserts no act between states
        (KARELINA, KARELINA_ACTORS, lambda c, m, s, t: c != "RETREAT" and m is A),
        (KARELINA, KARELINA_ACTORS, lambda c, m, s, t: c == "AID"),
    ],
)
def test_no_framed_event(text, actors, forbidden) -> None:
    events = all_events(text, actors)
    assert not [e for e in events if forbidden(*e)], events


def test_rule_content_is_validated() -> None:
    rec = {"id": "x", "category": "SUPPORT", "pattern": "hail", "content": "nonsense"}
    with pytest.raises(ValueError, match="content"):
        rules_from_records([rec])
    (rule,) = rules_from_records([{**rec, "content": "topic"}])
    assert rule.content == "topic"


@pytest.mark.parametrize(
    ("text", "actors", "event"),
    [
        ("Trump praised Putin before the talks in Riyadh.", USRU, ("CONSULT", P)),
        (
            "Trump praised Zelensky for the first time since Russia's attack on Ukraine.",
            [("Trump", "USA"), ("Zelensky", "UKR"), ("Russia", "RUS"), ("Ukraine", "UKR")],
            ("ASSAULT", P),
        ),
        (
            "Russia has attacked Ukraine since the talks.",
            [("Russia", "RUS"), ("Ukraine", "UKR")],
            ("ASSAULT", A),
        ),
    ],
)
def test_since_or_before_the_noun_is_background(text, actors, event) -> None:
    category, mode = event
    assert {m for c, m, _, _ in all_events(text, actors) if c == category} == {mode}


def test_one_coder_shared_by_four_threads_gives_the_single_thread_answer() -> None:
    """The coder keeps no per-call state: 4 threads scoring different articles through one
    scorer (one EventCoder instance) get exactly what one thread gets; the dashboard
    shares one instance between its sessions."""
    from concurrent.futures import ThreadPoolExecutor

    from tracker.coding.score import Scorer, default_scorer, score_article
    from tracker.models import Article, DateSource, article_id

    base = default_scorer()
    scorer = Scorer(base.matcher, base.tone, EventCoder(), base.version)
    lines = (Path(__file__).parent / "data" / "labelled_sentences.jsonl").open()
    texts = [json.loads(line)["text"] for line in lines]
    articles = [
        Article(article_id(t), "t", "", t, date(2025, 8, 1), DateSource.CALLER) for t in texts
    ]

    def run(offset: int) -> list[tuple[object, ...]]:
        out = []
        for k in range(len(articles) * 3):
            scored = score_article(articles[(k + offset) % len(articles)], scorer)
            out.append(tuple((e.category, e.mode, e.source, e.target) for e in scored.events))
        return out

    expected = {offset: run(offset) for offset in range(4)}
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads often, so calls interleave mid-sentence
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            got = dict(zip(range(4), pool.map(run, range(4)), strict=True))
    finally:
        sys.setswitchinterval(interval)
    assert got == expected
    assert sum(map(len, expected[0])) > 100


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        (
            "French and Egyptian warships on Monday launched war games in the Mediterranean.",
            [("French", "FRA"), ("Egyptian", "EGY")],
            {(("EGY", "FRA"), None, None, "COOPERATE")},
        ),
        (
            "Russia held naval exercises with China in the Sea of Japan.",
            [("Russia", "RUS"), ("China", "CHN")],
            {(("CHN", "RUS"), None, None, "COOPERATE")},
        ),
        (
            "Russia held military exercises near the border with Ukraine.",
            [("Russia", "RUS"), ("Ukraine", "UKR")],
            {(("RUS", "UKR"), "RUS", "UKR", "MOBILIZE")},
        ),
    ],
)
def test_joint_exercises_are_cooperation_between_the_participants(text, actors, expected):
    events = code_sentence(text, mentions(text, actors), PUBLISHED)
    assert {(e.pair, e.source, e.target, e.category) for e in events} == expected


def test_every_event_names_its_source_and_target_or_is_mutual():
    for text, actors, *_ in CASES:
        for e in code_sentence(text, mentions(text, actors), PUBLISHED):
            assert (e.source and e.target) or e.category in {"CONSULT", "AGREE", "COOPERATE"}, e


def test_attributive_participle_is_no_act() -> None:
    """ "the occupied West Bank" names a state of affairs; "occupied the city" is an act."""
    text = "Turkish troops patrolled the occupied Afrin region near Syria."
    events = code(text, [("Turkish", "TUR"), ("Syria", "SYR")])
    assert "ASSAULT" not in {e.category for e in events}
    acted = code("Turkish troops occupied Afrin in Syria.", [("Turkish", "TUR"), ("Syria", "SYR")])
    assert "ASSAULT" in {e.category for e in acted}


def test_a_negotiator_is_a_title_not_a_meeting() -> None:
    text = "Ukraine's chief negotiator said Russian demands were unacceptable."
    events = code(text, [("Ukraine", "UKR"), ("Russian", "RUS")])
    assert "CONSULT" not in {e.category for e in events}


def test_a_bare_verb_after_and_shares_the_mode_of_the_act_before_it() -> None:
    """ "wants to reopen its embassy ... and normalise relations": both acts are wanted, the
    want is the act of the day and they are its content; "threatened sanctions and expelled
    diplomats" are two acts."""
    wanted = all_events(
        "The United States wants to reopen its embassy in Minsk and normalise relations"
        " with Belarus.",
        [("United States", "USA"), ("Minsk", "BLR"), ("Belarus", "BLR")],
    )
    assert wanted == [("AGREE", A, "USA", "BLR")], wanted
    done = all_events("Trump threatened sanctions and expelled Russian diplomats.", TR_RU_2)
    assert ("SANCTION", A, "USA", "RUS") in done, done


TR_RU_2 = [("Trump", "USA"), ("Russian", "RUS")]


def test_a_declared_agreement_is_the_act_and_a_wish_is_not() -> None:
    """ "will deepen our cooperation" declares the intent today (asserted AGREE, CAMEO 03);
    "looked forward to meeting" only wishes for the meeting (hypothetical)."""
    declared = all_events(
        "Russia will deepen its cooperation with China.", [("Russia", "RUS"), ("China", "CHN")]
    )
    assert ("AGREE", A, "RUS", "CHN") in declared, declared
    wished = all_events(
        "Trump said he looked forward to meeting Lukashenko in person.",
        [("Trump", "USA"), ("Lukashenko", "BLR")],
    )
    assert wished and all(mode is H for _, mode, _, _ in wished), wished


def test_mobilizing_support_is_no_force_posture() -> None:
    actors = [("Saudi Arabia", "SAU"), ("United States", "USA")]
    lobby = all_events("Saudi Arabia mobilized pressure groups in the United States.", actors)
    assert "MOBILIZE" not in {e[0] for e in lobby}, lobby
    troops = all_events("Russia mobilized troops on the border with Ukraine.", RU_UA)
    assert ("MOBILIZE", A, "RUS", "UKR") in troops, troops


def test_joint_exercises_near_a_third_state_through_the_whole_pipeline() -> None:
    """Partners cooperate; the state the exercises are held near faces a posture; a sea
    named after a state is no party."""
    from tracker.coding.score import score_article
    from tracker.evaluate.pipeline import sentence_article

    def coded(text: str) -> set[tuple]:
        scored = score_article(sentence_article("t", text, PUBLISHED))
        return {(p.pair, e.category, e.source, e.target) for p in scored.pairs for e in p.events}

    near = coded("Russia and Belarus held joint military exercises near the Polish border.")
    assert near == {
        (("BLR", "RUS"), "COOPERATE", None, None),
        (("BLR", "POL"), "MOBILIZE", "BLR", "POL"),
        (("POL", "RUS"), "MOBILIZE", "RUS", "POL"),
    }
    sea = coded("Russia and China launched joint naval drills in the Sea of Japan.")
    assert sea == {(("CHN", "RUS"), "COOPERATE", None, None)}
