"""The review ledger: the file as documented, decisions kept across edits, broken files refused."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.align import ClaimRecord
from claimcheck.ledger import (
    LEDGER_SUFFIX,
    Decision,
    LedgerError,
    State,
    Status,
    ledger_path,
    read_ledger,
    record_decision,
)
from claimcheck.review import ReviewSession

DRAFT = """---
date: 2024-05-06
---
# Bridge repairs

The bridge will close for 14 weeks from June 3, the transport office said.

The repairs will cost $6.5 million, of which the state pays 40%.

The bridge opened in 1968.
"""


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "bridge.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def texts(session: ReviewSession, state: State) -> list[str]:
    return [item.claim.text for item in session.items if item.state is state]


def test_ledger_sits_beside_the_draft_and_reads_as_documented(draft):
    session = ReviewSession.open(str(draft), reviewer="Ana")
    money = next(i for i, item in enumerate(session.items) if item.claim.text == "$6.5 million")
    session.decide(money, Status.VERIFIED, note="budget paper p. 4", evidence="https://example.org/budget.pdf")
    session.decide(0, Status.WRONG)
    file = draft.with_name("bridge.md.claims.json")
    assert ledger_path(draft) == file and file.name.endswith(LEDGER_SUFFIX)
    text = file.read_text(encoding="utf-8")
    data = json.loads(text)
    assert list(data) == ["format", "version", "draft", "decisions"]
    assert (data["format"], data["version"], data["draft"]) == ("claimcheck-ledger", 1, "bridge.md")
    first, second = data["decisions"]
    assert list(first) == ["claim_id", "status", "note", "evidence", "reviewer", "decided_at", "claim"]
    assert first["claim"]["text"] == "14 weeks" and first["status"] == "wrong"
    assert second["claim"]["text"] == "$6.5 million" and second["claim"]["value"] == 6_500_000
    assert (second["note"], second["evidence"], second["reviewer"]) == ("budget paper p. 4", "https://example.org/budget.pdf", "Ana")
    assert second["decided_at"].endswith("Z")
    # One field a line, in the draft's order, ending with a newline: small diffs in review.
    assert text.endswith("}\n") and '\n      "status": "verified",\n' in text


def test_decisions_survive_a_restart(draft):
    session = ReviewSession.open(str(draft))
    session.decide(0, Status.VERIFIED)
    session.decide(2, Status.SKIPPED)
    again = ReviewSession.open(str(draft))
    assert [item.state for item in again.items][:3] == [State.VERIFIED, State.UNREVIEWED, State.SKIPPED]


def test_an_edited_figure_is_changed_with_old_and_new_others_keep_their_status(draft):
    session = ReviewSession.open(str(draft))
    for index in range(len(session)):
        session.decide(index, Status.VERIFIED)
    draft.write_text(DRAFT.replace("$6.5 million", "$7.2 million").replace("The bridge opened in 1968.\n", ""), encoding="utf-8")
    edited = ReviewSession.open(str(draft))
    changed = {item.claim.text: item for item in edited.items if item.state is State.CHANGED}
    assert changed["$7.2 million"].previous.text == "$6.5 million"
    assert changed["$7.2 million"].changes == ("value", "text", "sentence")
    assert changed["40%"].changes == ("sentence",)
    assert texts(edited, State.VERIFIED) == ["14 weeks", "June 3"]
    assert [d.claim.text for d in edited.reconciliation.gone] == ["1968"]


def test_deciding_a_changed_claim_replaces_its_old_decision(draft):
    session = ReviewSession.open(str(draft))
    money = next(i for i, item in enumerate(session.items) if item.claim.text == "$6.5 million")
    session.decide(money, Status.WRONG, note="it is 7.2")
    draft.write_text(DRAFT.replace("$6.5 million", "$7.2 million"), encoding="utf-8")
    edited = ReviewSession.open(str(draft))
    money = next(i for i, item in enumerate(edited.items) if item.claim.text == "$7.2 million")
    assert edited.items[money].state is State.CHANGED
    edited.decide(money, Status.VERIFIED)
    ledger = read_ledger(ledger_path(draft))
    assert [(d.claim.text, d.status) for d in ledger.decisions] == [("$7.2 million", Status.VERIFIED)]


def test_two_reviewers_at_once_lose_nothing(draft):
    first, second = ReviewSession.open(str(draft)), ReviewSession.open(str(draft))
    first.decide(0, Status.VERIFIED)
    second.decide(1, Status.WRONG)
    assert {(d.claim.text, d.status) for d in read_ledger(ledger_path(draft)).decisions} == {
        ("14 weeks", Status.VERIFIED),
        ("June 3", Status.WRONG),
    }


def test_a_killed_writers_temporary_file_is_cleared_and_never_read(draft):
    leftover = draft.with_name(".bridge.md.claims.json.abc123.tmp")
    leftover.write_text('{"format": "half a ledg', encoding="utf-8")
    session = ReviewSession.open(str(draft))
    session.decide(0, Status.VERIFIED)
    assert not leftover.exists()
    assert sorted(p.name for p in draft.parent.iterdir()) == ["bridge.md", "bridge.md.claims.json"]


def _valid(draft: Path) -> str:
    ReviewSession.open(str(draft)).decide(0, Status.VERIFIED)
    return ledger_path(draft).read_text(encoding="utf-8")


BROKEN = {
    "empty": lambda good: "",
    "truncated": lambda good: good[: len(good) // 2],
    "not an object": lambda good: "[]",
    "another format": lambda good: good.replace("claimcheck-ledger", "something-else"),
    "newer version": lambda good: good.replace('"version": 1', '"version": 7'),
    "unknown field": lambda good: good.replace('"note": null', '"notes": null'),
    "bad status": lambda good: good.replace('"verified"', '"checked"'),
    "bad line": lambda good: good.replace('"line": 6', '"line": "six"'),
    "bad value": lambda good: good.replace('"value": 14', '"value": NaN'),
    "bad time": lambda good: good.replace('"decided_at": "', '"decided_at": "yesterday '),
    "decided twice": lambda good: good.replace('"decisions": [\n', '"decisions": [\n' + good.split('"decisions": [\n')[1].split("\n  ]")[0] + ",\n"),
}


@pytest.mark.parametrize("damage", sorted(BROKEN))
def test_a_broken_ledger_is_a_clear_error_and_never_overwritten(draft, damage):
    file = ledger_path(draft)
    file.write_text(BROKEN[damage](_valid(draft)), encoding="utf-8")
    before = file.read_bytes()
    with pytest.raises(LedgerError) as raised:
        ReviewSession.open(str(draft))
    message = str(raised.value)
    assert message.startswith(str(file) + ": broken ledger: ") and "\n" not in message
    assert "never overwritten" in message
    decision = Decision(ClaimRecord("x", "count", "2 boats", "It has 2 boats.", line=1, column=8), Status.VERIFIED, "2024-01-01T00:00:00Z")
    with pytest.raises(LedgerError):
        record_decision(file, "bridge.md", decision)
    assert file.read_bytes() == before


def test_a_ledger_that_is_not_utf8_is_refused(draft):
    file = ledger_path(draft)
    file.write_bytes(b"\xff\xfe\x00{")
    with pytest.raises(LedgerError, match="not UTF-8"):
        read_ledger(file)


def review(*args: str):
    from typer.testing import CliRunner

    from claimcheck.cli import app

    return CliRunner().invoke(app, ["review", *args])


def test_list_shows_each_claim_with_its_standing_and_the_gone(draft):
    assert review(str(draft), "--non-interactive", "--mark", "wrong", "--claim", "1", "--note", "it is 16").exit_code == 0
    listed = json.loads(review(str(draft), "--list", "--format", "json").stdout)
    assert listed["summary"]["wrong"] == 1 and listed["summary"]["unreviewed"] == len(listed["claims"]) - 1
    first = listed["claims"][0]
    assert (first["number"], first["state"], first["text"]) == (1, "wrong", "14 weeks")
    assert first["decision"]["note"] == "it is 16"
    draft.write_text(DRAFT.replace("The bridge will close for 14 weeks from June 3, the transport office said.\n", ""), encoding="utf-8")
    text = review(str(draft), "--list").stdout
    assert "\tgone (was wrong)\t6:27\tduration\t14 weeks" in text


@pytest.mark.parametrize(
    "args, words",
    [
        (["--mark", "verified", "--claim", "1"], "--mark is for scripts: add --non-interactive"),
        (["--non-interactive", "--mark", "verified"], "needs --mark verified|wrong|skipped and at least one --claim"),
        (["--non-interactive", "--mark", "verified", "--claim", "1", "--claim", "99"], "there is no claim 99"),
        (["--non-interactive", "--mark", "verified", "--claim", "ffffffffff"], "no claim of"),
    ],
)
def test_script_mistakes_are_one_line_and_write_nothing(draft, args, words):
    result = review(str(draft), *args)
    assert result.exit_code == 2
    assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not ledger_path(draft).exists()


def test_prune_removes_only_the_decisions_about_claims_that_are_gone(draft):
    assert review(str(draft), "--non-interactive", "--mark", "verified", "--claim", "1", "--claim", "5").exit_code == 0
    draft.write_text(DRAFT.replace("The bridge opened in 1968.\n", ""), encoding="utf-8")
    result = review(str(draft), "--prune")
    assert result.exit_code == 0 and "removed 1 decision about claims no longer in" in result.stderr
    assert {text: status for text, (status, _, _) in decisions_of(draft).items()} == {"14 weeks": Status.VERIFIED}
    assert review(str(draft), "--prune").stderr.startswith("claimcheck: removed 0 decisions")


def decisions_of(draft: Path) -> dict:
    return {d.claim.text: (d.status, d.note, d.evidence) for d in read_ledger(ledger_path(draft)).decisions}


def test_evidence_that_is_neither_an_address_nor_a_file_is_saved_with_a_warning(draft):
    (draft.parent / "budget.pdf").write_bytes(b"%PDF-1.4")
    quiet = review(str(draft), "--non-interactive", "--mark", "verified", "--claim", "1", "--evidence", "budget.pdf")
    assert "warning" not in quiet.stderr
    loud = review(str(draft), "--non-interactive", "--mark", "verified", "--claim", "2", "--evidence", "page 4 of the budget")
    assert loud.exit_code == 0
    assert "warning: evidence 'page 4 of the budget' is not a web address or an existing file; saved as written" in loud.stderr
    assert decisions_of(draft)["June 3"][2] == "page 4 of the budget"
