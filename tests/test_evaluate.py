"""tracker.evaluate: pure metrics on hand-made inputs, the labelled set's shape, and the
regression thresholds on the real pipeline (PLOVER part skipped when the file is absent)."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest

from tracker import evaluate as ev
from tracker.evaluate import (
    PRF,
    f1_score,
    micro_prf,
    precision,
    prf_by_label,
    prf_of_sets,
    quad_class,
    recall,
    sign_with_band,
)
from tracker.evaluate.report import PETRARCH_MAX_FALSE_ALARMS

# --------------------------------------------------------------------------- pure metrics


@pytest.mark.parametrize(
    ("tp", "fp", "expected"), [(3, 1, 0.75), (0, 4, 0.0), (5, 0, 1.0), (0, 0, None)]
)
def test_precision(tp, fp, expected):
    assert precision(tp, fp) == expected


@pytest.mark.parametrize(
    ("tp", "fn", "expected"), [(1, 3, 0.25), (2, 0, 1.0), (0, 2, 0.0), (0, 0, None)]
)
def test_recall(tp, fn, expected):
    assert recall(tp, fn) == expected


@pytest.mark.parametrize(
    ("p", "r", "expected"),
    [(0.5, 0.5, 0.5), (1.0, 0.5, 2 / 3), (0.0, 0.0, 0.0), (None, 0.5, None), (0.75, 0.6, 2 / 3)],
)
def test_f1(p, r, expected):
    got = f1_score(p, r)
    assert got == pytest.approx(expected) if expected is not None else got is None


def test_prf_known_answer():
    # gold {a, b, c}, predicted {b, c, d, e}: tp 2, fp 2, fn 1 -> P 0.5, R 2/3, F1 4/7
    prf = prf_of_sets({"a", "b", "c"}, ["b", "c", "d", "e", "e"])
    assert (prf.tp, prf.fp, prf.fn) == (2, 2, 1)
    assert prf.precision == 0.5
    assert prf.recall == pytest.approx(2 / 3)
    assert prf.f1 == pytest.approx(4 / 7)


def test_micro_prf_sums_items():
    total = micro_prf([({"x"}, {"x"}), ({"y"}, set()), (set(), {"z"}), (set(), set())])
    assert total == PRF(tp=1, fp=1, fn=1)
    assert PRF(1, 2, 3) + PRF(1, 1, 1) == PRF(2, 3, 4)


def test_prf_by_label():
    items = [({"AGREE"}, {"AGREE", "CONSULT"}), ({"ACCUSE"}, {"REJECT"}), ({"AGREE"}, set())]
    got = prf_by_label(items)
    assert got["AGREE"] == PRF(1, 0, 1)
    assert got["CONSULT"] == PRF(0, 1, 0)
    assert got["ACCUSE"] == PRF(0, 0, 1)
    assert got["REJECT"] == PRF(0, 1, 0)
    assert got["REJECT"].recall is None and got["REJECT"].precision == 0.0


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0.0, 0), (0.049, 0), (-0.049, 0), (0.05, 1), (-0.05, -1), (0.8, 1), (-0.3, -1)],
)
def test_sign_with_band(value, expected):
    assert sign_with_band(value) == expected


def test_quad_class_covers_all_categories():
    assert set(ev.QUAD_CLASS) == set(ev.PLOVER_CATEGORIES)
    assert [quad_class(c) for c in ("CONSULT", "AID", "THREATEN", "ASSAULT")] == [1, 2, 3, 4]


@pytest.mark.parametrize(
    ("label", "expected"),
    [("DEMAND", "REQUEST"), ("DISAPPROVE", "ACCUSE"), ("FIGHT", "ASSAULT"),
     ("INVESTIGATE", "ACCUSE"), ("AGREE", "AGREE"), ("DOCUMENT", None)],
)  # fmt: skip
def test_normalise_label(label, expected):
    assert ev.normalise_label(label) == expected


def test_country_codes():
    assert ev.normalise_code("JAP") == "JPN" and ev.normalise_code("ITL") == "ITA"
    assert ev.is_country("USA") and ev.is_country("BLR") and ev.is_country("PSE")
    assert not ev.is_country("IGO") and not ev.is_country("NGO") and not ev.is_country("")


def _record(sources, targets, compound=False, category="ACCUSE"):
    return ev.PloverRecord(
        "t", "text", category, category,
        tuple(ev.GoldActor(c, c) for c in sources), tuple(ev.GoldActor(c, c) for c in targets),
        compound, date(2000, 1, 1),
    )  # fmt: skip


def test_plover_scope_and_direction():
    directed = _record(["USA"], ["RUS"])
    assert directed.scope == "country-dyad"
    assert directed.direction_ok("USA", "RUS") is True
    assert directed.direction_ok("RUS", "USA") is False
    assert directed.direction_ok("USA", "FRA") is None  # actor not in gold: not judged
    assert directed.direction_ok(None, None) is None
    compound = _record(["ISR", "PSE"], [], compound=True)
    assert compound.scope == "country-dyad"
    assert compound.direction_ok("PSE", "ISR") is True
    assert _record(["IGO"], ["USA"]).scope == "actor-dyad"
    assert _record(["SDN"], ["SDN"]).scope == "single-actor"
    assert _record(["KGZ"], []).scope == "single-actor"


def _outcome(category, emitted, direction_ok=None):
    record = _record(["USA"], ["RUS"], category=category)
    best = (emitted[0], "USA", "RUS") if emitted else None
    return ev.PloverOutcome(
        record, tuple(emitted), best, emitted[0] if emitted else None, direction_ok
    )


def test_score_plover_known_answer():
    outcomes = [
        _outcome("ACCUSE", ["ACCUSE"], True),  # hit
        _outcome("ACCUSE", ["REJECT"], False),  # found, wrong category, right QuadClass
        _outcome("AID", ["ASSAULT"], None),  # found, wrong QuadClass, direction not judged
        _outcome("AGREE", []),  # missed
    ]
    s = ev.score_plover(outcomes)
    assert (s.n, s.found, s.hit) == (4, 3, 1)
    assert s.event_recall == 0.25 and s.detection_rate == 0.75
    assert s.category_accuracy == pytest.approx(1 / 3)
    assert s.quad_accuracy == pytest.approx(2 / 3)
    assert s.direction_accuracy == 0.5 and s.direction_judged == 2
    assert s.micro == PRF(tp=1, fp=2, fn=3)


def test_load_plover_maps_labels_and_compounds(tmp_path):
    records = [
        {"id": "DOC", "event": "DOCUMENT"},
        {"id": "a", "event": "DEMAND", "text": "Japan demanded that Italy act.",
         "source": [{"actorText": "Japan", "code": "JAP"}],
         "target": [{"actorText": "Italy", "code": "ITL"}],
         "textInfo": {"markup": "(SRC: Japan) (EVT: demanded) (TAR: Italy)"}, "date": "2000-01-01"},
        {"id": "b", "event": "AGREE", "text": "Israel and the Palestinians agreed.",
         "source": [{"actorText": "Israel", "code": "ISR"},
                    {"actorText": "Palestinians", "code": "PSE"}], "target": "",
         "textInfo": {"markup": "(SRC/TAR: Israel) and the (SRC/TAR: Palestinians)"}},
    ]  # fmt: skip
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    got = ev.load_plover(path)
    assert [r.category for r in got] == ["REQUEST", "AGREE"]
    assert got[0].sources[0].code == "JPN" and got[0].targets[0].code == "ITA"
    assert not got[0].compound and got[1].compound
    spans = [(m.code, m.surface) for m in ev.gold_mentions(got[1])]
    assert spans == [("ISR", "Israel"), ("PSE", "Palestinians")]


def test_default_plover_path_honours_env(tmp_path, monkeypatch):
    gold = tmp_path / "gold.json"
    gold.write_text("[]", encoding="utf-8")
    monkeypatch.setenv(ev.PLOVER_ENV, str(gold))
    assert ev.default_plover_path() == gold


# --------------------------------------------------------------------------- labelled set


def test_labelled_set_shape():
    items = ev.load_labelled(ev.DEFAULT_OWN_PATH)
    assert len(items) >= 100
    assert sum(i.is_trap for i in items) >= 30
    assert len({i.id for i in items}) == len(items)
    assert sum(not i.pairs for i in items) >= 20  # sentences with no interaction
    for item in items:
        assert item.text.strip() and item.on.year >= 2000
        for pair in item.pairs:
            assert pair.pair[0] < pair.pair[1] and pair.tone_sign in (-1, 0, 1)
            for e in pair.events:
                assert e.category in ev.QUAD_CLASS, item.id
                assert e.mode in {"asserted", "negated", "hypothetical", "historical"}, item.id
                assert (e.source is None) == (e.target is None), item.id
                if e.source:
                    assert {e.source, e.target} == set(pair.pair), item.id


# --------------------------------------------------------------------------- regression


@pytest.fixture(scope="module")
def report():
    return ev.run_eval()


def test_own_set_thresholds(report):
    own = report.own
    assert own.sentences >= 100
    assert own.tone_sign_accuracy is not None
    assert own.tone_sign_accuracy >= ev.THRESHOLDS["own_tone_sign_accuracy"], report.format_report(
        errors=30
    )


def test_plover_thresholds(report):
    if report.plover is None:
        pytest.skip(report.plover_note)
    h = report.plover.headline
    detail = report.format_report()
    assert h.quad_accuracy >= ev.THRESHOLDS["plover_quad_accuracy"], detail
    assert h.event_recall >= ev.THRESHOLDS["plover_event_recall"], detail
    assert h.direction_accuracy >= ev.THRESHOLDS["plover_direction_accuracy"], detail
    assert h.micro.precision >= ev.THRESHOLDS["plover_micro_precision"], detail


def test_report_renders_and_serialises(report):
    text = report.format_report(errors=3)
    assert "Own labelled set" in text and "Thresholds:" in text
    data = json.loads(json.dumps(report.as_dict(), default=str))
    assert data["own"]["sentences"] == report.own.sentences
    assert set(data["checks"]) >= {"own_tone_sign_accuracy"}


def test_petrarch_targets(report):
    if report.petrarch is None:
        pytest.skip(report.petrarch_note)
    p = report.petrarch
    detail = "\n".join(f"{m}" for m in p.misses) + "\n" + "\n".join(f"{a}" for a in p.false_alarms)
    assert p.codings == 56 and p.empty_records == 12
    assert p.pair_recall >= ev.THRESHOLDS["petrarch_pair_recall"], detail
    assert p.quad_accuracy >= ev.THRESHOLDS["petrarch_quad_accuracy"], detail
    assert p.empty_with_events <= PETRARCH_MAX_FALSE_ALARMS, detail


def test_petrarch_file_is_split_on_sentence_tags():
    from tracker.evaluate.petrarch import cameo_quad, parse_petrarch

    raw = (
        '<Sentences>\n<Sentence category="T" date="20150609" id="A_1" evaluate="true"/>\n'
        '<EventCoding eventcode="042" sourcecode="USAGOV" targetcode="CHN" />\n'
        '<EventCoding eventcode="190" sourcecode="IGO" targetcode="RUS" />\n'
        "<Text>\nObama met Xi.\n</Text>\n</Sentence>\n"
        '<Sentence date="121108" id="B_2">\n<EventCoding noevents="True" />\n'
        "<Text>Nothing &amp; more.</Text>\n</Sentence>"
    )
    first, second = parse_petrarch(raw, frozenset({"USA", "CHN", "RUS"}))
    assert (first.id, first.on.isoformat(), first.text) == ("A_1", "2015-06-09", "Obama met Xi.")
    assert [(c.event, c.source, c.target) for c in first.codings] == [("042", "USA", "CHN")]
    assert first.all_codings == 2
    assert (second.on.isoformat(), second.all_codings, second.text) == (
        "2012-11-08",
        0,
        "Nothing & more.",
    )
    assert [cameo_quad(c) for c in ("042", "057", "061", "0841", "112", "138", "145", "190")] == [
        1,
        1,
        2,
        2,
        3,
        3,
        4,
        4,
    ]


def test_first_person_statements_read_the_speaker(report):
    own = report.own
    assert own.statements >= 40
    detail = report.format_report(errors=60)
    assert own.statement_pair_recall >= ev.THRESHOLDS["own_statement_pair_found"], detail
    assert own.statement_sign_accuracy >= ev.THRESHOLDS["own_statement_sign"], detail


def test_own_set_has_the_statement_and_venue_sentences():
    items = ev.load_labelled(ev.DEFAULT_OWN_PATH)
    statements = [i for i in items if i.speaker]
    assert len(statements) >= 40
    assert all(i.speaker_pair and i.speaker in i.speaker_pair for i in statements)
    assert all(i.speaker_pair in {p.pair for p in i.pairs} for i in statements)
    assert len([i for i in items if i.id.startswith("vp-")]) >= 40


def test_score_plover_asserted_micro_counts_only_asserted_events():
    hit = _outcome("ACCUSE", ["ACCUSE", "SANCTION"], True)
    # the SANCTION was hypothetical ("threatened sanctions"): asserted events are ACCUSE only
    hit = dataclasses.replace(hit, asserted=("ACCUSE",))
    only_hypothetical = dataclasses.replace(_outcome("AID", ["AID"], True), asserted=())
    s = ev.score_plover([hit, only_hypothetical])
    assert s.micro == PRF(tp=2, fp=1, fn=0)
    assert s.micro_asserted == PRF(tp=1, fp=0, fn=1)
