"""A small resolved KnowledgeBase to develop and test the page writer against.

Imported by test_pages.py and test_site.py (pytest puts tests/ on sys.path).
It has people with role histories, events of every date precision, agreements
with organisation parties, a source without a publication date, and hostile
strings wherever an article's text can reach a page.
"""

from __future__ import annotations

from kb.model import Agreement, Event, Evidence, KnowledgeBase, Organisation, Person, Problem, Role, Source

NASTY_NAME = 'O\'Hara: "The ---" <script>alert(1)</script> [x](javascript:alert(2)) # {: onclick=y}'
HOSTILE_TEXT = """Defence ministers of both countries met in Rome on Monday. The talks covered joint production.

<script>alert('article')</script> and <img src=x onerror=alert(1)> and [click](javascript:alert(3)).

# Not a heading
!!! warning "Not an admonition"
- not a list
1. not an ordered list
<https://evil.example/autolink> &lt;b&gt; {: onclick="x" }

The two sides signed a memorandum of understanding on
defence industrial cooperation.
"""

S1_TEXT = ("Asha Verma, India's Defence Minister, met her Italian counterpart Marco Bellini in Rome on 9 October. "
           "The ministers signed an agreement on defence cooperation. Giulia Conti joined the talks.")
S3_TEXT = "In 2024 the navies held the exercise in the Arabian Sea. Verma said ties were elevated in March 2023."


def sample_kb() -> KnowledgeBase:
    sources = {
        "000-aaa": Source(id="000-aaa", file="000_aaa.txt", title="Verma meets Bellini in Rome", outlet="ANI",
                          published="2023-10-10", published_basis="dateline",
                          url="https://news.example.com/verma-bellini?id=1&x=<2>", text=S1_TEXT),
        "001-bbb": Source(id="001-bbb", file="001_bbb.md", title=None, outlet=None, published=None,
                          published_basis="unknown", url="javascript:alert(1)", text=HOSTILE_TEXT,
                          warnings=["not valid UTF-8; read as Windows-1252 <b>(Latin-1)</b>"]),
        "002-ccc": Source(id="002-ccc", file="002_ccc.txt", title="Navies exercise", outlet="PTI",
                          published="2024-05-02", published_basis="text", text=S3_TEXT),
    }
    people = {
        "asha-verma": Person(id="asha-verma", name="Asha Verma", aliases=["A. Verma"], country="India",
                             roles=[Role("Defence Secretary", "India", "2019-08", "002-ccc"),
                                    Role("Defence Minister", "India", "2023-10-09", "000-aaa")],
                             events=["2023-10-09-verma-meets-bellini"], sources=["000-aaa", "002-ccc"]),
        "marco-bellini": Person(id="marco-bellini", name="Marco Bellini", country="Italy",
                                roles=[Role("Defence Minister", "Italy", "2023-10-09", "000-aaa")],
                                events=["2023-10-09-verma-meets-bellini"], sources=["000-aaa"]),
        "giulia-conti": Person(id="giulia-conti", name="Giulia Conti", country="Italy",
                               roles=[Role("Chief of Staff, Leonardo Spa", "Italy", None, "000-aaa")],
                               sources=["000-aaa"]),
        "ohara": Person(id="ohara", name=NASTY_NAME, aliases=["--- \n---\nfoo: bar", "'quoted'"],
                        country="France",
                        roles=[Role("Minister <b>of</b> Armed Forces", "France", "late <i>2023</i>", None)],
                        sources=["001-bbb"]),
    }
    organisations = {
        "sidm": Organisation(id="sidm", name="Society of Indian Defence Manufacturers", acronym="SIDM",
                             country="India", kind="industry", sources=["002-ccc"]),
        "leonardo": Organisation(id="leonardo", name="Leonardo Spa", acronym=None, country="Italy",
                                 kind="company", sources=["000-aaa"]),
    }
    events = {
        "2023-10-09-verma-meets-bellini": Event(
            id="2023-10-09-verma-meets-bellini", title="Asha Verma meets Marco Bellini in Rome", kind="meeting",
            date="2023-10-09", place="Rome", participants=["asha-verma", "marco-bellini", "giulia-conti"],
            organisations=["leonardo"], agreements=["2023-10-09-agreement-on-defence-cooperation"],
            evidence=[Evidence("000-aaa", "The ministers signed an agreement on defence cooperation.")],
            sources=["000-aaa"]),
        "2023-03-strategic-partnership": Event(
            id="2023-03-strategic-partnership", title="Relationship elevated to a Strategic Partnership",
            kind="visit", date="2023-03", background=True,
            evidence=[Evidence("002-ccc", "Verma said ties were elevated in March 2023.")], sources=["002-ccc"]),
        "2024-naval-exercise": Event(
            id="2024-naval-exercise", title="Naval exercise in the Arabian Sea", kind="exercise", date="2024",
            place="Arabian Sea", date_basis="publication", participants=["asha-verma"], organisations=["sidm"],
            evidence=[Evidence("002-ccc", "In 2024 the navies held the exercise in the Arabian Sea.")],
            sources=["002-ccc"]),
        "undated-dialogue": Event(
            id="undated-dialogue", title='Dialogue with France <img src=x onerror="alert(1)">', kind="dialogue",
            date=None, participants=["asha-verma", "ohara"], bilateral=False, sources=["001-bbb"]),
    }
    agreements = {
        "2023-10-09-agreement-on-defence-cooperation": Agreement(
            id="2023-10-09-agreement-on-defence-cooperation", title="Agreement on Defence Cooperation",
            kind="agreement", date="2023-10-09", parties=["India", "Italy"],
            signatories=["asha-verma", "marco-bellini"], events=["2023-10-09-verma-meets-bellini"],
            evidence=[Evidence("000-aaa", "The ministers signed an agreement on defence cooperation.")],
            sources=["000-aaa"]),
        "2023-mou-industry": Agreement(
            id="2023-mou-industry", title="MoU on defence industrial cooperation", kind="mou", date="2023",
            parties=["sidm", "leonardo"],
            evidence=[Evidence("001-bbb", "The two sides signed a memorandum of understanding on\n"
                                          "defence industrial cooperation.")],
            sources=["001-bbb"]),
    }
    return KnowledgeBase(people=people, organisations=organisations, agreements=agreements, events=events,
                         sources=sources)


def sample_problems() -> list[Problem]:
    return [Problem("broken.txt", "binary file (contains NUL bytes), not a text article"),
            Problem("<script>x</script>.txt", "empty file")]
