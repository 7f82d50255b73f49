from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kb.ingest import read_article
from kb.pubdate import parse_dateline, publication_date, snowflake_date

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"  # the evaluation set, when it is beside the repository
TODAY = dt.date(2026, 11, 22)  # fixed, so that "the latest consistent year" does not move


def pub(body: str, meta: dict[str, str | None] | None = None, today: dt.date = TODAY):  # noqa: ANN201
    return publication_date(body, meta or {}, today=today)


# ---------------------------------------------------------------- the seeds and synthetic articles
@pytest.mark.parametrize("name, value, basis", [
    ("seeds/000_b859554c56ab1284.txt", "2023-10-10", "dateline"),
    ("seeds/001_4680b4b7be2bfbbf.txt", "2025-04-16", "dateline"),
    ("seeds/002_ccb9eaf7d9e42021.txt", "2026-02-27", "header"),
    ("seeds/003_de3963733ae000a1.txt", "2021-07-08", "header"),
    ("seeds/004_22d35e4030bd5676.md", "2023-03-02", "front-matter"),
    ("eval/synthetic/s01.txt", "2025-01-14", "header"),
    ("eval/synthetic/s02.txt", "2024-09-22", "dateline"),
    ("eval/synthetic/s03.txt", "2024-11-05", "dateline"),
    ("eval/synthetic/s04.txt", "2025-03-08", "dateline"),
    ("eval/synthetic/s05.md", "2025-06-19", "front-matter"),
    ("eval/synthetic/s06.txt", "2024-02-20", "header"),
])
def test_seed_and_synthetic_articles(name: str, value: str | None, basis: str) -> None:
    path = (REPO if name.startswith("seeds/") else SHARED) / name
    if not path.exists():
        pytest.skip(f"{path} is not here")
    art = read_article(path)
    p = publication_date(art.body, art.meta, today=TODAY)
    assert (p.value, p.basis) == (value, basis), p.warnings


def test_seed_000_rests_on_the_linked_post_even_with_todays_date() -> None:
    art = read_article(REPO / "seeds/000_b859554c56ab1284.txt")
    p = publication_date(art.body, art.meta)
    assert p.value == "2023-10-10"
    assert any("X post of 2023-10-10" in w for w in p.warnings)
    assert p.dateline is not None and (p.dateline.place, p.dateline.outlet) == ("Rome", "ANI")


def test_the_article_without_a_date_says_what_to_do() -> None:
    art = read_article(REPO / "seeds/004_22d35e4030bd5676.md")  # its text, without the date its front matter gives
    p = publication_date(art.body, {}, today=TODAY)
    assert p.warnings == ["no publication date found; give `published:` in the article's front matter"]


def test_synthetic_weekday_only_year_is_flagged() -> None:
    path = SHARED / "eval/synthetic/s02.txt"
    if not path.exists():
        pytest.skip(f"{path} is not here")
    art = read_article(path)
    p = publication_date(art.body, art.meta, today=TODAY)
    assert len(p.warnings) == 1 and "only the weekday" in p.warnings[0] and "Saturday" in p.warnings[0]


# ---------------------------------------------------------------- front matter
def test_front_matter_wins_over_everything() -> None:
    p = pub("Posted On: 14 JAN 2025 6:12PM\n\nRome, March 8: Talks.", {"published": "2025-06-19"})
    assert (p.value, p.basis, p.warnings) == ("2025-06-19", "front-matter", [])
    assert p.dateline is not None and p.dateline.place == "Rome"  # still read, for the place


@pytest.mark.parametrize("raw, value", [
    ("2025-06", "2025-06"),
    ("2025", "2025"),
    ("2025-06-19T08:30:00+05:30", "2025-06-19"),
    ("19 June 2025", "2025-06-19"),
])
def test_front_matter_forms(raw: str, value: str) -> None:
    assert pub("Text.", {"published": raw}).value == value


def test_an_invalid_front_matter_date_is_a_warning_and_the_search_goes_on() -> None:
    p = pub("Published: 12 May 2024\n\nText.", {"published": "2024-13-45"})
    assert (p.value, p.basis) == ("2024-05-12", "header")
    assert "2024-13-45" in p.warnings[0]


