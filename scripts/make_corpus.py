#!/usr/bin/env python3
"""Write a synthetic corpus of news articles about India–Italy defence ties.

    scripts/make_corpus.py N OUT_DIR [--seed S]

For benchmarks and tests: N articles that look like what `seeds/` holds —
agency copy (ANI, PTI, IANS, Reuters, ANSA) with their datelines and
sign-offs, PIB press releases, `.md` files with front matter — about
meetings, visits, naval exercises, committees, dialogues and the signing of
MoUs and agreements, with the furniture of web copies ("Also Read |" lines,
trailing "LATEST NEWS" headline lists, disclaimers, bare links).

Every person is invented. Office holders change over the years, so a name
recurs across articles with the title held on that date; minor figures
(commanders, executives, spokespersons) recur less; a few mentions misspell a
surname or give initials. Several outlets report one happening, so the
resolver has something to merge. The same N and seed always give the same
files, byte for byte.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import math
import random
from dataclasses import dataclass, field
from pathlib import Path

# ---------------------------------------------------------------- invented people
# Given names and surnames are common words; the combinations are drawn at
# random and any that belong to well-known real office holders are refused.
IN_GIVEN_M = ["Arvind", "Karan", "Vikram", "Sunil", "Rohit", "Anil", "Mohan", "Suresh", "Ajay", "Deepak", "Naveen",
              "Pradeep", "Rahul", "Sanjay", "Tarun", "Vivek", "Ashok", "Girish", "Harish", "Manish", "Nitin",
              "Prakash", "Ramesh", "Satish", "Uday", "Varun", "Yogesh", "Amitabh", "Kunal", "Siddharth"]
IN_GIVEN_F = ["Kavita", "Rekha", "Anjali", "Meera", "Priya", "Sunita", "Nandini", "Shalini", "Radhika", "Pooja",
              "Lakshmi", "Deepa", "Swati", "Ananya", "Ritu"]
IN_MIDDLE = ["Kumar", "Prasad", "Chandra", "Mohan", "Lal", "Nath"]
IN_SURNAMES = ["Rao", "Menon", "Pillai", "Iyer", "Malhotra", "Deshpande", "Kulkarni", "Nair", "Bhatia", "Sethi",
               "Chauhan", "Rathore", "Bhandari", "Kapadia", "Saxena", "Trivedi", "Joshi", "Khanna", "Mehrotra",
               "Banerjee", "Chatterjee", "Mukherjee", "Ghoshal", "Venkataraman", "Subramaniam", "Raghavan",
               "Hegde", "Shetty", "Gokhale", "Apte", "Dhillon", "Grewal", "Sandhu", "Thakur", "Bisht", "Negi",
               "Rawat", "Kashyap", "Vaidya", "Pandit", "Mathur", "Srivastava", "Tripathi", "Dubey", "Tiwari",
               "Krishnan", "Varghese", "Kurian", "Fernandes", "Rodrigues"]
IT_GIVEN_M = ["Marco", "Paolo", "Stefano", "Davide", "Lorenzo", "Roberto", "Alessandro", "Fabio", "Andrea",
              "Giorgio", "Massimo", "Claudio", "Franco", "Luca", "Enrico", "Filippo", "Riccardo", "Tommaso",
              "Vittorio", "Nicola", "Carlo", "Emanuele", "Federico", "Gianluca", "Sergio"]
IT_GIVEN_F = ["Chiara", "Giulia", "Elena", "Francesca", "Silvia", "Valentina", "Laura", "Paola", "Federica",
              "Alessandra", "Roberta", "Simona", "Cristina", "Ilaria", "Marta"]
IT_SURNAMES = ["Valente", "Sartori", "Lentini", "Morandi", "Bassi", "Ferraro", "Conti", "Bruno", "Galli",
               "Colombo", "Marchetti", "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso",
               "Ferrara", "Gatti", "Pellegrini", "Palumbo", "Sanna", "Farina", "Grasso", "Testa", "Monti",
               "Bellini", "Guidi", "Vitale", "Carbone", "Lombardi", "Benedetti", "Cattaneo", "Martinelli",
               "Orlando", "Parisi", "Silvestri", "Tedeschi", "Villa", "Zanetti", "Bianchetti", "Donati",
               "Moretti", "Neri", "Piras", "Riva", "Serra", "Salvatori", "Fabbri", "Longo"]
IT_PARTICLE_SURNAMES = ["De Angelis", "Di Stefano", "De Luca", "Della Valle", "Di Marco"]
REFUSED = {"Rajnath Singh", "Guido Crosetto", "Lorenzo Guerini", "Giorgia Meloni", "Narendra Modi",
           "Luisa Riccardi", "Luciano Portolano", "Antonio Tajani", "Pietro Serino", "Vinay Kwatra", "Giuseppe Conte",
           "Sergio Mattarella", "Marco Minniti", "Elisabetta Trenta", "Roberta Pinotti"}

# ---------------------------------------------------------------- offices
# (office, ranks to pick from or None, holders over 2015-2026, how often it makes news)
IN_OFFICES = [
    ("Defence Minister", None, 4, 10), ("Minister of State for Defence", None, 4, 3),
    ("Defence Secretary", None, 5, 8), ("Secretary (Defence Production)", None, 5, 5),
    ("Foreign Secretary", None, 4, 3), ("Chief of the Naval Staff", ["Admiral"], 5, 6),
    ("Chief of the Army Staff", ["General"], 5, 5), ("Chief of the Air Staff", ["Air Chief Marshal"], 5, 4),
    ("Chief of Defence Staff", ["General"], 3, 4), ("Ambassador of India to Italy", None, 4, 5),
    ("Flag Officer Commanding-in-Chief, Western Naval Command", ["Vice Admiral"], 6, 3),
    ("Vice Chief of the Naval Staff", ["Vice Admiral"], 6, 2),
    ("Director General of Naval Operations", ["Vice Admiral", "Rear Admiral"], 6, 2),
]
IT_OFFICES = [
    ("Minister of Defence", None, 4, 10), ("Under Secretary of State for Defence", None, 4, 4),
    ("Secretary General of Defence and National Armaments Director", ["Lt Gen", "Admiral", "General"], 4, 6),
    ("Chief of Defence Staff", ["General", "Admiral"], 4, 5), ("Chief of Staff of the Italian Navy", ["Admiral"], 4, 5),
    ("Chief of Staff of the Italian Army", ["General"], 4, 3),
    ("Chief of Staff of the Italian Air Force", ["General"], 4, 3),
    ("Ambassador of Italy to India", None, 4, 5), ("Deputy Minister of Foreign Affairs", None, 4, 2),
    ("Commander of the Italian Navy's Second Naval Division", ["Rear Admiral"], 6, 2),
]
# Minor figures: one per article or so, from a pool that grows with the corpus.
IN_MINOR = [("Indian Navy spokesperson", ["Commander"]), ("commanding officer of {ship}", ["Captain"]),
            ("Defence Attache at the Embassy of India in Rome", ["Captain", "Colonel", "Group Captain"]),
            ("Chairman and Managing Director of {in_co}", None), ("Director (Shipbuilding) of {in_co}", None),
            ("Joint Secretary (International Cooperation)", None), ("Additional Secretary", None)]
IT_MINOR = [("commander of {ship}", ["Captain", "Commander"]), ("Italian Navy spokesperson", ["Commander"]),
            ("Defence Attache at the Embassy of Italy in New Delhi", ["Colonel", "Captain"]),
            ("Chief Executive Officer of {it_co}", None), ("senior vice-president of {it_co}", None),
            ("Consul General of Italy in Mumbai", None)]

IN_COMPANIES = [("Bharat Shipyard Limited", "BSL"), ("Konkan Marine Systems Limited", "KMSL"),
                ("Deccan Aerospace Limited", "DAL"), ("Garuda Dynamics Private Limited", None),
                ("Vindhya Defence Electronics Limited", "VDEL"), ("Coromandel Naval Works Limited", None)]
IT_COMPANIES = [("Navalmare SpA", None), ("Aerotecnica Italiana SpA", None), ("Adriatica Sistemi SpA", None),
                ("Vesuvio Elettronica SpA", None), ("Tirreno Cantieri SpA", None), ("Dolomiti Dynamics SpA", None)]
IN_SHIPS = ["INS Vajradanta", "INS Meghdoot", "INS Sagarveer", "INS Tungabhadra", "INS Kaveri", "INS Nilgiri Dhara",
            "INS Suryaketu", "INS Shaktimaan", "INS Varunastra", "INS Godavari Tej"]
IT_SHIPS = ["ITS Bartolo Ferri", "ITS Fulvio Canale", "ITS Ettore Brancati", "ITS Luigi Rizzardi",
            "ITS Carlo Pellion", "ITS Federico Marcello", "ITS Giovanni Bausan", "ITS Aurelio Sforza"]
SHIP_KINDS_IN = ["frigate", "stealth frigate", "destroyer", "corvette", "offshore patrol vessel"]
SHIP_KINDS_IT = ["frigate", "destroyer", "multi-purpose frigate", "offshore patrol vessel"]
SEAS = ["Tyrrhenian Sea", "Arabian Sea", "Mediterranean Sea", "Gulf of Aden", "Ionian Sea", "Bay of Bengal"]
IN_PLACES = ["New Delhi", "Mumbai", "Kochi", "Bengaluru", "Goa", "Visakhapatnam", "Pune", "Chennai"]
IT_PLACES = ["Rome", "Naples", "La Spezia", "Taranto", "Genoa", "Milan", "Trieste"]
PORTS = ["Kochi", "Mumbai", "Goa", "Visakhapatnam", "Naples", "La Spezia", "Taranto", "Trieste", "Genoa"]
TOPICS = ["defence cooperation", "military training", "co-production of naval systems",
          "maritime domain awareness", "defence industrial cooperation", "exchange of classified information",
          "joint development of unmanned systems", "hydrography", "submarine maintenance"]
OUTLETS_MD = ["The Coastal Herald", "Defence Ledger", "Adriatic Defence Review", "The Strategic Courier",
              "Bharat Defence Monitor"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "11th", "12th", "13th", "14th", "15th", "16th"]
START, END = dt.date(2015, 1, 5), dt.date(2025, 12, 20)


@dataclass
class Person:
    name: str
    country: str  # India | Italy
    female: bool
    office: str
    rank: str | None = None
    middle: str | None = None  # Indian middle name, for "R K Malhotra" forms

    @property
    def surname(self) -> str:
        return self.name.split(" ", 1)[1] if self.country == "Italy" else self.name.split()[-1]


@dataclass
class Happening:
    kind: str
    date: dt.date
    days: int
    place: str
    people: list[Person]
    extra: dict[str, object] = field(default_factory=dict)


# ---------------------------------------------------------------- helpers
class Corpus:
    def __init__(self, n: int, seed: int) -> None:
        self.n = n
        self.rng = random.Random(seed)
        self.used_names: set[str] = set(REFUSED)
        # Holders of each office over time: office -> [(from date, person)].
        self.holders: dict[tuple[str, str], list[tuple[dt.date, Person]]] = {}
        for country, offices in (("India", IN_OFFICES), ("Italy", IT_OFFICES)):
            for office, ranks, count, _ in offices:
                span = (END - START).days
                cuts = sorted(self.rng.sample(range(60, span - 60), count - 1))
                starts = [START] + [START + dt.timedelta(days=c) for c in cuts]
                self.holders[country, office] = [(s, self.person(country, office, ranks)) for s in starts]
        pool = 20 + int(4 * math.sqrt(n) + n / 12)  # minor figures: more with more articles, recurring less
        self.minor = {c: [self.minor_person(c) for _ in range(pool // 2)] for c in ("India", "Italy")}

    def person(self, country: str, office: str, ranks: list[str] | None) -> Person:
        rng = self.rng
        female = rng.random() < (0.2 if ranks else 0.35)
        while True:
            if country == "India":
                given = rng.choice(IN_GIVEN_F if female else IN_GIVEN_M)
                middle = rng.choice(IN_MIDDLE) if rng.random() < 0.3 and not female else None
                surname = rng.choice(IN_SURNAMES)
                name = " ".join(w for w in (given, middle, surname) if w)
            else:
                given = rng.choice(IT_GIVEN_F if female else IT_GIVEN_M)
                middle = None
                surname = rng.choice(IT_PARTICLE_SURNAMES if rng.random() < 0.06 else IT_SURNAMES)
                name = f"{given} {surname}"
            if name not in self.used_names:
                self.used_names.add(name)
                return Person(name, country, female, office, rng.choice(ranks) if ranks else None, middle)

    def minor_person(self, country: str) -> Person:
        office, ranks = self.rng.choice(IN_MINOR if country == "India" else IT_MINOR)
        office = office.format(ship=self.rng.choice(IN_SHIPS if country == "India" else IT_SHIPS),
                               in_co=self.rng.choice(IN_COMPANIES)[0], it_co=self.rng.choice(IT_COMPANIES)[0])
        return self.person(country, office, ranks)

    def minor_with(self, country: str, words: str) -> Person:
        """A minor figure whose office fits the story (a ship's commander for an exercise)."""
        fit = [p for p in self.minor[country] if words in p.office]
        return self.rng.choice(fit or self.minor[country])

    def holder(self, country: str, office: str, day: dt.date) -> Person:
        current = self.holders[country, office][0][1]
        for since, who in self.holders[country, office]:
            if since <= day:
                current = who
        return current

    def office_by_weight(self, country: str, pick: list[str] | None = None) -> str:
        offices = IN_OFFICES if country == "India" else IT_OFFICES
        if pick:
            offices = [o for o in offices if o[0] in pick]
        return self.rng.choices([o[0] for o in offices], weights=[o[3] for o in offices])[0]

    def day(self) -> dt.date:
        return START + dt.timedelta(days=self.rng.randrange((END - START).days))


# ---------------------------------------------------------------- what happened
COUNTERPARTS = {  # an Indian office and the Italian offices that meet it
    "Defence Minister": ["Minister of Defence", "Under Secretary of State for Defence"],
    "Minister of State for Defence": ["Under Secretary of State for Defence"],
    "Defence Secretary": ["Secretary General of Defence and National Armaments Director"],
    "Secretary (Defence Production)": ["Secretary General of Defence and National Armaments Director",
                                       "Under Secretary of State for Defence"],
    "Foreign Secretary": ["Deputy Minister of Foreign Affairs"],
    "Chief of the Naval Staff": ["Chief of Staff of the Italian Navy", "Chief of Defence Staff"],
    "Chief of the Army Staff": ["Chief of Staff of the Italian Army", "Chief of Defence Staff"],
    "Chief of the Air Staff": ["Chief of Staff of the Italian Air Force"],
    "Chief of Defence Staff": ["Chief of Defence Staff"],
    "Ambassador of India to Italy": ["Under Secretary of State for Defence", "Minister of Defence"],
    "Flag Officer Commanding-in-Chief, Western Naval Command": [
        "Commander of the Italian Navy's Second Naval Division"],
    "Vice Chief of the Naval Staff": ["Chief of Staff of the Italian Navy"],
    "Director General of Naval Operations": ["Commander of the Italian Navy's Second Naval Division"],
}


def happenings(c: Corpus, count: int) -> list[Happening]:
    rng = c.rng
    out = []
    for _ in range(count):
        day = c.day()
        kind = rng.choices(["meeting", "visit", "exercise", "committee", "signing", "dialogue", "seminar"],
                           weights=[30, 20, 14, 10, 12, 7, 7])[0]
        in_italy = rng.random() < 0.5
        place = rng.choice(IT_PLACES if in_italy else IN_PLACES)
        if kind == "exercise":
            place = rng.choice(SEAS)
            people = [c.minor_with("India", "of INS"), c.minor_with("Italy", "of ITS")]
            ships = tuple(next((s for s in pool if s in p.office), rng.choice(pool))
                          for p, pool in zip(people, (IN_SHIPS, IT_SHIPS), strict=True))
            extra = {"ships": ships, "port": rng.choice(PORTS)}
            out.append(Happening(kind, day, rng.choice([2, 2, 3]), place, people, extra))
            continue
        if kind == "committee":
            a = c.holder("India", "Defence Secretary", day)
            b = c.holder("Italy", "Secretary General of Defence and National Armaments Director", day)
            extra = {"body": rng.choice(["Joint Defence Committee", "Joint Working Group on Defence Industry",
                                         "Joint Staff Talks"]), "round": rng.randrange(len(ORDINALS))}
            out.append(Happening(kind, day, 1, place, [a, b], extra))
            continue
        office = c.office_by_weight("India", list(COUNTERPARTS))
        a = c.holder("India", office, day)
        b = c.holder("Italy", rng.choice(COUNTERPARTS[office]), day)
        people = [a, b] if in_italy else [b, a]  # the visitor first
        extra = {"topic": rng.choice(TOPICS)}
        if kind == "signing":
            in_co, it_co = rng.choice(IN_COMPANIES), rng.choice(IT_COMPANIES)
            extra |= {"companies": (in_co, it_co), "instrument": rng.choice(
                ["Memorandum of Understanding", "Memorandum of Understanding", "Letter of Intent", "agreement"]),
                "signers": (c.minor_person("India") if rng.random() < 0.3 else rng.choice(c.minor["India"]),
                            rng.choice(c.minor["Italy"]))}
        if kind == "dialogue":
            extra["name"] = rng.choice(["Defence Policy Dialogue", "2+2 Dialogue", "Strategic Dialogue"])
            extra["round"] = rng.randrange(8)
        if kind == "meeting" and rng.random() < 0.3:
            extra["agreement"] = f"Agreement on {rng.choice(TOPICS).capitalize()}"
        out.append(Happening(kind, day, rng.choice([1, 2, 3, 4]) if kind == "visit" else 1, place, people, extra))
    out.sort(key=lambda h: h.date)
    return out


# ---------------------------------------------------------------- writing
class Writer:
    """One article: remembers who was introduced so later mentions are short."""

    def __init__(self, c: Corpus, pub: dt.date) -> None:
        self.c, self.rng, self.pub = c, c.rng, pub
        self.seen: set[str] = set()

    def name(self, p: Person) -> str:
        rng = self.rng
        if p.middle and rng.random() < 0.15:  # "R K Malhotra"
            given = p.name.split()[0]
            return f"{given[0]} {p.middle[0]} {p.surname}"
        if rng.random() < 0.04 and len(p.surname) >= 6 and " " not in p.surname:
            s = p.surname
            i = rng.randrange(2, len(s) - 1)
            slip = s[:i] + rng.choice("aeiourn") + s[i + 1:]  # one-letter slip, as copy desks make
            return p.name.replace(s, slip)
        return p.name

    def full(self, p: Person, lead: bool = False) -> str:
        """First mention with title and rank; later, rank or Mr/Ms and surname, or just the surname."""
        rng = self.rng
        if p.name in self.seen:
            short = rng.random()
            if p.rank and short < 0.6:
                return f"{p.rank} {p.surname}"
            if short < 0.3:
                return f"{'Ms' if p.female else 'Mr'} {p.surname}"
            return p.surname
        self.seen.add(p.name)
        rank = f"{p.rank} " if p.rank else ""
        office = p.office
        if p.country == "Italy" and "Ital" not in office and rng.random() < 0.7:
            office = rng.choice([f"Italian {office}", f"Italy's {office}"])
        if p.office[0].islower() or (not lead and rng.random() < 0.3):  # "Captain X, commander of ITS Y,"
            return f"{rank}{self.name(p)}, {p.office},"
        return f"{office} {rank}{self.name(p)}"

    def when(self, day: dt.date, days: int = 1) -> str:
        """A date phrase for a day as a journalist writing on `pub` would put it."""
        rng = self.rng
        delta = (self.pub - day).days
        if days > 1:
            end = day + dt.timedelta(days=days - 1)
            if end.month == day.month:
                return f"from {MONTHS[day.month - 1]} {day.day}-{end.day}, {day.year}"
            return f"from {MONTHS[day.month - 1]} {day.day} to {MONTHS[end.month - 1]} {end.day}"
        if 0 <= delta <= 5 and rng.random() < 0.6:
            return f"on {WEEKDAYS[day.weekday()]}"
        if rng.random() < 0.5:
            return f"on {MONTHS[day.month - 1]} {day.day}"
        return f"on {MONTHS[day.month - 1]} {day.day}, {day.year}"

    def quote(self, p: Person) -> str:
        line = self.rng.choice([
            "Our partnership has acquired a strong defence and security dimension",
            "The talks were productive and reflect the growing trust between our two countries",
            "India and Italy share a commitment to a free, open and rules-based maritime order",
            "We look forward to further consolidating our defence partnership",
            "Industry on both sides is ready to co-develop and co-produce",
        ])
        verb = self.rng.choice(["said", "told reporters", "added", "stated"])
        return f"\"{line},\" {self.full(p)} {verb}."


def body(w: Writer, h: Happening, background: Happening | None) -> list[str]:
    """The paragraphs of the story of one happening."""
    rng = w.rng
    when = w.when(h.date, h.days)
    paras: list[str] = []
    if h.kind == "exercise":
        a, b = h.people
        s_in, s_it = h.extra["ships"]  # type: ignore[misc]
        paras.append(f"Indian Navy {rng.choice(SHIP_KINDS_IN)} {s_in} and Italian Navy {rng.choice(SHIP_KINDS_IT)} "
                     f"{s_it} carried out a {h.days}-day Maritime Partnership Exercise (MPX) in the {h.place} "
                     f"{when}, the Navy said.")
        paras.append("The exercise included air defence drills, replenishment at sea and cross-deck helicopter "
                     f"operations. The Indian ship, commanded by {w.full(a)} had called at {h.extra['port']} on a "
                     "four-day port call.")
        paras.append(f"During the stay, {w.full(a)} called on {w.full(b)} and the two discussed avenues for "
                     "enhancing interoperability.")
        paras.append(w.quote(a))
    elif h.kind == "committee":
        a, b = h.people
        paras.append(f"{w.full(a, lead=True)} co-chaired the {ORDINALS[int(h.extra['round'])]} meeting of the "  # type: ignore[call-overload]
                     f"India-Italy {h.extra['body']} with {w.full(b)} in {h.place} {when}.")
        paras.append(f"The meeting reviewed defence, security and industrial cooperation, including "
                     f"{rng.choice(TOPICS)} and information-sharing arrangements between the two nations.")
        paras.append(w.quote(rng.choice(h.people)))
    elif h.kind == "dialogue":
        a, b = h.people
        paras.append(f"India and Italy held the {ORDINALS[int(h.extra['round'])]} round of their "  # type: ignore[call-overload]
                     f"{h.extra['name']} in {h.place} {when}.")
        paras.append(f"The Indian side was led by {w.full(a if a.country == 'India' else b)} while the Italian "
                     f"delegation was led by {w.full(b if b.country == 'Italy' else a)}.")
        paras.append(w.quote(a))
    else:
        visitor, host = h.people
        verb = rng.choice(["held bilateral talks with", "met", "called on", "held a meeting with"])
        if h.kind == "visit":
            country = "Italy" if host.country == "Italy" else "India"
            paras.append(f"{w.full(visitor, lead=True)} is on a {h.days}-day official visit to {country} {when}, "
                         "to strengthen India-Italy defence ties.")
            paras.append(f"During the visit, {w.full(visitor)} {verb} {w.full(host)} in {h.place} and discussed "
                         f"{h.extra['topic']}.")
            if rng.random() < 0.4:
                memorial = rng.choice(["Cassino", "Mumbai", "Delhi"])
                paras.append(f"{w.full(visitor)} also laid a wreath at the {memorial} war memorial to pay homage "
                             "to fallen soldiers.")
        elif h.kind == "seminar":
            paras.append(f"{w.full(visitor, lead=True)} delivered the keynote address at the India-Italy Defence "
                         f"Industry Roundtable in {h.place} {when}.")
            paras.append(f"{w.full(host)} also addressed the roundtable, which was attended by companies and "
                         "start-ups from both countries.")
        else:
            paras.append(f"{w.full(visitor, lead=True)} {verb} {w.full(host)} in {h.place} {when} and discussed "
                         f"{h.extra['topic']}.")
        if h.kind == "signing":
            (in_co, in_acr), (it_co, _) = h.extra["companies"]  # type: ignore[misc]
            s1, s2 = h.extra["signers"]  # type: ignore[misc]
            named = f"{in_co} ({in_acr})" if in_acr else in_co
            inst = h.extra["instrument"]
            paras.append(f"In their presence, a {inst} on {h.extra['topic']} was signed between {named} and the "
                         f"Italian firm {it_co}.")
            paras.append(f"The {inst if inst != 'agreement' else 'agreement'} was signed by {w.full(s1)} and "
                         f"{w.full(s2)}.")
        elif "agreement" in h.extra:
            paras.append(f"An {h.extra['agreement']} was also signed between India and Italy.")
        paras.append(w.quote(visitor))
    paras.append(rng.choice([
        "Defence and military ties between the two countries have witnessed steady expansion.",
        "India and Italy elevated their relationship to a Strategic Partnership in March 2023.",
        "Italy has been a source of procurement of military hardware and platforms by India's armed forces.",
        "Both sides agreed to explore co-development and co-production of military platforms.",
    ]))
    if background is not None and background.date < h.date and background.kind in {"meeting", "visit", "signing"}:
        a, b = background.people
        paras.append(f"Earlier, in {MONTHS[background.date.month - 1]} {background.date.year}, "
                     f"{w.full(a)} had met {w.full(b)} in {background.place}.")
    return paras


HEADLINE_BITS = ["Sensex ends {n} points higher on banking gains", "Monsoon to reach Kerala in {n} days, says IMD",
                 "T20: Mumbai beat Chennai by {n} runs", "Gold prices rise by Rs {n} per 10 grams",
                 "{n} students clear state entrance exam in Pune", "Metro services hit in Delhi for {n} hours",
                 "Film festival opens with {n} entries from Asia", "Heatwave: {n} districts on alert in Rajasthan"]


def headline(w: Writer, h: Happening) -> str:
    a = h.people[0]
    return {
        "exercise": "Indian and Italian navies hold maritime partnership exercise",
        "committee": "India, Italy review defence ties at joint committee meeting",
        "dialogue": "India and Italy hold defence dialogue",
        "signing": "Indian and Italian firms sign pact on defence production",
        "seminar": "India-Italy defence industry roundtable held",
        "visit": f"{a.surname} visits {'Italy' if h.people[1].country == 'Italy' else 'India'} to boost defence ties",
    }.get(h.kind, f"{a.surname} holds talks with Italian counterpart")


def other_headlines(rng: random.Random, k: int) -> list[str]:
    return [rng.choice(HEADLINE_BITS).format(n=rng.randrange(2, 900)) for _ in range(k)]


def article(c: Corpus, h: Happening, background: Happening | None) -> tuple[str, str]:
    """(suffix, text) of one article about a happening."""
    rng = c.rng
    pub = h.date + dt.timedelta(days=h.days - 1 + rng.choice([0, 0, 1]))
    w = Writer(c, pub)
    style = rng.choices(["ANI", "PTI", "IANS", "Reuters", "ANSA", "PIB", "md", "plain"],
                        weights=[22, 18, 14, 8, 8, 10, 12, 8])[0]
    paras = body(w, h, background)
    place = h.place if h.place in IN_PLACES + IT_PLACES else rng.choice(["New Delhi", "Rome"])
    country = "Italy" if place in IT_PLACES else "India"
    mon, day = MONTHS[pub.month - 1], pub.day
    also = [f"Also Read | {t}." for t in other_headlines(rng, rng.randrange(0, 3))]
    for line in also:  # "Also Read" lines land between paragraphs
        paras.insert(rng.randrange(1, len(paras)), line)
    if style == "ANI":
        paras[0] = f"{place} [{country}], {mon} {day} (ANI): {paras[0]}"
        paras[-1] += " (ANI)"
        if rng.random() < 0.5:
            paras.append("(This story has not been edited by our staff and is auto-generated from a syndicated feed.)")
        return ".txt", "\n\n".join(paras) + "\n"
    if style == "PTI":
        paras[0] = f"{place}, {mon[:3]} {day} (PTI) {paras[0]}"
        paras[-1] += " PTI " + " ".join(rng.choice(["ABC", "RHL", "SKS", "NSD", "KVK"]) for _ in range(2))
        return ".txt", "\n\n".join(paras) + "\n"
    if style == "IANS":
        head = headline(w, h)
        top = [f"{mon} {day}, {pub.year} {rng.randrange(1, 12)}:{rng.randrange(60):02d} PM हिंदी", head, head]
        paras[0] = f"{place}, {mon[:3]} {day} (IANS) {paras[0]}"
        tail = ["--IANS", "akl/as", "LATEST NEWS"] + [t for t in other_headlines(rng, 4) for t in (t, t)]
        return ".txt", "\n\n".join(top + paras + tail) + "\n"
    if style == "Reuters":
        paras[0] = f"{place.upper()}, {mon} {day} (Reuters) - {paras[0]}"
        reporter = f"{rng.choice(['Gianni', 'Asha', 'Sara'])} {rng.choice(['Verdi', 'Nair', 'Russo'])}"
        paras.append(f"(Reporting by {reporter}; Editing by Desk Staff)")
        return ".txt", "\n\n".join(paras) + "\n"
    if style == "ANSA":
        paras[0] = f"{place}, {mon} {day} (ANSA) - {paras[0]}"
        paras.append("ALL RIGHTS RESERVED © Copyright ANSA")
        return ".txt", "\n\n".join(paras) + "\n"
    if style == "PIB":
        top = ["Ministry of Defence", f"Posted On: {day:02d} {mon[:3].upper()} {pub.year} "
               f"{rng.randrange(1, 12)}:{rng.randrange(60):02d}PM by PIB Delhi"]
        return ".txt", "\n\n".join(top + paras) + "\n"
    if style == "md":
        outlet = rng.choice(OUTLETS_MD)
        slug = headline(w, h).lower().replace(",", "").replace(" ", "-")
        front = ["---", f"title: {headline(w, h)}", f"outlet: {outlet}", f"published: {pub.isoformat()}",
                 f"url: https://example.org/{outlet.lower().replace(' ', '-')}/{pub.year}/{slug}", "---"]
        if rng.random() < 0.5:
            paras[0] = f"{place.upper()}: {paras[0]}"
        return ".md", "\n".join(front) + "\n" + "\n\n".join(paras) + "\n\nLATEST NEWS\n\n" + \
            "\n\n".join(other_headlines(rng, 3)) + "\n"
    paras[0] = f"date {pub.isoformat()} {paras[0]}"
    return ".txt", "\n\n".join(paras) + "\n"


def make_corpus(n: int, out: Path, seed: int = 1) -> list[Path]:
    """Write n articles into `out` (created if missing); returns their paths in order."""
    c = Corpus(n, seed)
    events = happenings(c, max(1, int(n * 0.65)))
    rng = c.rng
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    # Most happenings have one story; about a third of the stories are another outlet's copy of one.
    order = list(range(len(events))) + [rng.randrange(len(events)) for _ in range(n - len(events))]
    rng.shuffle(order)
    for i, j in enumerate(order):
        earlier = events[max(0, j - 30): j] if rng.random() < 0.3 else []
        suffix, text = article(c, events[j], rng.choice(earlier) if earlier else None)
        digest = hashlib.sha256(text.encode()).hexdigest()[:16]
        path = out / f"{i:05d}_{digest}{suffix}"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out", type=Path, help="folder to write them into")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1): same seed, same corpus")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("N must be at least 1")
    paths = make_corpus(args.n, args.out, args.seed)
    print(f"wrote {len(paths)} articles to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
