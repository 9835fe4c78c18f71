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


@pytest.fixture
def validate(output_schema):
    """Parse `--format json` output and validate it against the shipped JSON Schema."""

    def check(stdout: str) -> dict:
        data = json.loads(stdout)
        jsonschema.validate(data, output_schema)
        return data

    return check
