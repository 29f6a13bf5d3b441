"""Serve the built sample site on 127.0.0.1 and drive Debian's Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import served


@pytest.fixture(scope="session")
def base_url(sample_site: Path) -> Iterator[str]:
    with served(sample_site) as url:
        yield url


@pytest.fixture(scope="session")
def audit_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site with 5 documents per column page (so lists have a second page), for the accessibility audit."""
    from a11y import build_audit_site

    return build_audit_site(tmp_path_factory.mktemp("audit"))


@pytest.fixture(scope="session")
def audit_url(audit_site: Path) -> Iterator[str]:
    """The audited site served as base_url serves the sample site."""
    with served(audit_site) as url:
        yield url


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-CN", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()
