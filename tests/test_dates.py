from __future__ import annotations

import datetime as dt

import pytest

from kb.dates import find_dates, month_number, parse_iso, tense

D = dt.date


def values(text: str, anchor: dt.date | None) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.value, m.end_value) for m in find_dates(text, anchor)]


def one(text: str, anchor: dt.date | None) -> tuple[str, str | None]:
    found = find_dates(text, anchor)
    assert len(found) == 1, found
    return found[0].value, found[0].end_value


# ---------------------------------------------------------------- full dates
@pytest.mark.parametrize("text, value", [
    ("The pact was signed on October 10, 2023 in Rome.", "2023-10-10"),
    ("The pact was signed on 10 October 2023 in Rome.", "2023-10-10"),
    ("The pact was signed on 10 October, 2023.", "2023-10-10"),
    ("The pact was signed on Oct. 10, 2023.", "2023-10-10"),
    ("It opened on 3rd March 2024.", "2024-03-03"),
    ("It opened on March 3rd, 2024.", "2024-03-03"),
    ("Posted On: 14 JAN 2025 6:12PM by PIB Delhi", "2025-01-14"),
    ("date 2021-07-08 Chief of Army Staff met", "2021-07-08"),
    ("It was signed on 08/07/2021 in Delhi.", "2021-07-08"),
    ("Talks on Sept 5, 2024 went well.", "2024-09-05"),
    ("The ships sailed on the 10th of October 2023.", "2023-10-10"),
    ("It was signed on 29 February 2024.", "2024-02-29"),
])
def test_full_dates_need_no_anchor(text: str, value: str) -> None:
    assert one(text, None) == (value, None)


def test_offsets_and_text_point_into_the_sentence() -> None:
    text = "Ministers met on October 10, 2023 in Rome."
    (m,) = find_dates(text, None)
    assert text[m.start:m.end] == m.text == "October 10, 2023"
    assert not m.relative


def test_weekday_prefix_is_part_of_the_date_and_picks_a_consistent_year() -> None:
    (m,) = find_dates("The talks on Thursday, March 6 ended.", D(2025, 3, 8))
    assert (m.text, m.value) == ("Thursday, March 6", "2025-03-06")
    # March 6 was a Thursday in 2025, not in 2024 or 2026: the weekday decides.
    assert one("They met on Thursday, March 6.", D(2025, 9, 20))[0] == "2025-03-06"
    assert one("They met on Wednesday, March 6.", D(2024, 9, 20))[0] == "2024-03-06"


def test_abbreviated_month_without_year_uses_the_anchor() -> None:
    assert one("The delegation arrived on Sept 5.", D(2024, 9, 7)) == ("2024-09-05", None)


def test_invalid_calendar_dates_are_not_dates() -> None:
    assert find_dates("The file 31/02/2024 and the 2024-13-40 code.", None) == []
    assert find_dates("They met on February 30.", D(2025, 3, 1)) == []


# ---------------------------------------------------------------- ranges
@pytest.mark.parametrize("text, anchor, value, end", [
    ("He visited Rome from April 14-15, 2025, to talk.", None, "2025-04-14", "2025-04-15"),
    ("He visited Rome on April 14–15, 2025.", None, "2025-04-14", "2025-04-15"),
    ("He is in India from November 4 to 6, 2024.", None, "2024-11-04", "2024-11-06"),
    ("The exercise was held from 3 to 5 June 2024.", None, "2024-06-03", "2024-06-05"),
    ("The exercise was held between 3 and 5 June 2024.", None, "2024-06-03", "2024-06-05"),
    ("The visit ran from 30 March to 2 April 2025.", None, "2025-03-30", "2025-04-02"),
    ("The fair ran from December 30, 2024 to January 2, 2025.", None, "2024-12-30", "2025-01-02"),
    ("He visited Rome from April 14 to 15.", D(2025, 4, 16), "2025-04-14", "2025-04-15"),
    ("The drills took place June 3-5.", D(2025, 6, 9), "2025-06-03", "2025-06-05"),
    ("The exercise on September 20 and 21 included drills.", D(2024, 9, 22), "2024-09-20", "2024-09-21"),
    ("The exercise on July 4 and 5 covered naval operations.", D(2021, 7, 8), "2021-07-04", "2021-07-05"),
    ("The visit ran from March 30 to April 2.", D(2025, 4, 5), "2025-03-30", "2025-04-02"),
    ("The visit ran between March 30 and April 2.", D(2025, 4, 5), "2025-03-30", "2025-04-02"),
    ("Drills were held on 20, 21 and 22 September.", D(2024, 9, 25), "2024-09-20", "2024-09-22"),
    ("The ceremony took place from December 30 to January 2.", D(2025, 1, 5), "2024-12-30", "2025-01-02"),
    ("The plan covers January-March 2024.", None, "2024-01", "2024-03"),
    ("Trade grew from 2019 to 2021.", None, "2019", "2021"),
])
def test_ranges_give_first_and_last_day(text: str, anchor: dt.date | None, value: str, end: str) -> None:
    assert one(text, anchor) == (value, end)


