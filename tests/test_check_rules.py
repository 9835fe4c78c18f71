"""Each rule on our own drafts: it fires on the planted error at the right place and stays
silent on the correct twin. Runs the real CLI on the files in tests/data/check/drafts."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.check import RULES, RULES_BY_CODE, Severity, check_text
from claimcheck.cli import ExitCode, app
from claimcheck.load import LineIndex
from claimcheck.pipeline import extract

DRAFTS = Path(__file__).parent / "data" / "check" / "drafts"
runner = CliRunner()

# The planted errors: the draft, and per finding the rule and the words it must point at.
PLANTED: dict[str, list[tuple[str, str]]] = {
    "cc001-bad.md": [("CC001", "$48 million"), ("CC001", "30,000 cars")],
    "cc002-bad.md": [("CC002", "Tuesday, March 1, 2023")],
    "cc003-bad.md": [("CC003", "75,000 residents")],
    "cc004-bad.md": [("CC004", "four civilians"), ("CC004", "20 children")],
    "cc005-bad.md": [("CC005", "20%"), ("CC005", "0.3 percentage point")],
    "cc006-bad.md": [("CC006", "10%")],
    "cc007-bad.txt": [("CC007", "March 10, 2023")],
    "cc008-bad.md": [("CC008", "Tuesday")],
    "cc009-bad.md": [("CC009", "Hundreds of residents")],
    "cc010-bad.md": [("CC010", "February 30, 2023")],
    "cc011-bad.md": [("CC011", "from 1,200 to 1,500")],
    # These two read the review ledger beside the draft (cc012-bad.md.claims.json ...).
    "cc012-bad.md": [("CC012", "14 weeks")],
    "cc013-bad.md": [("CC013", "$6.5 million")],
    "cc014-bad.md": [("CC014", "$45 million"), ("CC014", "312 homes")],
    "cc015-bad.md": [("CC015", "250 jobs")],
}

# Rules that compare a draft with its sources run with `--against` this release.
RELEASE = Path(__file__).parent / "data" / "check" / "sources" / "riverside-release.md"
AGAINST: dict[str, tuple[str, ...]] = {code: ("--against", str(RELEASE)) for code in ("CC014", "CC015")}


# Rules over numbers need the numbers extractor to read these claims as the claim model
# says; until it does (it is being improved separately), those tests skip and say why.
NEEDS: dict[str, list[tuple[str, str]]] = {
    "cc001-bad.md": [("$48 million", "money"), ("30,000 cars", "count")],
    "cc003-bad.md": [("70,000 residents", "count"), ("75,000 residents", "count")],
    "cc004-bad.md": [("Twelve people", "count"), ("four civilians", "count"), ("20 children", "count")],
    "cc005-bad.md": [("20%", "percent"), ("0.3 percentage point", "percent")],
    "cc006-bad.md": [("55%", "percent"), ("10%", "percent")],
    "cc009-bad.md": [("Hundreds of residents", "count"), ("750 residents", "count")],
    "cc011-bad.md": [("from 1,200 to 1,500", "count")],
}


def require_claims(needs: list[tuple[str, str]], text: str) -> None:
    read = {(claim.text, claim.kind.value) for claim in extract(text).claims}
    for words, kind in needs:
        if (words, kind) not in read:
            pytest.skip(f"the extractor does not yet read {words!r} as a {kind} claim")


def twin(bad: str) -> Path:
    return DRAFTS / bad.replace("-bad", "-good")


def findings_of(path: Path, *options: str) -> tuple[int, list[dict]]:
    result = runner.invoke(app, ["check", str(path), "--format", "json", *options])
    return result.exit_code, json.loads(result.stdout)["findings"]


def test_every_rule_has_a_planted_error():
    assert {code for planted in PLANTED.values() for code, _ in planted} == set(RULES_BY_CODE)


@pytest.mark.parametrize("draft", sorted(PLANTED))
def test_rule_fires_at_the_planted_error(draft):
    path = DRAFTS / draft
    text = path.read_text(encoding="utf-8")
    require_claims(NEEDS.get(draft, []), text)
    code = PLANTED[draft][0][0]
    status, findings = findings_of(path, "--select", code, *AGAINST.get(code, ()))
    expected = []
    for rule, words in PLANTED[draft]:
        start = text.index(words)
        expected.append((rule, *LineIndex(text).position(start)))
    assert [(f["code"], f["line"], f["column"]) for f in findings] == expected
    for finding, (_, words) in zip(findings, PLANTED[draft]):
        assert text[finding["start"]:finding["end"]] == words
        assert words.split()[0] in finding["message"]
    failing = RULES_BY_CODE[code].severity is not Severity.INFO
    assert status == (ExitCode.FINDINGS if failing else ExitCode.OK)


@pytest.mark.parametrize("draft", sorted(PLANTED))
def test_rule_is_silent_on_the_correct_twin(draft):
    code = PLANTED[draft][0][0]
    status, findings = findings_of(twin(draft), "--select", code, *AGAINST.get(code, ()))
    assert findings == []
    assert status == ExitCode.OK


def test_correct_twins_pass_with_every_rule_on():
    """The correct drafts are clean at warning level and above: only information remains."""
    goods = sorted(str(twin(d)) for d in PLANTED)
    result = runner.invoke(app, ["check", *goods, "--format", "json", "--fail-on", "warning"])
    assert result.exit_code == ExitCode.OK, result.stdout
    findings = json.loads(result.stdout)["findings"]
    assert {f["severity"] for f in findings} <= {"info"}


@pytest.mark.parametrize("rule", [r for r in RULES if not r.needs_ledger], ids=lambda r: r.code)
def test_documented_examples(rule):
    """The bad and good example each rule documents (docs/rules.md, SARIF help) behave as documented.

    The ledger rules' examples need a ledger: tests/test_ledger_check.py runs them."""
    drafts = [d for d, planted in PLANTED.items() if planted[0][0] == rule.code]
    require_claims([need for d in drafts for need in NEEDS.get(d, [])], "".join((DRAFTS / d).read_text(encoding="utf-8") for d in drafts))
    sources = (extract(rule.against, source="source.md"),) if rule.against else ()
    assert rule.code in {f.code for f in check_text(rule.bad, sources=sources)}
    assert rule.code not in {f.code for f in check_text(rule.good, sources=sources)}


