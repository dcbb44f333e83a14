"""The actor groups of one clause for dyad attribution (``tracker/coding/dyads.py``, rule
3): consecutive mentions of one state merge into one actor, actors joined by and/or/hyphen
form a coordinated group, each group remembers the linking word before it; and the
evidence a sentence gives for each pair (``Links``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from tracker.coding.relation_words import RelationWords
from tracker.models import Mention, make_pair

_COORD_GAP = re.compile(
    r"^(?:'s|')?\s*(?:,\s*(?:the\s+)?(?:European\s+Union|EU|E\.U\.)\s*)?"  # (in a list)
    r"(?:,\s*)?(?P<conj>and|or|&|as well as|along with|together with|nor|plus|/|-|–)?"
    r"\s*(?:(?:the|its|his|her|their)\s+)?$",
    re.IGNORECASE,
)
_HYPHEN_GAP = re.compile(r"^(?:'s)?[-–/]$")
# "a dual German-Russian citizen": one person's two nationalities, no relation between them
_NATIONALS = re.compile(
    r"\s+(?:citizens?|nationals?|businessm[ae]n|businesswom[ae]n|residents?|dual)\b"
)
_TO_VERB = re.compile(r"\bto\s+[a-z]+\s*(?:(?:the|its|his|her|their)\s+)?$", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z.'-]*")
_PREP_REACH = 30  # characters before an actor where the linking word is looked for first


# --- per-clause analysis ------------------------------------------------------------------


@dataclass(slots=True)
class Actor:
    code: str
    start: int
    end: int


@dataclass(slots=True)
class Group:
    actors: list[Actor]
    codes: list[str]  # the members' states, in order, once each
    prep: str = ""  # the linking word right before the group ("" when none)
    gap: str = ""  # the text between the previous group (or clause start) and this one
    hyphen: bool = False
    between: bool = False
    nationals: bool = False  # a hyphenated compound of one person's nationalities
    opens: bool = False  # after a conjunction, the subject of the clause it opens

    @classmethod
    def of(cls, actor: Actor, prep: str = "", gap: str = "") -> Group:
        return cls([actor], [actor.code], prep, gap, False, prep == "between")

    def add(self, actor: Actor) -> None:
        self.actors.append(actor)
        if actor.code not in self.codes:
            self.codes.append(actor.code)

    @property
    def start(self) -> int:
        return self.actors[0].start

    @property
    def end(self) -> int:
        return self.actors[-1].end


@dataclass(slots=True)
class Links:
    """Dyad evidence for one sentence: pair -> set of (source, target) or markers."""

    evidence: dict[tuple[str, str], set[tuple[str | None, str | None]]] = field(
        default_factory=dict
    )
    strong_mutual: set[tuple[str, str]] = field(default_factory=set)
    subject: str | None = None
    wrapper: Any = None  # the sentence's reported-speech wrapper (reported_speech.Wrapper)

    def add(self, source: str, target: str, directed: bool = True, strong: bool = False) -> None:
        if source == target:
            return
        pair = make_pair(source, target)
        entry = self.evidence.setdefault(pair, set())
        entry.add((source, target) if directed else (None, None))
        if strong:
            self.strong_mutual.add(pair)

    def resolve(self) -> list[tuple[tuple[str, str], str | None, str | None]]:
        out = []
        for pair, entries in self.evidence.items():
            directions = entries - {(None, None)}  # (the marker of an undirected link)
            if pair in self.strong_mutual or len(directions) != 1:
                out.append((pair, None, None))
            else:
                ((source, target),) = directions
                out.append((pair, source, target))
        return out


def _before_determiners(tokens: list[str], words: RelationWords) -> int:
    """How many tokens are left once trailing determiners are skipped."""
    n = len(tokens)
    while n and tokens[n - 1].lower() in words.determiner:
        n -= 1
    return n


# The heads of the parties between "between" and their states: "the conversation between the
# Presidents of Russia and the United States" is between Russia and the United States
PARTY_HEADS = (
    r"(?:(?:[a-z]+\s+)?(?:presidents|leaders|heads|ministers|delegations|representatives|"
    r"governments|officials|envoys|negotiators)\s+of\s+(?:the\s+)?)"
)
_BETWEEN_HEADS = re.compile(rf"\bbetween\s+(?:the\s+)?{PARTY_HEADS}$", re.IGNORECASE)


# ("expelled 24 diplomats from the Belarusian government": Belarus's, not the expeller's
# source; not "the ministers of Germany and Poland hailed the release": co-agents)
_DELEGATES = frozenset(
    {"delegations", "delegation", "negotiators", "teams", "envoys", "diplomats", "officials",
     "representatives"}
)  # fmt: skip
_SEATS = frozenset(
    {"officials", "authorities", "government", "leadership", "regime", "sources", "diplomats",
     "police", "prosecutors", "court", "courts", "ministry", "ministries"}
)  # fmt: skip


def prep_before(gap: str, words: RelationWords) -> str:
    """The preposition (or 'to <verb>' marker) that introduces the next actor, if any; not
    one before a comma ("In 2022, Russia invaded": Russia is no place)."""
    comma = gap.rfind(",")
    if comma >= 0:
        gap = gap[comma + 1 :]
    # Only the last two words before any determiners count: read the gap's tail first (a
    # word never spans the space cut at), all of it when the tail holds fewer.
    cut = gap.rfind(" ", 0, max(0, len(gap) - _PREP_REACH))
    tokens = _WORD.findall(gap, cut) if cut > 0 else _WORD.findall(gap)
    n = _before_determiners(tokens, words)  # tokens[:n] are left once they are skipped
    if n < 2 and cut > 0:
        tokens = _WORD.findall(gap)
        n = _before_determiners(tokens, words)
    if not n:
        return ""
    if "etween" in gap and _BETWEEN_HEADS.search(gap):
        return "between"
    last = tokens[n - 1].lower()
    if last in ("in", "at") and n >= 2 and tokens[n - 2].lower() in _SEATS:
        return ""  # "The authorities in Minsk accused Poland": whose authorities, no place
    if last in ("from", "of") and n >= 2 and tokens[n - 2].lower() in _DELEGATES:
        return ""  # "Delegations from Russia, Ukraine and the US met": they, no list
    if last in words.prepositions:
        return last
    if n >= 2 and tokens[n - 2].lower() == "to" and _TO_VERB.search(gap):
        return "to-verb"
    return ""


# A second verb phrase of the clause's subject: "and promised", "and then imposed", "and met"
COORDINATED_VERB = re.compile(  # (not adjectives: "Russia's unprovoked and unjustified attack")
    r"(?<![a-z]ed)\s+and\s+(?:\w+ly\s+|then\s+|also\s+)?(?:(?:has|have|had)\s+(?:also\s+)?)?"
    r"(?:\w+ed|met|sent|held|gave|made|took|struck|spoke)\b"
)


# "Trump's envoy, Steve Witkoff, will visit", "Witkoff, Trump's special envoy, met": a person
# and the one whose envoy he is are one actor (the same state), commas and all
_ROLE = (
    r"(?:envoy|representative|adviser|advisor|aide|spokes(?:man|woman|person)|minister|"
    r"secretary|ambassador|negotiator|emissary|counterpart|son-in-law|official|chief)"
)
_ROLE_BEFORE = re.compile(rf"['’]s\s+(?:[\w-]+\s+){{0,3}}?{_ROLE},\s+$")  # "'s envoy, "
_ROLE_AFTER = re.compile(  # (after ", Trump"; ", US President Donald Trump's Special Envoy for
    rf"(?:\s+[A-Z][\w.-]*){{0,3}}['’]s\s+(?:[\w-]+\s+){{0,3}}?(?i:{_ROLE})"  # Ukraine,")
    r"(?:\s+(?:for|to|on)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?,"
)


def _apposition(text: str, between: str, end: int) -> bool:
    """Is ``between`` (with a comma) the role noun of an apposition joining two mentions of
    one state, the second ending at ``end``?"""
    return bool(_ROLE_BEFORE.match(between)) or (
        between.strip() == "," and _ROLE_AFTER.match(text, end) is not None
    )


def _near(between: str) -> bool:
    """Are two mentions of one state one actor (a title between them: "U.S. Deputy Secretary
    of State Christopher Landau"; a source: "Belarus' news agency said Lukashenko"), not two
    ("American officers mark the warming of relations between Washington and Belarus": the
    second is a party of "between")?"""
    return " between " not in between


def clause_groups(
    text: str, mentions: list[Mention], start: int, words: RelationWords
) -> list[Group]:
    actors: list[Actor] = []
    for m in mentions:
        if (
            actors
            and actors[-1].code == m.code
            and (
                ("," not in (between := text[actors[-1].end : m.start]) and _near(between))
                or _apposition(text, between, m.end)
            )
            and not COORDINATED_VERB.search(between)  # "Ukraine and promised aid to Kyiv"
        ):
            actors[-1].end = m.end
        else:
            actors.append(Actor(m.code, m.start, m.end))
    groups: list[Group] = []
    pos = start
    provisional = False
    for actor in actors:
        gap = text[pos : actor.start]
        coord = _COORD_GAP.match(gap) if groups else None
        if coord and groups[-1].codes != [actor.code]:
            group = groups[-1]
            group.add(actor)
            if _HYPHEN_GAP.match(gap.strip()):
                group.hyphen = True
                group.nationals = bool(_NATIONALS.match(text, actor.end))
            if coord.group("conj") is None:  # a bare comma: provisional
                group.gap += "\0"
                provisional = True
        else:
            groups.append(Group.of(actor, prep_before(gap, words), gap))
        pos = actor.end
    for group in groups:
        if group.prep in _CONJUNCTIONS:
            _conjunction_subject(text, group)
    if not provisional and "\0" not in text:
        return groups  # (no marker to act on or remove)
    # A comma-only list ("In Moscow, Putin ...") is not coordination: split it back up.
    out: list[Group] = []
    for g in groups:
        if "\0" in g.gap and len(g.actors) == 2:
            first, second = g.actors
            out.append(Group([first], [first.code], prep=g.prep, gap=g.gap.replace("\0", "")))
            out.append(Group.of(second, gap=text[first.end : second.start]))
        else:
            g.gap = g.gap.replace("\0", "")
            out.append(g)
    return out


# "..., after Russia and Belarus began joint drills": a word opening the clause before its
# subject and verb is a conjunction, not a preposition making the subject a circumstance
_CONJUNCTIONS = frozenset({"after", "before", "since", "until"})
_SUBJECT_VERB = re.compile(
    r"(?:\s+\([^()]{1,40}\))?"  # "after the United Arab Emirates (UAE) acted"
    r"\s+(?:(?:has|have|had|was|were|is|are|will|would|also|then|\w+ly)\s+)*"
    r"(?:\w+ed|began|met|held|sent|struck|shot|fought|spoke|sought|made|took|gave|hit|won)\b",
    re.IGNORECASE,
)


def _conjunction_subject(text: str, group: Group) -> None:
    """A group after a conjunction and before a verb is the subject of the clause it opens:
    its "after" is no preposition. Before, "Poland closed its border with Belarus, after
    Russia and Belarus began joint drills" had no Russia-Belarus pair (a circumstance)."""
    if _SUBJECT_VERB.match(text, group.actors[-1].end):
        group.prep, group.opens = "", True


def conjunction_parts(
    groups: list[Group], start: int, end: int
) -> list[tuple[int, int, list[Group]]]:
    """The clause's groups split where a conjunction opens a clause of its own inside it
    ("The planned summit was called off after Lavrov and Rubio failed to agree"), each part
    with its span; one part when there is no such group after the first."""
    cuts = [k for k, g in enumerate(groups) if k and g.opens]
    if not cuts:
        return [(start, end, groups)] if groups else []
    bounds = [0, *cuts, len(groups)]
    spans = [start, *(groups[k].start for k in cuts), end]
    return [
        (spans[j], spans[j + 1], groups[bounds[j] : bounds[j + 1]]) for j in range(len(cuts) + 1)
    ]


# The head noun of a clause's first words, then "of"/"from" and the state: the subject's own
# state ("The president of Belarus", "Druze inhabitants of the Syrian Golan Heights", "An
# envoy from Minsk"): a few words, none a verb form
_NOT_VERB = (  # a word that is no verb form ("meeting" the noun: "The meeting of Trump and")
    r"(?!(?:is|are|was|were|has|have|had|said|says|will|would)\b)[A-Za-z'’.-]+(?<!ed)"
    r"(?:(?<!ing)|(?<=meeting))\s+"
)
_OWN_STATE_OF = re.compile(
    rf"^\s*(?:{_NOT_VERB}){{0,4}}"
    # "from" only after people: "A delegation from Minsk", not "The flight from Seoul"
    rf"(?:{_NOT_VERB}of|(?:delegations?|envoys?|officials?|diplomats?|ministers?|leaders?|"
    r"negotiators|representatives|lawmakers)\s+from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def subject_index(groups: list[Group]) -> int | None:
    """Rule 4 of tracker.coding.dyads: the subject is the first group without a preposition,
    or a first group after "of"/"from" behind a verbless head ("The president of Belarus
    met Putin": the subject's own state); None when no group qualifies."""
    if groups[0].prep in ("of", "from") and _OWN_STATE_OF.match(groups[0].gap):
        return 0
    return next((i for i, g in enumerate(groups) if not g.prep), None)


LIST_SIZE = 3  # a comma list of this many states is an enumeration, not an interaction
_BOTH = re.compile(
    r"^\s*(?:both|each|all|alike|respectively"
    # "Russia and Saudi Arabia are among the world's largest exporters": a comparison
    r"|(?:are|were|remain|rank)\s+(?:among|both|each|major|leading|home\s+to"
    r"|the\s+(?:world|largest|biggest|top|two\s+largest)))\b",
    re.IGNORECASE,
)


def co_occurrence(text: str, group: Group, start: int, end: int) -> bool:
    """A lone group that lists states side by side: three or more after a preposition,
    members followed by "both/each/all" ("Belarus and the United States both reported ..."),
    or a verbless clause that ends the sentence ("... two NATO members - Turkey and Hungary.")."""
    if len(group.codes) < 2:
        return False
    if len(group.codes) >= LIST_SIZE and group.prep and group.prep != "between":
        return True  # a list after a preposition: "the economies of Russia, Belarus and ..."
    if start and not text[start : group.start].strip(_BARE) and not text[group.end :].strip(_BARE):
        return True  # (not a first clause, "Russia and Ukraine: talks resume", nor an aside)
    return bool(_BOTH.match(text[group.end : end]))


_BARE = " -\u2013\u2014,;:.()\"'"  # what a verbless clause holds besides its one group


PLACE_PREPS = frozenset({"in", "inside", "within", "near", "at", "despite"})  # (a circumstance)
# A coordinated subject's own verb phrase up to a comma ("Russia and Belarus began joint
# drills on Friday, prompting Poland to ..."): the members act together (a partner dyad);
# the state after the comma reacts to them.
_OWN_PHRASE = re.compile(r"^\s+[a-z][^,]*,")


def partners(rest: list[Group]) -> bool:
    """Do the members of a coordinated subject act together: with no object but places
    ("Russia and Belarus held drills near the Polish border"), or with the object after a
    comma that ends their own verb phrase (", prompting Poland to ...", "..., a move
    condemned by Poland": the agent of the participle is left out of ``rest``)?"""
    k = next((j for j, g in enumerate(rest) if g.prep not in PLACE_PREPS), None)
    return k is None or bool(_OWN_PHRASE.match(" ".join(g.gap for g in rest[: k + 1])))