# ---------------------------------------------------------------- headers
@pytest.mark.parametrize("body, value", [
    ("Updated: Jan 5, 2025 10:14 IST\n\nThe talks were held.", "2025-01-05"),
    ("Ministry of Defence\nPosted On: 14 JAN 2025 6:12PM by PIB Delhi\n\nText.", "2025-01-14"),
    ("India, Italy hold talks\nLast Updated : Mar 3, 2024, 10:00 AM IST\n\nText.", "2024-03-03"),
    ("Thursday, 14 March 2024\n\nIndia and Italy met.", "2024-03-14"),
    ("February 27, 2026 7:29 PM हिंदी\n\nHeadline\n\nRome, Feb 27 (IANS) Text.", "2026-02-27"),
    ("date 2021-07-08 Chief of Army Staff met his counterpart on Thursday.", "2021-07-08"),
    ("By PTI | Updated: 14 May 2024 10:00 IST | Published: 12 May 2024 09:00 IST\n\nText.", "2024-05-12"),
    ("India, Italy talk\nUpdated - March 08, 2025 10:57 pm IST\n\nText.", "2025-03-08"),
    ("India, Italy talk\nBy HT News Desk\nMar 08, 2025 10:57 PM IST\n\nText.", "2025-03-08"),
    ("India, Italy talk\nDate: 08/03/2025\n\nText.", "2025-03-08"),
])
def test_headers(body: str, value: str) -> None:
    p = pub(body)
    assert (p.value, p.basis) == (value, "header")


def test_a_headline_with_a_month_is_not_a_header() -> None:
    p = pub("March 2023: India and Italy elevate ties\n\nThe two countries met in Rome.")
    assert (p.value, p.basis) == (None, "unknown")


def test_a_header_in_the_future_is_refused() -> None:
    p = pub("Published: 12 May 2030\n\nText.")
    assert p.value is None and "future" in p.warnings[0]


# ---------------------------------------------------------------- datelines
def test_dateline_with_a_year_needs_no_inference() -> None:
    p = pub("Rome, 12 May 2024 — India and Italy signed a pact.")
    assert (p.value, p.basis, p.warnings) == ("2024-05-12", "dateline", [])


def test_dateline_after_a_headline() -> None:
    p = pub("India and Italy hold talks\n\nRome, March 8: The dialogue comes after talks held in November 2024.")
    assert (p.value, p.basis) == ("2025-03-08", "dateline")
    assert "November 2024" in p.warnings[0]


def test_dateline_after_a_question_headline_and_a_byline() -> None:
    body = ("Will India and Italy build ships together?\nBy Staff Reporter\n\n"
            "Rome, Feb 27 (IANS) India and Italy on Friday discussed how to build warships together.")
    p = pub(body)
    assert p.dateline is not None and (p.dateline.place, p.dateline.outlet) == ("Rome", "IANS")
    assert p.value == "2026-02-27"


def test_dateline_year_from_a_linked_post() -> None:
    body = ("Rome [Italy], October 10 (ANI): The ministers met.\n\n"
            "https://twitter.com/someone/status/1711562088202874912?ref=x")
    p = pub(body)
    assert p.value == "2023-10-10" and "X post" in p.warnings[0]


def test_a_linked_post_rules_out_years_before_it() -> None:
    # The text mentions 2022 only; the post of October 2023 proves the article is not from 2022.
    body = ("Rome, October 12 (ANI): The ministers, who first met in March 2022, met again.\n\n"
            "https://x.com/someone/status/1711562088202874912")
    assert pub(body).value == "2023-10-12"


def test_dateline_without_any_evidence_gives_no_date() -> None:
    p = pub("Rome [Italy], October 10 (ANI): The ministers met in Rome.")
    assert (p.value, p.basis) == (None, "unknown")
    assert p.warnings == ["dateline gives October 10 but no year"]


def test_weekday_only_gives_the_latest_fitting_year_and_says_so() -> None:
    p = pub("Rome, Feb 27 (IANS) India and Italy on Friday discussed defence priorities.")
    assert p.value == "2026-02-27"  # February 27 fell on a Friday in 2026 and 2015 ...
    assert "only the weekday" in p.warnings[0]


