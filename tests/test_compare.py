"""`claimcheck compare`: every claim of a draft labelled against press releases, reports and earlier stories.

The pairs in tests/data/compare are our own writing; expected.json labels every claim of
each draft as an editor would (the hospital and ferry pairs were labelled before compare
first ran on them). Where compare is known to be wrong, `compare_says` records what it
says instead, so that both a regression and a fix show up here.
"""
from __future__ import annotations

import functools
import json
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import jsonschema
import pytest
import referencing
from typer.testing import CliRunner

import claimcheck
from claimcheck.cli import ExitCode, app
from claimcheck.compare import Label, compare, precision, tolerance
from claimcheck.report import schema
from claimcheck.report.compare import compare_schema

DATA = Path(__file__).parent / "data" / "compare"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))["pairs"]
runner = CliRunner()


def document(name: str) -> claimcheck.Document:
    return claimcheck.extract((DATA / name).read_text(encoding="utf-8"), source=name)


def labels(draft: str, *sources: str, reference_date: str | None = None) -> dict[str, str]:
    draft_doc = claimcheck.extract(draft, source="draft.md", reference_date=reference_date)
    source_docs = [claimcheck.extract(s, source=f"source{n}.md", reference_date=reference_date) for n, s in enumerate(sources, 1)]
    return {c.claim.text: c.label.value for c in compare(draft_doc, source_docs)}


@pytest.mark.parametrize("pair", EXPECTED, ids=lambda p: p["name"])
def test_every_claim_of_each_pair_gets_the_editors_label(pair):
    comparisons = compare(document(pair["draft"]), [document(s) for s in pair["sources"]])
    got = [{"line": c.claim.line, "text": c.claim.text, "label": c.label.value} for c in comparisons]
    want = [
        {"line": claim["line"], "text": claim["text"], "label": claim.get("compare_says", claim["label"])}
        for claim in pair["claims"]
    ]
    assert got == want


# -- the cases the issue names, one sentence each --------------------------------------------


def test_an_altered_figure_conflicts():
    got = labels("The town has 75,000 residents.", "The town has 69,412 residents, the council said.")
    assert got == {"75,000 residents": "conflicting"}


@pytest.mark.parametrize("wording", ["nearly 70,000", "almost 70,000", "about 70,000", "some 70,000", "70,000"])
def test_a_rounded_figure_is_supported(wording):
    got = labels(f"The plan protects {wording} residents.", "The plan will protect 69,412 residents.")
    assert got == {f"{wording} residents": "supported"}


def test_nearly_means_below():
    got = labels("The plan protects nearly 70,000 residents.", "The plan will protect 70,600 residents.")
    assert got == {"nearly 70,000 residents": "conflicting"}


def test_a_changed_scale_word_is_the_same_figure():
    draft = "The plan covers 1.2 million square metres of floodplain and costs $48.5m."
    source = "The plan covers 1,200,000 square metres of floodplain and costs $48,500,000."
    assert labels(draft, source) == {"1.2 million square metres": "supported", "$48.5m": "supported"}


def test_a_metric_unit_change_is_the_same_figure():
    draft = "Crews built 1.5 kilometres of new embankment along the river."
    source = "Crews built 1,500 metres of new embankment along the river."
    assert labels(draft, source) == {"1.5 kilometres": "supported"}


def test_a_figure_given_to_the_wrong_person_conflicts():
    draft = '"We lost 312 homes in the flood," said Mayor Ana Ruiz.'
    source = '"We lost 312 homes in the flood," said Tom Becker, the chief engineer.'
    comparison = compare(claimcheck.extract(draft), [claimcheck.extract(source, source="release.md")])[0]
    assert comparison.label is Label.CONFLICTING
    assert comparison.reason == "attributed to Ana Ruiz in the draft, Tom Becker in the source (release.md:1)"


def test_the_same_person_by_a_shorter_name_is_supported():
    draft = "Ruiz said the plan would protect 69,412 residents. Ana Ruiz is the mayor."
    source = "Mayor Ana Ruiz said the plan would protect 69,412 residents."
    assert labels(draft, source)["69,412 residents"] == "supported"


