"""Who speaks a quotation: an attribution after it ('"We will respond," Lavrov said') or
before it ('Putin said: "..."', a colon after a leader's sentence), a quotation that runs
over several sentences or paragraphs, and one that goes on after an attributed one
(docs/tone_and_events.md, "Speakers"). ``speakers.with_first_person`` reads the first
person inside a quotation as its speaker's state.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tracker.coding.readouts import rank_speaker
from tracker.models import Mention

# verbs that attribute a quotation besides "said/told/added": '"...," Putin stressed'
_SAYING = (
    r"stated|states|declared|wrote|writes|stressed|stresses|noted|notes|emphasi[sz]ed|"
    r"emphasi[sz]es|insisted|insists|explained|explains|continued|claimed|asserted|argued|"
    r"argues|underlined|underscored|pointed\s+out|remarked|replied|recalled|commented|"
    r"concluded|admitted|announced|warned|warns"
)
# '"...," Lavrov said' / '"...," said Lavrov' / '"...," the Kremlin told reporters'
_ATTRIBUTION = re.compile(
    r"[\"”]\s*,?\s*(?P<who>(?:[^\"“”.;]|(?<=[A-Z])\.){0,60}?)\b"  # ("the U.S. envoy":
    rf"(?:said|says|told|tell|added|adds|{_SAYING})\b"  # an initial's period is no end)
    r"(?P<after>(?:[^\"“”.;,]|(?<=[A-Z])\.){0,40})"
)
_QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]")
# 'Putin said: "We have established good contacts"', 'Lavrov told reporters, "We will ..."':
# the verb and the opening mark; who speaks is in the WHO_REACH characters before the verb
_LEADING_VERB = re.compile(
    rf"\b(?:said|says|told\s+[\w ]{{1,30}}?|added|(?P<adding>adding)|{_SAYING})"
    r"\s*[:,]\s*[\"“]"
)  # (", adding: \"...\"": the sentence's subject speaks, before its first quotation)
WHO_REACH = 80


def one_state(mentions: Sequence[Mention]) -> str | None:
    """The one state ``mentions`` name, or None (none or several)."""
    codes = {m.code for m in mentions}
    return codes.pop() if len(codes) == 1 else None


def quote_speaker(text: str, mentions: Sequence[Mention]) -> tuple[str, int, int] | None:
    """(code, start, end of the quoted text) when a quotation is attributed to one state's
    actor in the sentence ('"We will respond," Lavrov said')."""
    found = _ATTRIBUTION.search(text)
    if found is None:
        return _leading_speaker(text, mentions)
    lo, hi = found.start("who"), found.end("after")
    if _OF_WHOM.match(found.group("after")):  # '"He killed our people," Zelensky said of
        hi = found.start("after")  # Putin': Putin is spoken of, not speaking
    code = one_state([m for m in mentions if lo <= m.start and m.end <= hi])
    quoted = _QUOTED.search(text, 0, found.start() + 1)
    if code is None or quoted is None:
        return None
    return code, quoted.start(1), quoted.end(1)


_OF_WHOM = re.compile(r"\s+(?:of|about)\s+(?!(?:it|this|that|the\s+\w+ing)\b)", re.I)
_THIRD_PERSON = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]im)\b")


def with_quoted_subject(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` plus the state of the one spoken of ('"He killed our people, and he
    didn't exchange prisoners," Zelensky said of Putin') on each "he/his/him/she" of the
    quotation, as a mention of a ``leader``."""
    found = _ATTRIBUTION.search(text)
    if found is None or not (about := _OF_WHOM.match(found.group("after"))):
        return mentions
    start = found.start("after") + about.end()
    code = one_state([m for m in mentions if start <= m.start < found.end("after")])
    quoted = _QUOTED.search(text, 0, found.start() + 1)
    if code is None or quoted is None:
        return mentions
    added = [
        Mention(code, k.start(), k.end(), k.group(), "leader")
        for k in _THIRD_PERSON.finditer(text, quoted.start(1), quoted.end(1))
        if not any(m.start < k.end() and k.start() < m.end for m in mentions)
    ]
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end)) if added else mentions


Quote = tuple[str, int, int]  # (speaker's code, start, end of the quoted text)
QUOTE_RUN = 4  # sentences a quotation may run over before its attribution


_MARK = re.compile(r'["“”]')


def _quote_marks(text: str, opens_paragraph: bool = False) -> list[tuple[int, bool | None]]:
    """(offset, opens?) of every quotation mark: True for “, False for ”, None for a
    straight one (it opens or closes by the marks before it); a straight mark that opens a
    paragraph opens (a quotation over several paragraphs opens each, closes only the last)."""
    marks: list[tuple[int, bool | None]] = [
        (k.start(), None if (c := k.group()) == '"' else c == "“") for k in _MARK.finditer(text)
    ]
    if opens_paragraph and marks and marks[0][0] == 0:
        marks[0] = (0, True)
    return marks


