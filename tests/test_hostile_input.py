"""Inputs nobody controls: size caps, claim caps, encodings and binary files, for extract and check.

Each bad input gives one line on stderr naming it and the option that gets past it;
the other inputs are still processed and the exit status is 2.
"""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import ExitCode, app
from claimcheck.errors import InputError, LimitError
from claimcheck.load import ReadOptions, decode, read_file, read_stream

runner = CliRunner()
STORY = "Officials said some 800 soldiers died on Tuesday, March 1, 2023.\n"
# A Windows newsroom's draft: Latin-1 / cp1252 bytes, not UTF-8.
CP1252 = "Caf\xe9 owners said 1,200 residents left \u2014 \u201cabout 40%\u201d of the town.\n".encode("cp1252")


def invoke(*args: str, input: bytes | None = None):
    return runner.invoke(app, list(args), input=input)


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("claimcheck: error:")]


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.md"
    path.write_text(STORY, encoding="utf-8")
    return path


@pytest.fixture
def windows_draft(tmp_path: Path) -> Path:
    path = tmp_path / "windows.txt"
    path.write_bytes(CP1252)
    return path


# Encodings


@pytest.mark.parametrize("command", ["extract", "check"])
def test_invalid_utf8_is_one_line_with_the_byte_offset_and_the_way_out(command, windows_draft, story):
    result = invoke(command, str(windows_draft), str(story))
    assert result.exit_code == ExitCode.ERROR
    (line,) = error_lines(result)
    assert line.startswith(f"claimcheck: error: {windows_draft}: not valid UTF-8 at byte offset 3 (line 1)")
    assert "--encoding" in line and "--errors replace" in line
    if command == "extract":  # the good story was still read
        assert str(story) in result.stdout
    else:
        assert "in 1 file" in result.stderr
    assert "Traceback" not in result.output


def test_encoding_option_reads_a_cp1252_draft_with_offsets_into_the_decoded_text(windows_draft):
    result = invoke("extract", str(windows_draft), "--encoding", "cp1252", "-f", "json")
    assert result.exit_code == ExitCode.OK, result.stderr
    (doc,) = json.loads(result.stdout)["documents"]
    text = CP1252.decode("cp1252")
    assert doc["claims"]
    for claim in doc["claims"]:
        assert text[claim["start"]:claim["end"]] == claim["text"]
    assert any(c["source"] and c["source"]["name"].startswith("Caf\xe9") for c in doc["claims"])


def test_errors_replace_reads_bad_bytes_as_replacement_characters(windows_draft):
    result = invoke("extract", str(windows_draft), "--errors", "replace", "-f", "json")
    assert result.exit_code == ExitCode.OK, result.stderr
    (doc,) = json.loads(result.stdout)["documents"]
    text = CP1252.decode("utf-8", "replace")
    assert doc["claims"]
    for claim in doc["claims"]:
        assert text[claim["start"]:claim["end"]] == claim["text"]
    assert "Caf\ufffd" in doc["claims"][0]["sentence"]


def test_check_takes_encoding_and_errors_too(windows_draft):
    assert invoke("check", str(windows_draft), "--encoding", "cp1252").exit_code == ExitCode.OK
    assert invoke("check", str(windows_draft), "--errors", "replace").exit_code == ExitCode.OK


@pytest.mark.parametrize("command", ["extract", "check"])
@pytest.mark.parametrize(("option", "value"), [("--encoding", "klingon"), ("--encoding", "rot13"), ("--errors", "ignore")])
def test_unknown_encoding_or_error_mode_is_a_usage_error(command, option, value, story):
    result = invoke(command, str(story), option, value)
    assert result.exit_code == ExitCode.ERROR
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"claimcheck: error: {option} {value!r} is not")
    assert result.stdout == ""


def test_utf16_with_a_bom_is_read_as_utf16_and_the_bom_counts_as_a_character(tmp_path: Path):
    path = tmp_path / "notepad.txt"
    path.write_bytes("\ufeff".encode("utf-16-le") + STORY.encode("utf-16-le"))
    text = read_file(path).text
    assert text == "\ufeff" + STORY  # as a UTF-8 BOM is kept: offsets count it
    result = invoke("extract", str(path), "-f", "json")
    (doc,) = json.loads(result.stdout)["documents"]
    assert [text[c["start"]:c["end"]] for c in doc["claims"]] == [c["text"] for c in doc["claims"]]
    assert doc["claims"]


def test_an_explicit_utf16_encoding_is_not_mistaken_for_binary(tmp_path: Path):
    path = tmp_path / "wide.txt"
    path.write_bytes(STORY.encode("utf-16-be"))  # no BOM: only --encoding can tell
    assert invoke("extract", str(path)).exit_code == ExitCode.ERROR
    result = invoke("extract", str(path), "--encoding", "utf-16-be", "-f", "json")
    assert result.exit_code == ExitCode.OK, result.stderr
    assert json.loads(result.stdout)["documents"][0]["claims"]


# Binary files


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary data (a PDF)"),
        (b"PK\x03\x04\x14\x00\x06\x00", "binary data (a ZIP archive, or a Word or OpenDocument file)"),
        (b"\x89PNG\r\n\x1a\n", "binary data (a PNG image)"),
        (b"plain start\x00\x01\x02 then junk", "binary data,"),
    ],
)
def test_binary_files_are_skipped_with_a_message_saying_what_they_are(tmp_path: Path, story, data, what):
    path = tmp_path / "attachment.md"
    path.write_bytes(data)
    result = invoke("extract", str(path), str(story), "-f", "json")
    assert result.exit_code == ExitCode.ERROR
    (line,) = error_lines(result)
    assert line.startswith(f"claimcheck: error: {path}: {what}")
    assert "skipped" in line
    assert [d["source"] for d in json.loads(result.stdout)["documents"]] == [str(story)]


