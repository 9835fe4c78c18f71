"""Baselines: today's findings recorded by fingerprint, so only new ones are reported.

A newsroom adopting claimcheck on an archive writes a baseline once and fails only on
what later edits add. Fingerprints come from the rule and the claim id, which survive
edits elsewhere in the document; paths are stored relative to the baseline file.
"""
from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Iterable, Sequence

from ..errors import ClaimcheckError
from ..model import Finding, frozen

BASELINE_VERSION = 1
# A file name that is not UTF-8 keeps its undecodable bytes as lone surrogates; written as
# JSON escapes they read back as the same name, so its findings still match.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


class BaselineError(ClaimcheckError):
    """A baseline file that cannot be read or written."""


def _key_path(source: str, base: Path) -> str:
    if source.startswith("<"):
        return source
    absolute = Path(os.path.abspath(source))
    try:
        return absolute.relative_to(base).as_posix()
    except ValueError:
        return absolute.as_posix()


@frozen
class Baseline:
    """Recorded findings as (path, fingerprint) with how many times each occurred."""

    entries: Counter[tuple[str, str]]
    base: Path

    def new_findings(self, findings: Sequence[Finding]) -> list[Finding]:
        """The findings not in the baseline; a fingerprint recorded twice absorbs two findings."""
        left = Counter(self.entries)
        fresh: list[Finding] = []
        for finding in findings:
            key = (_key_path(finding.source, self.base), finding.fingerprint)
            if left[key] > 0:
                left[key] -= 1
            else:
                fresh.append(finding)
        return fresh


def load_baseline(path: str | os.PathLike[str]) -> Baseline:
    """The baseline in `path`; a missing, truncated or foreign file is a BaselineError saying which."""
    file = Path(path)
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{file}: no such baseline file (write one with --write-baseline)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{file}: not a claimcheck baseline ({exc}); restore it from version control or write a new one with --write-baseline") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{file}: not a claimcheck baseline (version {BASELINE_VERSION} expected)")
    entries: Counter[tuple[str, str]] = Counter()
    for entry in data["findings"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str) or not isinstance(entry.get("fingerprint"), str):
            raise BaselineError(f"{file}: not a claimcheck baseline (an entry lacks path or fingerprint)")
        entries[(entry["path"], entry["fingerprint"])] += 1
    return Baseline(entries, Path(os.path.abspath(file)).parent)


def _refuse_foreign(file: Path) -> None:
    """Only a claimcheck baseline is ever replaced: a mistyped path must not wipe out a story or a config."""
    if not file.exists():
        return
    if file.is_dir():
        raise BaselineError(f"{file}: is a directory; name a file for the baseline")
    try:
        load_baseline(file)
    except BaselineError:
        raise BaselineError(
            f"{file}: exists and is not a claimcheck baseline, so it is left as it is; remove it or choose another file"
        ) from None


def write_baseline(path: str | os.PathLike[str], findings: Iterable[Finding]) -> int:
    """Record `findings` in a baseline file, all at once; returns how many were written.

    An existing file is replaced only if it is a claimcheck baseline (BaselineError otherwise).
    """
    file = Path(path)
    base = Path(os.path.abspath(file)).parent
    rows = sorted(
        (
            {"path": _key_path(f.source, base), "fingerprint": f.fingerprint, "code": f.code, "line": f.line, "message": f.message}
            for f in findings
        ),
        key=lambda row: (row["path"], row["line"], row["code"], row["fingerprint"]),
    )
    payload = {"version": BASELINE_VERSION, "tool": "claimcheck", "findings": rows}
    _refuse_foreign(file)
    from ..report.atomic import atomic_writer  # tempfile: only a run that writes a baseline needs it

    try:
        with atomic_writer(file) as out:
            out.write(_SURROGATE.sub(_escaped, json.dumps(payload, ensure_ascii=False, indent=1)) + "\n")
    except OSError as exc:
        raise BaselineError(f"{file}: cannot write the baseline: {exc.strerror or exc}") from None
    return len(rows)