def test_a_figure_only_in_the_draft_is_not_found():
    got = labels("The project will create 250 jobs.", "The plan will protect 69,412 residents.")
    assert got == {"250 jobs": "not-found"}


def test_the_same_number_about_something_else_is_not_a_match():
    got = labels("The storm closed 14 schools.", "The storm damaged 14 bridges.")
    assert got == {"14 schools": "not-found"}


def test_dates_compare_as_dates():
    source = "RIVERSIDE, March 14, 2024 - Work on the embankment is due to begin on April 2."
    assert labels("RIVERSIDE, March 14, 2024 - Work on the embankment begins on 2 April 2024.", source)["2 April 2024"] == "supported"
    assert labels("RIVERSIDE, March 14, 2024 - Work on the embankment begins on April 9.", source)["April 9"] == "conflicting"


def test_ranges_and_bounds():
    source = "Between 30 and 35 bus routes will run, and more than 1,700 drivers work for the district."
    got = labels("About 32 bus routes will run, and more than 1,700 drivers work for the district.", source)
    assert got == {"About 32 bus routes": "supported", "more than 1,700 drivers": "supported"}
    got = labels("Between 30 and 35 bus routes will run, and more than 2,000 drivers work for the district.", source)
    assert got == {"Between 30 and 35 bus routes": "supported", "more than 2,000 drivers": "conflicting"}


def test_a_rise_is_not_a_fall():
    draft = claimcheck.extract("Transport costs rose 11% in 2023.")
    (rise, _) = compare(draft, [claimcheck.extract("Transport costs fell 11% in 2023.", source="report.txt")])
    assert rise.label is Label.CONFLICTING
    assert rise.reason == "a rise in the draft, a fall in the source: “11%” vs “11%” (report.txt:1)"


def test_one_supporting_source_wins_and_the_other_is_shown():
    draft = claimcheck.extract("Engineers have proposed 35 kilometres of new embankments.")
    older = claimcheck.extract("Engineers have proposed 35 kilometres of new embankments.", source="older.md")
    newer = claimcheck.extract("Engineers have proposed 37 kilometres of new embankments.", source="newer.md")
    (comparison,) = compare(draft, [newer, older])
    assert comparison.label is Label.SUPPORTED
    assert [(m.document, m.agreement.value) for m in comparison.matches] == [("older.md", "same"), ("newer.md", "different-value")]
    assert "newer.md:1 gives “37 kilometres”" in comparison.reason


def test_no_sources_leaves_everything_not_found():
    comparisons = compare(claimcheck.extract("The town has 70,000 residents."), [])
    assert [c.label for c in comparisons] == [Label.NOT_FOUND]


def test_long_sources_still_find_the_one_claim():
    filler = " ".join(f"Stall {n} sold {n * 7 + 3} apples on market day." for n in range(1, 400))
    source = claimcheck.extract(filler + " The plan will protect 69,412 residents.", source="long.md")
    (comparison,) = compare(claimcheck.extract("The plan protects nearly 70,000 residents."), [source])
    assert comparison.label is Label.SUPPORTED and comparison.matches[0].claim.text == "69,412 residents"


@pytest.mark.parametrize(
    "value, place", [(70000, 10000), (69412, 1), (2.5, 0.1), (1200000.0, 100000), (48500000, 100000), (0, 1)]
)
def test_precision_is_the_last_significant_digit(value, place):
    assert precision(value) == pytest.approx(place)


def test_tolerance_of_an_exact_round_figure_is_capped():
    claim = claimcheck.extract("The town has 1,000 residents.").claims[0]
    interval = tolerance(claim)
    assert interval is not None and (interval.low, interval.high) == (950, 1050)


# -- the command line ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def validate_compare():
    """Parse `compare --format json` and validate it against the shipped schema (claims by the extract schema)."""
    extract_schema = schema()
    registry = referencing.Registry().with_resource(extract_schema["$id"], referencing.Resource.from_contents(extract_schema))
    output = compare_schema()
    jsonschema.Draft202012Validator.check_schema(output)
    validator = jsonschema.Draft202012Validator(output, registry=registry)

    def check(stdout: str) -> dict:
        data = json.loads(stdout)
        validator.validate(data)
        return data

    return check


