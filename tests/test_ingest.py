import codecs

from kb.ingest import read_article, read_folder, source_id


def test_source_id_from_file_name():
    assert source_id("000_b859554c56ab1284.txt") == "000-b859554c56ab1284"
    assert source_id("My Article (2).md") == "my-article-2"


def test_front_matter_is_split_and_dates_become_iso(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("---\ntitle: 'A: b'\npublished: 2023-03-02\noutlet: ANSA\nextra: 1\n---\nBody text.\n")
    art = read_article(p)
    assert art.meta == {"title": "A: b", "published": "2023-03-02", "outlet": "ANSA"}
    assert art.body.strip() == "Body text."


def test_broken_front_matter_is_read_as_text_with_a_warning(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("---\ntitle: [unclosed\n---\nBody.\n")
    art = read_article(p)
    assert art.meta == {} and "front matter" in art.warnings[0]


def test_latin1_is_decoded_with_a_warning(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("Il ministro è arrivato a Roma. The minister met.".encode("latin-1"))
    art = read_article(p)
    assert "è" in art.body and any("Windows-1252" in w for w in art.warnings)


def test_utf16_with_bom(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(codecs.BOM_UTF16_LE + "Defence Minister met.".encode("utf-16-le"))
    assert read_article(p).body == "Defence Minister met."


def test_bad_files_are_reported_by_name_and_others_still_read(tmp_path):
    (tmp_path / "good.txt").write_text("The minister met his counterpart.")
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "twin.txt").write_text("The minister met his counterpart.")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    articles, problems = read_folder(tmp_path)
    assert [a.file for a in articles] == ["good.txt"]
    reasons = {p.file: p.reason for p in problems}
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert "good.txt" in reasons["twin.txt"]
    assert "notes.pdf" not in reasons
