"""Run the rules over documents: findings with severities, suppressions applied, in text order."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import BinaryIO, Iterable, Iterator, Union

from ..errors import InputError
from ..load import DEFAULT_MAX_BYTES, FetchOptions, Fetcher, InputKind, LineIndex, ReadOptions, plan_inputs, read_target
from ..model import Document, Finding, Severity
from ..pipeline import extract
from .config import Config, ConfigFinder
from .context import CheckContext
from .registry import Hit, Rule
from .rules import RULES
from .suppress import find_suppressions, unsuppressed


def fingerprint(code: str, claim_id: str) -> str:
    """Stable across edits elsewhere in the document: the rule and the claim's own id."""
    return hashlib.blake2b(f"{code}\x1f{claim_id}".encode(), digest_size=8).hexdigest()


def _finding(rule: Rule, severity: Severity, hit: Hit, document: Document, lines: LineIndex) -> Finding:
    claim = hit.claim
    end_line, end_column = lines.position(max(claim.start, claim.end - 1))
    return Finding(
        code=rule.code,
        name=rule.name,
        severity=severity,
        message=rule.format(hit),
        source=document.source,
        line=claim.line,
        column=claim.column,
        end_line=end_line,
        end_column=end_column + 1,
        start=claim.start,
        end=claim.end,
        claim_id=claim.id,
        fingerprint=fingerprint(rule.code, claim.id),
    )


def check(document: Document, config: Config | None = None) -> list[Finding]:
    """The findings of every active rule on `document`, minus suppressed ones, in text order."""
    active = (config or Config()).rules_for(document.source)
    context = CheckContext.of(document)
    lines = LineIndex(document.text)
    findings = [
        _finding(rule, active[rule.code], hit, document, lines)
        for rule in RULES
        if rule.code in active
        for hit in rule.run(context)
    ]
    kept = unsuppressed(findings, find_suppressions(document.text))
    return sorted(kept, key=lambda f: (f.line, f.column, f.code))


def check_text(
    text: str, *, source: str | None = None, config: Config | None = None, reference_date: dt.date | str | None = None
) -> list[Finding]:
    """Extract and check one text in one call."""
    config = config or Config()
    return check(extract(text, source=source, reference_date=reference_date, day_first=config.day_first), config)


@dataclass(frozen=True, slots=True)
class CheckedDocument:
    """One input after checking: its findings, the configuration that governed it, its size."""

    source: str
    findings: tuple[Finding, ...]
    config: Config
    words: int


def check_paths(
    paths: Iterable[str],
    *,
    config: Config | None = None,
    finder: ConfigFinder | None = None,
    stdin: BinaryIO | None = None,
    reference_date: dt.date | None = None,
    day_first: bool | None = None,
    encoding: str | None = None,
    errors: str = "strict",
    max_bytes: int | None = None,
    max_claims: int | None = None,
) -> Iterator[Union[CheckedDocument, InputError]]:
    """Check every article the paths name; unreadable inputs are yielded as errors, not raised.

    Each file gets the configuration found by walking up from it, unless `config` is given;
    its `max-bytes` and `max-claims` apply unless `max_bytes` / `max_claims` are given.
    `encoding` and `errors` say how files and standard input are decoded (see `ReadOptions`).
    """
    finder = finder or ConfigFinder(config)
    with Fetcher(FetchOptions(max_bytes=max_bytes or DEFAULT_MAX_BYTES)) as fetcher:
        for target in plan_inputs(paths):
            if isinstance(target, InputError):
                yield target
                continue
            settings = finder.for_path(target.location if target.kind is InputKind.FILE else None)
            read = ReadOptions(max_bytes or settings.max_bytes, encoding, errors)
            try:
                item = read_target(target, stdin, fetcher, read)
                document = extract(
                    item.text,
                    source=item.source,
                    reference_date=reference_date,
                    day_first=settings.day_first if day_first is None else day_first,
                    max_claims=max_claims or settings.max_claims,
                )
            except InputError as exc:
                yield exc
                continue
            yield CheckedDocument(item.source, tuple(check(document, settings)), settings, len(item.text.split()))
