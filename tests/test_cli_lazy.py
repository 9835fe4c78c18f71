"""`claimcheck --help` builds every command from its signature alone: the heavy modules wait for a run."""
import subprocess
import sys

HEAVY = (
    "claimcheck.check.rules", "claimcheck.check.engine", "claimcheck.pipeline", "claimcheck.batch", "claimcheck.review", "claimcheck.align",
    "claimcheck.compare", "claimcheck.report.machine",
)


def _loaded_after(code: str) -> set[str]:
    script = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_every_command_registers_without_heavy_imports():
    loaded = _loaded_after("from claimcheck.cli import load_app\nload_app()")
    assert not loaded & set(HEAVY)


def test_lazy_packages_still_export_their_names():
    import claimcheck.check as check
    import claimcheck.report.ci as ci

    assert all(getattr(check, name) is not None for name in check.__all__)
    assert all(getattr(ci, name) is not None for name in ci.__all__)
    from claimcheck.check import RULES, check_text  # noqa: F401
    from claimcheck.report.ci import RuleInfo  # noqa: F401
    from claimcheck.report import SCHEMA_VERSION

    assert SCHEMA_VERSION == 1


def test_check_engine_leaves_openssl_unloaded():
    assert "_hashlib" not in _loaded_after("import claimcheck.check.engine")


def test_frozen_classes_compile_no_tokenize_pattern():
    """A `frozen` class without a docstring gets one from its signature, which compiles tokenize's pattern."""
    script = (
        "import tokenize\nimport claimcheck.check.engine, claimcheck.compare, claimcheck.pipeline, claimcheck.cli\n"
        "print(tokenize._compile.cache_info().misses)"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "0"
