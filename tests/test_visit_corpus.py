"""One two-day visit reported by six outlets (invented): one visit page with its programme, each part once.

The reports differ in wording and kind (talks, a meeting, a call on), two have no date of their own, and
one gives the wrong weekday for the talks; the build shows that conflict instead of a second page.
"""

from pathlib import Path

import yaml

from kb.build import build
from kb.check import check

ARTICLES = {
    "a1.md": "".join([
        "---\n",
        "title: Italian Defence Minister Carla Bellandi begins two-day visit to India\n",
        "outlet: Press Information Bureau\n",
        "published: 2029-03-12\n",
        "---\n",
        "NEW DELHI: Italian Defence Minister Carla Bellandi arrived in New Delhi on March 12, 2029 on a ",
        "two-day official visit to India from March 12-13, 2029.\n",
        "\n",
        "Defence Minister Devendra Sahni held talks with Carla Bellandi in New Delhi on March 12, 2029. ",
        "The two ministers reviewed defence industrial cooperation and maritime security.\n",
        "\n",
        "Earlier in the day, Carla Bellandi laid a wreath at the National War Memorial in New Delhi.\n",
    ]),
    "a2.md": "".join([
        "---\n",
        "published: 2029-03-12\n",
        "outlet: ANI\n",
        "---\n",
        "Sahni, Bellandi hold talks on defence industry\n",
        "\n",
        "Defence Minister Devendra Sahni on Monday met Italian Defence Minister Carla Bellandi in New ",
        "Delhi and discussed co-production of naval systems.\n",
        "\n",
        "Bellandi, who is on a two-day visit to India, was given a guard of honour on her arrival.\n",
    ]),
    "a3.md": "".join([
        "---\n",
        "published: 2029-03-13\n",
        "outlet: PTI\n",
        "---\n",
        "Italian minister calls on Prime Minister Kapadia\n",
        "\n",
        "Italian Defence Minister Carla Bellandi on Tuesday called on Prime Minister Ravi Kapadia in New",
        " Delhi on the second day of her visit.\n",
        "\n",
        "On Monday, Bellandi had held talks with Defence Minister Devendra Sahni.\n",
    ]),
    "a4.txt": "".join([
        "India and Italy to deepen defence ties\n",
        "\n",
        "Italian Defence Minister Carla Bellandi, who is on a two-day visit to India, held talks with ",
        "Defence Minister Devendra Sahni in New Delhi.\n",
        "\n",
        "The ministers agreed to expand joint exercises and industrial partnerships.\n",
    ]),
    "a5.txt": "".join([
        "Bellandi meets Kapadia\n",
        "\n",
        "Italian Defence Minister Carla Bellandi met Prime Minister Ravi Kapadia in New Delhi and ",
        "conveyed greetings from Rome.\n",
    ]),
    "a6.md": "".join([
        "---\n",
        "published: 2029-03-13\n",
        "outlet: IANS\n",
        "---\n",
        "Defence ministers of India and Italy meet in Delhi\n",
        "\n",
        "Defence Minister Devendra Sahni held talks with his Italian counterpart Carla Bellandi in New ",
        "Delhi on Sunday during her two-day visit to India.\n",
    ]),
}


def front(page: Path) -> dict:
    return yaml.safe_load(page.read_text(encoding="utf-8").split("\n---", 1)[0][3:])


def test_six_reports_of_one_visit_build_one_visit_with_its_programme(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, text in ARTICLES.items():
        (seeds / name).write_text(text, encoding="utf-8")
    build(seeds, tmp_path / "docs", cache_dir=None)
    events = {p.stem: front(p) for p in (tmp_path / "docs" / "events").glob("*.md") if p.stem != "index"}
    [visit] = [e for e in events.values() if e["kind"] == "visit"]
    parts = {i: e for i, e in events.items() if e.get("part_of") == visit["id"]}
    assert len(events) == 1 + len(parts)  # nothing outside the visit, nothing twice
    talks = [e for e in parts.values() if "devendra-sahni" in e["participants"]]
    calls = [e for e in parts.values() if "ravi-kapadia" in e["participants"]]
    assert len(talks) == 1 and len(calls) == 1
    assert set(talks[0]["sources"]) == {"a1", "a2", "a3", "a4", "a6"} and set(calls[0]["sources"]) == {"a3", "a5"}
    assert talks[0]["date"] == "2029-03-12" and calls[0]["date"] == "2029-03-13"
    # The wrong weekday is kept as what one source says, and shown.
    versions = {v["value"]: v["sources"] for v in talks[0]["disagreements"]["date"]}
    assert versions["2029-03-11"] == ["a6"] and len(versions["2029-03-12"]) == 3
    talks_page = (tmp_path / "docs" / "events" / f"{talks[0]['id']}.md").read_text(encoding="utf-8")
    assert "Sources disagree on the date\n:   12 March 2029: 3 reports · 11 March 2029: 1 report" in talks_page
    visit_page = (tmp_path / "docs" / "events" / f"{visit['id']}.md").read_text(encoding="utf-8")
    programme = visit_page.split("## Programme", 1)[1].split("\n## ", 1)[0]
    assert programme.index("12 March 2029") < programme.index(talks[0]["id"]) < programme.index("13 March 2029") \
        < programme.index(calls[0]["id"])
    assert all(programme.count(f"({i}.md)") == 1 for i in parts)
    # The undated articles are dated by the days of what they report.
    for sid, day in (("a4", "2029-03-12"), ("a5", "2029-03-13")):
        source = front(tmp_path / "docs" / "sources" / f"{sid}.md")
        assert (source["published"], source["published_basis"]) == (day, "corroborated")
    _, findings = check(seeds)
    assert any("sources disagree on the date" in f and talks[0]["id"] in f for f in findings)
