"""Non-state bodies and groups of people as a trigger's subject or object ("The European
Union expressed solidarity with Lithuania, calling on Belarus to ...", "Lavrov accused
European countries of trying to disrupt US peace efforts", "The lawmakers commended the
Trump Administration"). With no state in that role, the coder used to lend it the sentence's
other state (BLR->LTU SUPPORT, RUS->USA ACCUSE). The body's side now holds ``BODY``, a code
no pair has, so the act is nobody's in the pair (``noun_arguments`` uses it too for an object
that is a thing: "support for a 30-day ceasefire"). The names are
``data/en/non_state_bodies.txt``."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import cache
from importlib.resources import files

from tracker.coding.argument_groups import Args, Scene
from tracker.coding.matching import Match

BODY = "~body"  # an argument code that no pair holds
SUBJECT_GAP_WORDS = 5  # words between a body and its act ("EU foreign policy chief Kallas")
_PREPOSITIONS = r"by|of|in|for|from|with|against|to|at|on|over|about|between"
# a gap that ends the subject's clause or puts the body in a phrase of its own
_GAP_BREAK = re.compile(
    r"[,;:\"“”()]|\b(?:that|who|which|said|says|after|as|while|when|"
    r"by|of|for|from|with|against|to|over|about|between)\b"  # ("NATO on Tuesday condemned")
)
_PREPOSITION_BEFORE = re.compile(rf"\b(?:{_PREPOSITIONS})\s+(?:the\s+)?$")  # "indicted by the U.N."
# "accused (the) (other) ", "promised to reassure (its) "
_OBJECT_GAP = re.compile(r"\s+(?:to\s+(?!the\s|an?\s)[a-z]+\s+)?(?:the\s+)?(?:[a-z-]+\s+)?$")
# an object body heads its noun phrase: "accused European countries of", not "supported a
# U.N. resolution"
_HEAD_END = re.compile(
    rf"\s*(?:[,.;:]|$)|\s+(?:{_PREPOSITIONS}|and|that|after|not|if|when|while|unless|who)\b"
)


@cache
def _names() -> tuple[str, ...]:
    raw = files("tracker.data").joinpath("en/non_state_bodies.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in raw.splitlines() if line.strip() and line[0] != "#")


@cache
def _bodies() -> re.Pattern[str]:
    names = list(_names())
    names += [n[0].upper() + n[1:] for n in names if n[0].islower()]  # ("Critics accused")
    names.sort(key=len, reverse=True)
    # (no name that goes on: "the West Bank", "U.N. Security Council" is found as the council)
    alternatives = "|".join(map(re.escape, names))
    return re.compile(rf"(?<![\w.-])(?:{alternatives})(?![\w-])(?!\s+[A-Z])")


@cache
def _last_words() -> frozenset[str]:
    """The last word of every name, lower-cased: a name's tokens hold it (a cheap test)."""
    return frozenset(name.split()[-1].lower() for name in _names())


def body_spans(text: str, words: Collection[str]) -> list[tuple[int, int]]:
    """Where the sentence names a non-state body (usually nowhere); ``words``: its
    lower-cased tokens (a cheap pre-test: every name's last word is one of them)."""
    if _last_words().isdisjoint(words):
        return []
    return [found.span() for found in _bodies().finditer(text)]


def with_bodies(
    text: str, m: Match, scene: Scene, args: Args, spans: list[tuple[int, int]]
) -> Args:
    """``args`` with ``BODY`` as the source when a body is the act's subject and no state
    is, and as the target when a body is the object right after a verb."""
    if len(args.targets) > 1:
        return args  # "mediation between Syria and the PLO": the act is theirs
    if (
        not args.sources
        and not args.own
        and (_is_subject(text, m, scene, spans) or _is_agent(text, m, spans))
    ) or _opens_before_participle(text, m, scene, spans):
        args = args._replace(sources=(BODY,), unowned=False)
    if any(
        s >= m.end and _OBJECT_GAP.fullmatch(" " + text[m.end : s]) and _HEAD_END.match(text, e)
        for s, e in spans
    ):
        args = args._replace(targets=(BODY,))
    return args


