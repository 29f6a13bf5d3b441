from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from helpers import REPO, SAMPLE_AS_OF, Project, make_project  # noqa: E402


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return make_project(tmp_path)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own sample site (示例县人民政府), built once per test run."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = tmp_path_factory.mktemp("sample") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GONGKAI_AS_OF", SAMPLE_AS_OF)
        config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
        config.plugins["gongkai/disclosure"].config.cache_dir = str(site_dir.parent / "cache")
        build(config)
    return site_dir


# Chromium for the browser tests and the corpus search benchmark: one browser for the session,
# since Playwright's sync API runs one event loop.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    path = os.environ.get("GONGKAI_CHROMIUM") or shutil.which("chromium")
    if path is None:
        message = "Chromium not found: run scripts/setup --browser (installs Debian's chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI installs it: a missing browser is a failure there
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()
