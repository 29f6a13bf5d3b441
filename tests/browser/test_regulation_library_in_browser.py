"""The regulation library as a person sees it: banners, links back and forth, filters."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_repealed_document_banner_leads_to_the_repealing_document_and_back(page, base_url):
    page.goto(base_url + "zwgk/xzf/wj/2021/00008/")
    banner = page.get_by_role("region", name="本文件已废止")
    assert banner.is_visible()
    assert "本文件已于 2026-01-23 废止" in banner.inner_text()
    # The banner sits between the title and the body.
    title_box = page.locator("#gk-main").bounding_box()
    body_box = page.locator(".gk-body").bounding_box()
    banner_box = banner.bounding_box()
    assert title_box["y"] < banner_box["y"] < body_box["y"]
    banner.get_by_role("link", name="示例县人民政府关于修改和废止部分行政规范性文件的决定").click()
    expect(page.locator("#gk-main")).to_have_text("示例县人民政府关于修改和废止部分行政规范性文件的决定")
    assert page.get_by_role("region", name=re.compile("^本文件")).count() == 0  # in force: no banner
    page.locator(".gk-relations").get_by_role("link", name="示例县人民政府关于加快发展电子商务的若干意见").click()
    expect(page).to_have_url(base_url + "zwgk/xzf/wj/2021/00008/")
    expect(page.get_by_role("region", name="本文件已废止")).to_be_visible()


def test_amended_document_shows_the_current_version_and_its_history(page, base_url):
    page.goto(base_url + "zwgk/xzf/wj/2022/00004/")
    banner = page.get_by_role("region", name="本文件已修改")
    assert banner.is_visible()
    banner.get_by_role("link", name="查看版本沿革").click()
    history = page.get_by_role("region", name="版本沿革")
    assert history.locator("ol > li").count() == 3
    history.locator("ol").get_by_role("link", name="示例县农村住房建设管理办法（2026年修订）").click()
    assert page.locator("#gk-main").inner_text() == "示例县农村住房建设管理办法（2026年修订）"
    assert page.locator("table.gk-meta").get_by_text("有效", exact=True).is_visible()


def test_library_filters_by_year_and_issuer_and_sorts(page, base_url):
    page.goto(base_url + "zwgk/xzf/fdzdgknr/fgwj/gfxwj/")
    table = page.locator("#gk-library-table tbody tr")
    assert table.count() == 8
    form = page.get_by_role("form", name="筛选和排序")
    form.get_by_label("年份").select_option("2025")
    page.get_by_role("status").filter(has_text="筛选出").wait_for()
    assert page.get_by_role("status").filter(has_text="筛选出").inner_text() == "筛选出 2 件"
    assert table.count() == 2
    form.get_by_label("年份").select_option("")
    form.get_by_label("发文机关").select_option("示例县人民政府")
    form.get_by_label("排序").select_option("effective-asc")
    page.get_by_role("status").filter(has_text="筛选出 4 件").wait_for()
    dates = page.locator("#gk-library-table tbody td:nth-child(3)").all_inner_texts()
    assert dates == sorted(dates) and len(dates) == 4
    form.get_by_role("button", name="清除筛选").click()
    page.wait_for_function("document.querySelectorAll('#gk-library-table tbody tr').length === 8")
    assert page.locator(".gk-library-summary").is_visible()
