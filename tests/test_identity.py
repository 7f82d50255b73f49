"""When two reports are one happening: the evidence weighed on pairs (invented people and places)."""

import pytest

from kb.happenings import profile_of
from kb.identity import affinity, holds, kind_weight, name_of, umbrella_span
from kb.model import Event

AMBASSADOR = "tanvi-rao"  # an ambassador: she accompanies, she does not lead


def report(kind="meeting", date="2031-05-06", basis="text", people=("arjun-mehta", "lucia-ferri"), place="Rome",
           title="Arjun Mehta meets Lucia Ferri in Rome", source="s1", status="happened", end=None, names=()):
    ev = Event(id="x", title=title, kind=kind, date=date, end_date=end, date_basis=basis if date else None,
               place=place, participants=list(people), sources=[source], status=status)
    return profile_of(ev, list(names), {AMBASSADOR})


def same(a, b) -> bool:
    return affinity(a, b).same


def test_one_meeting_told_by_two_outlets():
    assert same(report(source="s1"), report(source="s2"))


def test_a_day_apart_is_one_meeting_two_days_apart_two():
    assert same(report(date="2031-05-06"), report(date="2031-05-07", source="s2"))
    assert not same(report(date="2031-05-06"), report(date="2031-05-08", source="s2"))


def test_a_date_that_is_only_the_articles_own_is_weak():
    # Published three days after the talks, the article's date only says "by then".
    assert same(report(date="2031-05-06"), report(date="2031-05-09", basis="publication", source="s2"))
    assert not same(report(date="2031-05-06"), report(date="2031-05-20", basis="publication", source="s2"))


def test_a_date_from_the_story_context_may_be_two_days_late():
    assert same(report(date="2031-05-06"), report(date="2031-05-08", basis="context", source="s2"))


def test_talks_with_another_counterpart_are_another_meeting():
    a = report(people=("arjun-mehta", "lucia-ferri"))
    b = report(people=("arjun-mehta", "marco-galli"), title="Arjun Mehta calls on Marco Galli in Rome", source="s2")
    assert not same(a, b)
    assert "other counterparts" in [why for why, _ in affinity(a, b).reasons]


def test_meeting_talks_and_a_summit_of_two_leaders_are_one_happening():
    assert kind_weight("meeting", "dialogue") > 0
    assert same(report(), report(kind="dialogue", title="Arjun Mehta and Lucia Ferri hold talks", source="s2"))
    assert same(report(), report(kind="summit", title="Summit with Arjun Mehta and Lucia Ferri", source="s2"))


def test_a_named_summit_is_not_the_meeting_on_its_sidelines_but_holds_it():
    summit = report(kind="summit", title="Harbour Leaders' Summit", people=("arjun-mehta", "lucia-ferri"), source="s2")
    meeting = report()
    assert not same(summit, meeting)
    span = umbrella_span("summit", "2031-05-06", None, "text")
    assert holds(summit, span, meeting, meeting.day) is not None


def test_a_visit_is_never_one_of_its_meetings_but_holds_them():
    visit = report(kind="visit", people=("arjun-mehta",), title="Arjun Mehta visits Rome", end="2031-05-07")
    meeting = report(source="s2")
    assert not same(visit, meeting)
    span = umbrella_span("visit", "2031-05-06", "2031-05-07", "text")
    assert holds(visit, span, meeting, meeting.day) is not None
    elsewhere = report(place="Chennai", source="s3")
    assert holds(visit, span, elsewhere, elsewhere.day) is None  # a city of another country
    later = report(date="2031-05-12", source="s4")
    assert holds(visit, span, later, later.day) is None


def test_a_signing_at_a_meeting_is_part_of_it_not_the_meeting():
    signing = report(kind="signing", title="Signing in Rome with Arjun Mehta and Lucia Ferri", source="s2")
    meeting = report()
    assert not same(meeting, signing)
    assert holds(meeting, umbrella_span("meeting", "2031-05-06", None, "text"), signing, signing.day) is not None


def test_what_two_leaders_announce_is_their_meeting():
    assert same(report(), report(kind="announcement", title="Announcement with Arjun Mehta", source="s2"))


def test_a_shared_ambassador_alone_is_little_evidence():
    a = report(people=("arjun-mehta", AMBASSADOR))
    b = report(people=("priya-nair", AMBASSADOR), title="Priya Nair meets Tanvi Rao in Rome", source="s2")
    assert not same(a, b)


def test_different_editions_are_never_one_happening():
    a = report(kind="committee", title="7th Joint Harbour Committee", people=())
    b = report(kind="committee", title="8th Joint Harbour Committee", people=(), source="s2")
    assert affinity(a, b).score == float("-inf")


def test_one_name_in_two_wordings_counts():
    assert name_of("Joint Harbour Committee (JHC)") <= name_of("9th Joint Harbour Committee meeting")
    assert name_of("Arjun Mehta meets Lucia Ferri in Rome") == frozenset()  # made up, names nothing
    a = report(kind="committee", title="Joint Harbour Committee", people=(), date="2031-05", place="Pune")
    b = report(kind="committee", title="9th Joint Harbour Committee meeting", people=(), place="Pune", source="s2")
    assert same(a, b)


def test_exercises_naming_no_one_meet_on_their_ships_name():
    a = report(kind="exercise", title="INS Kestrel exercise in Tyrrhenian Sea", people=(), place="Tyrrhenian Sea")
    b = report(kind="exercise", title="INS Kestrel exercise in Mediterranean", people=(), date="2031-05",
               place="Mediterranean", source="s2")
    c = report(kind="exercise", title="Exercise in Arabian Sea", people=(), place="Arabian Sea", source="s3")
    assert same(a, b)
    assert not same(a, c)


@pytest.mark.parametrize("status", ["cancelled", "proposed", "postponed"])
def test_a_meeting_that_did_not_happen_is_not_one_that_did(status):
    assert not same(report(), report(status=status, source="s2"))


def test_a_report_without_a_date_is_judged_on_the_rest():
    undated = report(date=None, source="s2")
    assert same(report(), undated)
    assert "dates" not in " ".join(why for why, _ in affinity(report(), undated).reasons)


def test_places_one_inside_the_other_are_no_evidence_against():
    assert affinity(report(place="Rome"), report(place="Italy", source="s2")).score > \
        affinity(report(place="Rome"), report(place="Goa", source="s2")).score
