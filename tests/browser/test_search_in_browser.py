"""一网通查 as a person uses it on the served sample site, and search.js as the tests call it."""

import re
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from gongkai.search.text import token_stream, tokens

pytestmark = pytest.mark.browser

SUPPLY_RULES = "示例县人民政府关于印发《示例县城市供水用水管理办法》的通知"
SUPPLY_READING = "《示例县城市供水用水管理办法》政策解读"
HOUSING_NOTICE = "示例县人民政府办公室关于印发《示例县农村住房建设管理办法》的通知"


def results(page):
    return page.locator(".gk-search__result")


def first_two_titles(page) -> set[str]:
    """The titles of the first two results, once they are shown."""
    headings = results(page).get_by_role("heading")
    expect(headings.nth(1)).to_be_visible()
    return set(headings.all_inner_texts()[:2])


def search_url(base_url, **params):
    """The search page's address for `params`, as the browser encodes it."""
    return re.compile(re.escape(f"{base_url}search/?{urlencode(params)}") + "$")


def test_a_title_typed_in_the_header_box_finds_the_document_and_its_interpretation_first(page, base_url):
    page.goto(base_url)
    box = page.get_by_role("searchbox", name="检索本站文件")
    box.fill("示例县城市供水用水管理办法")
    box.press("Enter")
    expect(page).to_have_url(search_url(base_url, q="示例县城市供水用水管理办法"))
    # Both titles hold the typed name whole; the 解读's, shorter, may rank first.
    assert first_two_titles(page) == {SUPPLY_RULES, SUPPLY_READING}
    expect(results(page).first.locator("mark").first).to_have_text("示例县城市供水用水管理办法")


def test_a_traditional_script_title_finds_the_simplified_documents_first(page, base_url):
    page.goto(base_url + "search/")
    page.get_by_label("检索词").fill("示例縣城市供水用水管理辦法")
    page.get_by_label("检索词").press("Enter")
    # The page lists the newest documents until the answer comes (the address changes with it).
    expect(page).to_have_url(search_url(base_url, q="示例縣城市供水用水管理辦法"))
    assert first_two_titles(page) == {SUPPLY_RULES, SUPPLY_READING}


def test_a_document_number_with_square_brackets_finds_the_document_first_and_opens_it(page, base_url):
    page.goto(base_url + "search/")
    page.get_by_label("检索词").fill("示政办发[2022]18号")
    page.get_by_label("检索词").press("Enter")
    first = results(page).first
    expect(first.get_by_role("heading")).to_have_text(HOUSING_NOTICE)
    expect(first).to_contain_text("示政办发〔2022〕18号")
    expect(first).to_contain_text("已修改")
    first.get_by_role("link").click()
    expect(page).to_have_url(base_url + "zwgk/xzf/wj/2022/00004/")


def test_browsing_without_a_query_shows_counts_that_change_with_a_filter(page, base_url):
    page.goto(base_url + "search/")
    status = page.locator("#gk-search-status")
    expect(status).to_have_text("共 164 份文件，按发布日期排列")
    in_force = page.get_by_role("group", name="有效性").get_by_label("有效")
    count = int(in_force.locator("xpath=..").locator(".gk-search__count").inner_text().strip("()"))
    in_force.check()
    expect(status).to_have_text(f"共 {count} 份文件（有效性：有效），按发布日期排列")
    expect(results(page)).to_have_count(min(count, 10))
    for item in results(page).all():
        expect(item).to_contain_text("有效")
    # The other facets now count only documents in force, once their counts have come after the results.
    expect(page.locator("#gk-search-facets")).not_to_have_attribute("aria-busy", "true")
    years = page.get_by_role("group", name="年份").locator(".gk-search__count").all_inner_texts()
    assert sum(int(text.strip("()")) for text in years) == count
    expect(page).to_have_url(search_url(base_url, 有效性="有效"))


