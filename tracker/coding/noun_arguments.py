"""A noun trigger's own arguments ("Russia's invasion of Ukraine", "sanctions on Belarus by
the United States", "at the invitation of Belarus"): the actors its phrase names, read from
the words between them and the noun (docs/tone_and_events.md, "Arguments and direction")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tracker.coding.argument_groups import Args, Group, Near, Scene
from tracker.coding.attach import MADE_BY
from tracker.coding.bodies import BODY
from tracker.coding.compound_parties import named_parties
from tracker.coding.dyad_groups import PARTY_HEADS
from tracker.coding.event_context import refers_back
from tracker.coding.implied_roles import suffered_by
from tracker.coding.matching import Match
from tracker.coding.mode_scopes import IRREGULAR_PARTICIPLES
from tracker.coding.sentences import sentence_starters
from tracker.coding.trigger_objects import NAMING, named_as
from tracker.coding.word_forms import addressed_next, ends_in_preposition
from tracker.data import word_list

_OWN_ARG = re.compile(
    r"^\s*(?:of|on|against|with|into|over|to|for|toward|towards)\s+(?:the\s+|an?\s+)?"
    r"(?:[\d,]+\s+|(?:two|three|four|five|six|seven|eight|nine|ten|several|dozens\s+of)\s+)?$",
    re.I,
)  # "the release of two American citizens"
_WHEN_AFTER = re.compile(
    r"\s+(?:(?:this|last|next)\s+(?:week|weekend|month|year)|on\s+[A-Z][a-z]+day)\b(?=\s+[a-z])"
)  # a time right after the noun: "the visit this week to Taiwan", "talks on Friday with"
# "at the invitation/request/urging of X": X is the one who invited, asked, urged
_AT_THE = re.compile(r"\bat\s+the\s+$", re.I)
_OF = re.compile(r"^\s*of\s+(?:the\s+)?$", re.I)
# Between an actor and the noun it modifies: "Russia's 2022 invasion", "U.S. sanctions".
MODIFIER_GAP = re.compile(
    r"(?:'s|')?\s*(?:(?!(?:since|before|after|during|following|until|amid|when|while|but|of|"
    r"the|a|an|on|in|at|for|with|from|by|into|against|was|were|is|are|has|have|had|who|"
    r"which|that|and|or|about|over|to|toward|towards|under|than|between|among|despite|"
    r"circumvent|circumventing|evade|evading|evaded|bypass|bypassing|skirt|skirting|dodge|"
    r"violate|violating|violated|breach|breaching|breached|drew|draws|drawn|sparked|prompted|"
    r"triggered|provoked|faced|faces|received)\s)"
    r"[\w.-]+\s+){0,3}$"  # ("Russia's Feb. 24 invasion")
    # a possessor's adjectives may be coordinated: "Russia's unprovoked and unjustified"
    r"|['’]s\s+(?:[a-z-]+(?:ly)?\s+)?[a-z-]+,?\s+(?:and|or)\s+[a-z-]+\s+$",
    re.I,
)  # a preposition or verb between them is not a modifier: "Russia since the invasion"
# The sanctions one evades are not the evader's ("helping Russia circumvent sanctions"): a
# noun right after one of these has only its own actors
EVADED = frozenset(
    {"circumvent", "circumventing", "evade", "evading", "evaded", "bypass", "bypassing",
     "skirt", "skirting", "dodge", "dodging", "violate", "violating", "violated", "breach",
     "breaching", "breached"}
)  # fmt: skip
# "talks between Russia and Ukraine", "the conversation between the presidents of X and Y"
BETWEEN = re.compile(  # (a name may stand between: "the exercises Zapad-2025 between")
    rf"^\s*(?-i:[A-Z][\w-]*\s+){{0,2}}between\s+(?:the\s+)?{PARTY_HEADS}?$", re.I
)
# "observed / attended the exercises": an observer's, no force posture of the observer
_OBSERVED = re.compile(
    r"\b(?:observ(?:e|es|ed|ing)|attend(?:s|ed|ing)?|watch(?:es|ed|ing)?|monitor(?:s|ed|ing)?)"
    r"\s+(?:[\w-]+\s+){0,5}$",
    re.I,
)
_DRILLS = re.compile(r"exercise|drill|manoeuvre|maneuver|war\s*games", re.I)
# "by X", "from X", "imposed by X" ("the sanctions imposed by Washington")
_NAME = r"[\"“']?[A-Z][\w-]*[\"”']?\s+"  # a name between a noun and its agent: "Zapad-2025"
_OWN_AGENT = re.compile(  # "the shelling of Kharkiv by Russian forces", "carried out jointly by"
    r"^\s*(?:(?-i:" + _NAME + r")?[a-z]+(?:ed|en)(?:\s+(?:out|jointly|together|up))*\s+by|by|from|"
    r"of\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3}by)\s+(?:the\s+|an?\s+|\d+\s+|two\s+|three\s+)?$",
    re.I,
)
# ... and after the noun's object, the rest of its phrase: "of two American citizens by X"
ATTRIBUTED = re.compile(r"\b(?:attributed|blamed)\s+(?:to|on)\s+(?:the\s+)?$")
_LATER_AGENT = re.compile(r"^\s*(?:[a-z-]+\s+){0,2}(?:by|from)\s+(?:the\s+|an?\s+)?$")
_DONE_BY = re.compile(  # (not "a ceasefire proposed by Trump": a proposer does not cease fire)
    r"\s*(?:" + _NAME + r")?"  # ("the joint exercise Zapad-2025 conducted by")
    r"(?:carried\s+out|conducted|launched|staged|committed|imposed|waged)\s+by\s+(?:the\s+)?$"
)
# ... and after an agent's "of X", the rest of its name and where it went: "the visit of
# U.S. presidential envoy John Coale to Minsk"
_LATER_TO = re.compile(  # ("the buildup of Russian troops surrounding / near Ukraine")
    r"^\s*(?:[\w.'’-]+\s+){0,4}(?:to|near|surrounding|around|along)\s+(?:the\s+)?$"
)


def noun_arguments(
    text: str,
    m: Match,
    before_all: Sequence[Group],
    after_all: Sequence[Group],
    near: Near,
) -> Args:
    """A noun's own arguments: a modifier actor right before it ("Russia's invasion", "new
    U.S. sanctions"), "by/from X" or, after "at the", "of X" ("at the invitation of Belarus")
    is the source; "of/on/against/with/to/for X" the target."""
    if named_parties(text, m, before_all):  # "the Israel-Hamas ceasefire": no state pair
        return Args((), (), *near, own=True)
    sources: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    if (
        before_all
        and MODIFIER_GAP.match(text, before_all[0].end, m.start)
        and not body_modified(text, m, before_all)  # "Putin condemned Western sanctions"
    ):
        sources = before_all[0].codes
        if len(before_all) > 1 and _visited_by_possessor(text, m, before_all):
            return Args(before_all[1].codes, sources, *near, own=True)
    pos = m.end  # ("talks with Ukraine and Russia": the trigger ends in its objects' "with")
    if after_all and len(after_all[0].codes) > 1 and ends_in_preposition(text, m):
        pos = text.rfind(" ", m.start, m.end)  # (one name keeps the clause's roles)
    agent_of = (
        _AT_THE.search(text, max(0, m.start - 8), m.start) is not None
        or text[m.start : m.end].lower() in agentive_nouns()  # "the visit of X to Y"
    )
    if when := _WHEN_AFTER.match(text, pos):  # "the visit this week to Taiwan by ..."
        pos = when.end()
    for g in after_all[:2]:  # "a visit to Minsk by U.S. envoy John Coale"
        gap = text[pos : g.start]
        if agent_of and not sources and not targets and _OF.match(gap):  # "at the
            # invitation of Belarus", "the visit of the U.S. envoy to Minsk"
            sources = g.codes
        elif m.category in _TOGETHER and not sources and not targets and _OF.match(gap):
            sources = g.codes  # "the meeting of Trump and Putin" (or "of U.S. officials with")
            if len(g.codes) > 1:
                break
        elif _OWN_ARG.match(gap) and not targets and not MADE_BY.match(text, g.end):
            targets = g.codes
        elif agent_of and sources and not targets and _LATER_TO.match(gap):
            targets = g.codes  # "the visit of U.S. envoy John Coale to Minsk"
        elif not sources and (
            _OWN_AGENT.match(gap)
            or (pos > m.end and _LATER_AGENT.match(gap))
            or ATTRIBUTED.search(gap)  # "an attack on the kingdom's oil attributed to Tehran"
        ):
            sources = g.codes
        elif BETWEEN.match(gap) and len(g.codes) > 1:  # "talks between Russia and Ukraine"
            sources, targets = g.codes, ()
        else:
            break
        pos = g.end
    return Args(sources, targets, *near, own=True)


# "Coale's Minsk visit", "Dmitriev's second U.S. visit": the possessor travels, the place
# right before the noun is where to (a possessive, then at most two lower-case words)
_POSSESSOR_GAP = re.compile(r"['’]s?\s+(?:[a-z][\w-]*\s+){0,2}$")


def _visited_by_possessor(text: str, m: Match, before_all: Sequence[Group]) -> bool:
    """Is the agentive noun ("visit", "trip") modified by a place right before it, after a
    possessor of another state ("Coale's Minsk visit": Coale visits Belarus)?"""
    place, possessor = before_all[0], before_all[1]
    return (
        place.codes != possessor.codes
        and not text[place.end : m.start].strip()
        and text[m.start : m.end].lower() in agentive_nouns()
        and _POSSESSOR_GAP.fullmatch(text, possessor.end, place.start) is not None
    )


_TOGETHER = frozenset({"CONSULT", "AGREE", "COOPERATE"})  # kinds two sides do together
_DATED = frozenset(
    f"{month}'s"
    for month in (
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "month", "year",
    )
)  # fmt: skip  # (a weekday's talks are often the day's news: "praised Friday's talks")
_OBJECT_OPENERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "no"})


def _subject_of_a_verb(words: Sequence[str], m: Match) -> bool:
    """Is the noun trigger, after "the/this/that", the subject of a past verb with an object
    ("the agreement sent a clear signal to Russia")? What follows is that verb's, not the
    noun's ("the agreement reached with Russia" is a participle: no object opener)."""
    k = m.last + 1
    return (
        m.first > 0
        and words[m.first - 1] in _THE
        and k + 1 < len(words)
        and (words[k].endswith("ed") or words[k] in IRREGULAR_PARTICIPLES)
        and words[k + 1] in _OBJECT_OPENERS
    )


