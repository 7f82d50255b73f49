"""Events of Italian articles: the same engine, with the Italian words of the lexicons (invented articles)."""

from pathlib import Path

from event_helpers import by_kind, names
from event_helpers import extract as extract_in

from kb.extract import extract_article
from kb.ingest import read_article


def extract(tmp_path: Path, text: str, published: str | None = "2024-05-10"):
    return extract_in(tmp_path, text, published, language="it")


def test_a_ship_berthing_in_a_port_is_a_visit_there_with_the_place_in_english(tmp_path):
    ex = extract(tmp_path, "La fregata INS Vikrant Sagar della Marina indiana ha attraccato il 7 maggio al porto di "
                           "Napoli, durante il suo viaggio verso il Mar Rosso.")
    [ev] = by_kind(ex, "visit")
    assert (ev.date, ev.place, ev.status) == ("2024-05-07", "Naples", "happened")


def test_a_port_call_told_as_a_stop_is_a_visit(tmp_path):
    ex = extract(tmp_path, "Il pattugliatore INS Tarang Vir ha fatto scalo ieri a Genova con 120 uomini di "
                           "equipaggio.")
    [ev] = by_kind(ex, "visit")
    assert (ev.date, ev.place) == ("2024-05-09", "Genoa")


def test_one_received_by_the_mayor_meets_the_mayor(tmp_path):
    ex = extract(tmp_path, "Ieri il capitano di vascello Arjun Mehtani è stato ricevuto in Comune a Livorno dal "
                           "sindaco Paola Ferretti.")
    [ev] = by_kind(ex, "meeting")
    assert names(ex, ev) == ["Arjun Mehtani", "Paola Ferretti"]
    assert (ev.date, ev.place) == ("2024-05-09", "Livorno")


def test_a_face_to_face_is_a_meeting_and_a_dateline_in_italian_gives_an_english_place(tmp_path):
    ex = extract(tmp_path, "ROMA, 9 MAG - Il ministro della Difesa Franco Rinaldelli ha avuto oggi un faccia a "
                           "faccia con l'omologo indiano Vikram Seshadri.")
    [ev] = by_kind(ex, "meeting")
    assert names(ex, ev) == ["Franco Rinaldelli", "Vikram Seshadri"]
    assert ev.place == "Rome"


def test_what_did_not_happen_is_no_event(tmp_path):
    ex = extract(tmp_path, "Il sottosegretario Luca Fontanesi non ha incontrato il segretario indiano Ravi Menonn, "
                           "rientrato in patria.")
    assert not by_kind(ex, "meeting")


def test_during_the_visit_refers_to_the_visit_already_told(tmp_path):
    ex = extract(tmp_path, "Il sottosegretario Luca Fontanesi ha visitato Nuova Delhi il 6 maggio. "
                           "Durante la visita, Fontanesi ha illustrato i programmi navali italiani.")
    [ev] = by_kind(ex, "visit")
    assert (ev.date, ev.place, len(ev.evidence)) == ("2024-05-06", "New Delhi", 2)


def test_a_wreath_laid_is_a_ceremony(tmp_path):
    ex = extract(tmp_path, "Il generale Harish Chandrakar ha deposto una corona al cimitero di guerra di Arezzo "
                           "l'8 maggio.")
    [ev] = by_kind(ex, "ceremony")
    assert names(ex, ev) == ["Harish Chandrakar"] and ev.date == "2024-05-08"


def test_a_page_dated_only_by_its_month_dates_what_it_reports_to_that_month(tmp_path):
    ex = extract(tmp_path, "Il ministro Franco Rinaldelli ha incontrato l'omologo indiano Vikram Seshadri.",
                 published="2024-05")
    [ev] = by_kind(ex, "meeting")
    assert ev.date == "2024-05"


