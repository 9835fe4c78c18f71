"""Run the rules over documents: findings with severities, suppressions applied, in text order."""
from __future__ import annotations

import datetime as dt
import enum
from typing import BinaryIO, Iterable, Iterator, Sequence, Union

from ..errors import ClaimcheckError, InputError
from ..ledger import Ledger, ledger_path, read_ledger
from ..load import DEFAULT_MAX_BYTES, FetchOptions, Fetcher, Input, InputKind, LineIndex, ReadOptions, looks_like_url, plan_inputs, read_target
from ..model import Document, Finding, Severity, blake2b, frozen
from ..pipeline import extract
from .config import Config, ConfigFinder
from .context import CheckContext
from .registry import Hit, Rule
from .rules import RULES
from .suppress import find_suppressions, unsuppressed


def fingerprint(code: str, claim_id: str) -> str:
    """Stable across edits elsewhere in the document: the rule and the claim's own id."""
    return blake2b(f"{code}\x1f{claim_id}".encode(), digest_size=8).hexdigest()


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


def check(
    document: Document, config: Config | None = None, ledger: Ledger | None = None, sources: Sequence[Document] = ()
) -> list[Finding]:
    """The findings of every active rule on `document`, minus suppressed ones, in text order.

    `ledger` is the draft's review ledger, for the rules that read it (CC012, CC013);
    `sources` (press releases, reports) are what CC014 and CC015 compare the claims with.
    """
    active = (config or Config()).rules_for(document.source)
    context = CheckContext.of(document, ledger, sources)
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
    text: str,
    *,
    source: str | None = None,
    config: Config | None = None,
    reference_date: dt.date | str | None = None,
    ledger: Ledger | None = None,
    sources: Sequence[Document] = (),
) -> list[Finding]:
    """Extract and check one text in one call."""
    config = config or Config()
    doc = extract(text, source=source, reference_date=reference_date, day_first=config.day_first)
    return check(doc, config, ledger, sources)


class LedgerMode(str, enum.Enum):
    """Which review ledgers `check_paths` reads: the ones beside the drafts, or one for every draft."""

    AUTO = "auto"  # DRAFT.claims.json when it exists; no ledger rules otherwise
    REQUIRED = "required"  # a draft without a ledger has nothing verified

    def __str__(self) -> str:
        return self.value


def ledger_for(source: str, mode: LedgerMode) -> Ledger | None:
    """The review ledger of the draft read from `source`, as `mode` says; LedgerError if it is broken."""
    if source.startswith("<") or looks_like_url(source):
        return Ledger(draft=source) if mode is LedgerMode.REQUIRED else None
    file = ledger_path(source)
    if mode is LedgerMode.AUTO and not file.exists():
        return None
    return read_ledger(file)


@frozen
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
    ledgers: LedgerMode = LedgerMode.AUTO,
    sources: Sequence[Document] = (),
    jobs: int = 1,
    encoding: str | None = None,
    errors: str = "strict",
    max_bytes: int | None = None,
    max_claims: int | None = None,
) -> Iterator[Union[CheckedDocument, InputError]]:
    """Check every article the paths name; unreadable inputs are yielded as errors, not raised.

    Each file gets the configuration found by walking up from it, unless `config` is given;
    its `max-bytes` and `max-claims` apply unless `max_bytes` / `max_claims` are given, and
    its review ledger is read as `ledgers` or the configuration's `require-ledger` says (a
    broken ledger is yielded as an error naming it). `encoding` and `errors` say how files
    and standard input are decoded (see `ReadOptions`). `jobs` worker processes extract and
    check (`claimcheck.batch.check_many`), results in input order.
    """
    from ..batch import check_many

    finder = finder or ConfigFinder(config)
    inputs = _read_inputs(paths, stdin, finder, encoding, errors, max_bytes)
    yield from check_many(
        inputs, finder, jobs=jobs, reference_date=reference_date, day_first=day_first,
        ledgers=ledgers, sources=tuple(sources), max_claims=max_claims,
    )


def _read_inputs(
    paths: Sequence[str], stdin: BinaryIO | None, finder: ConfigFinder, encoding: str | None, errors: str, max_bytes: int | None,
) -> Iterator[Union[Input, InputError]]:
    """Each input read with its own draft's size cap; a broken configuration is left for `check_many` to raise in order."""
    with Fetcher(FetchOptions(max_bytes=max_bytes or DEFAULT_MAX_BYTES)) as fetcher:
        for target in plan_inputs(paths):
            if isinstance(target, InputError):
                yield target
                continue
            try:
                configured = finder.for_path(target.location if target.kind is InputKind.FILE else None).max_bytes
            except ClaimcheckError:
                configured = DEFAULT_MAX_BYTES
            try:
                yield read_target(target, stdin, fetcher, ReadOptions(max_bytes or configured, encoding, errors))
            except InputError as exc:
                yield exc
