"""Agreements of one article: instruments (agreement, MoU, declaration, action
plan ...) named in a sentence, with their title, parties and signatories.

Dates are given later by the event step, which knows when each sentence's
happening took place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lexicon import agreement_kinds, countries, sides
from ..model import Agreement, Evidence
from .doc import ArticleDoc
from .organisations import ArticleOrganisations
from .people import ArticlePeople

_LABEL = {"mou": "MoU", "agreement": "Agreement", "action-plan": "Action Plan", "declaration": "Declaration",
          "other": "Contract"}
_SMALL = {"of", "on", "in", "the", "for", "and", "between", "to", "a", "an", "at"}
# Words that end a lower-case topic ("an agreement on defence cooperation between ...").
_TOPIC_STOP = {"between", "during", "with", "was", "were", "has", "had", "have", "is", "are", "will", "would",
               "by", "at", "that", "which", "from", "signed", "in", "as", "to", "on", "after", "before", "while",
               "under", "for", "and", "also", "been", "being", "could", "should", "may", "among", "within", "this",
               "last", "next", "earlier", "later"}
_ANAPHORA = re.compile(r"\b(?:the|this|that|these|such)\s+(?:\w+\s+)?$", re.IGNORECASE)
_BILATERAL = re.compile(r"\b(?:the (?:two )?(?:nations|countries|sides|governments)|both (?:nations|countries|sides)"
                        r"|bilateral)\b", re.IGNORECASE)
_COMPANIES = re.compile(r"\b(?:the two|both) (?:companies|firms|groups|shipyards|manufacturers)\b", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:(?:since|following|after) the (?:signing|adoption|conclusion)"
                     r"|agreed to (?:conclude|sign|finalise|finalize|work)"
                     r"|will|would|to be signed|plan(?:s|ned)? to"
                     r"|expected to|likely to|is set to|are set to|proposed|draft|negotiat\w+)\b", re.IGNORECASE)


@dataclass
class ArticleAgreements:
    agreements: list[Agreement] = field(default_factory=list)
    # agreement index -> sentence indexes where it was concluded (signed, adopted ...)
    concluded_in: dict[int, list[int]] = field(default_factory=dict)
    by_sentence: dict[int, list[int]] = field(default_factory=dict)


def _clean_title(words: list[str]) -> str:
    out = []
    for i, w in enumerate(words):
        if w.lower() in _SMALL and i > 0:
            out.append(w.lower())
        elif w.islower():
            out.append(w[:1].upper() + w[1:])
        else:
            out.append(w)
    title = " ".join(out)
    return re.sub(r"\bMou\b|\bMOU\b", "MoU", title)


def _title_from(sentence: str, start: int, end: int) -> str | None:
    """The instrument's own name around the matched noun, or None when it has none."""
    matched = sentence[start:end]
    left_words = re.findall(r"[\w'’-]+", sentence[:start])
    # Capitalised words before: "Italy-India Joint Strategic Action Plan".
    prefix: list[str] = []
    for w in reversed(left_words):
        if w[:1].isupper() and w.lower() not in {"the", "a", "an", "this", "that"} and not w.endswith(("'s", "’s")):
            prefix.insert(0, w)
        else:
            break
    if prefix and all(countries().country_of(w) for w in prefix) and len(prefix) == 1 and "-" not in prefix[0]:
        prefix = []  # "Italian MoU" is not part of a name
    rest = sentence[end:]
    m = re.match(r"\s*(?:\(\w+\)\s*)?((?:on|of|for|in)\s+[^,.;:()\"“”]+)", rest)
    suffix: list[str] = []
    if m:
        words = m.group(1).split()
        suffix.append(words[0])
        for n, w in enumerate(words[1:], start=1):
            bare = w.strip("'’")
            nxt = words[n + 1].strip("'’") if n + 1 < len(words) else ""
            if _stops_topic(nxt) and bare.lower() in _SMALL:
                break
            if (bare.lower() == "and" and nxt[:1].isalpha() and nxt.lower() not in _TOPIC_STOP
                    and not nxt.endswith(("ed", "ing")) and (nxt[:1].isupper() or suffix[-1].islower())):
                pass  # "migration and mobility", "Commerce and Industry"
            elif (bare.lower() == "in" and suffix[-1].islower() and nxt.islower()
                  and nxt not in _TOPIC_STOP and nxt not in {"the", "a", "an"}):
                pass  # "on cooperation in defence space and cyber security"
            elif bare.lower() in _TOPIC_STOP and not (bare.lower() in {"in", "of", "on", "for", "the"}
                                                       and (bare[:1].isupper() or _next_is_topic(words, n))):
                break
            elif _stops_topic(bare):
                break
            if re.fullmatch(r"\d{4}(?:-\d{2,4})?", bare) or bare[:1].isalpha():
                suffix.append(bare)
            else:
                break
        suffix = suffix[:8]
        while suffix and suffix[-1].lower() in _SMALL:
            suffix.pop()
        if len(suffix) < 2:
            suffix = []
    year = re.match(r"\s+(\d{4}-\d{2,4})\b", rest)
    if not suffix and year:
        suffix = [year.group(1)]
    if not prefix and not suffix:
        # "the Joint Strategic Action Plan": a capitalised name of several words stands alone.
        return matched if len(matched.split()) > 1 and all(w[:1].isupper() for w in matched.split()) else None
    return _clean_title(prefix + matched.split() + suffix)