_NO_STATES = Scene([], [], [], [], [], ((), ()))


def bodies_alone(text: str, matches: Sequence[Match], words: Collection[str]) -> tuple[Args, ...]:
    """The arguments of a sentence that names no state: a body's acts are its own ("The
    United Nations has been using the crossing to deliver aid" is no act of the pair the
    sentences before named), everything else has none."""
    spans = body_spans(text, words) if matches else []
    if not spans:
        return (Args(),) * len(matches)
    if text[: spans[0][0]].strip() in ("", "The"):  # the sentence's subject: all its acts
        return tuple(Args((BODY,)) if m.start > spans[0][1] else Args() for m in matches)
    return tuple(with_bodies(text, m, _NO_STATES, Args(), spans) for m in matches)


# "accused unnamed parties of ...", "blamed the opposition for ...": the accused is named and
# is no state (lower-case words only, none that may stand for a state)
_ACCUSED_NOUN = re.compile(
    r"\s+(?:the\s+|an?\s+)?(?!(?:them|him|her|it|us|me|you|each|one)\b)((?:[a-z][\w-]*\s+){1,3})"
    r"(?:of|for)\b"
)
_STATE_NOUNS = frozenset(
    {"country", "nation", "state", "government", "regime", "neighbour", "neighbor", "side",
     "authorities", "capital", "leader", "leadership", "president", "administration"}
)  # fmt: skip


def accused_nobody(text: str, m: Match, args: Args) -> Args:
    """An accusation whose object is a named non-state ("Abiy accused unnamed parties of
    trying to obstruct the inauguration") has ``BODY`` as its target: no later state of the
    sentence ("... dialogue with Cairo") is the accused."""
    if not text.startswith(("accus", "blam"), m.start):  # (not "raised the poisoning of")
        return args
    found = _ACCUSED_NOUN.match(text, m.end)
    if found is None or not _STATE_NOUNS.isdisjoint(w.rstrip("s") for w in found[1].split()):
        return args  # ("accused the country of": the state named before)
    return args._replace(targets=(BODY,))


_AGENT_GAP = re.compile(r"\s+by\s+(?:the\s+)?")  # "was sanctioned by Western countries"


def _is_agent(text: str, m: Match, spans: list[tuple[int, int]]) -> bool:
    """Is a body the agent right after a passive trigger ("sanctioned by the EU")?"""
    return any(s > m.end and _AGENT_GAP.fullmatch(text, m.end, s) for s, _ in spans)


def _is_subject(text: str, m: Match, scene: Scene, spans: list[tuple[int, int]]) -> bool:
    """Does a body stand before the act in its clause, with no state after it?"""
    for start, end in reversed(spans):
        if end > m.start:
            continue
        if _PREPOSITION_BEFORE.search(text, max(0, start - 12), start):
            return False  # "indicted by the U.N. court": an agent or object, no subject
        if any(end <= g.start < m.start for g in scene.before_all):
            return False  # a state stands between: the subject is nearer
        gap = text[end : m.start]
        return len(gap.split()) <= SUBJECT_GAP_WORDS and not _GAP_BREAK.search(gap)
    return False


OPENING_REACH = 20  # characters before a body that opens the sentence ("On Tuesday, NATO")


def _opens_before_participle(
    text: str, m: Match, scene: Scene, spans: list[tuple[int, int]]
) -> bool:
    """Is the act a participle after a comma (", calling on Belarus to ...") in a sentence
    whose subject, before every state, is a body? The participle is the body's act."""
    start = spans[0][0]
    return (
        start <= OPENING_REACH
        and text[m.start - 1 : m.start] == " "
        and text[: m.start].rstrip().endswith(",")
        and text[m.start : m.end].split(None, 1)[0].endswith("ing")
        and all(start < g.start for g in scene.before_all)
        and not _PREPOSITION_BEFORE.search(text, 0, start)
    )
