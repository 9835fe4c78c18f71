"""Making document text inert wherever claimcheck writes it.

Articles, file names and web pages come from anyone. Text taken from them must not drive
a terminal (escape sequences, OSC 8 links, the bell), turn into a formula in a
spreadsheet, break a Markdown table, or become a command to a CI runner. Each output
format has one function here, named for what it protects; docs/security.md lists the
rules and tests/test_output_safety.py shows each attack string arriving inert.
"""
from __future__ import annotations

import re
from functools import cache

# C0 and C1 controls (ESC, CSI, OSC, BEL, backspace...) and DEL; tab and line breaks are
# handled by each format. Bidi overrides and isolates can reorder what a reader sees
# ("Trojan source"). The zero-width joiners and the LRM/RLM marks stay: Persian,
# Indic scripts and emoji sequences need them, and they reorder nothing.
_C0_C1 = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_BIDI = "\u202a-\u202e\u2066-\u2069"
_TERMINAL_UNSAFE = f"[{_C0_C1}{_BIDI}\ud800-\udfff]"
_INVISIBLE = f"[{_C0_C1}{_BIDI}\u2028\u2029\ud800-\udfff]"
_CONTROL = f"[{_C0_C1}]"
_SURROGATE = "[\ud800-\udfff]"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MARKDOWN_SPECIAL = r"([\\|`*_\[\]<>&~])"
_SARIF_SPECIAL = r"([\[\]{}])"
_JSON_UNSAFE = "[\x85\u2028\u2029\ud800-\udfff]"


@cache
def _pattern(source: str) -> re.Pattern[str]:
    """`source` compiled on its first use and kept here for the rest of the run.

    Not at import: a class with a range beyond Latin-1 costs 2-4 M instructions to
    compile, and a run writing JSON usually needs none of these. Not in `re`'s own cache
    either: attribution's one pattern per surname overflows it on a long run, and each
    eviction would mean compiling again (printable() runs per table cell).
    """
    return re.compile(source)


def no_surrogates(text: str) -> str:
    """Lone surrogates (a file name's undecodable bytes, `errors="surrogateescape"`) as U+FFFD.

    They cannot be written as UTF-8, so a JSON or CSV file would otherwise fail half-way.
    One code point stays one code point, so offsets into the text stay right.
    """
    surrogate = _pattern(_SURROGATE)
    return surrogate.sub("\ufffd", text) if surrogate.search(text) else text


def _json_char(match: re.Match[str]) -> str:
    ch = match.group()
    return "\ufffd" if "\ud800" <= ch <= "\udfff" else f"\\u{ord(ch):04x}"


def json_text(dumped: str) -> str:
    """JSON from `json.dumps(..., ensure_ascii=False)` made safe to write and to split into lines.

    Lone surrogates become U+FFFD (see `no_surrogates`); U+0085, U+2028 and U+2029 are
    written as escapes, so a reader that splits JSON lines on every Unicode line break
    (`str.splitlines`, JavaScript before ES2019) still sees one record a line.
    """
    if dumped.isprintable():  # none of those characters is printable: most text is done here
        return dumped
    unsafe = _pattern(_JSON_UNSAFE)
    return unsafe.sub(_json_char, dumped) if unsafe.search(dumped) else dumped


def _visible_char(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name, as surrogateescape keeps it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str) -> str:
    """A message for a terminal or log: controls shown as `\\x1b`, line breaks as `\\n`.

    For file names and addresses in error messages: the user sees exactly what is odd
    about the name, and the name cannot move the cursor, set a link, ring the bell,
    or start a line that a CI runner reads as a command.
    """
    text = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
    return _pattern(_INVISIBLE).sub(_visible_char, text)


def printable(text: str) -> str:
    """Document text for a terminal: controls, bidi overrides and lone surrogates removed; tab as a space."""
    return _pattern(_TERMINAL_UNSAFE).sub("", text.replace("\t", " "))


def terminal_text(text: str) -> str:
    """Whole text for a terminal, line breaks and tabs kept: anything unsafe becomes U+FFFD.

    One character for one, so offsets into the text still point at the same places.
    """
    return _pattern(_TERMINAL_UNSAFE).sub("\ufffd", text)


def one_line(text: str) -> str:
    """`printable`, with every run of white space (line breaks included) folded to one space."""
    return " ".join(printable(text).split())


def csv_cell(text: str) -> str:
    """A CSV cell a spreadsheet shows as text (OWASP CSV injection guidance).

    A cell that starts with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'`, so it is
    not read as a formula; other control characters become U+FFFD so that printing the
    file to a terminal stays harmless. A CR becomes LF: the csv module does not quote a
    cell for a bare CR, and a reader would end the row there.
    """
    text = no_surrogates(_pattern(_CONTROL).sub("\ufffd", text))
    if text.startswith(_FORMULA_START):
        text = "'" + text
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def markdown_cell(text: str) -> str:
    """A Markdown table cell: one line; `|`, HTML, links, emphasis, code, entities escaped."""
    return _pattern(_MARKDOWN_SPECIAL).sub(r"\\\1", no_surrogates(one_line(text)))


def sarif_text(text: str) -> str:
    """A SARIF plain-text message (SARIF 2.1.0, 3.11.5 and 3.11.6).

    `{` and `}` are doubled, as placeholders require; `[` and `]` are escaped with a
    backslash, so "[click](https://...)" in a story is not read as an embedded link.
    """
    return _pattern(_SARIF_SPECIAL).sub(lambda m: m.group() * 2 if m.group() in "{}" else "\\" + m.group(), text)


__all__ = ["csv_cell", "json_text", "markdown_cell", "no_surrogates", "one_line", "printable", "sarif_text", "terminal_text", "visible"]