def test_consultations_are_found_by_their_state(page, base_url):
    page.goto(base_url + "search/")
    states = page.get_by_role("group", name="征集状态")
    expect(states).to_be_visible()
    values = states.locator("input").evaluate_all("boxes => boxes.map((box) => box.value)")
    assert values[0] == "已反馈" and sorted(values[1:]) == ["已截止（待反馈）", "征集中"]  # most documents first
    states.get_by_label("征集中").check()
    expect(page.locator("#gk-search-status")).to_have_text("共 1 份文件（征集状态：征集中），按发布日期排列")
    expect(results(page).first.get_by_role("heading")).to_contain_text("农贸市场布局规划")


def test_sorting_by_date_puts_the_newest_first(page, base_url):
    page.goto(base_url + "search/?q=通知")
    page.get_by_label("排序").select_option("date")
    expect(page).to_have_url(search_url(base_url, q="通知", sort="date"))
    dates = [text.removeprefix("发布日期：") for text in page.locator(".gk-search__facts span").all_inner_texts()
             if text.startswith("发布日期：")]  # fmt: skip
    assert len(dates) == 10 and dates == sorted(dates, reverse=True)


def test_search_works_from_the_keyboard_alone(page, base_url):
    page.goto(base_url + "search/")
    expect(page.get_by_label("检索词")).to_be_focused()  # nothing typed yet: the box has the focus
    page.keyboard.type("供水用水")
    page.keyboard.press("Enter")
    expect(results(page).first.get_by_role("heading")).to_have_text(SUPPLY_RULES)
    # Tab on through the sort and the facets to the first result's link, and open it.
    page.keyboard.press("Tab")
    expect(page.locator("#gk-search").get_by_role("button", name="搜索")).to_be_focused()
    link = results(page).first.get_by_role("link")
    for _ in range(200):
        page.keyboard.press("Tab")
        if link.evaluate("element => element === document.activeElement"):
            break
    expect(link).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(base_url + "zwgk/xzf/wj/2026/00045/")


def test_search_makes_no_request_outside_the_site(page, base_url):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base_url + "search/?q=政务公开")
    expect(results(page).first).to_be_visible()
    foreign = [url for url in requests if not url.startswith((base_url, "data:", "blob:"))]
    assert foreign == []
    assert any("/pagefind/" in url for url in requests)


def test_the_browser_cuts_text_exactly_as_the_index_does(page, base_url):
    samples = [
        "國務院關於發佈《中華人民共和國行政許可法》的決定",
        "国发〔2016〕12号 国发[2016]12号 国发【2016】12号",
        "增长（%）地区；ＧＢ／Ｔ　３７６６８－２０１９ 第1条",
        "乾隆 以後 “同意” 法",
        "国务院令第3号（2016年度）A级景区 第3号 号",
    ]
    assert each_in_browser(page, base_url, "tokens", samples) == [tokens(s) for s in samples]


def test_the_browser_turns_the_indexed_words_back_into_the_text(page, base_url):
    samples = ["国务院令第3号", "国发〔2016〕12号", "2016年度报告", "第3号 号", "为了提高质量，保护权益。", "A级景区"]
    assert each_in_browser(page, base_url, "decode", [token_stream(s) for s in samples]) == samples


def each_in_browser(page, base_url, function, values):
    """A function of search.js applied in the browser to each of `values`, with the word list read."""
    page.goto(base_url + "search/")
    return page.evaluate(
        """async ([name, values]) => {
            const m = await import("./../assets/gongkai/search.js");
            await m.ready();
            return values.map((value) => m[name](value));
        }""",
        [function, values],
    )


def test_a_query_in_simplified_characters_does_not_read_the_folding_table(page, base_url):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base_url + "search/?q=供水用水")  # no title among the results has a character to fold either
    expect(results(page).first).to_be_visible()
    assert not any(url.endswith("/gongkai-fold.json") for url in requests)
    page.goto(base_url + "search/?q=供水用水 辦法")
    expect(results(page).first).to_be_visible()
    assert any(url.endswith("/gongkai-fold.json") for url in requests)


def test_a_page_opened_from_disk_explains_how_to_search(page, sample_site):
    page.goto((sample_site / "search/index.html").as_uri())
    message = page.get_by_role("alert")
    expect(message).to_be_visible()
    assert "python3 -m http.server" in message.inner_text()
