"""A person as an act's subject, who is no state actor: a pronoun or a first and last name
right before the act ("Exiled opposition leader Svetlana Tikhanovskaya urged ...",
``with_subject_checked``, moved here from ``argument_roles``), or a person the sentence
names as the act's subject or possessor with its own verb:
"because Pelosi visited Taiwan", "following Pelosi's visit to Taiwan", "since Pelosi
decided to go through with her trip" (N367). The act is that person's; no other state of
the sentence is lent to it as its source (the issue's "where the subject is a person, their
state comes from the person"). Leaders and officials the actor table knows are actor groups
and never read here; ``data/en/not_person_names.txt`` lists the capitalised words that name
no person ("Officials said", "Monday's talks").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from tracker.coding.appositives import appositive_state
from tracker.coding.argument_groups import CLAUSE_BREAK_RE, Args, Group, Scene
from tracker.coding.judged_conduct import AFTER_PREPOSITION, without_wrapper_agent
from tracker.coding.matching import Match
from tracker.coding.mode_scopes import CLAUSE_BREAK
from tracker.coding.passive import is_passive
from tracker.coding.pronouns import speaker_not_subject
from tracker.coding.sentences import sentence_starters
from tracker.data import word_list
from tracker.models import Mention

# a capitalised name (one to three words) and its verb or possessive
_NAME = r"(?<![\w.'’-])([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})"
_NAME_VERB = re.compile(
    _NAME + r"\s+(?:(?:has|had|have|will|would|also|then|later)\s+)*"  # (no passive)
    r"(?!(?:said|stated|added|noted|stressed|reported|claimed)\b)"  # (a speaker: its clause
    r"(?:[a-z]+ed|met|went|made|took|sent|gave|held|visits|meets)\b"  # is not its act)
)
_NAME_POSSESSIVE = re.compile(_NAME + r"['’]s\s+(?:[a-z][\w-]*\s+){0,2}$")


# between the actor before and the name: a coordinator makes a co-subject, and without a
# verb or a linking word the name is the actor's own (a title between: "minister Dubem")
_CO_ACTOR = re.compile(r"\s*,?\s*(?:and|or|&)\s+(?:the\s+)?$", re.I)
_SAID = re.compile(r"\s*(?:said|says|added|stated)\s+(?:that\s+)?$")  # "The White House said
# Biden raised ...": the speaker's own (the test's actors may leave the name out)
_LINK = re.compile(
    r"\b(?:said|says|told|because|since|after|before|following|when|while|as|that|but"
    r"|[a-z]+ed)\b"
)


@cache
def _not_names() -> frozenset[str]:
    return word_list("not_person_names.txt")


def _a_person(name: str) -> bool:
    return _not_names().isdisjoint(w.lower() for w in re.split(r"[ -]", name))


def person_with_verb(
    text: str, m: Match, before_all: Sequence[Group], placed: Sequence[Mention]
) -> bool:
    """Is the trigger's subject or possessor a named person who is no actor, after the
    nearest actor before it and with no clause break between that person and the trigger?"""
    lo = before_all[0].end if before_all else 0
    span = text[lo : m.end]
    if span.lower() == span:
        return False  # (the cheap test: no capitalised word, no name)
    found = _NAME_POSSESSIVE.search(text, lo, m.start)
    if found is None:  # the nearest name with its verb (the trigger may be that verb)
        found = next(reversed(list(_NAME_VERB.finditer(text, lo, m.end))), None)
    if found is None or not _a_person(found[1]):
        return False
    start, end = found.span(1)
    if " " not in found[1] and not text[:start].strip(" \"“‘'"):
        return False  # one capitalised word opening the sentence: "Prisoners rioted"
    if AFTER_PREPOSITION.search(text, max(0, start - 16), start):
        return False  # "cartoons of the Prophet Mohammed have defaced": no subject
    if any(x.start < end and start < x.end for x in placed):
        return False  # an actor the sentence names (a place too: "in Iraq met")
    gap = text[lo:start]
    if lo and (_CO_ACTOR.match(gap) or _SAID.match(gap) or not _LINK.search(gap)):
        return False  # "the United States and the European Union announced", "Nigerian
        # junior foreign minister Dubem Oniya summoned": the actor's partner or its name
    return CLAUSE_BREAK_RE.search(text, end, m.start) is None


def without_person_source(
    text: str, m: Match, before_all: Sequence[Group], placed: Sequence[Mention], args: Args
) -> Args:
    """``args`` with no source lent when a named person who is no actor is the subject."""
    if args.sources and not any(set(args.sources) & set(g.codes) for g in before_all):
        return args  # (a passive's agent after it: "Pelosi was condemned by China")
    if not person_with_verb(text, m, before_all, placed):
        return args
    return args._replace(sources=(), unowned=True)


def unnamed_agent(text: str, m: Match, scene: Scene, placed: Sequence[Mention], args: Args) -> Args:
    """``args`` with no source lent where the act's agent is someone the sentence names but
    no state: the speaker's clause ("The invasion of Ukraine is illegal, Kishida said") or
    a person who is no actor ("because Pelosi visited Taiwan")."""
    args = without_wrapper_agent(text, m, scene, args)
    return without_person_source(text, m, scene.before_all, placed, args)


# A person named (first and last name) right before the act, after an optional apposition
# and auxiliaries ("Svetlana Tikhanovskaya, the exiled Belarusian opposition leader, urged"):
# its subject. (One capitalised word may be a misspelt state or a sentence's first noun.)
_NAMED_SUBJECT = re.compile(
    r"(?<![\w.'’-])(?<!\bin )(?<!\bat )(?<!\bto )(?<!\bof )"  # no place or object
    r"(?:([A-Z][a-z][\w'’-]+)\s+[A-Z][a-z][\w'’-]+|(?<=, )([A-Z][a-z][\w'’-]{3,})"  # a name,
    r"|(?:(?<=\bafter )|(?<=\bwhen )|(?<=\bwhile ))([A-Z][a-z][\w'’-]{2,}))"  # a surname after
    r"(?:,[^,]{1,80},)?\s+"  # a comma ("Following his release, Tsikhanouski") or "after Wang"
    r"(?:(?:has|had|have|also|again|then|later|repeatedly|already|once|would|will|held|holds|"
    r"hold|conducted|opened|was|were)\s+)*$"  # ("Wang held talks with": a light verb)
)
NAMED_SUBJECT_REACH = 140  # characters searched back from the act


def named_person_subject(text: str, start: int, groups: Sequence[Group]) -> bool:
    """Is the act's subject a person named right before it who is no actor ("Exiled
    opposition leader Svetlana Tikhanovskaya urged Washington not to lift sanctions on the
    Belarusian regime")? Then no state is guessed as its source, as for "She urged ...";
    before, the sentence's other state became one (BLR->USA REQUEST)."""
    found = _NAMED_SUBJECT.search(text, max(0, start - NAMED_SUBJECT_REACH), start)
    if found is None:
        return False
    name = next(k for k in (1, 2, 3) if found.group(k))
    if found.group(name).lower() in sentence_starters():
        return False
    at = found.start(name)
    return not any(g.start <= at < g.end for g in groups)