def running_quotes(
    texts: Sequence[str],
    mentions: Sequence[Sequence[Mention]],
    said: dict[int, Quote | None] | None = None,
    paragraph_starts: frozenset[int] = frozenset(),
) -> dict[int, Quote]:
    """The quotations whose speaker a sentence does not name itself, by sentence: one over
    several sentences (or paragraphs) takes the attribution after its closing mark ('"We
    agreed ... . The discussion was confidential," Ushakov said.') or before its opening
    mark ('Putin said: "... . ..."', a leader's line that ends with a colon); one that is
    all quotation right after an attributed one ('"..." Lavrov said. "We will respond."')
    goes on in its voice; "he/she said:" before it and '"...," he said' after it are the
    one person the sentence(s) before name (``_lead``, ``_pronoun_tail``)."""
    out: dict[int, Quote] = {}
    pending: list[tuple[int, int]] = []  # (sentence, where its part of the open quote starts)
    is_open, last_speaker, opener, before = False, None, None, -1  # (the last quotation's
    # speaker; the speaker named before the open one; the last sentence with a mark)
    for i in [i for i, t in enumerate(texts) if '"' in t or "“" in t or "”" in t]:
        if is_open:  # the sentences between are inside the open quotation
            pending.extend((j, 0) for j in range(before + 1, i))
        elif i != before + 1:
            last_speaker = None  # (a continuation follows its attributed quotation)
        before, text = i, texts[i]
        speaker, start, fresh = None, 0, not is_open  # (fresh: its speaker may come first)
        for k, opens in _quote_marks(text, i in paragraph_starts):
            if opens is True or (opens is None and not is_open):
                if is_open and pending and opener:  # a new paragraph of the same quotation
                    out.update({j: (opener, lo, len(texts[j])) for j, lo in pending})
                    pending = [(i, k + 1)]  # (its closing mark may come in this sentence)
                is_open, start = True, k + 1
                continue
            is_open = False
            if pending:  # a quotation that began in an earlier sentence closes here
                code = _attributed(text, k, mentions[i]) or _ranked(texts, mentions, i, k) or opener
                if code:
                    out.update({j: (code, lo, len(texts[j])) for j, lo in pending})
                    out[i], speaker = (code, 0, k), code
                pending = []
            elif last_speaker and not start - 1 and k + 2 >= len(text.rstrip()):
                out[i] = (last_speaker, 1, k)  # all quotation: the same speaker goes on
                speaker = last_speaker
        if is_open:
            if not pending and fresh:
                lead = _lead(texts, mentions, i)
                opener = lead[0] if lead else (last_speaker if start == 1 else None)
            if not pending or pending[-1][0] != i:  # (a reopened paragraph is in already)
                pending.append((i, start))
            if len(pending) > QUOTE_RUN:
                pending, is_open = [], False  # an unpaired mark, not a quotation
        elif speaker is None:
            found_quote = quote_speaker(text, mentions[i])
            if found_quote is None and fresh and (lead := _lead(texts, mentions, i)):
                out[i] = found_quote = lead  # "he said: ..." after a sentence naming him
            elif found_quote is None and (tail := _pronoun_tail(texts, mentions, i)):
                out[i] = found_quote = tail  # '"...," he said.' after a sentence naming him
            speaker = found_quote[0] if found_quote else None
            if said is not None:  # (read once: ``with_first_person`` takes it from here)
                said[i] = found_quote
        last_speaker = speaker
    return out


def _ranked(
    texts: Sequence[str], mentions: Sequence[Sequence[Mention]], i: int, at: int
) -> str | None:
    """The state of a rank named in the attribution after the closing mark at ``at`` ('," the
    head of state said'), or None (``readouts.rank_speaker``)."""
    found = _ATTRIBUTION.match(texts[i], at)
    return rank_speaker(found.group("who"), texts, mentions, i) if found else None


def _attributed(text: str, at: int, mentions: Sequence[Mention]) -> str | None:
    """The one state of the attribution right after the closing mark at ``at`` ('," Ushakov
    said'), or None."""
    found = _ATTRIBUTION.match(text, at)
    if found is None:
        return None
    lo, hi = found.start("who"), found.end("after")
    return one_state([m for m in mentions if lo <= m.start < hi])


_PRONOUN_WHO = re.compile(r"\b(?:he|she)\s*$", re.IGNORECASE)