def test_background_years_do_not_pull_the_year_towards_them() -> None:
    body = ("Naples, Sep 22 (PTI) Two navies on Saturday concluded an exercise.\n\n"
            "The navies have exercised together since 2019.")
    assert pub(body).value == "2024-09-22"  # 2019 fits the weekday as well, but "since 2019" is no reason


def test_the_day_before_the_dateline_may_be_the_weekday() -> None:
    # September 22 was a Sunday in 2024 ("on Saturday" the day before) and last a Saturday in 2018.
    p = pub("Naples, Sep 22: The two navies on Saturday concluded an exercise.", today=dt.date(2025, 12, 31))
    assert p.value == "2024-09-22"


def test_the_weekday_may_be_the_datelines_own_day_or_the_day_before_and_the_latest_year_wins() -> None:
    # March 8 was a Friday in 2024 and a Saturday in 2025: Friday is the day before in 2025.
    p = pub("Rome, March 8: The ministers on Friday signed a roadmap on naval training.", today=dt.date(2025, 12, 31))
    assert p.value == "2025-03-08"
    assert "uncertain" in p.warnings[0]
    # Before March 8, 2025, only 2024 has fitted.
    assert pub("Rome, March 8: The ministers on Friday signed a roadmap.", today=dt.date(2025, 3, 1)).value \
        == "2024-03-08"


def test_an_inferred_date_is_never_in_the_future() -> None:
    # December 20 of 2026 is still to come on TODAY; 2025's was a Saturday.
    p = pub("Rome, December 20 (ANI): The ministers met on Saturday in Rome.")
    assert p.value == "2025-12-20"


def test_future_events_in_the_text_bound_the_year_from_above() -> None:
    p = pub("Rome, March 8: The summit will be held in June 2025, officials said.")
    assert p.value == "2025-03-08"


def test_events_reported_as_past_bound_the_year_from_below() -> None:
    # April 14-15, 2025 happened before the article; 2025 is the nearest year after it.
    p = pub("Rome [Italy], April 16 (ANI): He visited Rome from April 14-15, 2025, for talks.")
    assert p.value == "2025-04-16"


def test_february_29_only_in_leap_years() -> None:
    p = pub("Rome, Feb 29 (ANI): The ministers met on Thursday.")
    assert p.value == "2024-02-29"


def test_dateline_year_from_the_url() -> None:
    p = pub("Rome, May 11 (ANI): The ministers met.", {"url": "https://example.com/2024/05/12/india-italy"})
    assert (p.value, p.basis) == ("2024-05-11", "dateline")
    assert "URL" in p.warnings[0]


def test_dates_in_boilerplate_after_the_story_do_not_count() -> None:
    body = ("Rome, March 8: The ministers met.\n\nLATEST NEWS\n\nStocks hit a record in January 2019\n\n"
            "Cricket team wins")
    p = pub(body)
    assert (p.value, p.basis) == (None, "unknown")


# ---------------------------------------------------------------- text and URL
def test_published_line_further_down_is_basis_text() -> None:
    body = ("India and Italy\n\nThe ministers met on October 10, 2023.\n\n" + "More text.\n\n" * 6
            + "(Published on 12 May 2024)")
    p = pub(body)
    assert (p.value, p.basis) == ("2024-05-12", "text")


def test_dates_of_events_in_the_text_are_not_the_publication_date() -> None:
    p = pub("The ministers met on October 10, 2023 and signed an agreement in Rome.")
    assert (p.value, p.basis) == (None, "unknown")
    assert "published:" in p.warnings[0]


@pytest.mark.parametrize("url, value", [
    ("https://example.com/2024/05/12/india-italy", "2024-05-12"),
    ("https://example.com/news/india-italy-20240512", "2024-05-12"),
    ("https://example.com/2024/05/india-italy", "2024-05"),
    ("https://x.com/rajnathsingh/status/1711562088202874912", "2023-10-10"),
])
def test_url_post_id(url: str, value: str) -> None:
    p = pub("The ministers met in Rome.", {"url": url})
    assert (p.value, p.basis) == (value, "post-id")


