from kb.clean import clean


def test_drops_also_read_lines_and_keeps_the_story():
    body = ("Rome, May 3 (PTI) The ministers met on Friday.\n\n"
            "Also Read | Man Arrested For Theft In Ohio.\n\n"
            "ALSO READ: Storm hits coast\n\n"
            "They signed an agreement.")
    c = clean(body)
    assert "Arrested" not in c.text and "Storm" not in c.text
    assert c.paragraphs == ["Rome, May 3 (PTI) The ministers met on Friday.", "They signed an agreement."]


def test_cuts_everything_after_a_latest_news_header():
    body = "The chiefs met in Rome.\n\nLATEST NEWS\n\nPSG to meet Chelsea\n\nSome politician Jane Doe wins"
    assert clean(body).text == "The chiefs met in Rome."


def test_drops_urls_disclaimers_signoffs_and_initials():
    body = ("The admiral visited Naples.\n\nhttps://twitter.com/x/status/1711562088202874912\n\n--IANS\n\nakl/as\n\n"
            "(The above story is verified and authored by ANI staff, ANI is South Asia's leading agency.)")
    assert clean(body).text == "The admiral visited Naples."


def test_a_repeated_headline_becomes_the_headline_and_is_not_text():
    body = ("India and Italy talk defence\n\nIndia and Italy talk defence\n\n"
            "Rome, Feb 27 (IANS) India and Italy on Friday discussed defence priorities.")
    c = clean(body)
    assert c.headline == "India and Italy talk defence"
    assert c.text.startswith("Rome, Feb 27")


def test_header_date_lines_and_prefixes_are_removed():
    c = clean("February 27, 2026 7:29 PM हिंदी\n\nThe minister spoke.\n\nHe left.")
    assert c.text == "The minister spoke.\n\nHe left."
    assert clean("date 2021-07-08 The general met his counterpart.").text == "The general met his counterpart."


def test_trailing_agency_tag_goes_but_the_sentence_stays():
    c = clean("Ships exercised at sea.\n\nThe deployment ends in May. PTI ABC DEF")
    assert c.paragraphs[-1] == "The deployment ends in May."


def test_a_trailing_list_of_short_headlines_is_dropped():
    body = ("The minister met his counterpart in Rome on Monday.\n\n"
            "Stocks rise on bank gains\n\nCricket team wins series\n\nFilm star weds")
    assert clean(body).text == "The minister met his counterpart in Rome on Monday."


def test_cleaned_sentences_are_substrings_of_the_original():
    body = "Rome, Oct 10 (ANI): X met Y.\n\nAlso Read | Z\n\n\"We met,\" he said. (ANI)\n\nTrending: cats"
    c = clean(body)
    for p in c.paragraphs:
        assert p in body


def test_wire_desk_notes_and_credits_are_dropped():
    body = ("UPDATE 2-Italy, India navies to drill together\n\n"
            "(Adds comments from Indian navy chief in paragraphs 5-6; corrects spelling of name in paragraph 2)\n\n"
            "ROME, Jan 22 (Reuters) - Italy and India will hold their first joint drill, the admiral said.\n\n"
            "(Reporting by Jane Roe; Additional reporting by John Doe in New Delhi; Editing by Tom Marsh)\n\n"
            "(This interview has been condensed and edited for clarity.)")
    c = clean(body)
    lead = "ROME, Jan 22 (Reuters) - Italy and India will hold their first joint drill, the admiral said."
    assert c.paragraphs == [lead]
    assert "Jane Roe" not in c.text and "Adds comments" not in c.text


def test_a_sentence_that_mentions_an_update_is_kept():
    body = "The ministers met in Rome.\n\n(Updates are expected on Friday, officials said.) The talks went on."
    assert "The talks went on." in clean(body).text


def test_italian_boilerplate_goes():
    body = ("Le marine iniziano le esercitazioni [FOTO MARIO BIANCHI]\n"
            "La fregata è arrivata questa mattina nel porto di Genova.\n"
            "Leggi anche: Il cantiere consegna la nave\n"
            "Il comandante ha incontrato il sindaco.\n"
            "LE FOTO DELLA CERIMONIA (DI MARIO BIANCHI)\n"
            "Riproduzione riservata © Copyright\n"
            "Articolo precedente\n"
            "Il porto apre di notte: ecco gli orariArticolo successivo\n"
            "Nuove regole per il traffico")
    c = clean(body)
    assert c.paragraphs == ["La fregata è arrivata questa mattina nel porto di Genova.",
                            "Il comandante ha incontrato il sindaco."]


def test_image_credits_reading_times_and_desk_credits_go():
    body = ("Image Source : PTI Sailors on the deck of a frigate\n"
            "Coastal Courier News Service\n"
            "2 min read Last Updated : Mar 13 2026 | 8:58 PM IST\n"
            "Source :PTI\n"
            "The two navies began a joint exercise on Friday.\n"
            "The ships return next week.\n"
            "(ANSA).")
    assert clean(body).paragraphs == ["The two navies began a joint exercise on Friday.", "The ships return next week."]


def test_an_agency_tag_with_initials_goes_for_every_agency_of_the_lexicon():
    c = clean("Ships exercised at sea.\n\nThe deployment ends in May. ANSA ABC")
    assert c.paragraphs[-1] == "The deployment ends in May."


def test_drops_teasers_for_other_pages():
    body = ("The ministers met on Friday.\n\nWatch | Explained: why the frigate deal matters\n\n"
            "Also watch | Storm hits coast\n\nThey signed an agreement.")
    assert clean(body).paragraphs == ["The ministers met on Friday.", "They signed an agreement."]


def test_a_quotation_box_above_the_story_is_not_the_story():
    # A site's testimonial: a quotation, its speaker, the speaker's office and a date, then the story.
    body = ("\"Auguro a tutta la redazione un lavoro sereno e libero, al servizio dei lettori\" Mario Bianchetti\n\n"
            "Ministro della Cultura\n\n12 marzo 2019\n\n"
            "- Il sottosegretario ha incontrato a Nuova Delhi il capo di Stato maggiore della Difesa indiano, "
            "con il quale ha discusso della cooperazione navale tra i due Paesi.")
    c = clean(body)
    assert "Bianchetti" not in c.text and "2019" not in c.text and "Ministro della Cultura" not in c.text
    assert "Il sottosegretario ha incontrato" in c.text