# Size caps


def test_a_huge_file_is_refused_from_its_size_without_reading_it(tmp_path: Path, story):
    huge = tmp_path / "disk-image.txt"
    with huge.open("wb") as handle:
        handle.truncate(5_000_000_000)  # 5 GB, sparse: reading it would take minutes and all memory
    for command in ("extract", "check"):
        result = invoke(command, str(huge), str(story))
        assert result.exit_code == ExitCode.ERROR
        (line,) = error_lines(result)
        assert line == (
            f"claimcheck: error: {huge}: 5000 MB, over the --max-bytes limit of 10 MB; raise --max-bytes if it really is one article"
        )


def test_max_bytes_is_an_option_for_files_and_stdin(story):
    assert invoke("extract", str(story), "--max-bytes", "20").exit_code == ExitCode.ERROR
    assert invoke("extract", str(story), "--max-bytes", "1k").exit_code == ExitCode.OK
    result = invoke("extract", "-", "--max-bytes", "20", input=STORY.encode() * 3)
    assert result.exit_code == ExitCode.ERROR
    assert error_lines(result) == ["claimcheck: error: <stdin>: over the --max-bytes limit of 20 bytes; raise --max-bytes if it really is one article"]
    assert invoke("check", str(story), "--max-bytes", "20").exit_code == ExitCode.ERROR


def test_an_endless_stream_is_refused_after_the_cap_not_read_to_the_end():
    class Endless(io.RawIOBase):
        read_so_far = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:
            buffer[:] = b"9" * len(buffer)
            Endless.read_so_far += len(buffer)
            return len(buffer)

    with pytest.raises(LimitError, match="over the --max-bytes limit of 1 MB"):
        read_stream(io.BufferedReader(Endless()), options=ReadOptions(max_bytes=1_000_000))
    assert Endless.read_so_far <= 1_100_000


def test_too_many_claims_is_one_line_and_the_batch_goes_on(tmp_path: Path, story):
    dump = tmp_path / "table-dump.md"
    dump.write_text("Officials said 800 soldiers died. " * 60, encoding="utf-8")
    for command in ("extract", "check"):
        result = invoke(command, str(dump), str(story), "--max-claims", "50")
        assert result.exit_code == ExitCode.ERROR
        assert error_lines(result) == [
            f"claimcheck: error: {dump}: 60 claims, over the --max-claims limit of 50; raise --max-claims if it really is one article"
        ]
    result = invoke("extract", str(dump), str(story), "--max-claims", "50", "-f", "json")
    data = json.loads(result.stdout)
    assert [d["source"] for d in data["documents"]] == [str(story)]
    assert data["errors"][0]["source"] == str(dump)
    assert invoke("extract", str(dump), "--max-claims", "60").exit_code == ExitCode.OK


def test_check_reads_the_caps_from_the_configuration_and_the_option_wins(tmp_path: Path, story):
    (tmp_path / ".claimcheck.toml").write_text('max-bytes = "20"\nmax-claims = 1\n', encoding="utf-8")
    result = invoke("check", str(story))
    assert result.exit_code == ExitCode.ERROR
    assert "over the --max-bytes limit of 20 bytes" in error_lines(result)[0]
    result = invoke("check", str(story), "--max-bytes", "10M")
    assert "over the --max-claims limit of 1" in error_lines(result)[0]
    assert invoke("check", str(story), "--max-bytes", "10M", "--max-claims", "100").exit_code in (ExitCode.OK, ExitCode.FINDINGS)


@pytest.mark.parametrize(("setting", "words"), [('max-bytes = "lots"', "max-bytes 'lots' is not a size"), ("max-claims = 0", "max-claims must be")])
def test_a_bad_cap_in_the_configuration_names_the_file(tmp_path: Path, story, setting, words):
    config = tmp_path / ".claimcheck.toml"
    config.write_text(setting + "\n", encoding="utf-8")
    result = invoke("check", str(story))
    assert result.exit_code == ExitCode.ERROR
    (line,) = error_lines(result)
    assert str(config) in line and words in line


# The library functions


def test_decode_names_the_source_and_offset_for_every_encoding():
    with pytest.raises(InputError, match=r"^x\.md: not valid UTF-8 at byte offset 7 \(line 2\)"):
        decode(b"a\nb c d\xff", "x.md")
    with pytest.raises(InputError, match=r"not valid ascii at byte offset 1 \(line 1\); check --encoding"):
        decode(b"a\xe9", "x.md", "ascii")
    assert decode(b"a\xff b", "x.md", errors="replace") == "a\ufffd b"


def test_real_console_script_with_a_bad_encoding_is_one_line(windows_draft):
    script = Path(sys.executable).with_name("claimcheck")
    proc = subprocess.run([str(script), "extract", str(windows_draft)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == ExitCode.ERROR
    assert proc.stderr.count("\n") == 1 and "not valid UTF-8 at byte offset 3" in proc.stderr
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run([str(script), "extract", str(windows_draft), "--encoding", "cp1252", "-f", "jsonl"], capture_output=True, env=env, timeout=60)
    assert proc.returncode == ExitCode.OK and b"Caf\xc3\xa9 owners" in proc.stdout


def test_an_endless_input_list_is_refused_not_read_to_the_end():
    result = invoke("extract", "--input-list", "/dev/zero")
    assert result.exit_code == ExitCode.ERROR
    assert result.stderr.strip() == "claimcheck: error: --input-list /dev/zero: input list over 10 MB; split it into smaller lists"