def test_a_ship_prefix_written_in_title_case_names_a_ship_of_an_exercise(tmp_path):
    ex = extract(tmp_path, "La fregata indiana ha preso parte ieri a un'esercitazione congiunta con la nave anfibia "
                           "Its Monte Rosa della Marina Militare.")
    [ev] = by_kind(ex, "exercise")
    assert ev.title.startswith("ITS Monte Rosa") and ev.date == "2024-05-09"


def test_a_pronoun_in_english_is_no_ship(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("---\npublished: 2024-05-10\n---\nThe navy said joint exercises would go on. Its Western Fleet "
                 "conducted an exercise with the coast guard.")
    ex = extract_article(read_article(p))
    assert not any("Its Western" in e.title for e in ex.events)


def test_a_session_and_a_phone_call_are_meetings(tmp_path):
    ex = extract(tmp_path, "Il ministro Franco Rinaldelli ha avuto ieri una telefonata con l'omologo indiano Vikram "
                           "Seshadri. Il 6 maggio l'ammiraglio Paolo Dentice ha presieduto a Taranto una riunione con "
                           "il contrammiraglio Ashok Varadan.")
    meetings = sorted(by_kind(ex, "meeting"), key=lambda e: e.date)
    assert [(e.date, names(ex, e)) for e in meetings] == [
        ("2024-05-06", ["Ashok Varadan", "Paolo Dentice"]), ("2024-05-09", ["Franco Rinaldelli", "Vikram Seshadri"])]
    assert "speaks with" in meetings[1].title


def test_an_exercise_before_entering_port_is_not_placed_in_the_port(tmp_path):
    ex = extract(tmp_path, "Il cacciatorpediniere INS Kaveri Dhruv ha attraccato l'8 maggio al porto di Genova. "
                           "Prima di entrare in porto, l'unità indiana ha svolto un'esercitazione con la fregata "
                           "ITS Monte Cimone.")
    [visit] = by_kind(ex, "visit")
    [drill] = by_kind(ex, "exercise")
    assert visit.place == "Genoa" and drill.place is None and drill.date == "2024-05-08"


def test_a_signing_told_again_with_another_date_is_the_same_signing(tmp_path):
    ex = extract(tmp_path, "A Roma il 6 maggio il presidente della Federazione Marco Ferrandi e il suo omologo "
                           "indiano Sunil Prakashan hanno firmato un memorandum d'intesa sulla cooperazione "
                           "industriale. Il memorandum firmato rientra nelle priorità stabilite nel novembre scorso "
                           "con la firma del piano d'azione congiunto.")
    signings = by_kind(ex, "signing")
    assert [s.date for s in signings] == ["2024-05-06"]


def test_a_quoted_name_beside_an_exercise_names_it(tmp_path):
    ex = extract(tmp_path, "Si è conclusa ieri \"Monte Bianco Shield\", la prima esercitazione tra l'Esercito "
                           "Italiano e l'Esercito indiano, iniziata lunedì 29 aprile.")
    [ev] = by_kind(ex, "exercise")
    assert ev.title == "Monte Bianco Shield" and ev.date == "2024-04-29"


def test_a_quoted_name_after_an_exercise_names_it_and_a_quoted_remark_does_not(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("---\npublished: 2024-05-10\n---\nThe two navies began the exercise \"Konkan Tide\" on May 6. "
                 "Officers called the exercise \"a great success for both sides\".")
    ex = extract_article(read_article(p))
    titles = [e.title for e in by_kind(ex, "exercise")]
    assert titles == ["Konkan Tide"]


def test_who_made_a_visit_named_in_a_reference_takes_no_part_in_the_event_the_sentence_is_about(tmp_path):
    ex = extract(tmp_path, "La fregata ITS Monte Cimone e la INS Kaveri Dhruv hanno svolto il 6 maggio "
                           "un'esercitazione nel Mar Ligure. L'esercitazione era stata annunciata a marzo, durante la "
                           "visita a Roma del ministro della Difesa indiano Vikram Seshadri.")
    [ev] = by_kind(ex, "exercise")
    assert names(ex, ev) == [] and ev.place == "Ligurian Sea"
