"""What the pages give the search index (kb/search.py): exclusions, result lines, synonyms."""

from __future__ import annotations

from kb.search import index_html, other_forms, query_forms, result_meta, synonym_groups


def test_a_heading_marked_excluded_keeps_its_whole_section_out() -> None:
    page = ('<h1 id="x">X</h1><p>kept</p>'
            '<h2 id="links" data-search-exclude>Links</h2><ul><li>gone</li></ul>'
            '<h2 id="roles">Roles</h2><p>kept too</p>')
    out = index_html(page, {})
    ignored, rest = out.split("<div data-pagefind-ignore>", 1)
    assert "kept" in ignored
    section, after = rest.split("</div>", 1)
    assert "gone" in section and "Roles" not in section
    assert "kept too" in after


def test_an_element_marked_excluded_is_ignored_and_nothing_else() -> None:
    out = index_html('<div class="kb-article" data-search-exclude><p>text</p></div><p>quote</p>', {})
    assert '<div class="kb-article" data-search-exclude data-pagefind-ignore>' in out
    assert "<p>quote</p>" in out


def test_permalink_marks_stay_out_of_the_index() -> None:
    out = index_html('<h1 id="a">A<a class="headerlink" href="#a">¶</a></h1>', {"title": "A"})
    assert 'class="headerlink" data-pagefind-ignore' in out
    assert '<span data-pagefind-meta="title" data-pagefind-ignore hidden>A</span>' in out


def test_results_show_kind_date_and_a_readable_summary() -> None:
    person = {"type": "person", "title": "Asha Verma", "country": "India",
              "roles": [{"title": "Joint Secretary", "date": "2021"}, {"title": "Defence Secretary", "date": "2023-10"},
                        {"title": "Officer", "date": None}]}
    assert result_meta(person) == {"kind": "Person", "summary": "Defence Secretary · India"}
    event = {"type": "event", "kind": "meeting", "date": "2023-10-09", "place": "Rome"}
    assert result_meta(event) == {"kind": "Event", "date": "2023-10-09", "summary": "meeting · Rome"}
    source = {"type": "source", "published": "2024-05", "outlet": "Example Wire"}
    assert result_meta(source) == {"kind": "Article", "date": "2024-05", "summary": "Example Wire"}
    assert result_meta({}) == {"kind": "Page"}


def test_commas_in_a_title_survive_as_text() -> None:
    out = index_html("<p>x</p>", {"title": "Ships, boats & more"})
    assert ">Ships, boats &amp; more</span>" in out


def test_an_event_is_found_by_its_place() -> None:
    out = index_html("<p>x</p>", {"type": "event", "title": "Talks", "place": "Kochi"})
    assert '<p class="kb-search-words" hidden>Kochi</p>' in out


def test_synonyms_find_each_other_both_ways() -> None:
    assert "memorandum of understanding" in other_forms("An MoU on hydrography")
    assert "MoU" in other_forms("A Memorandum of Understanding on hydrography")
    assert "Chief of Defence Staff" in other_forms("The CDS said")
    assert "CDS" in other_forms("the Chief of Defence Staff of Ruritania")
    assert "IN" in other_forms("ships of the Indian Navy")


def test_short_capital_forms_match_only_in_capitals_and_as_words() -> None:
    assert "Indian Navy" not in other_forms("talks in Rome")
    assert "Indian Navy" not in other_forms("INDIGO")
    assert other_forms("nothing to see") == []


def test_a_query_of_an_abbreviation_in_capitals_searches_its_long_form() -> None:
    forms = query_forms()
    assert forms["IN"] == "Indian Navy" and forms["CDS"] == "Chief of Defence Staff"
    assert "MoU" not in forms  # not all capitals: searched as typed, found through the index
    assert all(len(g) > 1 for g in synonym_groups())


def test_agreement_kind_brings_in_the_long_form() -> None:
    out = index_html("<p>x</p>", {"type": "agreement", "title": "Pact on ships", "kind": "mou"})
    assert "memorandum of understanding" in out.split('class="kb-search-words"')[1]


def test_a_page_asking_for_a_boost_has_its_names_weighted() -> None:
    out = index_html("<p>x</p>", {"title": "Asha Verma", "aliases": ["A. Verma"], "search": {"boost": 2}})
    assert '<p class="kb-search-names" data-pagefind-weight="10" hidden>Asha Verma · A. Verma</p>' in out
    assert "kb-search-names" not in index_html("<p>x</p>", {"title": "Talks"})