def agentive_nouns() -> frozenset[str]:
    """Nouns whose "of X" is the actor (``data/en/agentive_nouns.txt``: "the visit of X")."""
    return word_list("agentive_nouns.txt")


_AND_NEXT = re.compile(r"^\s+and\s+(?:(?:its|their|the)\s+)?(?:[a-z]+,?\s+){0,2}$")
# A body that is no state right before a noun ("a new EU sanctions package", "Western
# sanctions", "NATO exercises"): a capitalised word that no actor mention covers
_CALENDAR = frozenset(
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
     "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"}
)  # fmt: skip
_BODY_MODIFIER = re.compile(r"(?<![\w.'’-])(?:[A-Z]{2,}|[A-Z][a-z]+)\s+$")


def body_modified(text: str, m: Match, before_all: Sequence[Group]) -> bool:
    """Is the noun trigger modified by a body that is no state ("Hungary blocked a new EU
    sanctions package against Russia": the sanctions are the EU's, not Hungary's)?"""
    found = _BODY_MODIFIER.search(text, max(0, m.start - 16), m.start)
    if found is None or (before_all and before_all[0].end > found.start()):
        return False
    word = found.group().strip()
    return word.lower() not in sentence_starters() and word not in _CALENDAR


TOLD = frozenset({"consult.told", "consult.speak_to"})  # "told X", "speaking to X": a talk
# with X only when X is named right after it ("spoke to his Russian counterpart" too)
# "wants Putin to", "told Zelensky to": a request only of a name right after the verb
ASKED_BY_NAME = frozenset({"request.want", "request.tell"})
_NAMED_ADDRESSEE = re.compile(r"[\w'’]+\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,4}(?:not\s+)?to$")