def test_snowflake_date() -> None:
    assert snowflake_date(1711562088202874912) == dt.date(2023, 10, 10)
    assert snowflake_date(12345) is None  # ids before snowflakes carry no time


# ---------------------------------------------------------------- parse_dateline
@pytest.mark.parametrize("para, place, outlet, month, day, year, rest", [
    ("Rome [Italy], October 10 (ANI): Defence Minister", "Rome", "ANI", 10, 10, None, "Defence Minister"),
    ("Naples, Sep 22 (PTI) Indian Navy frigate", "Naples", "PTI", 9, 22, None, "Indian Navy frigate"),
    ("Rome, Feb 27 (IANS) India and Italy", "Rome", "IANS", 2, 27, None, "India and Italy"),
    ("Rome, March 8: India and Italy", "Rome", None, 3, 8, None, "India and Italy"),
    ("NEW DELHI, March 3 (Reuters) - India said", "New Delhi", "Reuters", 3, 3, None, "India said"),
    ("Rome, 12 May 2024 — India and Italy", "Rome", None, 5, 12, 2024, "India and Italy"),
    ("KOCHI: The Italian Navy's carrier", "Kochi", None, None, None, None, "The Italian Navy's carrier"),
    ("New Delhi [India], November 5 (ANI): Two officials", "New Delhi", "ANI", 11, 5, None, "Two officials"),
    ("THIRUVANANTHAPURAM, Jan 3 (UNI) The", "Thiruvananthapuram", "UNI", 1, 3, None, "The"),
    ("ROME (Reuters) - Italy said", "Rome", "Reuters", None, None, None, "Italy said"),
    ("October 10 (ANI): The minister", None, "ANI", 10, 10, None, "The minister"),
    ("Naples (Italy), Sep 22 (PTI) The navy", "Naples", "PTI", 9, 22, None, "The navy"),
    ("ROMA, 8 MAR - Italia", "Roma", None, 3, 8, None, "Italia"),
    ("Milan, 22 Jan 2025 09:05 - (Nova) - The Italian Navy", "Milan", "Agenzia Nova", 1, 22, 2025,
     "The Italian Navy"),
    ("GENOA, 7 June 2023", "Genoa", None, 6, 7, 2023, ""),
    ("PANAJI, Wednesday 12 November 2025: Four", "Panaji", None, 11, 12, 2025, "Four"),
    ("Kochi, Aug 4 (Press Trust of India) The", "Kochi", "PTI", 8, 4, None, "The"),
    ("New Delhi: India and Italy on Friday signed an agreement to boost defence industrial cooperation.",
     "New Delhi", None, None, None, None,
     "India and Italy on Friday signed an agreement to boost defence industrial cooperation."),
])
def test_parse_dateline(para: str, place: str | None, outlet: str | None, month: int | None, day: int | None,
                        year: int | None, rest: str) -> None:
    d = parse_dateline(para)
    assert d is not None
    assert (d.place, d.outlet, d.month, d.day, d.year) == (place, outlet, month, day, year)
    assert para[d.end:] == rest


@pytest.mark.parametrize("para", [
    "Rome: India and Italy sign a pact",  # a headline
    "India, Italy sign defence pact",
    "On March 8 India and Italy signed a pact.",
    "EXCLUSIVE: India and Italy sign pact",
    "Rome, March 8 the talks went on.",
    "Rome (Italy) is a city.",
    "The ministers met in Rome.",
    "Rome, March 8",  # no year and no sentence: a caption or a headline
    "Rome, 12 May 2024 and the talks",
])
def test_not_datelines(para: str) -> None:
    assert parse_dateline(para) is None


# ---------------------------------------------------------------- bylines
@pytest.mark.parametrize("body, value", [
    ("Navy ties deepen\nStaff Correspondent | Chennai | July 9, 2024 08:40 IST\n\nThe talks were held.",
     "2024-07-09"),
    ("Navy ties deepen\nBy Our Bureau | Kolkata | Updated: Feb 11, 2025 16:02 IST\n\nThe talks were held.",
     "2025-02-11"),
    ("Navy ties deepen\nPallavi Rao • Pune • 3 October 2023\n\nThe talks were held.", "2023-10-03"),
    ("Navy ties deepen\nBy Kiran Bose - April 2, 2025\n\nThe talks were held.", "2025-04-02"),
    ("By Kiran Bose – 2 April 2025, 09:15 am\n\nThe talks were held.", "2025-04-02"),
])
def test_a_byline_of_short_parts_dates_the_page(body: str, value: str) -> None:
    p = pub(body)
    assert (p.value, p.basis) == (value, "header")


