"""Mentions that are not parties: venues and topics ("talks in Geneva", "the war in
Ukraine") and countries naming a non-state noun ("Chinese tourists", "Malaysia Airlines",
"UK-based"). Applied by the actor matcher after it selects mentions."""

from __future__ import annotations

import re

from tracker.models import Mention

# --- venues and topics ---------------------------------------------------------------------

# "talks in Geneva", "a summit in Helsinki", "snow in Minsk and Washington": a capital after
# "in"/"at" is the place where something happened, not a party to it ...
# a destination too: "will travel to Budapest for a summit with Trump"
TRAVEL = ("travel", "flew", "fly", "flies", "head", "go", "went", "arrive", "return")
_VENUE = re.compile(
    rf"\b(?:in|at|(?:{'|'.join(TRAVEL)})[a-z]*\s+to)\s+(?:the\s+|both\s+)?$", re.IGNORECASE
)  # ("critics in both Washington and abroad")
# ... unless it is the target of force or of a police act ("strikes in Kyiv", "arrested in
# Minsk"): one of these words up to VENUE_KEEP_REACH characters before "in" ...
VENUE_KEEP_REACH = 40
_FORCE_WORDS = (
    r"strikes?|struck|attacks?|attacked|shell(?:ing|ed)|missiles?|drones?|explosions?|"
    r"bomb(?:ing|ed)|killed|targets?|targeted|targeting|protests?|protesters|arrested|detained|"
    r"jailed|arrests?|detentions?|blockades?|sieges?|raids?|demolished|tortured|arriv(?:ed|es|ing)"
)
_FORCE_KEEP = re.compile(rf"\b(?:{_FORCE_WORDS})\b", re.IGNORECASE)
# (the arguments' and links' test: any of these words, seats included, up to the reach)
VENUE_KEEP = re.compile(
    rf"\b(?:{_FORCE_WORDS}|embass(?:y|ies)|consulates?|ambassadors?|envoys?|missions?|"
    r"diplomats?|troops|forces(?=\s+(?:in|at)\s)|administration|government|authorities|"
    r"leadership|regime|officials|courts?|judges?|police|prosecutors?)\b",
    re.IGNORECASE,
)
# ... or the seat of a mission, a force or an authority right before "in" ("the embassy in
# Minsk", "troops in Belarus", "officials in Minsk"; not "officials met on Monday in Abu
# Dhabi") ...
_SEAT_IN = re.compile(
    r"\b(?:(?P<mission>embass(?:y|ies)|consulates?|ambassadors?|envoys?|missions?|diplomats?|"
    r"troops|forces)|administration|government|authorities|leadership|regime|officials|"
    r"delegations?|courts?|judges?|police|prosecutors?|ministry|ministries)"
    r"(?:\s+(?:based|stationed|posted|deployed))?\s+(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# ... where an authority that another state owns is only somewhere: "Kremlin officials in
# Riyadh", "the U.S. delegation in Geneva" (a capitalised owner right before its noun)
_OWNED_SEAT = re.compile(
    r"(?:^|\s)(?!(?:The|A|An|Some|Many|Senior|Top|Local|Other|Its|Their)\b)"  # (no owner)
    r"(?:[A-Z][\w.'’]*)(?:'s)?\s+\w+\s+(?:\w+\s+)?(?:in|at)\s+(?:the\s+)?$"
)
# ... but the seat of a mission that is the one speaking is where it speaks from
_MISSION_IN = re.compile(
    r"\b(?:embass(?:y|ies)|consulates?(?:\s+general)?|missions?)(?:\s+[a-z]+)?\s+(?:in|at)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_SEAT_SPEAKS = re.compile(r"(?:,\s*who)?\s+(?:said|says|stated|told|added|announced)\b")
# A place on a route is no party: "a commercial jet traveling from Greece to Lithuania",
# "a Ryanair flight from Athens to Vilnius" (after a travel word, "from/to/via/into X" and
# the next "to Y")
_ROUTE = re.compile(
    r"\b(?:travel(?:s|ed|led|ing|ling)?|fl(?:y|ies|ying|ew|ights?)|route|bound|journey)"
    r"\s+(?:from|to|via|into)\s+(?:the\s+)?"
    r"(?:(?:[A-Z][\w.'’-]*\s*){1,3}(?:,\s*|\s+(?:or|and)\s+)(?:the\s+)?){0,8}"  # a list of
    r"(?:[A-Z][\w.'’-]*\s+){0,3}?(?:(?:to|via|into)\s+(?:the\s+)?)?$"  # them ("flights to
)  # Cuba, Iran, North Korea, Russia or Syria")
# "drafted last weekend in Geneva, Switzerland": the country after a city names its place
_CITY_BEFORE = re.compile(r"\b(?:in|at)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?,\s+$")
# A country is a venue only after a meeting word: "held talks in Saudi Arabia".
_MEETING_VENUE = re.compile(
    r"\b(?:talks|summit|meeting|met|meet|negotiations|conference|held|hosted|signed|swapped)"
    r"\b[^,;]{0,40}\b(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Where something was said is never a party, whatever else the sentence names: "Coale told
# reporters in Vilnius", "Lavrov said in Minsk", "speaking at a news conference in Kyiv"
_SPEECH_VENUE = re.compile(
    r"\b(?:reporters|journalists|conference|briefing|interview|speech|address|remarks|said|"
    r"says|speaking|spoke|told\s+\w+)\s+(?:[\w-]+\s+){0,2}?(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "Washington's role in Kiev agreeing to ...": the state after "role in" is the subject of a
# gerund, no place
ROLE_IN = re.compile(r"\b(?:role|part|success|help|hand|interest)\s+in\s+$", re.IGNORECASE)
GERUND_NEXT = re.compile(r"\s+[a-z]+ing\b")
# "the war in Ukraine", "a ceasefire in Gaza", "envoy for Ukraine", "peace plan for Ukraine":
# the state is the topic, not an actor. "Russia's war in Ukraine" keeps Ukraine (no article).
_TOPIC = re.compile(
    r"(?:\b(?:the|a|an)\s+(?-i:[a-z][\w-]*\s+)?(?:war|conflict|fighting|ceasefire|truce|crisis"
    r"|situation)\s+"  # (one lower-case modifier: "the full-scale war in", not "the Russian war")
    r"(?:in|over|around|surrounding|with)\s+(?:the\s+)?"
    r"|\benvoy\s+(?:for|on)\s+(?:the\s+)?"
    r"|\b(?:(?:the|a|an)\s+(?-i:[a-z][\w-]*\s+)?(?:solution|settlement)|peace)\s+(?:in|for)\s+"
    r"(?:the\s+)?"  # "a diplomatic solution in Ukraine", "peace in Ukraine" (not "with": a party)
    r"|\b(?:differences|disagreements?|disputes?|tensions|rifts?|split)\s+(?:over|on|about)\s+"
    r"(?:the\s+)?"  # "due to differences over Ukraine": what they differ on
    r"|\b(?:talks|negotiations|discussions|conference|forum|debate|meetings?|summit|dialogue"
    r"|consultations|contacts|engagement|conversation|accord|resolution|breakthrough|progress"
    r"|headway|deal|agreement|consensus|compromise|understanding"
    r"|information|signals|details|views|ideas|proposals?|documents?|briefings?"
    r"|negotiat(?:e|es|ed|ing)|talk(?:ed|ing)?|confer(?:s|red|ring)?)"  # "negotiating on Ukraine"
    r"\s+(?:on|about|over)\s+(?:the\s+)?"
    r"|\bdiscuss(?:es|ed|ing)?\s+(?:the\s+)?"
    r"|\bpeace(?:ful)?\s+(?:plan|deal|process|settlement|efforts?|proposals?|framework|initiative)"
    r"\s+(?:for|on|in)\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
# "a resolution of the Russia-Ukraine war", "talks on the Ukraine conflict", "settle the
# Ukrainian conflict": a state naming the conflict that is the topic is no party to the act
# ("Russia's war" keeps Russia: a possessive is no topic). _CONFLICT_AFTER follows the
# mention (a hyphenated partner may come between), _TOPIC_BEFORE precedes it.
_CONFLICT_AFTER = re.compile(
    r"(?:-[A-Z][\w.]*)?\s+(?:[Ww]ar|[Cc]onflict|[Cc]risis|[Pp]eace\s+[Pp]rocess|[Ss]ettlement)\b"
)
# "since the start of the over three-and-a-half-year Ukraine war": one country's name after
# an article and modifiers, before the war, names the war (not as the subject: "The Ukraine
# war has killed thousands" keeps it)
_CONFLICT_NAMED = re.compile(  # (or after a verb that ends it: "on ending Ukraine war")
    r"\b(?:(?:the|an?)\s+(?:[a-z0-9-]+\s+){0,4}|(?:end|ending|ends|resolv(?:e|ing)|stop(?:ping)?)\s+)$"
)
_WAGED = re.compile(r"\s+(?:war|conflict)\s+(?:in|on|against|with)\b", re.IGNORECASE)
_TOPIC_BEFORE = re.compile(
    r"\b(?:of|on|over|about|regarding|for|to|in|end|ending|ended|settle|settling|resolve|resolving|"
    r"discuss|discussing|discussed)\s+the\s+(?:[\w.]+-)?$",
    re.IGNORECASE,
)
# "agreed to continue dialogue on all issues, including Ukraine": one of the topics
_ISSUES_INCLUDING = re.compile(
    r"\b(?:issues|topics|matters|questions|subjects|areas)\b[^.;]{0,30}?\s+including\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_LIST_GAP = re.compile(r"^\s*(?:,|and|or|,\s*and)\s*$")
# A state's adjective before a settlement noun names a place, like a capital ("met in the
# Turkish city of Istanbul", "flew to the Belarusian capital")
_SETTLEMENT = re.compile(r"\s+(?:city|capital|town|village|port|resort|seaside\s+resort)\b")
_NAMED_SETTLEMENT = re.compile(r"\s+(?:city|capital|town|port|resort)(?:\s+of)?\s+$")
# A place named as a meeting's venue is no party ("with Budapest, the Hungarian capital,
# mentioned as a potential venue")
_VENUE_AFTER = re.compile(r"[^.;]{0,40}?\bas\s+(?:a|the)\s+(?:\w+\s+)?(?:venue|host city)\b")
# ... unless the war is waged on it: a war verb right before the topic's "the ... war in"
_WAGING = re.compile(
    r"\b(?:wag(?:e|es|ed|ing)|launch(?:es|ed|ing)?|start(?:s|ed|ing)?|escalat(?:e|es|ed|ing)"
    r"|fight(?:s|ing)?|fought|press(?:es|ed|ing)?|prosecut(?:e|es|ed|ing)|unleash(?:es|ed|ing)?)"
    r"\s+(?:the|a|an|its|their)\s+(?:[\w-]+\s+)?(?:war|conflict)\s+in\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A _TOPIC or _VENUE match spans at most this many words ("the long war in the"): it starts in
# one of the last ones, so the search skips the words before them.
_TOPIC_WORDS = 5
# Both in one search: a topic match starts before the venue match in the same text (its
# words precede the same "in"), so a topic is found whenever there is one.
_TOPIC_OR_VENUE = re.compile(
    rf"(?P<topic>{_TOPIC.pattern})|(?P<venue>{_VENUE.pattern})", re.IGNORECASE
)

# Every match of _TOPIC_OR_VENUE ends with one of these words, whitespace and an optional
# "the" and whitespace.
_PLACE_WORDS = ("in", "at", "over", "for", "on", "about", "around", "surrounding", "with",
                "discuss", "discussed", "discussing", "discusses")  # fmt: skip


def _may_be_topic_or_venue(before: str) -> bool:
    """False when _TOPIC_OR_VENUE cannot match ``before`` (cheap): it ends with neither
    "<place word> " nor "<place word> the/both ", nor "<travel verb> to (the) "."""
    if not before[-1:].isspace():
        return False
    words = before.rsplit(None, 3)
    k = len(words) - 1
    if k >= 0 and words[k].lower() in ("the", "both"):
        k -= 1
    last = words[k].lower() if k >= 0 else ""
    if last == "to":  # "will travel to Budapest"
        return k > 0 and words[k - 1].lower().startswith(TRAVEL)
    return last.endswith(_PLACE_WORDS)


def _last_words_start(before: str, count: int) -> int:
    """An offset in ``before`` at or before the start of its last ``count`` words."""
    parts = before.rsplit(None, count)
    return len(parts[0]) if len(parts) > count else 0


def drop_venues_and_topics(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions minus topics and third-party venues (see the patterns above).

    A venue is dropped when the sentence names at least two other states (a third place:
    "Rubio and Lavrov held talks in Riyadh") or no state except venues ("snow in Minsk and
    Washington"); with one other state the venue is kept, since it is usually the host
    ("Putin and Kim signed a pact in Pyongyang"). A place named "as a venue" is one.
    """
    roles: list[int] = []  # _AS_PARTY, _AS_VENUE or _AS_SEAT, one per kept mention
    keep: list[Mention] = []
    venue_end = -1
    conflict = _names_a_conflict(text)
    named_venue = "venue" in text or "host city" in text  # "X, mentioned as a potential venue"
    for m in mentions:
        kind = m.kind
        if named_venue and kind != "leader" and _VENUE_AFTER.match(text, m.end):
            role = _AS_VENUE
        elif (
            kind == "capital"
            or kind == "country"
            or (kind == "demonym" and (conflict or _SETTLEMENT.match(text, m.end)))
        ):  # ("in the Turkish city of Istanbul": a place named by its state's adjective)
            role = _role(text, m, conflict)
        else:
            role = _AS_PARTY  # (a person, an institution: no place, no topic)
        if role is None:
            continue  # a topic, or where something was said
        if (
            role == _AS_PARTY
            and venue_end >= 0
            and m.kind == "capital"
            and (
                (
                    _LIST_GAP.match(text[venue_end : m.start])  # "in Minsk and Kyiv"
                    and not _closed_opener(text, venue_end, m)  # (not "In Riyadh, Moscow and
                )  # ... agreed")
                or _NAMED_SETTLEMENT.match(text[venue_end : m.start])  # "the Hungarian capital
            )  # Budapest"
        ):
            role = _AS_VENUE
        if role == _AS_VENUE and _NAMED_GATHERING.search(text, max(0, m.start - 60), m.start):
            continue  # "the European Political Community summit in Budapest": no host
        if role == _AS_VENUE:
            venue_end = m.end
        keep.append(m)
        roles.append(role)
    if not any(roles):
        return keep
    return _without_third_places(keep, roles)


# a gathering with a name of its own: its venue is a place, never a host-party
_NAMED_GATHERING = re.compile(
    r"(?:[A-Z][\w.'’-]*\s+){1,4}(?:[Ss]ummit|[Cc]onference|[Ff]orum)\s+(?:in|at)\s+(?:the\s+)?$"
)


# A sentence that opens with its venue and a comma ("In Riyadh, "); a list of places
# closed by a comma after it ("In Minsk, Kyiv and Vilnius, protesters ...")
_OPENING_VENUE = re.compile(r"\s*(?:In|At)\s+(?:the\s+)?[A-Z][\w.'’ -]*,\s*$")
_LIST_CLOSED = re.compile(
    r"(?:\s*,\s*[A-Z][\w.'’-]*)*\s*,?\s+(?:and|or)\s+(?:the\s+)?[A-Z][\w.'’-]*,"
)


def _closed_opener(text: str, venue_end: int, m: Mention) -> bool:
    """Does the comma after a venue that opens the sentence close its phrase, so that the
    capital after it is a subject ("In Riyadh, Moscow and Washington agreed")?"""
    return (
        text[venue_end : m.start].strip() == ","
        and _OPENING_VENUE.fullmatch(text, 0, m.start) is not None
        and _LIST_CLOSED.match(text, m.end) is None
    )


def _names_a_conflict(text: str) -> bool:
    """Can _CONFLICT_AFTER match anywhere in ``text`` (cheap substring tests)?"""
    return (
        "war" in text
        or "War" in text
        or "onflict" in text
        or "risis" in text
        or "eace" in text
        or "ettlement" in text
    )


# A country's name right before peace talks, a settlement or a ceasefire is their topic ("to
# support Ukraine peace talks", "a Ukraine settlement"), unless it is joined to another party
# ("Russia-Ukraine peace talks")
_PEACE_TOPIC = re.compile(
    r"\s+(?:peace\s+(?:talks|negotiations|process|summit)|settlement|ceasefire|truce)\b", re.I
)
# (not "US peace efforts / plan / push": those are the named state's own)
_JOINED = re.compile(r"(?:-|\band\s+|&\s*)$")
# A capital used as the name of a meeting or accord held there ("the Riyadh talks", "the
# two-day Istanbul talks", "the Minsk agreements"), after a determiner or a possessive
_NAMED_EVENT = re.compile(
    r"\s+(?:peace\s+)?(?:talks|summit|meeting|negotiations|format|process|conference|"
    r"accords?|agreements?|declaration)\b",
    re.IGNORECASE,
)
_EVENT_OPENER = re.compile(
    r"(?:^|\s)(?:the|a|this|that|these|last|latest|recent|planned|upcoming|next|first|"
    r"second|[\w-]+'s)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


def _role(text: str, m: Mention, conflict: bool) -> int | None:
    """A mention's role by the words before it: _AS_PARTY, _AS_VENUE, _AS_SEAT, or None
    for a topic ("the war in Ukraine") or where something was said ("told reporters in
    Vilnius"); ``conflict``: the sentence may name a conflict (``_names_a_conflict``)."""
    if (
        conflict
        and m.kind in ("country", "demonym")
        and _CONFLICT_AFTER.match(text, m.end)
        and (
            _TOPIC_BEFORE.search(text, max(0, m.start - 30), m.start)
            or (
                m.kind == "country"
                and not text.startswith(("-", "–"), m.end)  # ("the Russia-Ukraine war": both)
                and not _WAGED.match(text, m.end)  # ("the U.S. war in Afghanistan": its own)
                and _CONFLICT_NAMED.search(text, max(0, m.start - 60), m.start)
            )
        )
    ):
        return None  # "a durable resolution of the Russia-Ukraine war": the topic
    if m.kind not in ("capital", "country") and not _SETTLEMENT.match(text, m.end):
        return _AS_PARTY
    if (
        m.kind == "country"
        and _PEACE_TOPIC.match(text, m.end)
        and not _JOINED.search(text, max(0, m.start - 5), m.start)
    ):
        return None  # "support Ukraine peace talks": talks on Ukraine, a topic
    before = text[max(0, m.start - 60) : m.start]
    if m.kind == "capital" and _NAMED_EVENT.match(text, m.end) and _EVENT_OPENER.search(before):
        return None  # "the Riyadh talks", "the Minsk agreements": a name, no party
    if "including" in before and _ISSUES_INCLUDING.search(before):
        return None
    found = (
        _TOPIC_OR_VENUE.search(before, _last_words_start(before, _TOPIC_WORDS))
        if _may_be_topic_or_venue(before)
        else None
    )
    if found is None:  # a route: "a jet traveling from Greece to Lithuania"; a city's
        if before.endswith(", ") and _CITY_BEFORE.search(before):  # country: "in Geneva, "
            return _AS_VENUE
        return _AS_VENUE if _may_be_route(before) and _ROUTE.search(before) else _AS_PARTY
    if found.lastgroup == "topic" and _WAGING.search(before, max(0, found.start() - 20)):
        return _AS_PARTY  # "Russia has waged the full-scale war in Ukraine": the target
    if found.lastgroup == "topic" or _SPEECH_VENUE.search(before):
        return None
    if ROLE_IN.search(before) and GERUND_NEXT.match(text, m.end):
        return _AS_PARTY  # "Washington's role in Kiev agreeing to resume negotiations"
    if _MISSION_IN.search(before) and _SEAT_SPEAKS.match(text, m.end):  # "the U.S. Embassy
        return _AS_SEAT  # in Vilnius said Belarus freed ...": where the speaker sits
    kept = _kept_as_party(before)
    if m.kind != "country":  # a capital, or a state's adjective before "city"
        return _AS_PARTY if kept else _AS_VENUE
    return _AS_VENUE if _MEETING_VENUE.search(before) and not kept else _AS_PARTY


def _kept_as_party(before: str) -> bool:
    """Is a place after "in"/"at" a party after all: the target of force, or the seat of a
    mission, a force or an authority of its own (see _FORCE_KEEP and _SEAT_IN)?"""
    if _FORCE_KEEP.search(before[-VENUE_KEEP_REACH - 6 :]):
        return True
    seat = _SEAT_IN.search(before)
    if seat is None:
        return False
    return seat.group("mission") is not None or not _OWNED_SEAT.search(before)


def _may_be_route(before: str) -> bool:
    """False when _ROUTE cannot match ``before`` (cheap): it holds no travel word."""
    return (
        "fl" in before
        or "travel" in before
        or "route" in before
        or "bound" in before
        or "journey" in before
    )


_AS_PARTY, _AS_VENUE, _AS_SEAT = 0, 1, 2  # a mention's role in drop_venues_and_topics


def _without_third_places(mentions: list[Mention], roles: list[int]) -> list[Mention]:
    """Drop venues when two other states are parties (a third place), and the seat of a
    speaking mission when its state is named otherwise or two other states are parties."""
    parties = {m.code for m, role in zip(mentions, roles, strict=True) if role == _AS_PARTY}
    return [
        m
        for m, role in zip(mentions, roles, strict=True)
        if role == _AS_PARTY
        or (role == _AS_VENUE and parties and len(parties - {m.code}) < 2)
        or (role == _AS_SEAT and m.code not in parties and len(parties - {m.code}) < 2)
    ]