def invoke(*args: str, input: str | None = None):
    return runner.invoke(app, ["compare", *args], input=input)


def test_json_in_a_pipe_validates_and_gives_every_label(validate_compare):
    result = invoke(str(DATA / "council-draft.md"), "--against", str(DATA / "council-release.md"))
    assert result.exit_code == ExitCode.FINDINGS
    data = validate_compare(result.stdout)
    assert data["summary"] == {"supported": 10, "conflicting": 4, "not-found": 1}
    homes = next(c for c in data["comparisons"] if c["claim"]["text"] == "312 homes")
    assert homes["label"] == "conflicting"
    assert homes["matches"][0]["agreement"] == "different-source"
    assert homes["matches"][0]["claim"]["source"]["name"] == "Tom Becker"
    assert data["sources"][0]["claims"] == 13 and data["errors"] == []
    assert "15 claims: 10 supported, 4 conflicting, 1 not found" in result.stderr


def test_schema_rejects_an_unknown_label(validate_compare):
    result = invoke(str(DATA / "hospital-draft.md"), "-a", str(DATA / "hospital-release.md"), "-f", "json")
    data = json.loads(result.stdout)
    data["comparisons"][0]["label"] = "probably"
    with pytest.raises(jsonschema.ValidationError):
        validate_compare(json.dumps(data))


@pytest.mark.parametrize("fail_on, status", [("not-found", 1), ("conflicting", 1), ("never", 0)])
def test_fail_on(fail_on, status):
    result = invoke(str(DATA / "hospital-draft.md"), "-a", str(DATA / "hospital-release.md"), "--fail-on", fail_on)
    assert result.exit_code == status


def test_all_supported_exits_zero(tmp_path):
    (tmp_path / "draft.md").write_text("The plan will protect nearly 70,000 residents.\n", encoding="utf-8")
    result = invoke(str(tmp_path / "draft.md"), "--against", str(DATA / "council-release.md"))
    assert result.exit_code == ExitCode.OK, result.stderr


def test_conflicting_only_fails_without_conflicts(tmp_path):
    (tmp_path / "draft.md").write_text("The plan will protect nearly 70,000 residents and create 250 jobs.\n", encoding="utf-8")
    args = (str(tmp_path / "draft.md"), "--against", str(DATA / "council-release.md"))
    assert invoke(*args).exit_code == ExitCode.FINDINGS
    assert invoke(*args, "--fail-on", "conflicting").exit_code == ExitCode.OK


def test_table_escapes_document_text(tmp_path):
    draft = "The [bold red]council[/] said [link=https://x.test]2,400 households[/link] were hit.\n"
    (tmp_path / "draft.md").write_text(draft, encoding="utf-8")
    (tmp_path / "release.md").write_text("A council survey found 2,400 households were hit.\n", encoding="utf-8")
    result = invoke(str(tmp_path / "draft.md"), "-a", str(tmp_path / "release.md"), "--format", "table")
    assert result.exit_code == ExitCode.OK, result.stdout
    assert "“2,400 households” = 2,400" in result.stdout and "supported" in result.stdout
    assert "\x1b[" not in result.stdout
    assert "1 claim: 1 supported, 0 conflicting, 0 not found" in result.stdout


def test_markdown_table(tmp_path):
    result = invoke(str(DATA / "budget-draft.md"), "-a", str(DATA / "budget-report.txt"), "-f", "markdown")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("### ") and "| Line | Draft claim | Label | In the sources | Why |" in lines
    row = next(line for line in lines if "| “45 new teachers” =" in line)
    assert "| conflicting |" in row and "attributed to Luis Medina in the draft, Grace Okafor in the source" in row


def test_draft_from_stdin():
    text = (DATA / "storm-draft.md").read_text(encoding="utf-8")
    result = invoke("-", "--against", str(DATA / "storm-earlier.md"), "-f", "json", input=text)
    data = json.loads(result.stdout)
    assert data["draft"]["source"] == "<stdin>"
    assert {c["claim"]["text"]: c["label"] for c in data["comparisons"]}["16 schools"] == "conflicting"


