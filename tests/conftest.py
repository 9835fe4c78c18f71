from __future__ import annotations

import json
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
