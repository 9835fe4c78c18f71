"""`claimcheck review` driven for real: the console script in a pseudo-terminal (pexpect), and
killed with SIGKILL while it writes, to show the ledger is never left broken or short."""
from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimcheck.ledger import Status, ledger_path, read_ledger
from claimcheck.review import ReviewSession

pexpect = pytest.importorskip("pexpect", reason="pexpect is in the test extra")
pytestmark = pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals and SIGKILL are POSIX")

SCRIPT = str(Path(sys.executable).with_name("claimcheck"))

DRAFT = """---
date: 2024-05-06
---
# Bridge repairs

The bridge will close for 14 weeks, the transport office said.

The repairs will cost $6.5 million, the council said.

About 22,000 vehicles cross it every day.
"""


def spawn(draft: Path) -> "pexpect.spawn":
    """The review of `draft` in a 160-column terminal, run in its folder so the header fits one line."""
    env = {"PATH": os.environ.get("PATH", ""), "TERM": "xterm", "NO_COLOR": "1", "LANG": "C.UTF-8"}
    return pexpect.spawn(SCRIPT, ["review", draft.name], cwd=str(draft.parent), env=env, encoding="utf-8", dimensions=(40, 160), timeout=60)


def decisions(draft: Path) -> dict[str, tuple[Status, str | None, str | None]]:
    return {d.claim.text: (d.status, d.note, d.evidence) for d in read_ledger(ledger_path(draft)).decisions}


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "bridge.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_mark_quit_restart_and_the_decisions_are_kept(draft):
    child = spawn(draft)
    child.expect("claim 1 of 3")
    child.send("v")
    child.expect("claim 2 of 3")  # the screen moves on, then says what it saved
    child.expect("saved: claim 1 verified")
    child.send("w")
    child.expect("saved: claim 2 wrong")
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert decisions(draft) == {"14 weeks": (Status.VERIFIED, None, None), "$6.5 million": (Status.WRONG, None, None)}

    again = spawn(draft)
    again.expect("claim 3 of 3")  # a restart opens at the first claim without a decision
    again.expect("1 verified · 1 wrong · 0 skipped · 0 changed · 1 unreviewed")
    again.send("s")
    again.expect("saved: claim 3 skipped")
    again.send("j")
    again.expect("Jump to")
    again.sendline("1")
    again.expect("claim 1 of 3")
    again.expect("Status: VERIFIED")
    again.send("\x03")  # Ctrl-C quits too; everything is already saved
    again.expect(pexpect.EOF)
    again.close()
    assert again.exitstatus == 0
    assert decisions(draft)["About 22,000 vehicles"] == (Status.SKIPPED, None, None)

    draft.write_text(DRAFT.replace("14 weeks", "16 weeks"), encoding="utf-8")
    edited = spawn(draft)
    edited.expect("claim 1 of 3")  # the edited claim is open again
    edited.expect("“16 weeks”")
    edited.expect("Status: CHANGED since it was marked verified")
    edited.expect("what changed: value 14 → 16")
    edited.expect("then: The bridge will close for 14 weeks, the transport office said.")
    edited.send("q")
    edited.expect(pexpect.EOF)


def test_back_forward_jump_note_and_evidence(draft):
    child = spawn(draft)
    child.expect("claim 1 of 3")
    child.send("f")
    child.expect("claim 2 of 3")
    child.send("\x1b[C")  # right arrow
    child.expect("claim 3 of 3")
    child.send("\x1b[D")  # left arrow
    child.expect("claim 2 of 3")
    child.send("b")
    child.expect("claim 1 of 3")
    child.send("b")
    child.expect("that was the first claim")
    money_id = re.search(r"id ([0-9a-f]{16})", _screen_of(child, "f", "claim 2 of 3")).group(1)
    child.send("b")
    child.expect("claim 1 of 3")
    child.send("j")
    child.expect("Jump to")
    child.sendline(money_id[:6])
    child.expect("claim 2 of 3")
    child.send("n")
    child.expect("Note: ")
    child.sendline("budget paper, page 4")
    child.expect("note kept for the next decision")
    child.send("v")
    child.expect("saved: claim 2 verified")
    child.send("b")
    child.expect("claim 2 of 3")
    child.send("e")
    child.expect("Evidence")
    child.sendline("https://example.org/budget.pdf")
    child.expect("saved: evidence on claim 2")
    child.send("q")
    child.expect(pexpect.EOF)
    assert decisions(draft) == {"$6.5 million": (Status.VERIFIED, "budget paper, page 4", "https://example.org/budget.pdf")}


def _screen_of(child: "pexpect.spawn", key: str, marker: str) -> str:
    child.send(key)
    child.expect(marker)
    child.expect("q quit")
    return child.before