def test_a_source_that_cannot_be_read_is_named_and_the_others_are_used(tmp_path, validate_compare):
    missing = tmp_path / "missing.md"
    result = invoke(str(DATA / "hospital-draft.md"), "-a", str(missing), "-a", str(DATA / "hospital-release.md"), "-f", "json")
    assert result.exit_code == ExitCode.ERROR
    assert result.stderr.count("\n") == 2 and f"{missing}: no such file" in result.stderr
    data = validate_compare(result.stdout)
    assert data["errors"] == [{"source": str(missing), "message": "no such file"}]
    assert data["summary"]["supported"] == 8


@pytest.mark.parametrize(
    "args, words",
    [
        (["draft.md"], "--against"),
        (["-", "--against", "-"], "standard input"),
        (["missing.md", "--against", "release.md"], "missing.md: no such file"),
        (["draft.md", "--against", "gone.md"], "no source could be read"),
        (["draft.md", "--against", "release.md", "--reference-date", "14/03/2024"], "YYYY-MM-DD"),
        (["drafts", "--against", "release.md"], "compare one draft at a time"),
    ],
)
def test_usage_and_input_errors_are_one_line(tmp_path, monkeypatch, args, words):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.md").write_text("The plan protects 70,000 residents.\n", encoding="utf-8")
    (tmp_path / "release.md").write_text("The plan protects 69,412 residents.\n", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    for name in ("a.md", "b.md"):
        (tmp_path / "drafts" / name).write_text("The plan protects 70,000 residents.\n", encoding="utf-8")
    result = invoke(*args)
    assert result.exit_code == ExitCode.ERROR
    assert words in result.stderr and "Traceback" not in result.stderr
    if words != "--against":  # typer's own message for a missing option is a box of lines
        # One line per problem: "gone.md: no such file", then that nothing is left to compare with.
        assert result.stderr.count("\n") == (2 if words == "no source could be read" else 1)


def test_help_has_examples():
    result = invoke("--help")
    assert result.exit_code == 0
    assert "claimcheck compare draft.md --against press-release.md" in result.stdout
    assert "Exit status" in result.stdout


# -- a source on the web: a real server on 127.0.0.1 -----------------------------------------


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def newsroom() -> Iterator[str]:
    """The pairs' folder served over HTTP: the press release as a web page."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(DATA)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_PROXY", "*")


def test_a_press_release_on_the_web(newsroom, validate_compare):
    """The console script, as a newsroom runs it: the release is a page, the draft a file."""
    script = Path(sys.executable).parent / "claimcheck"
    url = f"{newsroom}/hospital-release.html"
    result = subprocess.run(
        [str(script), "compare", str(DATA / "hospital-draft.md"), "--against", url],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == ExitCode.FINDINGS, result.stderr
    data = validate_compare(result.stdout)
    assert data["sources"][0]["source"] == url
    assert data["sources"][0]["metadata"]["title"] == "St Brendan's hospital opens new wing"
    got = {c["claim"]["text"]: c["label"] for c in data["comparisons"]}
    want = {c["text"]: c["label"] for c in next(p for p in EXPECTED if p["draft"] == "hospital-draft.md")["claims"]}
    assert got == want
    assert all(m["document"] == url for c in data["comparisons"] for m in c["matches"])


def test_a_source_address_that_fails_is_named(newsroom):
    result = invoke(str(DATA / "hospital-draft.md"), "-a", f"{newsroom}/no-such-release.html", "-a", str(DATA / "hospital-release.md"), "-f", "json")
    assert result.exit_code == ExitCode.ERROR
    assert "no-such-release.html" in result.stderr and "404" in result.stderr
    assert json.loads(result.stdout)["summary"]["conflicting"] == 4


# -- `claimcheck check --against`: CC014 and CC015 ---------------------------------------------


def check_findings(*args: str) -> tuple[int, list[dict], str]:
    result = runner.invoke(app, ["check", *args, "--format", "json", "--fail-on", "warning"])
    return result.exit_code, json.loads(result.stdout)["findings"], result.stderr


def test_check_against_reports_conflicts_and_missing_figures_on_their_lines():
    draft = DATA / "council-draft.md"
    status, findings, _ = check_findings(str(draft), "--against", str(DATA / "council-release.md"), "--select", "CC014,CC015")
    assert status == ExitCode.FINDINGS
    got = [(f["code"], f["line"], f["column"], draft.read_text(encoding="utf-8")[f["start"]:f["end"]]) for f in findings]
    assert got == [
        ("CC014", 5, 61, "35 kilometres"),
        ("CC014", 5, 110, "April 9, 2024"),
        ("CC014", 7, 10, "312 homes"),
        ("CC014", 7, 86, "$15 million"),
        ("CC015", 9, 114, "250 jobs"),
    ]
    homes = findings[2]
    assert homes["severity"] == "warning"
    assert homes["message"].startswith("“312 homes” disagrees with the sources: attributed to Ana Ruiz in the draft, Tom Becker")


def test_check_without_sources_is_silent_on_them():
    _, findings, _ = check_findings(str(DATA / "council-draft.md"), "--select", "CC014,CC015")
    assert findings == []


def test_check_against_a_page_and_a_missing_source(newsroom, tmp_path):
    missing = tmp_path / "gone.md"
    status, findings, stderr = check_findings(
        str(DATA / "hospital-draft.md"), "-a", str(missing), "-a", f"{newsroom}/hospital-release.html", "--select", "CC014",
    )
    assert status == ExitCode.ERROR
    assert f"--against {missing}: no such file" in stderr
    assert [(f["line"], f["code"]) for f in findings] == [(6, "CC014"), (8, "CC014"), (10, "CC014"), (12, "CC014")]


def test_check_suppression_applies_to_source_rules(tmp_path):
    text = (DATA / "council-draft.md").read_text(encoding="utf-8").replace(
        "The plan covers", "<!-- claimcheck: ignore CC014 -->\nThe plan covers"
    )
    (tmp_path / "draft.md").write_text(text, encoding="utf-8")
    _, findings, _ = check_findings(str(tmp_path / "draft.md"), "--against", str(DATA / "council-release.md"), "--select", "CC014")
    assert [f["claim_id"] for f in findings] and all(f["line"] != 6 for f in findings)


def test_check_against_stdin_is_read_once(tmp_path):
    release = (DATA / "council-release.md").read_text(encoding="utf-8")
    result = runner.invoke(app, ["check", str(DATA / "council-draft.md"), "--against", "-", "--select", "CC014", "-f", "json"], input=release)
    assert [f["line"] for f in json.loads(result.stdout)["findings"]] == [5, 5, 7, 7]
    result = runner.invoke(app, ["check", "--against", "-"], input=release)
    assert result.exit_code == ExitCode.ERROR and "read only once" in result.stderr


def test_on_a_terminal_labels_are_coloured_and_document_markup_stays_text(tmp_path, monkeypatch):
    import io

    from claimcheck.cli import Environment
    from claimcheck.cli.compare import run_compare

    monkeypatch.chdir(tmp_path)
    release = "[red]rel.md"  # a name rich would read as markup
    Path("draft.md").write_text("The council said 2,500 households were hit.\n", encoding="utf-8")
    Path(release).write_text("A council survey found 2,400 households were hit.\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    env = Environment(io.BytesIO(), out, err, stdout_is_terminal=True, stderr_is_terminal=False, no_color=False)
    assert run_compare(env, "draft.md", [release]) == ExitCode.FINDINGS
    assert "\x1b[" in out.getvalue() and "conflicting" in out.getvalue()
    plain = io.StringIO()
    env = Environment(io.BytesIO(), plain, err, stdout_is_terminal=True, stderr_is_terminal=False, no_color=True)
    run_compare(env, "draft.md", [release])
    assert "\x1b[" not in plain.getvalue()
    assert "against [red]rel.md" in plain.getvalue() and "“2,500 households”" in plain.getvalue()
