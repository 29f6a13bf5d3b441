"""A site whose titles and fields carry markup, served and read in Chromium: it shows them as text, runs none.

Each payload sets window.__pwned if a browser ever runs it: an image whose src fails and whose handler
runs, or a script. 一网通查 puts a result's title in the page itself (search-page.js), the 文件库's filter
puts the library's rows there (library.js), and the pages come from the templates: none may run it.
"""

from __future__ import annotations

import functools
import html
import json
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from helpers import document, make_project, served

pytestmark = pytest.mark.browser

TITLE = '测试县人民政府关于城市供水<img src=x onerror=window.__pwned=1>"管理"&amp;办法<script>window.__pwned=2</script>的通知'
ISSUER = "测试县水利局<img src=x onerror=window.__pwned=3>'&"
BODY = "城市供水的正文 " + html.escape("<img src=x onerror=window.__pwned=4>", quote=False) + " 到此为止。"
DOCUMENT_URL = "wj/2024/00001/"


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A small site with TITLE and ISSUER on one document of a list and a 文件库, built and served."""
    quoted = functools.partial(json.dumps, ensure_ascii=False)  # a JSON string is a YAML scalar
    project = make_project(tmp_path_factory.mktemp("hostile"))
    project.add_document(
        "2024/00001.md", document(1, 标题=quoted(TITLE), 发文机关=quoted(ISSUER), 栏目=["gfxwj", "wjk"], body=BODY)
    )
    project.add_document("2024/00002.md", document(2, 栏目=["gfxwj", "wjk"]))
    site = project.build()
    with served(site) as url:
        yield url


def watch_images(page: Page) -> list[str]:
    """The addresses the page asks for an image named x: a payload's image, rendered."""
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url) if urlsplit(request.url).path.endswith("/x") else None)
    return asked


def ran_nothing(page: Page, asked: list[str]) -> bool:
    page.wait_for_load_state("networkidle")
    return asked == [] and page.evaluate("typeof window.__pwned") == "undefined"


def test_a_hostile_title_found_by_search_is_shown_as_text(page, hostile_url):
    asked = watch_images(page)
    page.goto(hostile_url + "search/?q=城市供水")
    result = page.locator(".gk-search__result")
    expect(result).to_have_count(1)
    link = result.get_by_role("link")
    assert link.text_content() == TITLE
    assert link.get_attribute("href") == f"/{DOCUMENT_URL}"
    expect(link.locator("mark").first).to_have_text("城市供水")
    assert "<img src=x onerror=window.__pwned=4>" in (result.locator(".gk-search__excerpt").text_content() or "")
    assert ran_nothing(page, asked)
    link.click()
    expect(page).to_have_url(hostile_url + DOCUMENT_URL)
    assert ran_nothing(page, asked)


def test_a_hostile_document_page_runs_nothing(page, hostile_url):
    asked = watch_images(page)
    page.goto(hostile_url + DOCUMENT_URL)
    expect(page.locator("#gk-main")).to_have_text(TITLE)
    assert page.title() == f"{TITLE} - 测试县人民政府"
    assert page.locator("table.gk-meta td").nth(2).text_content() == ISSUER
    assert ran_nothing(page, asked)


def test_the_library_filter_shows_a_hostile_issuer_and_title_as_text(page, hostile_url):
    asked = watch_images(page)
    page.goto(hostile_url + "zwgk/fdzdgknr/wjk/")
    form = page.get_by_role("form", name="筛选和排序")
    form.get_by_label("发文机关").select_option(ISSUER)
    expect(page.get_by_role("status").filter(has_text="筛选出")).to_have_text("筛选出 1 件")
    links = page.locator("#gk-library-table tbody a")
    expect(links).to_have_count(1)
    assert links.first.text_content() == TITLE
    assert ran_nothing(page, asked)