_PERSON_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})  # "we": no speaker known


def person_subject(text: str, words: Sequence[str], m: Match, before: Sequence[Group]) -> bool:
    """Is the act's subject a person: a pronoun, or a name that is no actor?"""
    return _pronoun_subject(words, m.first) or named_person_subject(text, m.start, before)


def with_subject_checked(
    text: str, words: Sequence[str], m: Match, before: Sequence[Group], args: Args
) -> Args:
    """``args`` with no guessed source when the act's subject is a person ("She has also
    urged Washington to ..."), and without the speaker's "we" when a third-person pronoun
    is the act's subject ("We see that they launch strikes ...")."""
    if not args.sources and person_subject(text, words, m, before):
        if own := appositive_state(text, m.start, before):  # "Smith, a U.S. diplomat, met"
            if is_passive(text, m.start, m.end):  # "Fogel, an American teacher, was arrested
                return args._replace(sources=(), targets=own)  # in Moscow": the arrested
            return args._replace(sources=own)
        return args._replace(unowned=True)
    if args.sources and speaker_not_subject(text, m, before, args.sources):
        return args._replace(sources=(), unowned=True)
    return args


def _pronoun_subject(words: Sequence[str], first: int) -> bool:
    """Does a personal pronoun stand in the trigger's clause before it ("She has also
    urged")? Its state is not the sentence's other actor."""
    for k in range(first - 1, max(-1, first - 6), -1):
        if words[k] in CLAUSE_BREAK:
            return False
        if words[k] in _PERSON_PRONOUNS:
            return True
    return False
