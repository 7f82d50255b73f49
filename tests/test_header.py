"""Headline, outlet and language of an article: from its header lines, its credits and its text."""

from __future__ import annotations

import datetime as dt

import pytest

from kb.extract.doc import parse_article
from kb.ingest import RawArticle

TODAY = dt.date(2026, 11, 22)
STORY = ("The two navies began a joint exercise off the coast on Friday, officials said after the ships left "
         "harbour together for a week at sea.")


def parsed(body: str, **meta: str):  # noqa: ANN201
    return parse_article(RawArticle("a.txt", "a", body, dict(meta)), today=TODAY).source


# ---------------------------------------------------------------- headlines
@pytest.mark.parametrize("top, title", [
    ("Navies begin joint drills", "Navies begin joint drills"),
    ("date 2024-03-01 Navies begin joint drills", "Navies begin joint drills"),
    ("date 2024-03-01 Main Menu\nNavies begin joint drills", "Navies begin joint drills"),
    ("date 2024-03-01 scorecardresearch\nNavies begin joint drills", "Navies begin joint drills"),
    ("@navyspokes\nNavies begin joint drills", "Navies begin joint drills"),
    ("Home / World News / Navies begin joint drills at sea", "Navies begin joint drills at sea"),
    ("  1. Example.com\n  3. Navies begin joint drills", "Navies begin joint drills"),
    ("Coastal Courier News Service\nNavies begin joint drills", "Navies begin joint drills"),
    ("Press Trust of India Goa\nNavies begin joint drills", "Navies begin joint drills"),
    ("Navies begin joint drills\nPanaji, March 13\n", "Navies begin joint drills"),
    ("Image Source : PTI Sailors of the two navies on the deck of a frigate\nNavies begin joint drills",
     "Navies begin joint drills"),
    ("Sailors of the two navies on the deck of a frigate (Photo - Navy spokesman)\nNavies begin joint drills",
     "Navies begin joint drills"),
    ("Defence ministry press release · 13 March 2026 · archive\nNavies begin joint drills",
     "Navies begin joint drills"),
    ("EXCLUSIVE: Navies begin joint drills", "Navies begin joint drills"),
    ("IL FATTO - Le marine iniziano le esercitazioni [FOTO MARIO BIANCHI]", "Le marine iniziano le esercitazioni"),
    ("di Anna Verdi\nLe marine iniziano le esercitazioni", "Le marine iniziano le esercitazioni"),
    ("Will the navies build ships together?", "Will the navies build ships together?"),
])
def test_the_headline_is_the_first_header_line_that_is_no_debris(top: str, title: str) -> None:
    assert parsed(f"{top}\n{STORY}").title == title


@pytest.mark.parametrize("body, title", [
    (STORY, STORY),
    (f"date 2024-03-01 Panaji: {STORY}", STORY),
    (f"PANAJI, March 13 (PTI) {STORY}", STORY),
    (f"Panaji: {STORY} PTI Photo", STORY),
    # The end of a sentence cut off above, and a pull quote printed again in the story, are skipped.
    (f"and were cleared to sail by the port.\n\n{STORY}", STORY),
    (f"“We are ready,” the admiral said of the exercise that starts today.\n\n{STORY}\n\n"
     "“We are ready,” the admiral said of the exercise that starts today.", STORY),
])
def test_without_a_headline_the_title_is_the_first_sentence_whole(body: str, title: str) -> None:
    assert parsed(body).title == title


def test_a_long_first_sentence_is_cut_at_a_clause() -> None:
    sentence = ("The two navies, which have held exercises together every year since the first agreement, began "
                "a joint exercise off the coast on Friday with two carriers, four frigates, two submarines and "
                "their aircraft, officials said after the ships left harbour together.")
    title = parsed(sentence).title
    assert title is not None and title.endswith("…") and sentence.startswith(title[:-1])
    assert len(title.split()) <= 30


def test_front_matter_wins() -> None:
    assert parsed(f"Navies begin joint drills\n{STORY}", title="Drills at sea").title == "Drills at sea"