def _next_is_topic(words: list[str], i: int) -> bool:
    """ "in the field of Defence": keep going while the words lead to a capitalised topic."""
    tail = [t.strip("'’,.") for t in words[i + 1:i + 5]]
    lead = []
    for t in tail:
        if t[:1].isupper():
            return not _stops_topic(t) and all(x.lower() in {"the", "field", "fields", "of", "areas", "area"}
                                               for x in lead)
        lead.append(t)
    return False


_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"}


_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _stops_topic(word: str) -> bool:
    """A month or a place ends an instrument's name: "... Action Plan in November 2024", "... in Mumbai"."""
    w = word.strip("'’,.").lower()
    return w in _MONTHS or w in _WEEKDAYS or w in countries().place_country


def _key(title: str) -> str:
    """The words that tell one instrument from another: no small words, no country words."""
    words = re.findall(r"[a-z0-9]+", title.lower())
    return " ".join(w for w in words if w not in _SMALL and not countries().country_of(w))


def _parties(sentence: str, start: int, end: int, orgs: ArticleOrganisations, s_index: int) -> list[str]:
    """Countries or organisations the instrument binds, when the sentence says."""
    # "an MoU (...) was signed between A and B", not "... after talks between X and Y".
    between = re.search(r"\bbetween\b", sentence[end:end + 120])
    if between and re.search(r"\b(?:talks|meeting|discussions|dialogue|held|after|during)\b",
                             sentence[end:end + between.start()]):
        between = None
    out: list[str] = []
    if between:
        after = sentence[end + between.end():]
        after = re.split(r"[.;]|\s(?:to|during|which|that|was|were)\s", after)[0]
        found: list[tuple[int, str]] = []
        spans: list[tuple[int, int]] = []
        for o in orgs.organisations:
            for form in filter(None, [o.name, o.acronym]):
                m = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", after)
                if m:
                    found.append((m.start(), _org_party(o)))
                    spans.append(m.span())
                    break
        for m in re.finditer(r"[A-Z][a-z]+", after):
            c = countries().country_of(m.group())
            inside = any(a <= m.start() < b for a, b in spans)
            # A country's own name, not a demonym ("the Italian firm X" names no party).
            if c and not inside and m.group().lower() != c.lower() + "n" and not m.group().endswith(("an", "ese")):
                found.append((m.start(), c))
        out = [name for _, name in sorted(found)][:2]
    elif len(orgs.by_sentence.get(s_index, [])) >= 2 and re.search(r"\bsigned|inked", sentence):
        return [_org_party(orgs.organisations[i]) for i in orgs.by_sentence[s_index][:2]]
    if not out and _COMPANIES.search(sentence):
        return ["@previous-orgs"]
    if not out:
        pair = sides().pair
        countries_here = [c for w in re.findall(r"[A-Z][a-z]+", sentence) if (c := countries().country_of(w))
                          and c in pair]
        if set(pair) <= set(countries_here) or _BILATERAL.search(sentence):
            out = list(pair)
    return list(dict.fromkeys(out))


def _org_party(o) -> str:  # type: ignore[no-untyped-def]
    return o.acronym or o.name


