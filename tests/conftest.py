from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from claimcheck.report import schema

DATA = Path(__file__).parent / "data"
INPUTS = DATA / "inputs"


@pytest.fixture(scope="session")
def output_schema() -> dict:
    return schema()


@pytest.fixture(scope="session")
def validate(output_schema):
    """Parse `--format json` output and validate it against the shipped JSON Schema."""
    jsonschema.Draft202012Validator.check_schema(output_schema)
    validator = jsonschema.Draft202012Validator(output_schema)

    def check(stdout: str) -> dict:
        data = json.loads(stdout)
        validator.validate(data)
        return data

    return check


# Hypothesis: bounded in CI; CLAIMCHECK_HYPOTHESIS_PROFILE=long for a deep run once in a while,
# 20,000 examples a property unless CLAIMCHECK_HYPOTHESIS_EXAMPLES says otherwise.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile(
    "ci", max_examples=100, deadline=None, print_blob=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=int(os.environ.get("CLAIMCHECK_HYPOTHESIS_EXAMPLES", "20000")), deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("CLAIMCHECK_HYPOTHESIS_PROFILE", "ci"))