@pytest.mark.parametrize("sep", ["|", "-"])
def test_a_long_headline_with_a_bar_is_no_byline(sep: str) -> None:
    body = (f"Italy and India agree to build fleet tankers together at a yard on the west coast {sep} 5 March 2026"
            "\n\nThe ministers met in Rome.")
    assert pub(body).value is None


# ---------------------------------------------------------------- datelines on their own line
def test_a_dateline_alone_on_its_line_after_headline_and_byline() -> None:
    body = ("Italy, India hold naval staff talks\n\nBy Our Diplomatic Correspondent\n\nMILAN, November 3, 2024\n\n"
            "The two navies on Sunday reviewed their exercises and agreed to send cadets to each other's academies.")
    p = pub(body)
    assert (p.value, p.basis, p.warnings) == ("2024-11-03", "dateline", [])
    assert p.dateline is not None and p.dateline.place == "Milan"


def test_italian_agency_dateline_with_time_and_dashed_agency() -> None:
    p = pub("Milan, 22 Jan 2025 09:05 - (Nova) - The Italian Navy and the Indian Navy held talks in Milan.")
    assert (p.value, p.basis) == ("2025-01-22", "dateline")
    assert p.dateline is not None and (p.dateline.place, p.dateline.outlet) == ("Milan", "Agenzia Nova")


def test_a_press_release_header_is_skipped_to_its_dateline() -> None:
    body = ("Ministry of Defence\nGovernment of India\nNew Delhi\nPRESS RELEASE\n"
            "India and Italy review defence ties\nJoint working group meets\nNEW DELHI, 6 May 2025\n"
            "The India-Italy Joint Working Group on defence cooperation met in New Delhi and reviewed the "
            "progress of joint projects.")
    p = pub(body)
    assert (p.value, p.basis) == ("2025-05-06", "dateline")


def test_a_date_line_below_a_tall_press_release_header() -> None:
    body = ("Embassy of India\nMadrid\nPRESS RELEASE\nIndia and Spain hold talks\nNavies meet\nCadets train\n"
            "Madrid\n14 January 2025\n"
            "The Embassy of India in Madrid hosted a meeting of naval officers of the two countries on Monday "
            "to plan joint training.")
    p = pub(body)
    assert (p.value, p.basis) == ("2025-01-14", "header")


# ---------------------------------------------------------------- sign-offs
_STORY = ("The Embassy of India organised a seminar on defence industry cooperation with the participation of "
          "forty companies from the two countries.\n\n"
          + "".join(f"{n}. The delegations discussed training, shipbuilding and the exchange of officers.\n\n"
                    for n in range(2, 8)))


@pytest.mark.parametrize("end, value", [
    ("Madrid\n12th February 2025", "2025-02-12"),
    ("New Delhi | 8 July 2024", "2024-07-08"),
    ("Milan, 2 December 2024.", "2024-12-02"),
    ("(Issued on 14 August 2023)", "2023-08-14"),
    ("Dated: 14 August 2023", "2023-08-14"),
    ("Milan, 2 December 2024\n\nFollow us on X for the latest updates.", "2024-12-02"),
])
def test_a_sign_off_at_the_end_dates_a_press_release(end: str, value: str) -> None:
    p = pub("Embassy of India\nPRESS RELEASE\n\n" + _STORY + end)
    assert (p.value, p.basis) == (value, "text")
    assert "sign-off" in p.warnings[0]


def test_a_list_of_dated_headlines_at_the_end_is_no_sign_off() -> None:
    p = pub(_STORY + "Italy orders patrol ships\nMarch 3, 2026\nIndia tests a missile\nFebruary 27, 2026")
    assert p.value is None
    assert "several dates" in p.warnings[0]