def test_range_text_includes_from_and_between() -> None:
    assert values("He visited Rome from April 14-15, 2025.", None) == [
        ("from April 14-15, 2025", "2025-04-14", "2025-04-15")]


def test_two_full_dates_joined_by_and_are_two_dates_not_a_range() -> None:
    assert values("They met on March 3 and April 5.", D(2025, 6, 1)) == [
        ("March 3", "2025-03-03", None), ("April 5", "2025-04-05", None)]


def test_a_backward_day_span_is_not_a_range() -> None:
    assert values("It ended April 14-5.", D(2025, 4, 20)) == [("April 14", "2025-04-14", None)]


# ---------------------------------------------------------------- day and month without a year
def test_day_month_takes_the_year_nearest_the_anchor_across_new_year() -> None:
    assert one("They met on December 28 in Delhi.", D(2025, 1, 5)) == ("2024-12-28", None)
    assert one("He will arrive on January 3.", D(2024, 12, 30)) == ("2025-01-03", None)


def test_day_month_far_from_the_anchor_follows_the_tense() -> None:
    anchor = D(2025, 10, 15)
    assert one("He will visit India on June 1.", anchor)[0] == "2026-06-01"
    assert one("He visited India on June 1.", anchor)[0] == "2025-06-01"
    assert one("They met on December 1.", anchor)[0] == "2024-12-01"


def test_will_does_not_speak_of_a_day_weeks_past() -> None:
    anchor = D(2025, 3, 8)
    assert one("Over 1,000 troops will take part in the exercise from February 19.", anchor)[0] == "2026-02-19"
    assert one("The exercise began on February 19.", anchor)[0] == "2025-02-19"
    # "would" in reported speech is a weaker cue: a date close before the anchor stays.
    assert one("He said the talks would be held on March 1.", anchor)[0] == "2025-03-01"


def test_day_month_is_skipped_without_anchor_and_marked_relative_with_one() -> None:
    assert find_dates("They met on January 16 in Mumbai.", None) == []
    (m,) = find_dates("They met on January 16 in Mumbai.", D(2025, 1, 14))
    assert (m.value, m.relative) == ("2025-01-16", True)


def test_a_number_after_a_date_that_is_not_a_year_leaves_the_day() -> None:
    assert values("On October 10, 2000 soldiers marched.", D(2024, 10, 12)) == [
        ("October 10", "2024-10-10", None)]


# ---------------------------------------------------------------- months and years
@pytest.mark.parametrize("text, anchor, value", [
    ("Ties were elevated in March 2023.", None, "2023-03"),
    ("Ties were elevated in March, 2023.", None, "2023-03"),
    ("The summit was held in November last year.", D(2021, 7, 8), "2020-11"),
    ("The summit was held in December last year.", D(2021, 7, 8), "2020-12"),
    ("Last December, Tajani called on Modi.", D(2026, 2, 27), "2025-12"),
    ("Last December, Tajani called on Modi.", D(2025, 12, 15), "2024-12"),
    ("The talks were held in November.", D(2025, 3, 8), "2024-11"),
    ("The talks will be held in November.", D(2025, 3, 8), "2025-11"),
    ("The committee is due in New Delhi in June.", D(2025, 3, 8), "2025-06"),
    ("The talks were held in March.", D(2025, 3, 8), "2025-03"),
    ("It happened earlier this month.", D(2025, 3, 8), "2025-03"),
    ("It will happen later this month.", D(2025, 3, 8), "2025-03"),
    ("Last month, the minister invited firms.", D(2024, 2, 20), "2024-01"),
    ("Last month, the minister invited firms.", D(2024, 1, 20), "2023-12"),
    ("He will go next month.", D(2025, 12, 15), "2026-01"),
    ("The yard was founded in 2019.", None, "2019"),
    ("Ties have grown since 2014.", None, "2014"),
    ("Output will double by 2030.", None, "2030"),
    ("It was set up in the year 2000.", None, "2000"),
    ("It was signed last year.", D(2025, 3, 8), "2024"),
    ("It will be signed next year.", D(2025, 3, 8), "2026"),
    ("It was signed this year.", D(2025, 3, 8), "2025"),
    ("They agreed to sign it by the end of the year.", D(2025, 3, 8), "2025"),
    ("He met them last week.", D(2025, 3, 3), "2025-02"),
    ("He met them earlier this week.", D(2025, 3, 3), "2025-03"),
    ("They met two months ago.", D(2025, 1, 10), "2024-11"),
])
def test_month_and_year_precision(text: str, anchor: dt.date | None, value: str) -> None:
    assert one(text, anchor) == (value, None)


