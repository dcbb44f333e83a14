"""Dyad attribution: which pairs of states a sentence actually describes, and who acts on whom.

Co-occurrence is not interaction (GDELT's fault). Without a parser (speed: no spaCy), a
sentence is read with shallow, documented rules over the actor mentions and the words between
them (word lists in ``tracker/data/en/relation_words.txt``, read by
``tracker/relation_words.py``):

1. **Reported speech.** A trailing wrapper (", the Kremlin said", ", according to Minsk") or a
   leading "According to X," is cut off; its actors are *speakers*. If the rest of the sentence
   yields a dyad, the speaker adds nothing (it only reports it). If the rest names exactly one
   other state and no dyad, the speaker is the source: "Ukraine shelled the city, Russia said"
   is RUS -> UKR (a statement about Ukraine).
2. **Clauses** (``tracker/clauses.py``). The rest is split at ";", ":", dashes and at
   ", which / while / but / whereas / although / though / as / after / before / when /
   because / since / so / yet" and a bare "while/whereas". Actors in different clauses are
   never paired: "Russia's economy grew while the U.S. market fell" has no dyad. An aside
   (", who has ruled Belarus since 1994,") is a clause of its own with the actor it
   describes; a description (", the deputy chairman of Russia's Security Council,") is out.
3. **Actors.** Within a clause, consecutive mentions of the same state merge into one actor
   ("Russian President Vladimir Putin" is one RUS actor). Actors joined by "and", "or", "&",
   "as well as", "along with", "/" or a hyphen ("Russia-Ukraine war") form a *coordinated
   group*; a comma list counts only when it ends in "and"/"or".
4. **Subject and object.** The subject group is the first group not introduced by a
   preposition (or, behind a verbless head, after "of": "The president of Belarus met
   Putin"); the object is the next group. Direction is subject -> object ("Trump praised
   Lukashenko" USA -> BLR; "Belarus released prisoners to the US" BLR -> USA). A meeting or
   call keeps this direction: the subject is reported as the initiator ("Trump held a call with
   Lukashenko" USA -> BLR). Reversed when the object is introduced by "from" ("bought gas from
   Russia") or is the agent of a passive ("was sanctioned by the United States").
   A coordinated subject group with no object is a **mutual** dyad ("Russia and the United
   States agreed", "Washington and Moscow"); with an object, each member acts on it and the
   members are not paired with each other. A hyphenated compound is always mutual (not one
   person's nationalities: "a dual German-Russian citizen" pairs no one), and so
   is a coordinated group that is the clause's only group ("signed by Russia and Ukraine"),
   unless it is a co-occurrence list: three or more states after a preposition ("compares
   the economies of Russia, Belarus and the United States"), states followed by
   "both/each/all" ("Belarus and the United States both reported record heat") or by a
   comparison ("Russia and Saudi Arabia are among the largest exporters"), or a group
   introduced by a place preposition ("meteorologists in the United States and Canada").
5. **Later actors** attach to the nearest preceding group only through a linking word:
   "with"/"between" mutual ("peace talks with Putin"), "against/on/to/at/over/for..." directed
   nearest -> later ("sanctions against Russia"), "from" later -> nearest, "to <verb>" makes the
   nearest the source ("urged China to pressure Russia"). Anything else is co-occurrence and
   yields nothing, so "Trump urged Ukraine to consider concessions in peace talks with Putin"
   is USA -> UKR and UKR-RUS, never USA-RUS. "between X and Y" is always mutual X-Y.
   Actors introduced by a preposition before the subject ("In talks with Putin, Trump...")
   attach to the subject the same way.
6. **Passive** ("Sanctions were imposed on Belarus by the United States"): a group introduced
   by "by" in a clause with a passive auxiliary is the source; the subject (or, without one,
   the other groups) are targets: USA -> BLR.
7. **One dyad per pair per sentence.** Conflicting evidence resolves as: "between"/hyphen
   mutual > a single direction > mutual; opposite directions become mutual.
8. **Coreference.** A sentence with no dyad and at most one state may inherit a dyad from a
   recent sentence ("The two leaders also discussed trade", "He also praised Lukashenko"):
   see ``tracker/coreference.py``.
9. **Not politics.** A sentence with sport or weather context (``[non_political]`` words:
   "World Cup", "medal table", "heat wave"...) names states side by side, not interacting:
   no dyad, and the next sentence does not inherit from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tracker.coding.clauses import (
    aside_spans,
    clause_spans,
    description_spans,
    without_asides,
)
from tracker.coding.coreference import (
    COREF_LOOKBACK,
    NOTHING,
    SentenceDyads,
    event_dyad,
    find_antecedents,
    inherit_dyads,
    inherited_through_cue,
    looking_back,
    pronoun_openers,
    with_person,
)
from tracker.coding.dyad_groups import (
    COORDINATED_VERB,
    LIST_SIZE,
    PLACE_PREPS,
    Group,
    Links,
    clause_groups,
    co_occurrence,
    conjunction_parts,
    partners,
    prep_before,
    subject_index,
)
from tracker.coding.dyad_links import (
    attach_how,
    link,
    lone_state,
    side_by_side,
    without_signing_venues,
)
from tracker.coding.passive import REDUCED_RELATIVE_BY
from tracker.coding.relation_words import PASSIVE, RelationWords, relation_words
from tracker.coding.reported_speech import speech_wrapper
from tracker.models import Dyad, Mention, Sentence

__all__ = ["COREF_LOOKBACK", "LIST_SIZE", "RelationWords", "attribute_dyads", "relation_words"]


def _analyse_clause(
    text: str, start: int, end: int, mentions: list[Mention], links: Links, words: RelationWords
) -> None:
    if len(mentions) == 1:  # one actor in one group: no need to build them
        prep = prep_before(text[start : mentions[0].start], words)
        lone_state(links, mentions[0].code, prep, text[start:end], words)
        return
    groups = clause_groups(text, mentions, start, words)
    for part_start, part_end, part in conjunction_parts(groups, start, end):
        _analyse_groups(text, part_start, part_end, part, links, words)


def _analyse_groups(
    text: str, start: int, end: int, groups: list[Group], links: Links, words: RelationWords
) -> None:
    """Rules 3-6 on the actor groups of one clause (or of the part a conjunction opens)."""
    if len(groups) == 1 and len(groups[0].codes) == 1:
        lone_state(links, groups[0].codes[0], groups[0].prep, text[start:end], words)
        return
    # Only a group introduced by "by" reads the passive test (the agent of a passive).
    passive = any(g.prep == "by" for g in groups) and bool(PASSIVE.search(text[start:end]))
    for g in groups:  # (not "German-Russian businessman": one person's nationalities)
        if g.between or (g.hyphen and not g.nationals):
            for i, a in enumerate(g.codes):
                for b in g.codes[i + 1 :]:
                    links.add(a, b, directed=False, strong=True)
    if len(groups) == 1 and (
        co_occurrence(text, groups[0], start, end) or side_by_side(text, groups[0], words)
    ):
        return  # "compares the economies of Russia, Belarus and the US"; "X and Y both ..."
    if len(groups) == 1 and groups[0].prep in words.locative and subject_index(groups) is None:
        return  # a place, not parties: "meteorologists in the United States and Canada"
    if len(groups) == 1 and not _co_parties(groups[0], words):
        _mutual_within(links, groups[0])  # a lone coordinated group ("signed by X and Y")
    _link_subject_and_objects(groups, links, words, passive)


def _co_parties(group: Group, words: RelationWords) -> bool:
    """Is ``group`` introduced by a directed or reverse preposition, so that its members are
    co-targets or co-origins, not partners ("sanctions on Russia and Belarus", "observers
    from Turkey and Hungary")? Not an aside on the subject's origins ("The two leaders, from
    Washington and Moscow, talked")."""
    if group.prep == "from" and group.gap.rstrip().endswith(", from"):
        return False
    return group.prep in words.directed or group.prep in words.reverse


def _mutual_within(links: Links, group: Group) -> None:
    """Each two members of a coordinated group, mutual (not one person's nationalities)."""
    codes = [] if group.nationals else group.codes
    for i, a in enumerate(codes):
        for b in codes[i + 1 :]:
            links.add(a, b, directed=False)


def _link_subject_and_objects(
    groups: list[Group], links: Links, words: RelationWords, passive: bool
) -> None:
    """Rules 4-6: the subject (first group without a preposition) acts on the object and
    anchors later prepositional groups; with no subject, a passive's agent acts on the
    rest, else the first group anchors them."""
    subject_i = subject_index(groups)
    if subject_i is None:
        agent = next((g for g in groups if g.prep == "by"), None) if passive else None
        if agent is not None:
            for g in groups:
                if g is not agent and g.prep not in words.locative:
                    link(links, agent, g, "forward")
            return
        subject_i = 0  # no subject: the first group anchors prepositional attachments
        anchor_only = True
    else:
        anchor_only = False
    subject = groups[subject_i]
    if len(subject.codes) == 1 and links.subject is None:
        links.subject = subject.codes[0]
    # Prepositional actors before the subject ("In talks with Putin, Trump ...").
    for g in groups[:subject_i]:
        how = attach_how(g.prep, words, passive)
        if how:
            link(links, subject, g, how)
    rest = _without_participle_agents(groups[subject_i + 1 :], subject, links, anchor_only)
    rest = without_signing_venues(rest, words)
    if not anchor_only and len(subject.codes) > 1 and partners(rest):
        _mutual_within(links, subject)
    if not anchor_only and rest:
        # a place before the object is no object: "The US commander in Iraq held talks with"
        k = next((j for j, g in enumerate(rest) if g.prep not in PLACE_PREPS), 0)
        obj, rest = rest[k], rest[:k] + rest[k + 1 :]
        if obj.prep in words.reverse or (obj.prep == "by" and passive):
            link(links, subject, obj, "reverse")
        elif not (obj.prep in words.locative and obj.between):
            link(links, subject, obj, "forward")
        previous = obj
    else:
        previous = subject
        if (
            len(subject.codes) > 1
            and not rest
            and not (anchor_only and _co_parties(subject, words))
        ):
            _mutual_within(links, subject)
    for g in rest:
        how = attach_how(g.prep, words, passive, g.gap)
        if not anchor_only and COORDINATED_VERB.search(g.gap):
            previous = subject  # "condemned Russia's invasion of Ukraine and promised aid to
        if g.prep == "by" and passive and not anchor_only:  # Kyiv": the subject's object
            link(links, subject, g, "reverse")
        elif how:
            link(links, previous, g, how)
        if g.prep not in PLACE_PREPS:  # a place anchors no later actor
            previous = g


def _without_participle_agents(
    rest: list[Group], subject: Group, links: Links, anchor_only: bool
) -> list[Group]:
    """``rest`` minus the agents of a noun's participle: no object ("prisoners swapped in a
    deal brokered by the UAE"); the subject acts toward them ("condemned the sanctions
    imposed by Washington")."""
    agents = [g for g in rest if " by " in g.gap and REDUCED_RELATIVE_BY.search(g.gap)]
    for g in agents if not anchor_only else ():
        link(links, subject, g, "forward")
    return [g for g in rest if all(g is not a for a in agents)] if agents else rest


def _in_order(mentions: Sequence[Mention]) -> bool:
    """True when every mention has an offset and they are sorted by start (the usual case)."""
    previous = 0
    for m in mentions:
        if m.start < previous:
            return False
        previous = m.start
    return True


def _analyse_sentence(
    text: str, mentions: Sequence[Mention], words: RelationWords, one_state: bool
) -> Links:
    """The dyad evidence of one sentence; ``one_state``: its mentions all name one state."""
    links = Links()
    if not _in_order(mentions):
        mentions = sorted((m for m in mentions if m.start >= 0), key=lambda m: m.start)
        one_state = len({m.code for m in mentions}) <= 1
    if not mentions:
        return links
    lo, hi = 0, len(text)
    speakers: Sequence[str] = ()
    wrapper = None if one_state else speech_wrapper(text, mentions, words)
    links.wrapper = wrapper
    if wrapper is not None:
        lo, hi, speakers = wrapper.lo, wrapper.hi, wrapper.speakers
    body = [m for m in mentions if lo <= m.start and m.end <= hi]
    described = description_spans(text, [(m.start, m.end) for m in body])
    if described:  # "Medvedev, the deputy chairman of Russia's Security Council, said"
        body = [m for m in body if not any(a <= m.start < b for a, b in described)]
        text = without_asides(text, described)
    asides = aside_spans(text, lo, hi)
    if asides:  # each a clause of its own; the clause around it reads on without it
        text, body = _analyse_asides(text, asides, body, links, words)
    clauses = clause_spans(text, lo, hi)
    for c_start, c_end in clauses:
        if len(clauses) == 1:
            in_clause = body  # the clause is the body
        else:
            in_clause = [m for m in body if c_start <= m.start and m.end <= c_end]
        if in_clause:
            _analyse_clause(text, c_start, c_end, in_clause, links, words)
    if speakers and not links.evidence:
        others = list(dict.fromkeys(m.code for m in body if m.code not in speakers))
        addressee = [c for c in speakers if c != speakers[0]]  # ", Lavrov told Rubio"
        if len(others) == 1 or addressee or (others and wrapper.lead):  # type: ignore[union-attr]
            # (a leading speaker whose content pairs no one speaks to its first state: "The
            # White House said the move was taken in solidarity with Britain, which ...")
            links.add(speakers[0], others[0] if len(others) == 1 or not addressee else addressee[0])
            links.subject = links.subject or speakers[0]
    if speakers and (
        links.subject is None or wrapper.lead or text[lo : lo + 1] in ('"', "“")  # type: ignore[union-attr]
    ):  # "Lavrov said Kyiv ...", '"...," Bessent said': the speaker is who "he" is next
        links.subject = speakers[0]
    return links


def _analyse_asides(
    text: str,
    asides: list[tuple[int, int]],
    body: list[Mention],
    links: Links,
    words: RelationWords,
) -> tuple[str, list[Mention]]:
    """Each relative-clause aside as a clause of its own, with the actor it describes (the
    mention before it: "Putin, who met Trump in Alaska, praised ..."); returns the text with
    the asides blanked and the mentions outside them."""
    for a_start, a_end in asides:
        inside = [m for m in body if a_start <= m.start and m.end <= a_end]
        head = [m for m in body if m.end <= a_start][-1:]  # whom "who" describes
        if inside:
            start = head[0].start if head else a_start + 1
            _analyse_clause(text, start, a_end - 1, head + inside, links, words)
    outside = [m for m in body if not any(a <= m.start < b for a, b in asides)]
    return without_asides(text, asides), outside


# --- the public function ------------------------------------------------------------------

_NOTHING = NOTHING  # no dyad, no subject (never modified)


def attribute_dyads(
    sentences: Sequence[Sentence],
    mentions_per_sentence: Sequence[Sequence[Mention]],
    wrappers: dict[int, Any] | None = None,
) -> list[tuple[Dyad, tuple[Mention, ...]]]:
    """The dyads each sentence describes, with direction, and the mentions behind each
    (``mentions_per_sentence[i]`` belongs to ``sentences[i]``; sentence order, each pair at
    most once per sentence; the rules are the module docstring's). ``wrappers`` receives each
    read sentence's speech wrapper, for ``reported_speech.speaker_dyads``."""
    if len(sentences) != len(mentions_per_sentence):
        raise ValueError("one list of mentions per sentence is required")
    results: list[SentenceDyads] = []
    out: list[tuple[Dyad, tuple[Mention, ...]]] = []
    words = relation_words()
    last_antecedent = -COREF_LOOKBACK - 1  # the last sentence with a dyad or a subject
    openers = pronoun_openers(sentences)  # ("He ..." looks back for a person)
    for i, (sentence, mentions) in enumerate(zip(sentences, mentions_per_sentence, strict=True)):
        result = _NOTHING
        # find_antecedent looks back at most COREF_LOOKBACK sentences
        may_inherit = i - last_antecedent <= COREF_LOOKBACK
        if not mentions:  # no state named: at most an inherited dyad, through a cue
            result = inherited_through_cue(sentences, results, i, mentions, i - last_antecedent)
            if result.dyads or result.subject:
                last_antecedent = i
                out.extend(result.dyads)
            results.append(result)
            continue
        if len(mentions) > 1 and words.not_politics(sentence.text):
            # sport or weather: side by side, no interaction
            results.append(_NOTHING)
            continue
        one_state = len(mentions) == 1 or len({m.code for m in mentions}) == 1
        links = _analyse_sentence(sentence.text, mentions, words, one_state)
        if wrappers is not None:
            wrappers[i] = links.wrapper
        dyads = []
        for pair, source, target in links.resolve():
            support = tuple([m for m in mentions if m.code in pair])
            dyads.append((Dyad(pair, sentence.index, source, target), support))
        if dyads or links.subject is not None:
            result = SentenceDyads(dyads, links.subject)
        if may_inherit and dyads:  # naming the last meeting or opening with "He" looks back
            back = looking_back(sentence, mentions, dyads, links.subject)
            result = back(find_antecedents(sentences, results, i)) if back else result
        elif may_inherit and one_state:
            antecedents = find_antecedents(sentences, results, i)
            if antecedents:  # (a meeting named by its speaker's side: "The talks were
                # useful, Peskov said" is the last meeting's pair)
                found = inherit_dyads(sentence, mentions, antecedents)
                if found is None and (extra := event_dyad(sentence, mentions, antecedents)):
                    found = SentenceDyads([extra], result.subject)
                result = found or result
        if result.dyads or result.subject:
            last_antecedent = i
            result = with_person(result, i, sentence.text, mentions, openers)  # (for "He")
        results.append(result)
        out.extend(result.dyads)
    return out
