"""What a person sees on the served sample site."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_landing_page_shows_the_mandated_columns(page, base_url):
    page.goto(base_url + "zwgk/xzf/")
    assert page.title().startswith("示例县人民政府")
    cards = page.locator(".gk-card strong")
    assert cards.all_inner_texts() == ["政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报"]
    assert page.get_by_role("navigation", name="当前位置").is_visible()


def test_from_a_column_to_a_document_with_its_metadata(page, base_url):
    page.goto(base_url + "zwgk/")
    page.locator("table.gk-organs").get_by_role("link", name="示例县人民政府", exact=True).click()
    page.locator(".gk-card a", has_text="法定主动公开内容").click()
    page.get_by_role("link", name=re.compile("^行政规范性文件$")).first.click()
    assert page.locator("h1").first.inner_text() == "行政规范性文件"
    first = page.locator("table.gk-list tbody tr a").first
    title = first.inner_text()
    first.click()
    assert page.locator("#gk-main").inner_text() == title
    metadata = page.locator("table.gk-meta")
    assert metadata.is_visible()
    for label in ("索引号", "主题分类", "发文机关", "成文日期", "发布日期", "内容概述"):
        assert metadata.get_by_role("rowheader", name=label).is_visible()
    assert page.locator(".gk-published").is_visible()


def test_attachment_downloads_with_its_bytes(page, base_url, sample_site: Path):
    page.goto(base_url + "zwgk/gkml/")
    # Find a document with an attachment through the directory JSON the site ships.
    import json

    entries = json.loads((sample_site / "zwgk/gkml/gkml.json").read_text("utf-8"))["条目"]
    for entry in entries:
        page.goto(base_url + entry["网址"])
        links = page.locator(".gk-attachments a")
        if links.count():
            break
    else:
        pytest.fail("no sample document with an attachment")
    href = links.first.get_attribute("href")
    with page.expect_download() as info:
        links.first.click()
    download = info.value
    expected = (sample_site / entry["网址"] / href).resolve()
    assert Path(download.path()).read_bytes() == expected.read_bytes()


def test_menu_is_usable_with_the_keyboard(page, base_url):
    page.goto(base_url)
    target = None
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement && document.activeElement.textContent.trim()")
        if focused == "政府信息公开":
            target = page.evaluate("document.activeElement.href")
            break
    assert target, "Tab never reached the 政府信息公开 menu entry"
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    assert page.url.endswith("/zwgk/")
    # A skip link lets keyboard users jump past the header.
    page.goto(base_url + "zwgk/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className").startswith("md-skip")


def test_no_request_leaves_the_local_server(page, base_url):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    paths = (
        "",
        "zwgk/",
        "zwgk/xzf/fdzdgknr/",
        "zwgk/xzf/zn/",
        "zwgk/gkml/",
        "zwgk/xzf/fdzdgknr/fgwj/gfxwj/",
        "search/?q=办法",
    )
    for path in paths:
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
    foreign = [url for url in requests if not url.startswith((base_url, "data:", "blob:"))]
    assert requests and foreign == []


def test_a_policy_and_its_interpretation_lead_to_each_other(page, base_url):
    page.goto(base_url + "zwgk/xzf/wj/2026/00045/")
    policy = page.get_by_role("navigation", name="政策解读")
    expect(policy).to_have_text("政策解读：《示例县城市供水用水管理办法》政策解读")
    policy.get_by_role("link").click()
    expect(page).to_have_url(base_url + "zwgk/xzf/wj/2026/00063/")
    back = page.get_by_role("navigation", name="政策解读")
    expect(back).to_have_text(
        "解读对象：示例县人民政府关于印发《示例县城市供水用水管理办法》的通知（示政发〔2026〕15号）"
    )
    back.get_by_role("link").click()
    expect(page).to_have_url(base_url + "zwgk/xzf/wj/2026/00045/")


def test_a_single_page_shows_its_date(page, base_url):
    page.goto(base_url + "zwgk/xzf/fdzdgknr/jgzn/")
    expect(page.locator(".gk-published")).to_have_text("发布日期：2026-03-02")


def test_an_annual_report_prints_on_a4_without_the_site_around_it(page, base_url, tmp_path):
    page.goto(base_url + "zwgk/xzf/wj/2025/00016/")
    expect(page.locator("table.gk-report-table")).to_have_count(3)
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer", ".gk-report__downloads"):
        expect(page.locator(chrome).first).to_be_hidden()
    expect(page.locator("h1#gk-main")).to_be_visible()
    pdf = page.pdf(format="A4")
    (tmp_path / "report.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    # Six sections and three tables: a few pages, as the printed reports run; not one page per table row.
    assert 2 <= pages <= 6, pages


def test_on_a_phone_a_consultation_shows_its_state_and_how_to_comment_before_the_text(page, base_url):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(base_url + "zwgk/xzf/zdjcygk/")
    # The list's caption runs across the screen, not one character a line beside the cards.
    caption = page.locator("table.gk-list caption").bounding_box()
    assert caption["width"] > 300 and caption["height"] < 60, caption
    first = page.locator("table.gk-list tbody tr").first
    expect(first.locator(".gk-state")).to_have_text("征集中")
    expect(first.locator(".gk-list__period")).to_contain_text("还有 22 天截止")
    first.locator("a").click()
    section = page.get_by_role("region", name=re.compile("^意见征集"))
    expect(section).to_be_visible()
    expect(section.get_by_role("heading", level=2)).to_have_text("意见征集 征集中")
    expect(section).to_contain_text("2026-11-16 至 2026-12-15（共 30 日），还有 22 天截止")
    mail = section.get_by_role("link", name="swj@example-county.gov.cn")
    assert mail.get_attribute("href") == "mailto:swj@example-county.gov.cn"
    # Read before the body, and within the screen's width.
    section_box, body_box = section.bounding_box(), page.locator(".gk-body").bounding_box()
    assert section_box["y"] < body_box["y"]
    assert section_box["x"] >= 0 and section_box["x"] + section_box["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_on_a_phone_a_gazette_issue_opens_from_its_year_and_its_contents_lead_on(page, base_url):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(base_url + "zwgk/xzf/zfgb/")
    year = page.get_by_role("region", name="2026年")
    year.get_by_role("link", name="2026年第1号", exact=True).click()
    expect(page.locator("h1")).to_have_text("示例县人民政府公报 2026年第1号")
    contents = page.get_by_role("region", name="目录")
    expect(contents.get_by_role("heading", level=3)).to_have_text(["政府文件", "人事任免"])
    pdf = page.get_by_role("link", name=re.compile("^2026年第1号全文"))
    assert pdf.get_attribute("href") == "../../gongbao/2026-01.pdf"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # The appointment is read on the page; a document of the site opens its own page.
    contents.get_by_role("link", name="示例县人民政府关于赵立新等同志职务任免的通知").click()
    expect(
        page.get_by_role("heading", name="示例县人民政府关于赵立新等同志职务任免的通知", level=2)
    ).to_be_in_viewport()
    contents.get_by_role("link", name="示例县人民政府关于修改和废止部分行政规范性文件的决定").click()
    expect(page).to_have_url(base_url + "zwgk/xzf/wj/2026/00001/")
    expect(page.locator(".gk-carried")).to_have_text("刊登于《示例县人民政府公报》2026年第1号")


def test_a_standard_catalog_domain_reads_on_a_phone_and_prints_on_a4_landscape(page, base_url):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(base_url + "zwgk/xzf/bzml/")
    page.get_by_role("link", name="国有土地上房屋征收与补偿").click()
    expect(page.locator("h1")).to_have_text("国有土地上房屋征收与补偿领域基层政务公开标准目录")
    # On a phone each item is a card whose cells say what they are.
    first = page.locator("table.gk-standard tbody tr").first
    expect(first.locator("td[data-label='公开渠道和载体']")).to_contain_text("政府网站")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    first.get_by_role("link", name="房屋征收").click()
    expect(page.locator("h1")).to_have_text("房屋征收")
    page.go_back()
    page.set_viewport_size({"width": 1280, "height": 800})
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    pdf = page.pdf(prefer_css_page_size=True)
    boxes = {tuple(float(n) for n in box.split()) for box in re.findall(rb"/MediaBox\s*\[([\d.\s]+)\]", pdf)}
    assert boxes and all(round(w) == 842 and round(h) == 595 for _, _, w, h in boxes), boxes  # A4 landscape
