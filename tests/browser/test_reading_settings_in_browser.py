"""The 关怀版, the text size and the document page's tools, as a person uses them: by keyboard, on a
phone, on paper, with a phone's camera, and without JavaScript."""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

DOCUMENT = "zwgk/xzf/wj/2023/00030/"  # has a body, attachments and a table of contents
OTHER_PAGE = "zwgk/xzf/fdzdgknr/fgwj/gfxwj/"

# WCAG relative luminance and contrast of two computed colours, with alpha blended over white.
CONTRAST = """([fore, back]) => {
  const parse = (c) => c.match(/[\\d.]+/g).map(Number);
  const blend = (c, under) => c.length > 3 && c[3] < 1 ? c.slice(0, 3).map((v, i) => v * c[3] + under[i] * (1 - c[3])) : c.slice(0, 3);
  const lum = (c) => c.map((v) => v / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const b = blend(parse(back), [255, 255, 255]);
  const f = blend(parse(fore), b);
  const [hi, lo] = [lum(f), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}"""

# Computed font size, line height, and the contrast of text and links with what is behind them.
READING = """() => {
  const style = (sel) => getComputedStyle(document.querySelector(sel));
  const background = (el) => {
    for (; el; el = el.parentElement) {
      const c = getComputedStyle(el).backgroundColor;
      if (!/rgba\\(0, 0, 0, 0\\)|transparent/.test(c)) return c;
    }
    return "rgb(255, 255, 255)";
  };
  const body = document.querySelector(".gk-body p");
  const link = document.querySelector(".gk-body a, .gk-attachments a");
  const title = document.querySelector(".md-header__topic .md-ellipsis");
  return {
    fontSize: parseFloat(getComputedStyle(body).fontSize),
    lineHeight: parseFloat(getComputedStyle(body).lineHeight),
    text: [getComputedStyle(body).color, background(body)],
    link: [getComputedStyle(link).color, background(link)],
    header: [getComputedStyle(title).color, background(title)],
    transition: style(".md-header").transitionDuration,
    sidebarShown: style(".md-sidebar--primary").display !== "none",
  };
}"""

# Controls a finger must hit: their boxes, where they are shown.
TARGETS = """(selector) => [...document.querySelectorAll(selector)]
  .filter((el) => el.offsetParent !== null && getComputedStyle(el).visibility !== "hidden")
  .map((el) => { const r = el.getBoundingClientRect(); return {what: el.outerHTML.slice(0, 90), width: r.width, height: r.height}; })"""
CONTROLS = (
    ".gk-toolbar button, .md-header__button, .gk-header-search button, .gk-header-search input, .md-tabs__link,"
    " .gk-page-tools .md-button, .gk-pager a, .gk-search button, .gk-search select, .gk-search__bar input,"
    " .gk-filter select, .gk-filter button, table.gk-list td > a:first-child"
)


def reading(page: Page) -> dict:
    return page.evaluate(READING)


def contrast(page: Page, pair: list[str]) -> float:
    return page.evaluate(CONTRAST, pair)


def press_tab_until(page: Page, selector: str, limit: int = 10) -> int:
    for count in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return count
    raise AssertionError(f"Tab never reached {selector}")


def test_the_care_view_and_text_size_work_by_keyboard_and_stay_across_pages(page, base_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url + DOCUMENT)
    normal = reading(page)
    assert normal["fontSize"] == 16 and normal["sidebarShown"]
    for pair in ("text", "link", "header"):
        assert contrast(page, normal[pair]) >= 4.5, (pair, normal[pair])
    # First in keyboard order after the skip link.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Tab")
    care_button = page.locator("[data-gk-care-toggle]")
    expect(care_button).to_be_focused()
    expect(care_button).to_have_attribute("aria-pressed", "false")
    page.keyboard.press("Enter")
    expect(page.locator("html")).to_have_attribute("data-gk-care", "on")
    expect(care_button).to_have_attribute("aria-pressed", "true")
    care = reading(page)
    assert care["fontSize"] >= 24 and care["fontSize"] >= 1.5 * normal["fontSize"], care
    assert care["lineHeight"] >= 1.8 * care["fontSize"] - 0.01, care
    for pair in ("text", "link", "header"):
        assert contrast(page, care[pair]) >= 7, (pair, care[pair], contrast(page, care[pair]))
    assert care["transition"] == "0s" and not care["sidebarShown"]
    # The text size, by keyboard too, in the 关怀版.
    press_tab_until(page, '[data-gk-size-choice="xlarge"]')
    page.keyboard.press("Space")
    expect(page.locator("html")).to_have_attribute("data-gk-size", "xlarge")
    expect(page.locator('[data-gk-size-choice="xlarge"]')).to_have_attribute("aria-pressed", "true")
    larger = reading(page)["fontSize"]
    assert larger >= 1.3 * care["fontSize"]
    # Both survive a reload and a link to another page.
    page.reload()
    expect(page.locator("html")).to_have_attribute("data-gk-care", "on")
    assert reading(page)["fontSize"] == larger
    column = page.locator(".gk-breadcrumbs a").last
    target = column.get_attribute("href")
    column.click()
    expect(page).to_have_url(re.compile(re.escape(target.strip("./")) + "/$"))
    expect(page.locator("html")).to_have_attribute("data-gk-care", "on")
    expect(page.locator("html")).to_have_attribute("data-gk-size", "xlarge")
    # And back the same way.
    page.goto(base_url + DOCUMENT)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(care_button).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("html")).not_to_have_attribute("data-gk-care", "on")
    press_tab_until(page, '[data-gk-size-choice="normal"]')
    page.keyboard.press("Enter")
    assert reading(page)["fontSize"] == normal["fontSize"]
    page.reload()
    assert reading(page)["fontSize"] == normal["fontSize"]


