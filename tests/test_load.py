"""Reading articles: every kind of input and every kind of bad input."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

import claimcheck
from claimcheck.errors import InputError
from claimcheck.load import Input, LineIndex, iter_inputs, read_file, read_stream

INPUTS = Path(__file__).parent / "data" / "inputs"


def test_utf8_bom_is_kept_so_offsets_match_the_file():
    item = read_file(INPUTS / "bom.txt")
    assert item.text.startswith("\ufeff")
    doc = claimcheck.extract(item.text)
    claim = next(c for c in doc.claims if "1,700" in c.text)
    raw = (INPUTS / "bom.txt").read_bytes().decode("utf-8")
    assert raw[claim.start:claim.end] == claim.text


def test_crlf_is_not_translated_and_lines_count_right():
    item = read_file(INPUTS / "crlf.txt")
    assert "\r\n" in item.text
    doc = claimcheck.extract(item.text)
    twelve = next(c for c in doc.claims if "12" in c.text)
    assert twelve.line == 2
    assert item.text[twelve.start:twelve.end] == twelve.text
    line_text = item.text.split("\r\n")[twelve.line - 1]
    assert line_text[twelve.column - 1:].startswith(twelve.text)


def test_line_index_counts_lf_crlf_and_cr():
    index = LineIndex("a\nb\r\nc\rd")
    assert index.position(0) == (1, 1)
    assert index.position(2) == (2, 1)
    assert index.position(5) == (3, 1)
    assert index.position(7) == (4, 1)


def test_missing_file_names_the_input(tmp_path: Path):
    with pytest.raises(InputError, match="no such file") as info:
        read_file(tmp_path / "nope.md")
    assert "nope.md" in str(info.value)


def test_binary_file_is_refused(tmp_path: Path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match="binary"):
        read_file(path)


def test_invalid_utf8_reports_the_byte_offset(tmp_path: Path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\xe9 prices rose 5%.".encode("latin-1"))
    with pytest.raises(InputError, match="byte offset 3"):
        read_file(path)


@pytest.mark.parametrize("content", [b"", b"   \n\n\t", b"\xef\xbb\xbf\n"])
def test_empty_document_is_refused(tmp_path: Path, content: bytes):
    path = tmp_path / "empty.md"
    path.write_bytes(content)
    with pytest.raises(InputError, match="empty"):
        read_file(path)


def test_directory_is_searched_recursively_for_articles(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.md").write_text("Some 40 boats sank.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("About 12 people.", encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.md").write_text("Hidden 9.", encoding="utf-8")
    sources = [item.source for item in iter_inputs([str(tmp_path)])]
    assert [Path(s).name for s in sources] == ["one.md", "two.txt"]


def test_directory_without_articles_is_an_error(tmp_path: Path):
    (tmp_path / "image.png").write_bytes(b"\x00")
    (result,) = list(iter_inputs([str(tmp_path)]))
    assert isinstance(result, InputError)
    assert "no *.md or *.txt" in result.reason


def test_bad_inputs_do_not_stop_the_good_ones(tmp_path: Path):
    good = tmp_path / "good.md"
    good.write_text("Some 800 soldiers.", encoding="utf-8")
    results = list(iter_inputs([str(tmp_path / "missing.md"), str(good)]))
    assert isinstance(results[0], InputError)
    assert isinstance(results[1], Input)


def test_stdin_is_read_as_bytes():
    item = read_stream(io.BytesIO("Some 800 soldiers.".encode()))
    assert item.source == "<stdin>"
    assert item.text == "Some 800 soldiers."
