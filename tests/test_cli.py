"""The `kb` command: add, check, and build with a curation file, on small invented articles."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kb.cli import main

MEETING = """\
Rome, May 3 (ANI): Defence Minister Arun Bhatia met Italian Defence Minister Silvia Marchetti in Rome on Friday, \
and the two sides signed a Memorandum of Understanding on Defence Cooperation.

Bhatia said the partnership with Italy was growing and that the two navies would hold a joint exercise in the \
Arabian Sea later this year. (ANI)
"""
VISIT = """\
New Delhi, June 10 (PTI): Italian Defence Minister Silvia Marcheti visited New Delhi on Monday and held talks with \
Defence Minister Arun Bhatia on defence industrial cooperation.

The two ministers reviewed the progress made since their meeting in Rome in May, officials said. (PTI)
"""


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # the extraction cache (.kb-cache) goes where the build runs
    (tmp_path / "seeds").mkdir()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "meeting.txt").write_text(MEETING, encoding="utf-8")
    (tmp_path / "in" / "visit.txt").write_text(VISIT, encoding="utf-8")
    return tmp_path


def kb(project: Path, *args: str) -> int:
    """Run `kb` inside the project, with its seeds and out folders."""
    command, *rest = args
    writes_pages = command in ("build", "add")
    folders = ["--seeds", str(project / "seeds")] + (["--out", str(project / "docs")] if writes_pages else [])
    return main([command, *rest, *folders])


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    return yaml.safe_load(text.split("---\n")[1])


# ---------------------------------------------------------------- kb add
def test_add_copies_under_a_clean_name_with_front_matter_and_reports_what_is_new(project: Path, capsys):
    assert kb(project, "add", str(project / "in" / "meeting.txt"), "--published", "2024-05-03",
              "--outlet", "ANI", "--url", "https://example.org/meeting") == 0
    [seed] = (project / "seeds").iterdir()
    assert seed.name == "2024-05-03_defence-minister-arun-bhatia-met-italian-defence-minister.md"
    assert front_matter(seed) == {"url": "https://example.org/meeting", "outlet": "ANI",
                                  "published": __import__("datetime").date(2024, 5, 3)}
    assert seed.read_text(encoding="utf-8").endswith(MEETING)
    out = capsys.readouterr().out
    assert f"added {project / 'seeds' / seed.name} (from {project / 'in' / 'meeting.txt'})" in out
    assert "new people: Arun Bhatia (India); Silvia Marchetti (Italy)" in out
    assert "new events: 2024-05-03 Arun Bhatia meets Silvia Marchetti in Rome" in out
    assert "new agreements: Memorandum of Understanding on Defence Cooperation (2024-05-03)" in out
    assert (project / "docs" / "people" / "silvia-marchetti.md").is_file()


def test_add_reports_a_spelling_merged_into_an_existing_person(project: Path, capsys):
    kb(project, "add", str(project / "in" / "meeting.txt"), "--published", "2024-05-03")
    capsys.readouterr()
    assert kb(project, "add", str(project / "in" / "visit.txt"), "--published", "2024-06-10") == 0
    out = capsys.readouterr().out
    assert "merged: Silvia Marcheti → Silvia Marchetti (existing)" in out
    assert "existing people: Arun Bhatia (India); Silvia Marchetti (Italy)" in out
    assert "new people" not in out
    assert "existing events: 2024-05-03 Arun Bhatia meets Silvia Marchetti in Rome" in out


def test_add_keeps_the_files_own_front_matter_under_what_was_given(project: Path):
    article = project / "in" / "noted.md"
    article.write_text("---\ntitle: Ministers meet in Rome\npublished: 2020-01-01\nmy-note: checked by R.\n---\n"
                       + MEETING, encoding="utf-8")
    assert kb(project, "add", str(article), "--published", "2024-05-03", "--outlet", "ANI") == 0
    [seed] = (project / "seeds").iterdir()
    assert seed.name == "2024-05-03_ministers-meet-in-rome.md"
    meta = front_matter(seed)
    assert meta["title"] == "Ministers meet in Rome" and meta["my-note"] == "checked by R."
    assert str(meta["published"]) == "2024-05-03" and meta["outlet"] == "ANI"


def test_add_stores_a_saved_web_page_as_its_text_and_title(project: Path):
    page = project / "in" / "page.html"
    paragraphs = "".join(f"<p>{p}</p>" for p in MEETING.split("\n\n"))
    page.write_text(f"<!doctype html><html><head><title>Ministers meet in Rome</title></head><body><nav>Home</nav>"
                    f"<article>{paragraphs}</article></body></html>", encoding="utf-8")
    assert kb(project, "add", str(page), "--published", "2024-05-03") == 0
    [seed] = (project / "seeds").iterdir()
    assert seed.name == "2024-05-03_ministers-meet-in-rome.md"
    assert front_matter(seed)["title"] == "Ministers meet in Rome"
    text = seed.read_text(encoding="utf-8")
    assert "<p>" not in text and "Arun Bhatia met Italian Defence Minister Silvia Marchetti" in text


def test_add_never_overwrites_a_seed_with_the_same_name(project: Path):
    for n, text in enumerate((MEETING, VISIT)):
        article = project / "in" / f"same-title-{n}.md"
        article.write_text(f"---\ntitle: Defence talks\n---\n{text}", encoding="utf-8")
        assert kb(project, "add", str(article), "--published", "2024-06-10") == 0
    names = sorted(p.name for p in (project / "seeds").iterdir())
    assert names == ["2024-06-10_defence-talks-2.md", "2024-06-10_defence-talks.md"]


def test_add_names_an_article_it_cannot_date_undated(project: Path, capsys):
    article = project / "in" / "no-date.txt"
    article.write_text(MEETING.replace("Rome, May 3 (ANI): ", ""), encoding="utf-8")
    assert kb(project, "add", str(article)) == 0
    [seed] = (project / "seeds").iterdir()
    assert seed.name.startswith("undated_defence-minister-arun-bhatia")
    assert "no publication date found" in capsys.readouterr().out


def test_add_refuses_an_article_already_there_under_another_name(project: Path, capsys):
    kb(project, "add", str(project / "in" / "meeting.txt"), "--published", "2024-05-03")
    [seed] = (project / "seeds").iterdir()
    capsys.readouterr()
    reflowed = project / "in" / "reflowed.md"
    reflowed.write_text("---\noutlet: ANI\n---\n" + "  ".join(MEETING.split()) + "\n", encoding="utf-8")
    assert kb(project, "add", str(reflowed)) == 1
    err = capsys.readouterr().err
    assert f"refused {reflowed}: same text as {seed.name}" in err
    assert [p.name for p in (project / "seeds").iterdir()] == [seed.name]


def test_add_refuses_urls_and_unreadable_files_but_adds_the_rest(project: Path, capsys):
    empty = project / "in" / "empty.txt"
    empty.write_text("   \n")
    binary = project / "in" / "photo.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01")
    code = kb(project, "add", "https://example.org/news/1", str(empty), str(binary),
              str(project / "in" / "missing.txt"), str(project / "in" / "meeting.txt"))
    assert code == 1
    err = capsys.readouterr().err
    assert "refused https://example.org/news/1: is a URL" in err and "save the page (or its text) to a file" in err
    assert f"refused {empty}: empty file" in err
    assert f"refused {binary}: binary file" in err
    assert f"refused {project / 'in' / 'missing.txt'}: cannot be read" in err
    assert len(list((project / "seeds").iterdir())) == 1


def test_add_refuses_two_copies_given_at_once(project: Path, capsys):
    twin = project / "in" / "twin.txt"
    twin.write_text(MEETING)
    assert kb(project, "add", str(project / "in" / "meeting.txt"), str(twin)) == 1
    assert len(list((project / "seeds").iterdir())) == 1
    assert f"refused {twin}: same text as" in capsys.readouterr().err


def test_add_checks_its_options(project: Path, capsys):
    assert kb(project, "add", str(project / "in" / "meeting.txt"), "--published", "May 2024") == 2
    assert kb(project, "add", str(project / "in" / "meeting.txt"), str(project / "in" / "visit.txt"),
              "--url", "https://example.org/a") == 2
    assert list((project / "seeds").iterdir()) == []
    assert "expected a date like 2023-10-09" in capsys.readouterr().err


def test_add_copies_nothing_while_the_curation_file_is_broken(project: Path, capsys):
    (project / "curation.yml").write_text("people:\n  nobody: {country: Italy}\n")
    assert kb(project, "add", str(project / "in" / "meeting.txt")) == 1
    assert list((project / "seeds").iterdir()) == []
    assert "curation.yml:2: people.nobody: unknown person id 'nobody'" in capsys.readouterr().err


# ---------------------------------------------------------------- kb check
def test_check_is_quiet_and_exits_0_when_nothing_needs_a_decision(project: Path, capsys):
    kb(project, "add", str(project / "in" / "meeting.txt"), "--published", "2024-05-03")
    capsys.readouterr()
    assert kb(project, "check") == 0
    assert capsys.readouterr().out == "kb check: 1 articles, nothing to decide\n"


def test_check_lists_each_finding_and_writes_nothing(project: Path, capsys):
    seeds = project / "seeds"
    (seeds / "a.md").write_text("---\npublished: 2024-05-03\n---\n" + MEETING.replace("Marchetti", "Marchi"))
    (seeds / "b.txt").write_text(VISIT.replace("Marcheti", "Marhci").replace("New Delhi, June 10 (PTI): ", ""))
    (seeds / "c.txt").write_bytes(b"")
    (project / "curation.yml").write_text("events:\n  drop: [no-such-event]\n")
    before = snapshot(project)
    assert kb(project, "check") == 1
    assert snapshot(project) == before
    lines = capsys.readouterr().out.splitlines()
    curation = project / "curation.yml"
    assert f"{curation}:2: events.drop: unknown event id 'no-such-event'" in lines
    assert f"{seeds / 'c.txt'}: unreadable: empty file" in lines
    assert (f"{seeds / 'b.txt'}: no publication date; give it `published:` in its front matter "
            "or sources.b.published in curation.yml") in lines
    assert ("people silvia-marchi and silvia-marhci may be one person (Silvia Marchi / Silvia Marhci, Italy); "
            "list them under people.merge or people.distinct in curation.yml") in lines
    # The undated article's two events (the visit and "their meeting in Rome") have no date either.
    undated = [line for line in lines if line.startswith("event ") and "has no date; set events." in line]
    assert len(undated) == 2 and len(lines) == 6


def test_check_findings_go_away_once_settled_in_curation(project: Path, capsys):
    seeds = project / "seeds"
    (seeds / "a.md").write_text("---\npublished: 2024-05-03\n---\n" + MEETING.replace("Marchetti", "Marchi"))
    (seeds / "b.md").write_text("---\npublished: 2024-06-10\n---\n" + VISIT.replace("Marcheti", "Marhci"))
    assert kb(project, "check") == 1
    assert "silvia-marchi and silvia-marhci may be one person" in capsys.readouterr().out
    (project / "curation.yml").write_text("people:\n  distinct: [[silvia-marchi, silvia-marhci]]\n")
    assert kb(project, "check") == 0
    (project / "curation.yml").write_text("people:\n  merge: [[silvia-marchi, silvia-marhci]]\n")
    assert kb(project, "check") == 0


def test_check_without_a_seeds_folder_is_a_usage_error(tmp_path: Path, capsys):
    assert main(["check", "--seeds", str(tmp_path / "nowhere")]) == 2
    assert "no articles folder" in capsys.readouterr().err


# ---------------------------------------------------------------- kb build with curation.yml
def seeded(project: Path) -> Path:
    for name, text, date in (("a.md", MEETING, "2024-05-03"), ("b.md", VISIT, "2024-06-10")):
        (project / "seeds" / name).write_text(f"---\npublished: {date}\n---\n{text}", encoding="utf-8")
    return project


def test_build_applies_curation_beside_the_seeds_folder_on_every_rebuild(project: Path, capsys):
    seeded(project)
    curation = project / "curation.yml"
    curation.write_text("people:\n  silvia-marchetti:\n    aliases: [S. Marchetti]\n    country: Italy\n")
    for _ in range(2):
        assert kb(project, "build") == 0
        person = front_matter(project / "docs" / "people" / "silvia-marchetti.md")
        assert person["curated"] is True and "S. Marchetti" in person["aliases"]
    assert front_matter(project / "docs" / "people" / "arun-bhatia.md")["curated"] is False
    assert curation.read_text() == "people:\n  silvia-marchetti:\n    aliases: [S. Marchetti]\n    country: Italy\n"


def test_build_with_a_named_curation_file_drops_a_person_everywhere(project: Path):
    seeded(project)
    other = project / "fixes.yml"
    other.write_text("people:\n  drop: [silvia-marchetti]\n")
    assert kb(project, "build", "--curation", str(other)) == 0
    docs = project / "docs"
    assert not (docs / "people" / "silvia-marchetti.md").exists()
    for page in (docs / "events").glob("2*.md"):
        assert "silvia-marchetti" not in front_matter(page)["participants"]


def test_a_curation_mistake_stops_the_build_before_anything_is_written(project: Path, capsys):
    seeded(project)
    assert kb(project, "build") == 0
    before = snapshot(project / "docs")
    (project / "curation.yml").write_text("people:\n  silvia-marchetti:\n    born: 1970\nevent: {}\n")
    (project / "seeds" / "b.md").unlink()  # a change the build would otherwise write
    assert kb(project, "build") == 1
    assert snapshot(project / "docs") == before
    err = capsys.readouterr().err
    assert "kb build: nothing written; fix the curation file:" in err
    assert "curation.yml:3: people.silvia-marchetti: unknown field 'born'; expected one of name, aliases" in err
    assert "curation.yml:4: top level: unknown key 'event'; expected one of people" in err


def test_a_broken_curation_file_on_a_first_build_creates_no_folder(project: Path, capsys):
    seeded(project)
    (project / "curation.yml").write_text("people: [\n")
    assert kb(project, "build") == 1
    assert not (project / "docs").exists()
    assert "curation.yml:2: not valid YAML" in capsys.readouterr().err


def test_help_lists_the_commands(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert all(name in out for name in ("build", "add", "check"))


def test_build_without_cache_leaves_no_cache_and_writes_the_same_pages(project: Path):
    seeded(project)
    assert kb(project, "build", "--no-cache", "--jobs", "2") == 0
    assert not (project / ".kb-cache").exists()
    uncached = snapshot(project / "docs")
    assert kb(project, "build") == 0
    assert (project / ".kb-cache").is_dir()
    assert snapshot(project / "docs") == uncached


def test_build_refuses_a_job_count_below_one(project: Path, capsys):
    with pytest.raises(SystemExit) as done:
        kb(project, "build", "--jobs", "0")
    assert done.value.code == 2
    assert "must be 1 or more" in capsys.readouterr().err


def test_export_writes_tables_that_load_as_they_are(project: Path, capsys):
    import csv
    import json

    seeded(project)
    assert kb(project, "export", "--to", str(project / "out")) == 0
    files = sorted(p.name for p in (project / "out").iterdir())
    assert {"people.csv", "roles.csv", "events.csv", "agreements.csv", "evidence.csv", "people.json"} <= set(files)
    assert not (project / "docs").exists()  # the pages are not written
    with open(project / "out" / "people.csv", encoding="utf-8", newline="") as f:
        people = {row["name"]: row for row in csv.DictReader(f)}
    assert people["Arun Bhatia"]["country"] == "India"
    events = json.loads((project / "out" / "events.json").read_text(encoding="utf-8"))
    assert any("arun-bhatia" in e["participants"] and e["evidence"] for e in events)
    assert "exported 2 articles" in capsys.readouterr().out