@pytest.mark.parametrize("size, scale", [("large", 1.2), ("xlarge", 1.4)])
def test_text_sizes_scale_the_normal_view(page, base_url, size, scale):
    page.goto(base_url + DOCUMENT + f"?size={size}")
    assert reading(page)["fontSize"] == pytest.approx(16 * scale, abs=0.1)


def test_a_link_starts_a_terminal_in_the_care_view_and_another_ends_it(page, base_url):
    page.goto(base_url + "?care=1")
    expect(page.locator("html")).to_have_attribute("data-gk-care", "on")
    page.goto(base_url + DOCUMENT)
    expect(page.locator("html")).to_have_attribute("data-gk-care", "on")
    page.goto(base_url + DOCUMENT + "?care=0")
    expect(page.locator("html")).not_to_have_attribute("data-gk-care", "on")
    page.goto(base_url + OTHER_PAGE)
    expect(page.locator("html")).not_to_have_attribute("data-gk-care", "on")


@pytest.mark.parametrize("path", [DOCUMENT, OTHER_PAGE, "zwgk/gkml/2/", "search/?q=办法"])
@pytest.mark.parametrize("view, width, least", [("normal", 360, 44), ("care", 360, 60), ("care", 1280, 60)])
def test_tap_targets_are_large_enough(page, base_url, path, view, width, least):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base_url + path + ("&" if "?" in path else "?") + f"care={int(view == 'care')}")
    if path.startswith("search"):
        page.locator("#gk-search-results li").first.wait_for()
    targets = page.evaluate(TARGETS, CONTROLS)
    assert targets, "no control found"
    small = [t for t in targets if t["width"] < least - 0.5 or t["height"] < least - 0.5]
    assert small == [], "\n".join(f"{t['width']:.0f}×{t['height']:.0f}: {t['what']}" for t in small)


def test_without_javascript_every_page_still_reads(browser, base_url):
    context = browser.new_context(java_script_enabled=False, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(base_url + DOCUMENT)
        for shown in ("h1#gk-main", "table.gk-meta", ".gk-body", ".gk-attachments", ".md-footer"):
            expect(page.locator(shown)).to_be_visible()
        expect(page.locator(".gk-toolbar")).to_be_hidden()  # its buttons need JavaScript
        expect(page.locator("[data-gk-print]")).to_be_hidden()
        expect(page.locator(".gk-qr")).to_be_visible()
    finally:
        context.close()


def test_the_qr_code_opens_this_page_and_is_not_shown_on_a_phone(page, base_url):
    import zxingcpp
    from PIL import Image

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url + DOCUMENT)
    code = page.locator(".gk-qr svg")
    expect(code).to_be_visible()
    image = Image.open(io.BytesIO(code.screenshot()))
    (found,) = zxingcpp.read_barcodes(image)
    assert found.text == "https://www.example-county.gov.cn/" + DOCUMENT
    page.set_viewport_size({"width": 360, "height": 800})
    expect(code).to_be_hidden()
    page.emulate_media(media="print")
    expect(code).to_be_visible()


def test_a_document_prints_on_a4_with_its_text_and_without_the_site(page, base_url, tmp_path):
    page.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; }")
    page.goto(base_url + DOCUMENT)
    page.get_by_role("button", name="打印本页").click()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    for shown in ("h1#gk-main", "table.gk-meta", ".gk-body", ".gk-attachments", ".gk-qr"):
        expect(page.locator(shown)).to_be_visible()
    for chrome in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                   ".gk-toolbar", ".gk-breadcrumbs", ".gk-page-tools__actions"):  # fmt: skip
        expect(page.locator(chrome).first).to_be_hidden()
    pdf = page.pdf(format="A4")
    (tmp_path / "document.pdf").write_bytes(pdf)
    assert 1 <= len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) <= 4


def test_back_to_top_returns_to_the_top(page, base_url):
    page.set_viewport_size({"width": 1280, "height": 600})
    page.goto(base_url + DOCUMENT)
    top = page.get_by_role("link", name="返回顶部")
    top.scroll_into_view_if_needed()
    assert page.evaluate("window.scrollY") > 0
    top.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("window.scrollY === 0")