def test_a_sign_off_before_events_told_as_past_is_refused() -> None:
    p = pub("The ministers met in Rome on 20 May 2025 and signed a roadmap.\n\n" + _STORY + "Rome, 2 May 2025")
    assert p.value is None
    assert "20 May 2025" in p.warnings[0]


def test_a_sign_off_gives_a_yearless_dateline_its_year() -> None:
    p = pub("Rome, March 4: The ministers met and signed a roadmap on naval training.\n\n" + _STORY
            + "(Issued on 4 March 2024)")
    assert (p.value, p.basis) == ("2024-03-04", "dateline")
    assert "sign-off" in p.warnings[0]


# ---------------------------------------------------------------- the weekday of a statement
# November 6 was a Thursday in 2025 and a Friday in 2026 (TODAY is in late 2026).
@pytest.mark.parametrize("lead, value", [
    ("The Navy said on Thursday that the two ships had exercised together.", "2025-11-06"),
    ("The two ships exercised together, the Navy said in a statement on Thursday.", "2025-11-06"),
    ("The Navy on Thursday announced that the two ships had exercised together.", "2025-11-06"),
    ("The Navy told reporters on Thursday that the two ships had exercised together.", "2025-11-06"),
    # A happening is reported the next day: the latest year with Thursday the day before.
    ("The two ships on Thursday concluded an exercise, the Navy said.", "2026-11-06"),
])
def test_wire_copy_is_dated_the_day_its_statements_are_made(lead: str, value: str) -> None:
    p = pub(f"Chennai, Nov 6 (PTI) {lead}")
    assert p.value == value, p.warnings
    assert "only the weekday" in p.warnings[0]


def test_a_newspaper_dateline_keeps_the_latest_year_for_a_statement() -> None:
    # Without an agency the dateline may be the edition's day: Thursday the day before still fits.
    p = pub("Chennai, Nov 6: The Navy said on Thursday that the two ships had exercised together.")
    assert p.value == "2026-11-06"


def test_an_italian_agency_statement_is_dated_the_day_it_is_made() -> None:
    p = pub("(ANSA) - NAPOLI, 6 NOV - Il comandante ha detto giovedì che le due navi si sono esercitate insieme.")
    assert p.value == "2025-11-06", p.warnings


def test_a_desk_note_above_a_wire_dateline_is_skipped_to_the_dateline() -> None:
    body = ("UPDATE 2-Italy, India navies to hold first joint anti-submarine drill\n\n"
            "(Adds comments from Indian navy chief in paragraphs 5-6; corrects spelling of Italian admiral's name "
            "in paragraph 2)\n\nBy Jane Roe\n\n"
            "ROME, Jan 22 (Reuters) - Italy and India will hold their first joint exercise next month, Italy's navy "
            "chief said on Thursday after talks with his Indian counterpart in Rome.")
    p = pub(body)
    assert p.dateline is not None and (p.dateline.place, p.dateline.outlet) == ("Rome", "Reuters")
    assert (p.value, p.basis) == ("2026-01-22", "dateline")


# ---------------------------------------------------------------- what stands before the dateline
_LEAD = ("The two navies on Friday began a joint exercise off the coast, officials said after the ships left "
         "harbour together.")


@pytest.mark.parametrize("top", [
    "Navies of India and Italy begin a week of drills in the Arabian Sea with two carriers and four frigates",
    "Navies begin joint drills\n• Two carriers and four frigates take part in the week-long exercise at sea\n"
    "• The exercise is the largest the two navies have held together so far, officials said",
    "Navies begin joint drills\nThe week-long exercise brings together two carriers and four frigates of the two "
    "navies for the first time.",
])
def test_a_headline_summary_or_standfirst_before_the_dateline(top: str) -> None:
    p = pub(f"{top}\nGoa, Mar 13 (PTI) {_LEAD}")
    assert p.dateline is not None and (p.dateline.place, p.dateline.outlet) == ("Goa", "PTI")
    assert (p.value, p.basis) == ("2026-03-13", "dateline")