def test_document_text_cannot_drive_the_terminal_or_inject_markup(tmp_path):
    draft = tmp_path / "odd.md"
    draft.write_text("The [bold red]alarm[/bold red] cost $5 million \x1b]0;pwned\x07 said the mayor.\n", encoding="utf-8")
    child = spawn(draft)
    child.expect("claim 1 of ")
    child.expect("q quit")
    screen = child.before
    child.send("q")
    child.expect(pexpect.EOF)
    assert "[bold red]alarm[/bold red]" in screen
    assert "\x1b]0;" not in screen and "\x07" not in screen


def test_without_a_terminal_it_points_to_non_interactive(draft):
    done = subprocess.run([SCRIPT, "review", str(draft)], capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
    assert done.returncode == 2 and done.stdout == ""
    assert "needs a terminal" in done.stderr and "--non-interactive --mark verified --claim ID" in done.stderr
    assert not ledger_path(draft).exists()


_ACK = re.compile(r"^claimcheck: claim (\d+) ([0-9a-f]{16}) .*: (verified|wrong|skipped)$", re.M)


def test_sigkill_while_writing_never_breaks_the_ledger_or_loses_an_acknowledged_decision(tmp_path):
    """Each round marks every claim in order (the status changes each round) and is killed at a
    random moment. A decision is acknowledged when its line is on standard error, printed only
    after the ledger holding it was renamed into place: it must be in the ledger. Only the one
    claim in flight when the process died may hold the round's status unacknowledged.
    """
    draft = tmp_path / "many.md"
    draft.write_text("".join(f"Crew {n} rescued {n + 2} sailors from the harbour.\n\n" for n in range(1, 41)), encoding="utf-8")
    ids = [item.claim.id for item in ReviewSession.open(str(draft)).items]
    assert len(ids) == 40
    allowed: dict[str, set[str]] = {}  # what the ledger may say about each claim
    required: set[str] = set()  # claims with an acknowledged decision
    rounds, killed_mid_write = 20, 0
    randomness = random.Random(8)
    for round_number in range(rounds):
        status = ("verified", "wrong", "skipped")[round_number % 3]
        command = [SCRIPT, "review", str(draft), "--non-interactive", "--mark", status]
        for number in range(1, 41):
            command += ["--claim", str(number)]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        first = process.stderr.readline()  # the first decision is on disk: writing has begun
        time.sleep(randomness.uniform(0, 0.25))
        process.send_signal(signal.SIGKILL)
        output = first + process.stderr.read()
        process.wait()
        acknowledged = [(int(n), claim_id, marked) for n, claim_id, marked in _ACK.findall(output)]
        assert [n for n, _, _ in acknowledged] == list(range(1, len(acknowledged) + 1))
        for _, claim_id, marked in acknowledged:
            allowed[claim_id] = {marked}
            required.add(claim_id)
        if len(acknowledged) < len(ids):
            killed_mid_write += 1
            in_flight = ids[len(acknowledged)]
            allowed[in_flight] = allowed.get(in_flight, set()) | {status}
        ledger = read_ledger(ledger_path(draft)).by_id()  # raises if the file is broken
        assert required <= set(ledger), f"round {round_number}: acknowledged decisions lost"
        for claim_id, decision in ledger.items():
            assert decision.status.value in allowed[claim_id], f"round {round_number}: {claim_id} is {decision.status}"
    assert killed_mid_write >= rounds // 2, "most rounds must be killed in the middle of their writing"
    after = subprocess.run([SCRIPT, "review", str(draft), "--non-interactive", "--mark", "verified", "--claim", "1"], capture_output=True, timeout=60)
    assert after.returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["many.md", "many.md.claims.json"]  # leftovers cleared


def test_a_draft_without_claims_has_nothing_to_review(tmp_path):
    draft = tmp_path / "quiet.md"
    draft.write_text("Nothing here can be counted.\n", encoding="utf-8")
    child = spawn(draft)
    child.expect("quiet.md has no numeric or dated claims; nothing to review")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0 and not ledger_path(draft).exists()


def test_a_review_killed_mid_session_keeps_what_it_acknowledged(draft):
    child = spawn(draft)
    child.expect("claim 1 of 3")
    child.send("v")
    child.expect("saved: claim 1 verified")
    child.send("w")
    child.expect("saved: claim 2 wrong")
    child.send("s")  # killed while this one may be in flight
    child.kill(signal.SIGKILL)
    child.close(force=True)
    kept = decisions(draft)  # parses, or read_ledger raises
    assert {"14 weeks": (Status.VERIFIED, None, None), "$6.5 million": (Status.WRONG, None, None)}.items() <= kept.items()
    assert set(kept) <= {"14 weeks", "$6.5 million", "About 22,000 vehicles"}