def find_agreements(doc: ArticleDoc, people: ArticlePeople, orgs: ArticleOrganisations) -> ArticleAgreements:
    sentences, source_id = doc.sentences, doc.source.id
    lex = agreement_kinds()
    signed_words = "|".join(lex.extra["signed"])
    signed_re = re.compile(rf"\b(?:{signed_words})\b", re.IGNORECASE)
    not_instrument = re.compile("|".join(re.escape(x) for x in lex.extra["not_instrument"]), re.IGNORECASE)
    result = ArticleAgreements()
    by_key: dict[str, int] = {}
    last: int | None = None
    for s_index, sent in enumerate(sentences):
        text = sent.text
        found: list[tuple[int, int, str]] = []
        for kind, pat in lex.patterns:
            for m in pat.finditer(text):
                if any(m.start() < e and s < m.end() for s, e, _ in found):
                    continue
                found.append((m.start(), m.end(), kind))
        # "Memorandum of Understanding (MoU)": the acronym of the name just read is not another one.
        found = sorted(f for f in found if not (text[f[0] - 1:f[0]] == "(" and text[f[1]:f[1] + 1] == ")"))
        for start, end, kind in found:
            if not_instrument.search(text[max(0, start - 10):end + 15]):
                continue
            if kind == "other" and not signed_re.search(text):
                continue  # "deal" and "contract" count only when signed
            title = _title_from(text, start, end)
            if title and _only_instrument_words(title):
                title = None  # "Agreements/MoUs exchanged", "Name of Agreement/MoU": a heading, not a name
            parties = _parties(text, start, end, orgs, s_index)
            if parties == ["@previous-orgs"]:
                # "the two companies": the companies of the last company agreement.
                parties = next((a.parties for a in reversed(result.agreements)
                                if set(a.parties) - set(sides().pair)), [])
            anaphoric = title is None and bool(_ANAPHORA.search(text[:start]))
            idx: int | None = None
            if title and _key(title) in by_key:
                idx = by_key[_key(title)]
            elif title:
                # A shorter or longer name of one already seen ("Joint Strategic Action Plan").
                k = _key(title)
                idx = next((i for kk, i in by_key.items() if result.agreements[i].kind == kind
                            and (set(k.split()) <= set(kk.split()) or set(kk.split()) <= set(k.split()))), None)
            elif anaphoric and last is not None and kind in (result.agreements[last].kind, "agreement"):
                idx = last
            elif title is None:
                same_kind = [i for i, a in enumerate(result.agreements) if a.kind == kind]
                if same_kind and not parties:
                    idx = same_kind[-1]
            if idx is None:
                if title is None:
                    if not parties or (parties == list(sides().pair) and not signed_re.search(text)):
                        continue  # "an agreement" with nothing to name it by
                    label = _LABEL[kind] if kind != "declaration" else _cap(text[start:end])
                    title = f"{label} between {' and '.join(parties)}"
                if kind == "other" and title:
                    pass
                idx = len(result.agreements)
                result.agreements.append(Agreement(id=f"agr-{idx}", title=title, kind=kind, parties=parties))
                by_key[_key(title)] = idx
            agr = result.agreements[idx]
            if parties and not agr.parties:
                agr.parties = parties
            if not any(e.quote == text for e in agr.evidence):
                agr.evidence.append(Evidence(source_id, text))
            result.by_sentence.setdefault(s_index, [])
            if idx not in result.by_sentence[s_index]:
                result.by_sentence[s_index].append(idx)
            if _nearest_to_signing(start, found, text, signed_re) and not _FUTURE.search(text):
                result.concluded_in.setdefault(idx, []).append(s_index)
            _signatories(agr, text, s_index, people)
            last = idx
    return result


_INSTRUMENT_WORDS = {"agreement", "agreements", "mou", "mous", "memorandum", "memoranda", "treaty", "treaties",
                     "accord", "accords", "pact", "pacts", "arrangement", "arrangements", "protocol", "protocols",
                     "loi", "lois", "contract", "contracts", "deal", "deals", "name", "of", "and", "or", "list",
                     "the", "signed", "exchanged"}


def _only_instrument_words(title: str) -> bool:
    words = re.findall(r"[a-z]+", title.lower())
    return bool(words) and all(w in _INSTRUMENT_WORDS for w in words)


def _nearest_to_signing(start: int, found: list[tuple[int, int, str]], text: str, signed_re: re.Pattern[str]) -> bool:
    """ "The agreement follows a Letter of Intent the two companies exchanged": the verb concludes the nearest one."""
    for verb in signed_re.finditer(text):
        nearest = min(found, key=lambda f: min(abs(f[0] - verb.start()), abs(f[1] - verb.start())))
        if nearest[0] == start:
            return True
    return False


def _cap(words: str) -> str:
    return " ".join(w if w.lower() in _SMALL else w[:1].upper() + w[1:] for w in words.split())


def _signatories(agr: Agreement, text: str, s_index: int, people: ArticlePeople) -> None:
    m = re.search(r"\bsigned\b(?:[^.;]{0,80}?)\bby\b", text)
    if not m:
        return
    stop = re.search(r"\b(?:in the presence of|witnessed by|while|as)\b|;", text[m.end():])
    limit = m.end() + stop.start() if stop else len(text)
    for mention in people.in_sentence(s_index):
        if m.end() < mention.start < limit:
            pid = people.people[mention.person].id  # type: ignore[index]
            if pid not in agr.signatories:
                agr.signatories.append(pid)
