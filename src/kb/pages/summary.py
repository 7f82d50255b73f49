"""One sentence that says who, what, where and when, at the top of an event or agreement page.

Built from the facts alone (never from the article's words), so it says no more
than the facts box below it.
"""

from __future__ import annotations

from ..model import Agreement, Event
from .markup import ISO_DATE, human_date, inline
from .site import Site

MAX_NAMED = 4  # people named in the sentence; the facts box lists them all

# What the date means, by status: "held on", "planned for", ...
_STATUS_VERB = {
    "happened": "held",
    "planned": "planned",
    "proposed": "proposed",
    "postponed": "postponed",
    "cancelled": "cancelled",
}
_AGREEMENT_KIND = {"mou": "memorandum of understanding", "action-plan": "action plan", "other": "instrument"}


def with_article(noun: str) -> str:
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def when(date: str | None, end: str | None = None) -> str:
    """'on 8 July 2021', 'in July 2021', 'in 2021', 'from 1 to 3 May 2024'; '' when unknown."""
    if not date:
        return ""
    m = ISO_DATE.fullmatch(date)
    if end and end != date:
        return f"from {human_date(date)} to {human_date(end)}"
    return f"on {human_date(date)}" if m and m.group(3) else f"in {human_date(date)}"


def names(site: Site, people: list[str]) -> str:
    """'A (India), B (Italy) and 2 others' as escaped Markdown."""
    shown = []
    for pid in people[:MAX_NAMED]:
        p = site.people[pid]
        shown.append(inline(p.name) + (f" ({inline(p.country)})" if p.country else ""))
    rest = len(people) - len(shown)
    if rest:
        shown.append(f"{rest} other{'s' * (rest != 1)}")
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def event_sentence(site: Site, e: Event) -> str:
    what = with_article(e.kind if e.kind != "other" else "event")
    verb = _STATUS_VERB.get(e.status, inline(e.status))
    if e.status in ("planned", "proposed") and e.date:
        verb += " for"
        date = when(e.date, e.end_date).removeprefix("on ").removeprefix("in ")
    else:
        date = when(e.date, e.end_date)
    parts = [f"{what.capitalize()} {verb}"]
    if date:
        parts.append(date)
    if e.place:
        parts.append(f"in {inline(e.place)}")
    if e.participants:
        parts.append(f"with {names(site, e.participants)}")
    sentence = " ".join(parts)
    if not date:
        sentence += "; the date is not known"
    return sentence + "."


def agreement_sentence(site: Site, a: Agreement) -> str:
    what = with_article(_AGREEMENT_KIND.get(a.kind, a.kind))
    parts = [what.capitalize()]
    if a.parties:
        parties = [site.title("organisation", p) if p in site.organisations else p for p in a.parties]
        joined = parties[0] if len(parties) == 1 else ", ".join(parties[:-1]) + " and " + parties[-1]
        parts.append(f"between {inline(joined)}")
    signed = "signed or announced" if not a.signatories else "signed"
    parts.append(signed)
    if a.date:
        parts.append(when(a.date))
    if a.signatories:
        parts.append(f"by {names(site, a.signatories)}")
    return " ".join(parts) + "."