_THE = frozenset({"the", "this", "these", "that", "those", "his", "her", "its", "their"})
_AUDIENCE = re.compile(
    r"\b(?:told|addressed|addressing|briefed|telling)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}$"
)
_DOMESTIC = re.compile(r"(?i)\b(?:cabinet|government|party|parliamentary|staff|board|working)\s+$")


def _domestic(text: str, m: Match) -> bool:
    """Is the trigger a government's own meeting ("ahead of a cabinet meeting")?"""
    return text.startswith("meeting", m.start) and bool(
        _DOMESTIC.search(text, max(0, m.start - 20), m.start)
    )


# a noun's object that is a thing, no state: "support for a 30-day ceasefire", "backing for
# the peace plan"
_THING_OBJECT = re.compile(r"\s+for\s+(?:a|an|the)\s+(?:[\d-]+\s*)?(?:[a-z][\w-]*\s+){0,2}?[a-z]")
_TOWARD_A_THING = frozenset({"SUPPORT", "REQUEST", "REJECT", "AGREE"})
_OF_FROM = re.compile(
    r"\s+of\s+[^,;:.\"“”]{0,60}?\b(?:from|(?:detained|held|jailed|imprisoned)\s+(?:in|by))\s+"
    r"(?:the\s+)?"
)  # "the release of two Americans from Russia", "... of an American detained in Belarus"
# ... and one who negotiated, secured or won a release received it, whoever released them
_SECURED = re.compile(
    r"\b(?:negotiat(?:e|es|ed|ing)|secur(?:e|es|ed|ing)|w[io]n|wins|winning|obtain(?:s|ed|ing)?|"
    r"brokered|arranged)\s+(?:the\s+|her\s+|his\s+|their\s+)?$",
    re.IGNORECASE,
)


