"""`claimcheck.load` imports its readers, fetcher and Markdown patterns on first use: the command
line imports `load.limits` at start, and `check` builds its options from that alone."""
import subprocess
import sys

READERS = ("claimcheck.load.files", "claimcheck.load.url", "claimcheck.load.html", "claimcheck.load.markdown", "claimcheck.load.lines")


def _loaded_after(code: str) -> set[str]:
    script = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_limits_load_no_reader():
    assert not _loaded_after("import claimcheck.load.limits") & set(READERS)


def test_check_command_registers_without_readers():
    assert not _loaded_after("from claimcheck.cli import load_app\nload_app('check')") & set(READERS)


def test_a_name_loads_only_its_module():
    loaded = _loaded_after("from claimcheck.load import LineIndex")
    assert "claimcheck.load.lines" in loaded
    assert not loaded & {"claimcheck.load.files", "claimcheck.load.url", "claimcheck.load.markdown"}


def test_load_still_exports_its_names():
    import claimcheck.load as load
    from claimcheck.load import Prose, read_file, read_prose  # noqa: F401

    assert all(getattr(load, name) is not None for name in load.__all__)
