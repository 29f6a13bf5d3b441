"""一网通查 as a person uses it on the served sample site."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_document_number_typed_with_square_brackets_finds_the_document_first(page, base_url):
    page.goto(base_url + "search/")
    box = page.get_by_role("textbox")
    box.fill("示政办发[2022]18号")
    first = page.locator(".pagefind-ui__result").first
    # Results first show as loading placeholders: wait for the real title.
    expect(first.locator(".pagefind-ui__result-title")).to_have_text(
        "示例县人民政府办公室关于印发《示例县农村住房建设管理办法》的通知"
    )
    expect(first).to_contain_text("有效性: 已修改")
    first.locator("a").first.click()
    assert page.url == base_url + "wj/2022/00004/"


def test_a_title_finds_the_document_and_filters_show_counts(page, base_url):
    page.goto(base_url + "search/")
    page.get_by_role("textbox").fill("示例县城市供水用水管理办法")
    first = page.locator(".pagefind-ui__result-title").first
    expect(first).to_have_text("示例县人民政府关于印发《示例县城市供水用水管理办法》的通知")
    validity = page.locator(".pagefind-ui__filter-name", has_text="有效性")
    expect(validity).to_be_visible()
    validity.click()
    expect(page.get_by_label("尚未生效")).to_be_visible()


def test_a_page_opened_from_disk_explains_how_to_search(page, sample_site):
    page.goto((sample_site / "search/index.html").as_uri())
    message = page.get_by_role("alert")
    assert message.is_visible()
    assert "python3 -m http.server" in message.inner_text()