def test_a_dateline_far_down_the_story_is_not_the_articles() -> None:
    body = ("The two navies began a joint exercise off the coast on Friday, officials said after the ships left.\n"
            "The exercise brings together two carriers and four frigates for the first time in the region.\n"
            "A third paragraph tells of the crews and their training over the past weeks and months together.\n"
            "Goa, Mar 13 (PTI) A fourth paragraph quotes an old report.")
    assert pub(body).dateline is None


@pytest.mark.parametrize("line, value", [
    ("Kochi, March 3, 2025: The two navies began a joint exercise.", "2025-03-03"),
    ("KOCHI, March 3, 2025 (PTI): The two navies began a joint exercise.", "2025-03-03"),
    ("Kochi. 3 March 2025. The two navies began a joint exercise.", "2025-03-03"),
    ("Lisbon, Oct. 4, 2024 /PRNewswire/ -- A shipyard signed a contract with the navy.", "2024-10-04"),
])
def test_datelines_with_their_year(line: str, value: str) -> None:
    p = pub(line)
    assert (p.value, p.basis) == (value, "dateline")


@pytest.mark.parametrize("line, outlet", [
    ("WIRE - IANS) Rome, Feb 27 (IANS) India and Italy on Friday discussed defence priorities.", "IANS"),
    ("(WIRE - IANS) Rome, Feb 27 (IANS) India and Italy on Friday discussed defence priorities.", "IANS"),
    ("(IANS) Rome, Feb 27: India and Italy on Friday discussed defence priorities.", "IANS"),
])
def test_a_syndicators_credit_before_the_dateline(line: str, outlet: str) -> None:
    p = pub(line)
    assert p.dateline is not None and (p.dateline.place, p.dateline.outlet) == ("Rome", outlet)
    assert p.value == "2026-02-27"
    assert line[p.dateline.end:].startswith("India and Italy")


def test_an_agency_credit_alone_is_a_dateline_without_place() -> None:
    d = parse_dateline("(Bloomberg) -- Italy and India agreed on Thursday to build ships together.")
    assert d is not None and (d.place, d.outlet) == (None, "Bloomberg")


@pytest.mark.parametrize("credit", [
    "PTIUpdated: Wednesday, December 10, 2025, 11:17 PM IST",
    "IANSUpdated: Dec 10, 2025 23:17 IST",
    "ReutersPublished: 10 December 2025",
])
def test_an_agency_credit_run_into_an_update_line(credit: str) -> None:
    body = f"Ministers meet in Delhi\n{credit}\nNew Delhi: The ministers met on Wednesday and signed a plan."
    assert (pub(body).value, pub(body).basis) == ("2025-12-10", "header")


def test_a_date_glued_before_the_text_with_its_month_only_gives_the_dateline_its_year() -> None:
    p = pub("date 2022-05 (ANSA) - ROMA, 12 MAG - Il ministro della Difesa ha ricevuto il suo omologo.")
    assert (p.value, p.basis) == ("2022-05-12", "dateline")
    p = pub("date 2022-05 di Anna Verdi\n\nIl ministro della Difesa ha ricevuto il suo omologo indiano.")
    assert (p.value, p.basis) == ("2022-05", "header")


def test_a_date_in_a_quotation_box_above_the_story_is_not_its_date() -> None:
    body = ("“Our best wishes to the newsroom for its tenth year of work” Marta Neri\n\nMinistra della Cultura\n\n"
            "3 maggio 2020\n\n- Il sottosegretario ha incontrato il capo di Stato maggiore della Difesa.")
    assert pub(body).value is None