# ---------------------------------------------------------------- outlets
@pytest.mark.parametrize("body, outlet", [
    (f"Panaji, March 13 (PTI) {STORY}", "PTI"),
    (f"PANAJI (Reuters) - {STORY}", "Reuters"),
    (f"Navies begin joint drills\n(Bloomberg) -- {STORY}", "Bloomberg"),
    (f"Navies begin joint drills\nPTI\nPanaji,\n{STORY}", "PTI"),
    (f"Navies begin joint drills\nWritten by PTI\n{STORY}", "PTI"),
    (f"Navies begin joint drills\nSource :ANI\nAuthor :ANI\n{STORY}", "ANI"),
    (f"Navies begin joint drills\nPTIUpdated: Friday, March 13, 2026, 11:17 PM IST\n{STORY}", "PTI"),
    (f"Navies begin joint drills\nPress Trust of India Goa\n{STORY}", "PTI"),
    (f"date 2024-03-01 Tribune News Service\n{STORY}", "The Tribune"),
    (f"Navies begin joint drills\nBy HT News Desk\n{STORY}", "Hindustan Times"),
    (f"Navies begin joint drills Posted On: 13 MAR 2026 3:06PM by PIB Delhi {STORY}", "PIB"),
    (f"{STORY}\n\nThe ships return next week.\n\n--IANS", "IANS"),
    (f"{STORY}\n\nThe ships return next week. (ANSA).", "ANSA"),
    (f"{STORY}\n\n(With inputs from PIB)", "PIB"),
    (f"ROMA (ITALPRESS) – {STORY}", "Italpress"),
    (f"(ANSA) - ROMA, 10 OTT - {STORY}", "ANSA"),
])
def test_the_outlet_is_read_from_credits(body: str, outlet: str) -> None:
    assert parsed(body).outlet == outlet


@pytest.mark.parametrize("body", [
    f"Navies begin joint drills\n{STORY}",
    f"Image Source : PTI Sailors of the two navies on deck\n{STORY}",
    f"{STORY}\n\nPhotograph: ANI on X",
    f"Navies begin joint drills\n{STORY} The admiral told PTI the drills went well.",
])
def test_no_outlet_from_image_credits_or_the_story(body: str) -> None:
    assert parsed(body).outlet is None


def test_front_matter_outlet_wins() -> None:
    assert parsed(f"Panaji, March 13 (PTI) {STORY}", outlet="The Coastal Courier").outlet == "The Coastal Courier"


# ---------------------------------------------------------------- language
@pytest.mark.parametrize("body, language", [
    (STORY, "en"),
    ("Il ministro della Difesa ha incontrato oggi il suo omologo indiano a Roma, per discutere della "
     "cooperazione nel settore navale e delle esercitazioni congiunte.", "it"),
    ("Le ministre de la Défense a rencontré aujourd'hui son homologue indien à Rome pour discuter de la "
     "coopération navale et des exercices.", "fr"),
    ("Der Verteidigungsminister hat heute seinen indischen Amtskollegen in Rom getroffen, um die "
     "Zusammenarbeit der Marine zu besprechen.", "de"),
])
def test_the_language_is_detected(body: str, language: str) -> None:
    assert parsed(body).language == language


def test_front_matter_language_wins() -> None:
    assert parsed(STORY, language="it").language == "it"


# ---------------------------------------------------------------- press releases
def test_a_press_release_is_credited_to_its_sender_and_titled_under_its_dateline() -> None:
    body = ("COASTAL COMMAND\nDirectorate of Public Affairs\n\nPRESS RELEASE\n\nPanaji. 13 March 2026.\n\n"
            f"NAVIES BEGIN JOINT DRILLS OFF GOA\n\n{STORY}")
    source = parsed(body)
    assert source.title == "NAVIES BEGIN JOINT DRILLS OFF GOA"
    assert source.outlet == "Directorate of Public Affairs"
    assert source.published == "2026-03-13"


def test_a_ministrys_statement_is_titled_by_its_title_not_its_sender() -> None:
    body = ("Ministry of Coastal Affairs\nGovernment of Goa\n\nJoint statement on naval drills\n\n"
            f"March 13, 2026\n\n{STORY}")
    source = parsed(body)
    assert (source.title, source.outlet) == ("Joint statement on naval drills", "Ministry of Coastal Affairs")


def test_a_wire_desks_slug_is_not_part_of_the_headline() -> None:
    assert parsed(f"UPDATE 2-Navies begin joint drills\n\nPANAJI, March 13 (Reuters) - {STORY}").title == \
        "Navies begin joint drills"


def test_a_page_that_is_only_a_dateline_line() -> None:
    source = parsed("Intro line\nPANAJI, 13 MARCH 2026")
    assert source.published == "2026-03-13"
