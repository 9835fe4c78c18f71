"""HTML pages to the article they carry: main text without navigation, ads and comments, and metadata.

trafilatura finds the article and, through htmldate, its publication date. It takes most
of a second to import, so it is imported only when a page is actually read.

The text is rebuilt from trafilatura's element tree rather than taken from its plain-text
output: every block (paragraph, heading, list item, table row) becomes a paragraph of its
own, separated by a blank line, so the segmenter sees the same paragraphs, sentences and
multi-paragraph quotations as in a Markdown draft of the same story.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Iterator

from ..errors import InputError
from ..model import frozen

if TYPE_CHECKING:
    from lxml.etree import _Element

_HEAD_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)
_HTML_START = re.compile(r"\A[\ufeff\s]*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])", re.I | re.S)
_SPACES = re.compile(r"[^\S\n]+")
_CONTAINERS = frozenset({"list", "table", "quote", "div", "body"})
_SKIPPED = frozenset({"graphic", "fw", "note"})


@frozen
class Article:
    """What a page says: its article text (offsets of claims refer to it) and who, what and when."""

    text: str
    title: str | None = None
    author: str | None = None
    site: str | None = None
    date: str | None = None


def looks_like_html(text: str) -> bool:
    """A document that opens as an HTML page (doctype, <html> or <head>), for inputs without a name or type."""
    return bool(_HTML_START.match(text[:_HEAD_BYTES]))


def document_charset(data: bytes) -> str | None:
    """The charset a page declares for itself, in a <meta> tag or an XML declaration near its top."""
    head = data[:_HEAD_BYTES]
    found = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return found.group(1).decode("ascii") if found else None


def extract_article(html: str, source: str, url: str | None = None) -> Article:
    """The article in `html`, or an InputError naming `source` when the page holds none.

    `url` (the address after redirects) helps find the date in URLs like /2024/03/14/.
    """
    import trafilatura

    try:
        found = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,  # readers' comments are not the story
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            date_extraction_params={
                # Only dates the page states as its own (meta tags, <time>, JSON-LD, the URL),
                # never a guess from the text: a wrong reference date would misplace every "Tuesday".
                "original_date": True,
                "extensive_search": False,
                "max_date": dt.date.today().isoformat(),
            },
        )
        body = found.body if found is not None else None
        if body is None or not _has_text(body):
            body, _, _ = trafilatura.baseline(html)
    except (ValueError, TypeError, LookupError) as exc:
        raise InputError(source, f"could not parse the HTML ({exc}); open it in a browser and save it again") from None
    paragraphs = [p for p in _paragraphs(body) if p]
    if not paragraphs:
        raise InputError(source, "no article text found in the page; copy the story's text into a .txt file and check that")
    title = _clean(getattr(found, "title", None))
    if title and not any(_same(title, p) for p in paragraphs[:3]):
        paragraphs.insert(0, title)  # headlines make claims too
    return Article(
        text="\n\n".join(paragraphs) + "\n",
        title=title,
        author=_clean(getattr(found, "author", None)),
        site=_clean(getattr(found, "sitename", None)),
        date=_iso_date(getattr(found, "date", None)),
    )


def _has_text(element: "_Element") -> bool:
    return any(text.strip() for text in element.itertext())


def _paragraphs(element: "_Element") -> Iterator[str]:
    """One string per block; containers (lists, tables, quotes) give one per block inside them."""
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _SKIPPED:
            continue
        if tag == "row":
            cells = (_inline(cell) for cell in child)
            yield " | ".join(cell for cell in cells if cell)
        elif tag in _CONTAINERS and any(isinstance(c.tag, str) and c.tag not in ("lb", "hi", "ref") for c in child):
            lead = _normalise(child.text or "")
            if lead:
                yield lead
            yield from _paragraphs(child)
        else:
            yield _inline(child)
        tail = _normalise(child.tail or "")
        if tail:
            yield tail


def _inline(element: "_Element") -> str:
    """The text of one block: inline markup dropped, <lb/> kept as a line break."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif isinstance(child.tag, str) and child.tag not in _SKIPPED:
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return _normalise("".join(parts))


def _normalise(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _clean(value: str | None) -> str | None:
    value = _normalise(value or "").replace("\n", " ")
    return value or None


_TYPOGRAPHIC = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _same(a: str, b: str) -> bool:
    """Equal but for case, spacing and curly quotes (og:title and <h1> often differ in those)."""
    def fold(s: str) -> str:
        return " ".join(s.translate(_TYPOGRAPHIC).split()).casefold()

    return fold(a) == fold(b)


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None
