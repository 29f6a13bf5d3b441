"""Tests against the real corpus in ../shared/corpus, which a fresh clone does not have."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CORPUS = Path(__file__).parents[2].parent / "shared" / "corpus" / "lawrefbook"


@pytest.fixture(scope="session")
def lawrefbook() -> Path:
    """The LawRefBook corpus folder: skipped when absent, except in CI, where it must be there."""
    if not (CORPUS / "index.jsonl").is_file():
        reason = f"real corpus not found at {CORPUS} (it sits next to the repository in CI)"
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but the {reason}")
        pytest.skip(reason)
    return CORPUS
