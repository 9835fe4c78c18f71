"""`claimcheck check` with review ledgers: CC012 unverified or changed claims, CC013 claims marked wrong."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck import extract
from claimcheck.check import RULES_BY_CODE, check_text
from claimcheck.cli import ExitCode, app
from claimcheck.ledger import Ledger, Status, ledger_path, read_ledger
from claimcheck.review import ReviewSession

runner = CliRunner()

DRAFT = """---
date: 2024-05-06
---
# Bridge repairs

The bridge will close for 14 weeks, the transport office said.

The repairs will cost $6.5 million, the council said.
"""


def ledger_of(text: str, status: Status, tmp_path: Path) -> Ledger:
    """A real ledger with every claim of `text` decided, written the way review writes it."""
    draft = tmp_path / "example.md"
    draft.write_text(text, encoding="utf-8")
    session = ReviewSession.open(str(draft))
    for index in range(len(session)):
        session.decide(index, status)
    return read_ledger(ledger_path(draft))


def codes(text: str, ledger: Ledger | None) -> set[str]:
    return {f.code for f in check_text(text, ledger=ledger)}


def test_documented_examples_of_cc012(tmp_path):
    rule = RULES_BY_CODE["CC012"]
    assert "CC012" in codes(rule.bad, Ledger("example.md"))
    assert "CC012" not in codes(rule.good, ledger_of(rule.good, Status.VERIFIED, tmp_path))
    assert "CC012" in codes(rule.bad, ledger_of(rule.bad, Status.SKIPPED, tmp_path))


def test_documented_examples_of_cc013(tmp_path):
    rule = RULES_BY_CODE["CC013"]
    marked = ledger_of(rule.bad, Status.WRONG, tmp_path)
    assert "CC013" in codes(rule.bad, marked)
    corrected = codes(rule.good, marked)
    assert "CC013" not in corrected and "CC012" in corrected
    assert "CC013" not in codes(rule.good, ledger_of(rule.good, Status.VERIFIED, tmp_path))


def check_json(*args: str) -> tuple[int, dict]:
    result = runner.invoke(app, ["check", "--format", "json", "--select", "CC012,CC013", *args])
    return result.exit_code, json.loads(result.stdout)


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "bridge.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_without_a_ledger_the_rules_are_quiet_unless_asked(draft):
    status, report = check_json(str(draft))
    assert (status, report["findings"]) == (ExitCode.OK, [])
    status, report = check_json(str(draft), "--ledger")
    claims = extract(DRAFT).claims
    assert status == ExitCode.FINDINGS
    assert [(f["code"], f["line"], f["column"]) for f in report["findings"]] == [("CC012", c.line, c.column) for c in claims]


def test_ledger_found_beside_the_draft_and_a_figure_edited_after_verification(draft):
    session = ReviewSession.open(str(draft))
    for index in range(len(session)):
        session.decide(index, Status.VERIFIED)
    assert check_json(str(draft))[1]["findings"] == []
    draft.write_text(DRAFT.replace("14 weeks", "16 weeks"), encoding="utf-8")
    status, report = check_json(str(draft))
    assert status == ExitCode.FINDINGS
    (finding,) = [f for f in report["findings"] if "16 weeks" in f["message"]]
    assert finding["code"] == "CC012" and finding["line"] == 6
    assert "changed since it was marked verified (value 14 → 16)" in finding["message"]


def test_a_claim_marked_wrong_fails_as_an_error_with_the_note(draft):
    session = ReviewSession.open(str(draft))
    money = next(i for i, item in enumerate(session.items) if item.claim.text == "$6.5 million")
    session.decide(money, Status.WRONG, note="the budget says 7.2 million")
    status, report = check_json(str(draft), "--fail-on", "error")
    wrong = [f for f in report["findings"] if f["code"] == "CC013"]
    assert status == ExitCode.FINDINGS and len(wrong) == 1
    assert wrong[0]["severity"] == "error" and "(the budget says 7.2 million)" in wrong[0]["message"]


def test_a_broken_ledger_is_named_and_the_other_drafts_still_checked(draft, tmp_path):
    other = tmp_path / "other.md"
    other.write_text(DRAFT, encoding="utf-8")
    broken = ledger_path(draft)
    broken.write_text("{not json", encoding="utf-8")
    result = runner.invoke(app, ["check", str(draft), str(other), "--ledger", "--format", "json", "--select", "CC012"])
    assert result.exit_code == ExitCode.ERROR
    report = json.loads(result.stdout)
    assert {f["source"] for f in report["findings"]} == {str(other)}
    assert report["errors"][0]["source"] == str(broken) and "broken ledger" in report["errors"][0]["message"]
    assert broken.read_text(encoding="utf-8") == "{not json"


def test_configuration_can_require_ledgers_for_some_folders(tmp_path, monkeypatch):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "archive").mkdir()
    (tmp_path / "drafts" / "new.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "archive" / "old.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / ".claimcheck.toml").write_text('[[overrides]]\npaths = ["drafts/**"]\nrequire-ledger = true\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, report = check_json("drafts", "archive")
    assert status == ExitCode.FINDINGS
    assert {f["source"] for f in report["findings"]} == {str(Path("drafts") / "new.md")}


def test_a_bad_require_ledger_setting_names_the_file(tmp_path, draft):
    (tmp_path / ".claimcheck.toml").write_text('require-ledger = "yes"\n', encoding="utf-8")
    result = runner.invoke(app, ["check", str(draft)])
    assert result.exit_code == ExitCode.ERROR
    assert "require-ledger must be true or false" in result.stderr