def _lead(texts: Sequence[str], mentions: Sequence[Sequence[Mention]], i: int) -> Quote | None:
    """The speaker named before a quotation that opens in sentence ``i`` (``Quote``): a
    state's actor, or "he/she" standing for the one person the sentence before names."""
    found = _leading_speaker(texts[i], mentions[i])
    if found is not None or i == 0:
        return found
    if texts[i - 1].rstrip().endswith(":") and (code := _line_speaker(mentions[i - 1])):
        return code, 1, len(texts[i])  # 'President Putin said after the call:' / '"Good ...'
    attribution = _leading(texts[i])
    if attribution is None or not _PRONOUN_WHO.search(texts[i], 0, attribution[1]):
        return None
    code = _leader_state_before(mentions, i, 1)
    return (code, attribution[2], attribution[3]) if code else None


_SUBJECT_KINDS = frozenset({"leader", "institution"})
TITLE_REACH = 24  # characters of a title before the name that opens a line ("President ")


def _line_speaker(mentions: Sequence[Mention], reach: int = TITLE_REACH) -> str | None:
    """The state of the leader or institution that opens a line ('President Vladimir Putin
    shared details of his call with Donald Trump:'), a title of ``reach`` characters before
    it allowed."""
    first = mentions[0] if mentions else None
    if first is None or first.start > reach or first.kind not in _SUBJECT_KINDS:
        return None
    return first.code


def _leader_state_before(mentions: Sequence[Sequence[Mention]], i: int, back: int) -> str | None:
    """The one state whose leaders the nearest of the ``back`` sentences before sentence ``i``
    that names leaders names (None when it names leaders of several states, or none does):
    the person a "he/she" of sentence ``i`` stands for."""
    for j in range(i - 1, max(-1, i - 1 - back), -1):
        leaders = [m for m in mentions[j] if m.kind == "leader"]
        if leaders:
            return one_state(leaders)
    return None


def _pronoun_tail(
    texts: Sequence[str], mentions: Sequence[Sequence[Mention]], i: int
) -> Quote | None:
    """The speaker of a quotation attributed after it to "he/she" ('"Russia is in big
    trouble," he said.'): the one state whose leaders the nearest of the two sentences before
    names, as for "he said: ..." (``_lead``)."""
    found = _ATTRIBUTION.search(texts[i])
    if found is None:
        return None
    who = found.group("who").strip().lower()
    if who in ("he", "she"):
        code = _leader_state_before(mentions, i, 2)
    else:  # '"...," the head of state said' (``readouts.rank_speaker``)
        code = rank_speaker(who, texts, mentions, i)
    quoted = _QUOTED.search(texts[i], 0, found.start() + 1)
    return (code, quoted.start(1), quoted.end(1)) if code and quoted else None


def _leading(text: str) -> tuple[int, int, int, int] | None:
    """(start, end of who speaks; start, end of the quoted text) when an attribution comes
    before its quotation ('Putin said: "We have established good contacts"')."""
    found = _LEADING_VERB.search(text)
    if found is None:
        return None
    close = min([k for c in '"”' if (k := text.find(c, found.end())) >= 0] or [len(text)])
    if found.group("adding"):
        first = min([k for c in '"“' if (k := text.find(c)) >= 0] or [found.start()])
        return 0, min(first, found.start(), WHO_REACH), found.end(), close
    lo = max(0, found.start() - WHO_REACH)
    lo = max([lo] + [text.rfind(c, lo, found.start()) + 1 for c in '"“”;'])
    return lo, found.start(), found.end(), close


def _leading_speaker(text: str, mentions: Sequence[Mention]) -> Quote | None:
    """(code, start, end of the quoted text) when the attribution comes first ('Putin said:
    "We have established good direct contacts with Mr Trump."')."""
    found = _leading(text)
    if found is None:
        return _colon_speaker(text, mentions)
    lo, hi, start, end = found
    code = one_state([m for m in mentions if lo <= m.start < hi])
    return (code, start, end) if code else None


_COLON_QUOTE = re.compile(r":\s*[\"“]")


def _colon_speaker(text: str, mentions: Sequence[Mention]) -> Quote | None:
    """The speaker of a quotation a colon introduces, when the sentence opens with a leader
    or an institution ('Aleksandr Lukashenko emphasized the importance of ...: "The most
    important thing ..."'): the subject speaks, whatever it names before the colon."""
    found = _COLON_QUOTE.search(text)
    code = _line_speaker(mentions, 0) if found is not None else None
    if code is None:
        return None
    close = min([k for c in '"”' if (k := text.find(c, found.end())) >= 0] or [len(text)])
    return code, found.end(), close