def _released_from(text: str, m: Match, scene: Scene) -> Args | None:
    """The arguments of a release noun whose phrase names where the released come from
    ("the release of two Americans from Russia"): that state released them, to the state of
    the released or else to the clause's subject; or that a subject negotiated or secured
    (the release is to the subject, from a state the sentence names elsewhere)."""
    for k, g in enumerate(scene.after_all):
        if _OF_FROM.fullmatch(text, m.end, g.start):
            held = [h.codes for h in scene.after_all[:k]] or [b.codes for b in scene.before[-1:]]
            targets = tuple(c for c in (held[0] if held else ()) if c not in g.codes)
            return Args(g.codes, targets, *scene.near, own=True)
    if scene.before and _SECURED.search(text, max(0, m.start - 30), m.start):
        return Args((), scene.before[0].codes, *scene.near)  # "Coale negotiated the release
    return None  # of 100 detainees": to the United States, from the state that held them


# The phrases of an arrest noun: "of" (and a few words) before the one held, "in" before the
# state that holds them ("the arrest in Belarus of a Polish citizen")
_HELD_OF = re.compile(r"\s+of\s+(?:[\w-]+\s+){0,3}$")
_HELD_IN = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:in|inside)\s+(?:the\s+)?$")
_HELD_REACH = 80  # characters after the noun


def _held_of(text: str, m: Match, scene: Scene) -> Args | None:
    """The arguments of an arrest or detention noun whose own phrases name the one held and
    where ("the arrest in Belarus of a Polish citizen": BLR -> POL), else None."""
    held = where = None
    end = m.end
    for g in scene.after_all[:3]:
        if g.start - m.end > _HELD_REACH:
            break
        if held is None and _HELD_OF.fullmatch(text, end, g.start):
            held = g.codes
        elif where is None and _HELD_IN.fullmatch(text, end, g.start):
            where = g.codes
        else:
            break
        end = g.end
    if held is None or where is None or set(held) & set(where):
        return None
    return Args(where, held, *scene.near, own=True)


def _parties(parties: tuple[str, ...], scene: Scene) -> Args:
    """A noun's named parties: one state alone is no party with any other state."""
    if len(parties) == 1:
        return Args(parties, parties, *scene.near, own=True)
    return Args(parties, (), *scene.near, own=True)


def _only_its_phrase(text: str, words: Sequence[str], m: Match, noun: bool) -> bool:
    """Does the trigger take the actors of its own phrase only (``noun_arguments``)? "the
    visit of X", also opening a sentence ("Visit of the special envoy ... occurs after");
    a noun that is the subject of the sentence's verb ("the agreement sent a clear signal to
    Russia") or opens it naming an earlier act ("The visit was part of a campaign to
    improve relations with Belarus": the predicate holds no argument of the noun), or that
    a date owns ("August's summit"); what one evades ("helping Russia circumvent
    sanctions")."""
    if (
        (noun or m.first == 0)
        and words[m.first] in agentive_nouns()
        and words[m.last + 1 : m.last + 2] == ["of"]
    ):
        return True
    if noun and (_subject_of_a_verb(words, m) or refers_back(text, m)):
        return True
    if m.first > 0 and words[m.first - 1] in _DATED:  # "August's summit", "last year's
        return True  # talks": a known meeting, named by its month or year
    return m.first > 0 and words[m.first - 1] in EVADED


