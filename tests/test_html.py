"""HTML pages: the article text trafilatura finds, its metadata, and claims equal to the Markdown draft's.

tests/data/html/ holds the project's sample articles (data/) as published pages, each with
the boilerplate real pages carry: navigation, cookie banner, related links and most-read
lists with numbers, comments, footer. match-report.html is windows-1252 declared only
(as ISO-8859-1, the way old CMSs do) in a <meta> tag.
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest

import claimcheck
from claimcheck.cli import Environment, ExitCode, run_extract
from claimcheck.errors import InputError
from claimcheck.load import LineIndex, decode_declared, iter_inputs, read_file, read_stream
from claimcheck.load.html import document_charset, extract_article, looks_like_html

ROOT = Path(__file__).resolve().parent.parent
HTML = Path(__file__).parent / "data" / "html"
PAIRS = [
    ("flood-relief-wire.html", "flood-relief-wire.md", "2024-03-14"),
    ("budget-feature.html", "budget-feature.md", "2024-06-05"),
    ("match-report.html", "match-report.txt", "2024-10-23"),
]
BOILERPLATE = {
    "flood-relief-wire.html": ["143 partners", "Dow up 1.2%", "Photo: 2024", "250 damaged homes", "$14 million",
                               "48,000 readers", "28-14", "4 feet of water", "$50", "(555) 014-2200", "1887"],
    "budget-feature.html": ["13 months", "21°C", "31 events", "$9 million", "150 more officers", "12 thoughts",
                            "$90 a barrel", "12,500 readers", "(555) 014-7700", "6 years", "8% in July", "4 min read"],
    "match-report.html": ["2 shirts", "90 days", "48 today", "Whitcombe Ath 2-0", "3 signings", "£10,000",
                          "54%", "62%", "1,904 votes", "0161 555 0199", "Published: 23/10/2024"],
}


def claim_facts(doc: claimcheck.Document) -> list[tuple]:
    """What a checker compares: everything about a claim but where it stands in its text."""
    return [
        (c.kind.value, c.text, c.value, c.value_high, c.qualifier, c.vague, c.unit, c.subject,
         c.source.name if c.source else None, c.date.value if c.date else None)
        for c in doc.claims
    ]


def pipe_env(stdin: bytes = b"", stdout_is_terminal: bool = False) -> Environment:
    return Environment(
        stdin=io.BytesIO(stdin), stdout=io.StringIO(), stderr=io.StringIO(),
        stdout_is_terminal=stdout_is_terminal, stderr_is_terminal=False, no_color=True,
    )


@pytest.mark.parametrize(("page", "draft", "published"), PAIRS)
def test_claims_of_the_page_equal_those_of_the_draft(page: str, draft: str, published: str):
    html = read_file(HTML / page)
    text = read_file(ROOT / "data" / draft)
    from_page = claimcheck.extract(html.text, source=html.source, metadata=html.metadata.to_dict())
    from_draft = claimcheck.extract(text.text, source=text.source)
    assert from_page.claims, "the page gave no claims"
    assert claim_facts(from_page) == claim_facts(from_draft)
    assert from_page.reference_date.isoformat() == published
    assert from_page.reference_date_origin is claimcheck.RefDateOrigin.METADATA


@pytest.mark.parametrize("page", sorted(BOILERPLATE))
def test_boilerplate_is_not_checked(page: str):
    text = read_file(HTML / page).text
    for phrase in BOILERPLATE[page]:
        assert phrase not in text, phrase


@pytest.mark.parametrize(("page", "author", "site"), [
    ("flood-relief-wire.html", "Claire Okafor", "The Riverton Courier"),
    ("budget-feature.html", "Ines Marchetti", "Calloway Ledger"),
    ("match-report.html", "Tom Ashworth", None),
])
def test_metadata_of_a_saved_page(page: str, author: str, site: str | None):
    metadata = read_file(HTML / page).metadata
    assert metadata.author == author
    assert metadata.site == site
    assert metadata.content_type == "text/html"
    assert metadata.url is None and metadata.final_url is None
    assert metadata.title and "|" not in metadata.title and "Ledger" not in metadata.title


def test_offsets_lines_and_columns_refer_to_the_extracted_text():
    item = read_file(HTML / "budget-feature.html")
    doc = claimcheck.extract(item.text, metadata=item.metadata.to_dict())
    lines = LineIndex(item.text)
    for claim in doc.claims:
        assert item.text[claim.start:claim.end] == claim.text
        assert lines.position(claim.start) == (claim.line, claim.column)


def test_paragraphs_headings_and_multi_paragraph_quotes_survive():
    text = read_file(HTML / "budget-feature.html").text
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == "Port Calloway's budget bets on oil, and on patience"
    assert "Reserves and the harbour" in paragraphs
    opening = next(i for i, p in enumerate(paragraphs) if p.startswith("“Roughly two-thirds"))
    assert paragraphs[opening + 1].startswith("“So we planned")
    assert "\n\n\n" not in text and text.endswith("\n")


def test_legacy_charset_declared_in_a_meta_tag_only():
    raw = (HTML / "match-report.html").read_bytes()
    assert b"charset=iso-8859-1" in raw and b"\x93" in raw  # cp1252 curly quote under a latin-1 label
    item = read_file(HTML / "match-report.html")
    assert "Tomás Vidal" in item.text
    assert "£8.5 million" in item.text
    assert "“A hundred goals for this club" in item.text
    assert "That’s football" in item.text


def test_html_on_standard_input_is_read_as_a_page():
    item = read_stream(io.BytesIO((HTML / "match-report.html").read_bytes()))
    assert item.source == "<stdin>"
    assert item.metadata.title == "Vidal hits 100th goal as Rovers beat Calder Vale 3-1"
    assert item.text.startswith("Vidal hits 100th goal")


def test_markdown_on_standard_input_is_still_text():
    item = read_stream(io.BytesIO(b"# Title\n\n<p>Some 800 soldiers.</p>\n"))
    assert item.text.startswith("# Title")


def test_show_text_prints_what_was_checked_and_round_trips(tmp_path: Path, validate):
    page = str(HTML / "flood-relief-wire.html")
    env = pipe_env()
    assert run_extract(env, [page], None, None, None, False, show_text=True) == ExitCode.OK
    shown = env.stdout.getvalue()
    assert shown == read_file(page).text
    env = pipe_env()
    run_extract(env, [page], None, None, None, False)
    (from_page,) = validate(env.stdout.getvalue())["documents"]
    saved = tmp_path / "checked.txt"
    saved.write_text(shown, encoding="utf-8")
    env = pipe_env()
    run_extract(env, [str(saved)], None, None, "2024-03-14", False)
    (from_saved,) = validate(env.stdout.getvalue())["documents"]
    where = lambda doc: [(c["text"], c["start"], c["end"], c["line"], c["column"]) for c in doc["claims"]]  # noqa: E731
    assert where(from_page) == where(from_saved)
    for claim in from_page["claims"]:
        assert shown[claim["start"]:claim["end"]] == claim["text"]


def test_show_text_of_several_inputs_names_each(tmp_path: Path):
    draft = tmp_path / "draft.md"
    draft.write_text("Some 40 boats sank.\n", encoding="utf-8")
    env = pipe_env()
    run_extract(env, [str(draft), str(HTML / "match-report.html")], None, None, None, False, show_text=True)
    shown = env.stdout.getvalue()
    assert shown.startswith(f"==> {draft} <==\nSome 40 boats sank.\n\n==> {HTML / 'match-report.html'} <==\nVidal hits")
    assert env.stderr.getvalue() == "claimcheck: 2 processed, 0 failed\n"


def test_show_text_on_a_terminal_cannot_send_escapes(tmp_path: Path):
    page = tmp_path / "evil.html"
    page.write_text("<html><head><title>T</title></head><body><article><p>About 12 people\x1b[2J came.</p></article></body></html>", encoding="utf-8")
    env = pipe_env(stdout_is_terminal=True)
    run_extract(env, [str(page)], None, None, None, False, show_text=True)
    assert "\x1b" not in env.stdout.getvalue()
    assert "About 12 people" in env.stdout.getvalue()


def test_the_json_of_a_saved_page_has_its_metadata(validate):
    env = pipe_env()
    run_extract(env, [str(HTML / "budget-feature.html")], None, None, None, False)
    (doc,) = validate(env.stdout.getvalue())["documents"]
    assert doc["metadata"] == {
        "title": "Port Calloway's budget bets on oil, and on patience",
        "author": "Ines Marchetti",
        "site": "Calloway Ledger",
        "date": "2024-06-05",
        "content_type": "text/html",
    }
    assert doc["reference_date_origin"] == "metadata"


def test_a_directory_of_saved_pages_skips_their_asset_folders(tmp_path: Path):
    (tmp_path / "story.html").write_bytes((HTML / "flood-relief-wire.html").read_bytes())
    (tmp_path / "story_files").mkdir()
    (tmp_path / "story_files" / "ad-frame.html").write_text("<html><body><p>Win 3 cars!</p></body></html>", encoding="utf-8")
    (tmp_path / "notes.md").write_text("About 12 people.\n", encoding="utf-8")
    sources = [Path(item.source).name for item in iter_inputs([str(tmp_path)])]
    assert sources == ["notes.md", "story.html"]


def test_a_tiny_page_still_gives_its_text():
    article = extract_article("<html><body><p>Some 800 soldiers died, officials said.</p></body></html>", "tiny.html")
    assert "Some 800 soldiers died, officials said." in article.text


def test_the_headline_is_kept_when_the_article_body_lacks_it():
    html = (
        "<html><head><title>Ferry fares to rise 8% in July | Ledger</title>"
        '<meta property="og:title" content="Ferry fares to rise 8% in July"></head><body>'
        "<div class='hero'><h1>Ferry fares to rise 8% in July</h1></div>"
        "<article><p>" + "The harbour board approved the increase on Monday after a long debate. " * 6 + "</p>"
        "<p>Some 4,000 commuters use the ferry every day, the operator said.</p></article></body></html>"
    )
    paragraphs = extract_article(html, "fares.html").text.split("\n\n")
    assert paragraphs[0] == "Ferry fares to rise 8% in July"
    assert sum(p == paragraphs[0] for p in paragraphs) == 1


def test_lists_tables_and_line_breaks_keep_their_blocks():
    html = (
        "<html><body><article><h1>Budget at a glance</h1>"
        "<p>" + "The council published its plan on Monday, with these headline figures for the coming year. " * 3 + "</p>"
        "<ul><li>Spending rises 4.2%.</li><li>Some 6,300 employees.</li></ul>"
        "<p>First line<br>second line</p>"
        "<table><tr><td>Police</td><td>$12 million</td></tr><tr><td>Parks</td><td>$3 million</td></tr></table>"
        "</article></body></html>"
    )
    paragraphs = extract_article(html, "glance.html").text.split("\n\n")
    assert "Spending rises 4.2%." in paragraphs and "Some 6,300 employees." in paragraphs
    assert "First line\nsecond line" in paragraphs
    assert "Police | $12 million" in paragraphs


def test_a_page_without_text_is_an_error():
    with pytest.raises(InputError, match="no article text found"):
        extract_article("<html><head><title></title></head><body><nav><a href='/'>Home</a></nav></body></html>", "empty.html")


@pytest.mark.parametrize(("head", "charset"), [
    (b'<html><head><meta charset="windows-1252">', "windows-1252"),
    (b"<html><head><meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>", "ISO-8859-1"),
    (b'<?xml version="1.0" encoding="iso-8859-15"?><html>', "iso-8859-15"),
    (b"<html><head><title>none</title>", None),
])
def test_document_charset(head: bytes, charset: str | None):
    assert document_charset(head) == charset


def test_decoding_order_bom_declared_utf8_detection():
    text = "“Café” costs €4"
    assert decode_declared(b"\xef\xbb\xbf" + text.encode(), "x", ("cp1252",)) == text
    assert decode_declared(text.encode("cp1252"), "x", ("iso-8859-1",)) == text  # browsers read latin-1 as cp1252
    assert decode_declared(text.encode("cp1252"), "x", ("utf-8", "windows-1252")) == text  # the header is wrong
    assert decode_declared(text.encode(), "x", ("x-unknown",)) == text
    with pytest.raises(InputError, match="binary"):
        decode_declared(b"\x00\x01\x02 binary", "x", ())


def test_looks_like_html():
    assert looks_like_html("<!DOCTYPE html><html>")
    assert looks_like_html("\ufeff  <!-- saved -->\n<html lang='en'>")
    assert not looks_like_html("# A story\n\n<p>inline html</p>")
