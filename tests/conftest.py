from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from helpers import Project, make_project  # noqa: E402


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return make_project(tmp_path)