# ---------------------------------------------------------------- Italian
@pytest.mark.parametrize("para, place, outlet, month, day, year, rest", [
    ("ROMA, 10 OTT - Il ministro", "Roma", None, 10, 10, None, "Il ministro"),
    ("(ANSA) - ROMA, 10 OTT - Il ministro", "Roma", "ANSA", 10, 10, None, "Il ministro"),
    ("NEW DELHI, 10 DIC - L'ambasciatore", "New Delhi", None, 12, 10, None, "L'ambasciatore"),
    ("Roma, 10 ottobre 2023 - Il ministro", "Roma", None, 10, 10, 2023, "Il ministro"),
    ("MILANO (ITALPRESS) – Il sottosegretario", "Milano", "Italpress", None, None, None, "Il sottosegretario"),
    ("(AGI) - Roma, 10 ott. - Il ministro", "Roma", "AGI", 10, 10, None, "Il ministro"),
    ("Roma, 10 ott. (Adnkronos) - Il ministro", "Roma", "Adnkronos", 10, 10, None, "Il ministro"),
    ("LA SPEZIA, 3 giu 2024 - La fregata", "La Spezia", None, 6, 3, 2024, "La fregata"),
    ("Genova 15 apr 2025 La fregata", "Genova", None, 4, 15, 2025, "La fregata"),
])
def test_italian_datelines(para: str, place: str | None, outlet: str | None, month: int | None, day: int | None,
                           year: int | None, rest: str) -> None:
    d = parse_dateline(para)
    assert d is not None
    assert (d.place, d.outlet, d.month, d.day, d.year) == (place, outlet, month, day, year)
    assert para[d.end:] == rest


@pytest.mark.parametrize("para", [
    "IL FATTO - Questa mattina la cerimonia al cimitero di guerra",
    "ESCLUSIVO: il ministro parla della fregata",
])
def test_italian_kickers_are_no_datelines(para: str) -> None:
    assert parse_dateline(para) is None


@pytest.mark.parametrize("body, value", [
    ("Visita della delegazione navale\n\n(di Redazione)\n19/02/24\n\nIl 9 febbraio la delegazione è giunta.",
     "2024-02-19"),
    ("Ministri a confronto\nPubblicato il: 3 marzo 2025\n\nIl ministro ha incontrato il suo omologo.", "2025-03-03"),
])
def test_italian_headers(body: str, value: str) -> None:
    assert (pub(body).value, pub(body).basis) == (value, "header")


# ---------------------------------------------------------------- the day of the build
def test_the_day_of_the_build_bounds_the_result_and_says_until_when_it_holds() -> None:
    body = "Rome, December 20 (ANI): The ministers met on Saturday in Rome."
    p = pub(body)  # TODAY: 2026-11-22; December 20, 2026 is still to come
    assert p.value == "2025-12-20" and p.valid_until == "2026-12-19"
    assert pub("Rome, 12 May 2024 — India and Italy signed a pact.").valid_until is None


def test_a_dateline_without_its_year_alone_on_a_line_above_the_story() -> None:
    body = ("Army honours the fallen\n\nOur Special Correspondent\n\nPune, November 8\n\n"
            "The delegation on Saturday laid wreaths at the war cemetery and met the families of the soldiers there.")
    p = pub(body)
    assert p.dateline is not None and (p.dateline.place, p.dateline.month, p.dateline.day) == ("Pune", 11, 8)
    assert p.value == "2026-11-08"  # a Sunday: Saturday is the day before
    assert pub("Army honours the fallen\n\nPune, November 8\n\nWreaths laid.").dateline is None  # no story after


@pytest.mark.parametrize("line, value, basis", [
    ("By Press Trust of India: PANAJI, Mar 13", "2026-03-13", "dateline"),
    ("March 13, 2026 / 10:32 AM / Updated 2 hours ago", "2026-03-13", "header"),
    ("Posted: 13/03/2026", "2026-03-13", "header"),
    ("Jane Roe • Panaji • 13 Mar 2026, 8:58 pm IST", "2026-03-13", "header"),
])
def test_more_header_lines(line: str, value: str, basis: str) -> None:
    body = (f"Navies begin joint drills\n{line}\nThe two navies on Friday began a joint exercise off the coast, "
            "officials said after the ships left harbour.")
    p = pub(body)
    assert (p.value, p.basis) == (value, basis), p.warnings


def test_a_day_the_text_calls_today_dates_a_page_with_no_header_date() -> None:
    p = pub("Minister ends visit to Lisbon\n\nThe Defence Minister of Ruritania concludes a three-day visit to "
            "Lisbon today, April 8, 2025, after talks on naval training.")
    assert (p.value, p.basis) == ("2025-04-08", "text")
    p = pub("Envoy ends tour\n\nThe envoy concludes a three-day tour of the southern ports today, April 8. She met "
            "port officials in March 2026 and will report in May.")
    assert p.value == "2026-04-08"