def test_month_words_need_capitals_and_a_context() -> None:
    assert find_dates("Troops march past; officials may visit.", D(2025, 3, 8)) == []
    assert find_dates("Theresa May spoke. Jan Dhan accounts grew.", D(2025, 3, 8)) == []
    assert one("They may visit in May.", D(2025, 3, 8)) == ("2024-05", None)


# ---------------------------------------------------------------- weekdays and days
FRIDAY = D(2026, 2, 27)


@pytest.mark.parametrize("text, value", [
    ("On Thursday, Kumar met the Under Secretary.", "2026-02-26"),
    ("India and Italy on Friday discussed priorities.", "2026-02-27"),  # the anchor's own weekday
    ("The seminar was held on Tuesday night.", "2026-02-24"),
    ("They spoke Thursday evening.", "2026-02-26"),
    ("The ministers will meet on Monday.", "2026-03-02"),
    ("The dialogue will get underway Thursday evening.", "2026-03-05"),
    ("The exercise is scheduled to begin on Saturday.", "2026-02-28"),
    ("The summit is slated for Friday.", "2026-02-27"),
    ("The conference is expected to open on Tuesday.", "2026-03-03"),
    ("He was scheduled to meet Crosetto on Monday.", "2026-02-23"),
    ("The talks next Monday are key.", "2026-03-02"),
    ("The talks last Friday were key.", "2026-02-20"),
])
def test_weekdays_look_back_in_the_past_and_forward_in_the_future(text: str, value: str) -> None:
    (m,) = find_dates(text, FRIDAY)
    assert (m.value, m.relative) == (value, True)


def test_each_clause_has_its_own_tense() -> None:
    text = "He met Tajani on Monday and will meet Crosetto on Thursday."
    assert [m.value for m in find_dates(text, FRIDAY)] == ["2026-02-23", "2026-03-05"]
    text = "The exercise, which concluded on Sunday, will boost ties."
    assert one(text, FRIDAY)[0] == "2026-02-22"
    text = "The visit will be followed by a passage exercise on June 23 and 24."
    assert one(text, D(2025, 6, 19)) == ("2025-06-23", "2025-06-24")


def test_weekdays_across_the_year_boundary() -> None:
    assert one("They met on Monday.", D(2025, 1, 2)) == ("2024-12-30", None)
    assert one("They will meet on Monday.", D(2024, 12, 30)) == ("2024-12-30", None)
    assert one("They will meet next Monday.", D(2024, 12, 30)) == ("2025-01-06", None)


def test_weekdays_inside_names_are_not_dates() -> None:
    assert find_dates("The Sunday Guardian said Good Friday sales rose.", FRIDAY) == []


@pytest.mark.parametrize("text, value", [
    ("The pact was signed yesterday.", "2026-02-26"),
    ("The pact is signed today.", "2026-02-27"),
    ("The pact will be signed tomorrow.", "2026-02-28"),
    ("The pact was signed on the 14th.", "2026-02-14"),
    ("The pact was signed three days ago.", "2026-02-24"),
])
def test_relative_days(text: str, value: str) -> None:
    (m,) = find_dates(text, FRIDAY)
    assert (m.value, m.relative) == (value, True)


def test_relative_words_need_an_anchor() -> None:
    text = "On Thursday, last week and yesterday, in November last year, they met on the 14th."
    assert find_dates(text, None) == []


def test_india_today_is_a_name() -> None:
    assert find_dates("India Today reported the visit.", FRIDAY) == []


