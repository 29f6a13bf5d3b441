"""Every page type, in the normal view and the 关怀版, passes axe-core's WCAG 2.1 A/AA rules and the Nu HTML
Checker, and does not scroll sideways on a phone."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from a11y import (
    AXE_RUN,
    AXE_SOURCE,
    OVERFLOW,
    PAGES,
    VIEWS,
    VNU_JAR,
    WCAG_TAGS,
    axe_report,
    java,
    open_page,
    overflow_report,
    page_paths,
    tool,
    vnu_errors,
)

pytestmark = pytest.mark.browser

WIDTHS = [1280, 360]
HEIGHT = 800
PHONE = 360


@pytest.fixture(scope="session")
def axe_source() -> Path:
    return tool(AXE_SOURCE, "axe-core")


@pytest.fixture(scope="session")
def vnu_jar() -> Path:
    java()
    return tool(VNU_JAR, "vnu-jar (the Nu HTML Checker)")


@pytest.fixture(scope="session")
def audit_pages(audit_site: Path) -> dict[str, str]:
    return page_paths(audit_site, audit_site.parent / "catalog.yaml")


@contextmanager
def new_page(browser, width: int = WIDTHS[0]) -> Iterator:
    """A page in a context of its own, so the 关怀版 remembered in localStorage stays with one test."""
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": HEIGHT})
    try:
        page = context.new_page()
        page.set_default_timeout(15000)
        yield page
    finally:
        context.close()


@pytest.mark.parametrize(
    ("page_type", "view", "width"),
    [(p, v, w) for p in PAGES for v in VIEWS for w in WIDTHS],
    ids=[f"{p}-{v}-{w}" for p in PAGES for v in VIEWS for w in WIDTHS],
)
def test_axe_finds_no_violation(axe_source, browser, audit_url, audit_pages, page_type, view, width):
    path = audit_pages[page_type]
    with new_page(browser, width) as page:
        _, problems = open_page(page, audit_url, page_type, path, view)
        page.add_script_tag(path=str(axe_source))
        violations = page.evaluate(AXE_RUN, WCAG_TAGS)
    if problems or violations:
        nodes = sum(len(v["nodes"]) for v in violations)
        heading = (
            f"{page_type} /{path} ({view} view, {width}×{HEIGHT}): {len(violations)} axe violations on {nodes} nodes"
        )
        pytest.fail("\n".join([heading, *problems, axe_report(violations)]), pytrace=False)


def test_nu_html_checker_finds_no_error(vnu_jar, browser, audit_url, audit_pages, tmp_path):
    problems = []
    served_files: set[bytes] = set()  # search/ serves one file for four page types: it is checked once
    for view in VIEWS:
        with new_page(browser) as page:
            for page_type, path in audit_pages.items():
                response, found = open_page(page, audit_url, page_type, path, view)
                problems += [f"{page_type} ({view}): {problem}" for problem in found]
                served = response.body() if response else b""
                if served not in served_files:
                    served_files.add(served)
                    (tmp_path / f"{page_type}.{view}.served.html").write_bytes(served)
                (tmp_path / f"{page_type}.{view}.dom.html").write_text(page.content(), "utf-8")
    errors = vnu_errors(vnu_jar, tmp_path)
    if problems or errors:
        heading = f"{len(errors)} Nu HTML Checker errors (*.served.html: as served; *.dom.html: after scripts ran)"
        pytest.fail("\n".join([heading, *problems, *errors]), pytrace=False)


@pytest.mark.parametrize(("page_type", "view"), [(p, v) for p in PAGES for v in VIEWS])
def test_no_page_scrolls_sideways_on_a_phone(browser, audit_url, audit_pages, page_type, view):
    path = audit_pages[page_type]
    with new_page(browser, PHONE) as page:
        _, problems = open_page(page, audit_url, page_type, path, view)
        overflow = page.evaluate(OVERFLOW)
    if problems or overflow["scrollWidth"] > overflow["clientWidth"]:
        report = overflow_report(overflow) if overflow["scrollWidth"] > overflow["clientWidth"] else ""
        where = f"{page_type} /{path} ({view} view, {PHONE}×{HEIGHT})"
        heading = f"{where} is wider than the screen" if report else where
        pytest.fail("\n".join([heading, *problems, report]).rstrip(), pytrace=False)