def test_rule_registry_is_stable_and_complete():
    codes = [rule.code for rule in RULES]
    assert codes == [f"CC{number:03d}" for number in range(1, len(codes) + 1)]
    for rule in RULES:
        assert rule.name == rule.name.lower() and " " not in rule.name
        assert rule.summary.endswith(".") and rule.rationale and "\n" not in rule.message


def test_docs_describe_every_rule():
    docs = (Path(__file__).parent.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in RULES:
        heading = f"## {rule.code} `{rule.name}`"
        assert heading in docs, heading
        section = docs.split(heading, 1)[1].split("\n## ", 1)[0]
        assert f"Default severity: **{rule.severity.value}**" in section
        assert rule.bad.split("\n")[-1] in section and rule.good.split("\n")[-1] in section


@pytest.mark.parametrize(
    "text",
    [
        "LONDON, March 1, 2023 - Sales rose from 40 to 50 in January, officials said.",
        "LONDON, March 1, 2023 - The rate fell from 5% to 4%, a 1 percentage point drop, the bank said.",
        "LONDON, March 1, 2023 - Prices rose 25% to 50 from 40, the agency said.",
        "LONDON, March 1, 2023 - Of 120 passengers, 80 were adults and 30 were children, the airline said.",
        "LONDON, March 1, 2023 - The company holds half of the equity and 60% of the voting rights, the filing shows.",
        "LONDON, March 1, 2023 - Police said 300 people were killed. Medics said 1,000 people were injured.",
        "LONDON, March 1, 2023 - The meeting on Friday, March 3, 2023, will decide, the mayor said.",
        "LONDON, March 1, 2023 - The town had 70,000 residents in 2010. It had 75,000 residents in 2020, the census shows.",
        "LONDON, March 1, 2023 - Analysts were predicting 2024 earnings of $3.90 a share.",
        "LONDON, March 1, 2023 - The dividend is payable Jan. 2 to holders of record, the company said.",
    ],
)
def test_quiet_on_correct_sentences(text):
    """Sentences that look like the errors but are right: no finding at warning level or above."""
    assert [f.message for f in check_text(text) if f.severity.rank >= Severity.WARNING.rank] == []