# ---------------------------------------------------------------- not dates
@pytest.mark.parametrize("text", [
    "They reviewed the Joint Strategic Action Plan 2025-2029 across sectors.",
    "The ICC Men's T20 World Cup 2026 is on.",
    "Trade remains at an all time high of $15 billion.",
    "He co-chaired the 11th India-Italy Joint Defence Committee.",
    "He will hold the 5th Annual Defence Dialogue in Paris.",
    "BofA raises India's FY27 GDP growth to 7.4 pc.",
    "The helpline runs 24x7 for veterans.",
    "February 27, 7:29 PM",
    "A fleet of 2000 tonnes and a budget of Rs 2024 crore.",
    "Funding for 2025-26 was approved in the 1990s style.",
    "The deal came on the 11th India-Italy meeting.",
])
def test_not_dates(text: str) -> None:
    # "February 27" in the time line is a date; the time and the rest are not.
    found = [m for m in find_dates(text, D(2025, 3, 8)) if m.text != "February 27"]
    assert found == []


def test_bare_four_digit_numbers_count_as_years_only_after_a_preposition() -> None:
    assert values("The 2019 figure was 2021 units.", None) == []
    assert values("It began in 2019.", None) == [("2019", "2019", None)]


# ---------------------------------------------------------------- order, overlap, helpers
def test_results_are_ordered_and_do_not_overlap() -> None:
    text = "After talks in November last year and a visit from April 14-15, 2025, they met on Thursday."
    found = find_dates(text, D(2025, 4, 18))
    assert [m.text for m in found] == ["November last year", "from April 14-15, 2025", "Thursday"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_parse_iso() -> None:
    assert parse_iso("2023") == (D(2023, 1, 1), D(2023, 12, 31))
    assert parse_iso("2024-02") == (D(2024, 2, 1), D(2024, 2, 29))
    assert parse_iso("2023-03-02") == (D(2023, 3, 2), D(2023, 3, 2))
    assert parse_iso("2023-02-30") is None
    assert parse_iso("2023-13") is None
    assert parse_iso("March 2023") is None


def test_month_number() -> None:
    assert month_number("Sept.") == 9
    assert month_number("JAN") == 1
    assert month_number("october") == 10
    assert month_number("Mayday") is None
    assert month_number("Ma") is None


def test_tense_prefers_the_nearest_cue_on_the_left() -> None:
    text = "Ms Valente, who arrived on Monday, is scheduled to visit Mumbai on Friday."
    assert tense(text, text.index("Monday"), text.index("Monday") + 6) == "past"
    assert tense(text, text.index("Friday"), text.index("Friday") + 6) == "future"
    text = "On Thursday, the nations signed a memorandum."
    assert tense(text, 3, 11) == "past"
    assert tense("The visit on Monday.", 13, 19) is None


# ---------------------------------------------------------------- Italian
THURSDAY = D(2025, 7, 10)


@pytest.mark.parametrize("text, value, end", [
    ("L'accordo è stato firmato il 10 ottobre 2023 a Roma.", "2023-10-10", None),
    ("ROMA, 10 ottobre 2023 - Il ministro ha parlato.", "2023-10-10", None),
    ("Firmato a Milano il 15 apr 2025.", "2025-04-15", None),
    ("La fregata è attraccata il 13 agosto al porto.", "2025-08-13", None),
    ("La nave è arrivata il 3 luglio.", "2025-07-03", None),
    ("La nave è arrivata l'8 luglio.", "2025-07-08", None),
    ("La cerimonia si è tenuta domenica 6 luglio.", "2025-07-06", None),
    ("La fregata è entrata in servizio lo scorso 1° luglio.", "2025-07-01", None),
    ("L'esercitazione si è svolta dal 3 al 5 luglio.", "2025-07-03", "2025-07-05"),
    ("L'esercitazione si è svolta tra il 3 e il 5 giugno 2024.", "2024-06-03", "2024-06-05"),
    ("L'esercitazione si è svolta dal 30 giugno al 2 luglio.", "2025-06-30", "2025-07-02"),
    ("Le consegne sono previste tra il 2028 e il 2030.", "2028", "2030"),
    ("Le consegne andranno dal 2027 al 2029.", "2027", "2029"),
])
def test_italian_days_and_ranges(text: str, value: str, end: str | None) -> None:
    found = [m for m in find_dates(text, D(2025, 8, 16))]
    assert [(m.value, m.end_value) for m in found] == [(value, end)]


@pytest.mark.parametrize("text, value", [
    ("Il ministro ha incontrato oggi il suo omologo.", "2025-07-10"),
    ("Stamane il ministro ha ricevuto la delegazione.", "2025-07-10"),
    ("Ieri l'ambasciata aveva espresso le condoglianze.", "2025-07-09"),
    ("L'altro ieri la nave è arrivata.", "2025-07-08"),
    ("Domani il ministro visiterà il cantiere.", "2025-07-11"),
    ("Lunedì scorso il ministro ha firmato.", "2025-07-07"),
    ("Il ministro ha firmato lunedì.", "2025-07-07"),
    ("Il prossimo lunedì il ministro firmerà.", "2025-07-14"),
    ("Il ministro firmerà lunedì.", "2025-07-14"),
    ("Giovedì sera il ministro ha parlato.", "2025-07-10"),
    ("Tre giorni fa è stato firmato il memorandum.", "2025-07-07"),
])
def test_italian_relative_days(text: str, value: str) -> None:
    (m,) = find_dates(text, THURSDAY)
    assert (m.value, m.relative) == (value, True)


@pytest.mark.parametrize("text, value", [
    ("Nel 2023 hanno elevato i rapporti.", "2023"),
    ("La visita del luglio 2023 è stata un successo.", "2023-07"),
    ("A luglio il ministro ha visitato l'India.", "2025-07"),
    ("A marzo il ministro ha visitato l'India.", "2025-03"),
    ("Il ministro visiterà l'India a settembre.", "2025-09"),
    ("Il ministro visiterà l'India entro fine settembre.", "2025-09"),
    ("La nave ha fatto scalo nel mese di marzo.", "2025-03"),
    ("L'anno scorso il ministro ha visitato l'India.", "2024"),
    ("Quest'anno il ministro visiterà l'India.", "2025"),
    ("Il prossimo anno il ministro visiterà l'India.", "2026"),
    ("La settimana scorsa si è tenuto il vertice.", "2025-07"),
    ("Il mese prossimo si terrà il vertice.", "2025-08"),
    ("Lo scorso dicembre il ministro ha visitato l'India.", "2024-12"),
    ("Nel novembre dell'anno scorso il ministro ha visitato l'India.", "2024-11"),
    ("Due anni fa è stato firmato l'accordo.", "2023"),
])
def test_italian_months_and_years(text: str, value: str) -> None:
    assert one(text, THURSDAY) == (value, None)


def test_italian_weekday_names_that_are_given_names_are_not_dates() -> None:
    assert find_dates("Domenica Ferraro ha parlato ai cadetti.", THURSDAY) == []
    assert find_dates("Italia Oggi ha scritto della visita.", THURSDAY) == []


def test_a_day_first_date_with_two_year_digits() -> None:
    assert one("Pubblicato il 19/02/24 dalla redazione.", None) == ("2024-02-19", None)
    assert find_dates("Il codice 12-03-24 non è una data.", None) == []


@pytest.mark.parametrize("text, word, when", [
    ("Il ministro ha incontrato il suo omologo lunedì.", "lunedì", "past"),
    ("La cerimonia si terrà lunedì a Roma.", "lunedì", "future"),
    ("Il ministro sarà a Roma lunedì.", "lunedì", "future"),
    ("La fregata è attraccata lunedì al porto.", "lunedì", "past"),
    ("La firma è prevista per lunedì.", "lunedì", "future"),
])
def test_italian_tense_cues(text: str, word: str, when: str) -> None:
    start = text.index(word)
    assert tense(text, start, start + len(word)) == when


def test_that_year_counts_from_the_year_stated_before_it() -> None:
    anchor = dt.date(2025, 3, 12)
    found = find_dates("The coast guards began talks in May 2021 and signed a pact in August that year.", anchor)
    assert [(d.text, d.value) for d in found] == [("May 2021", "2021-05"), ("August that year", "2021-08")]
    found = find_dates("A first survey ran in 2019; a second followed the following year.", anchor)
    assert [d.value for d in found] == ["2019", "2020"]


def test_that_year_without_a_stated_year_dates_nothing() -> None:
    assert find_dates("They signed a pact in August that year.", dt.date(2025, 3, 12)) == []


def test_a_numeric_day_and_month_is_read_in_the_outlets_order() -> None:
    anchor = dt.date(2025, 10, 12)
    text = "The contract was signed on 7/10 in Pune."
    assert find_dates(text, anchor) == []  # either order makes a date, and the outlet's is not known
    assert [d.value for d in find_dates(text, anchor, day_first=True)] == ["2025-10-07"]
    assert [d.value for d in find_dates(text, anchor, day_first=False)] == ["2025-07-10"]
    assert [d.value for d in find_dates("It was signed on 17/9.", anchor)] == ["2025-09-17"]
