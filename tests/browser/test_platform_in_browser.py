"""A platform of several organs as a person uses it: one search across them with a 公开单位 facet, and the
portal's own pages pass the accessibility audit."""

import re

import pytest
from playwright.sync_api import expect

from a11y import AXE_RUN, AXE_SOURCE, WCAG_TAGS, axe_report, tool
from helpers import make_platform, platform_documents, served

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def platform_url(tmp_path_factory):
    project = make_platform(tmp_path_factory.mktemp("platform"), platform_documents())
    with served(project.build()) as url:
        yield url


def test_one_search_finds_every_organs_documents_and_the_organ_facet_narrows_it(page, platform_url):
    page.goto(platform_url + "search/")
    status = page.locator("#gk-search-status")
    expect(status).to_have_text("共 7 份文件，按发布日期排列")
    # Newest first across organs, from the dates the merged index keeps apart from Pagefind's meta.
    dates = [text.removeprefix("发布日期：") for text in page.locator(".gk-search__facts span").all_inner_texts()
             if text.startswith("发布日期：")]  # fmt: skip
    assert len(dates) == 7 and dates == sorted(dates, reverse=True), dates
    organs = page.get_by_role("group", name="公开单位")
    expect(organs.get_by_label("测试县教育局")).to_be_visible()
    organs.get_by_label("测试县教育局").check()
    expect(status).to_have_text("共 3 份文件（公开单位：测试县教育局），按发布日期排列")
    titles = page.locator(".gk-search__result").get_by_role("heading").all_inner_texts()
    assert titles and all(title.startswith("测试县教育局") for title in titles), titles
    # A query across organs: the department's and the government's 规范性文件 both come up.
    page.goto(platform_url + "search/?q=规定")
    expect(page.locator(".gk-search__result").first).to_be_visible()
    found = page.locator(".gk-search__result").get_by_role("heading").all_inner_texts()
    assert {"测试县教育局关于中小学收费管理的规定", "测试县司法局关于法律援助的规定"} <= set(found), found
    # The same query by date: the same documents, newest first.
    page.get_by_label("排序").select_option("date")
    expect(page).to_have_url(re.compile(r"sort=date"))
    expect(page.locator("#gk-search-status")).to_contain_text("找到")
    by_date = page.locator(".gk-search__result").get_by_role("heading").all_inner_texts()
    assert sorted(by_date) == sorted(found), by_date
    dates = [text.removeprefix("发布日期：") for text in page.locator(".gk-search__facts span").all_inner_texts()
             if text.startswith("发布日期：")]  # fmt: skip
    assert dates == sorted(dates, reverse=True), dates


@pytest.mark.parametrize("path", ["zwgk/", "zwgk/gkml/", "zwgk/jyj/", "zwgk/csz/jgzn/", "search/"])
@pytest.mark.parametrize("width", [1280, 360])
def test_the_portals_pages_pass_axe(browser, platform_url, path, width):
    axe_source = tool(AXE_SOURCE, "axe-core")
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(platform_url + path)
        page.add_script_tag(path=str(axe_source))
        violations = page.evaluate(AXE_RUN, WCAG_TAGS)
        overflow = page.evaluate("() => document.documentElement.scrollWidth > document.documentElement.clientWidth")
    finally:
        context.close()
    assert not violations, f"/{path} at {width} px:\n{axe_report(violations)}"
    assert not overflow, f"/{path} scrolls sideways at {width} px"