def _observed_drills(text: str, m: Match, after_all: Sequence[Group]) -> bool:
    """Are exercises the object of observing or attending ("the U.S. military observed the
    exercises Zapad-2025 between Russia and Belarus"), or held by those named after them
    ("the Zapad military drills carried out jointly by Minsk and Moscow")? Then the
    clause's subject is no party to them."""
    return bool(_DRILLS.search(text, m.start, m.end)) and (
        _OBSERVED.search(text, max(0, m.start - 60), m.start) is not None
        or (bool(after_all) and _OWN_AGENT.match(text[m.end : after_all[0].start]) is not None)
    )


def own_only(text: str, words: Sequence[str], m: Match, scene: Scene, noun: bool) -> Args | None:
    """A trigger's own actors alone, else None: what one evades ("helping Russia circumvent
    sanctions"), an unspecified or "between" ``noun``, an act "carried out by X" or hostile "by
    X", a ``noun`` a body that is no state modifies, "told" (TOLD), what something is called."""
    if (
        (m.rule in TOLD and not addressed_next(text, m.end, scene.after_all))
        or (m.rule in ASKED_BY_NAME and not _NAMED_ADDRESSEE.match(text, m.start, m.end))
        or named_as(text, words, m, noun)
    ):  # "told reporters that Russia ...": no talks; "want the trains to run": no request
        return Args((), (), *scene.near, own=True)
    if (
        (noun and len(scene.before_all) > 1 and _visited_by_possessor(text, m, scene.before_all))
        or (m.category == "MOBILIZE" and _observed_drills(text, m, scene.after_all))  # theirs
        or (bool(scene.after_all) and _DONE_BY.match(text, m.end, scene.after_all[0].start))
        or suffered_by(text, words, m, scene, noun)
        or _only_its_phrase(text, words, m, noun)
    ):  # ("the attacks carried out by Israel": Israel's)
        return noun_arguments(text, m, scene.before_all, scene.after_all, scene.near)
    if noun and _THING_OBJECT.match(text, m.end) and m.category in _TOWARD_A_THING:
        own = noun_arguments(text, m, scene.before_all, scene.after_all, scene.near)
        return own._replace(targets=(BODY,), unowned=own.unowned or not own.sources)
        # "Ukraine's support for a 30-day ceasefire": toward a thing, no state (BODY: none)
    if noun and m.category == "RETREAT" and (released := _released_from(text, m, scene)):
        return released  # "secured the release of two Americans from Russia": Russia's
    if noun and m.category == "COERCE" and (held := _held_of(text, m, scene)):
        return held  # "the arrest in Belarus of a Polish citizen": Belarus's
    if (
        m.category == "CONSULT"
        and (_AUDIENCE.search(text, max(0, m.start - 40), m.start) or _domestic(text, m))
        and not text.startswith(" with", m.end)  # ("told the meeting with Rubio": a meeting)
    ):
        return Args((), (), *scene.near, own=True)  # "Tusk told a government meeting": whom
        # he spoke to, no meeting with another state
    if noun and (
        (m.first > 0 and words[m.first - 1] == "any")  # "would respond to any attack on X"
        or (
            m.first > 1
            and words[m.first - 2] in NAMING
            and words[m.first - 1] in _THE
            and m.category != "CONSULT"  # ("called the meeting with Putin productive": his own)
        )  # "called the releases a success": what is named is someone's act, not the namer's
    ):  # (no source is guessed)
        own = noun_arguments(text, m, scene.before_all, scene.after_all, scene.near)
        return own if own.sources else own._replace(unowned=True)
    after = scene.after_all
    if noun and after and BETWEEN.match(text[m.end : after[0].start]):  # "mediated a ceasefire
        parties = after[0].codes  # between Israel and Hamas"; "between Ethiopia and its
        if len(after) > 1 and _AND_NEXT.match(text[after[0].end : after[1].start]):
            parties += tuple(c for c in after[1].codes if c not in parties)  # neighbour, Eritrea"
        return _parties(parties, scene)
    if noun and named_parties(text, m, scene.before_all):  # "the Israel-Hamas ceasefire"
        return Args((), (), *scene.near, own=True)
    if noun and body_modified(text, m, scene.before_all):
        own = noun_arguments(text, m, scene.before_all, scene.after_all, scene.near)
        return own._replace(sources=(), unowned=True)
    return None
