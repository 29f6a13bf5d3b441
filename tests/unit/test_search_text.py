"""一网通查: how text is folded and cut into the words Pagefind indexes (gongkai.search.text)."""

import pytest

from gongkai.search.records import NUMBER_SLOTS, PAD, TITLE_SLOTS, SearchRecord, record_page, text_of_html
from gongkai.search.text import fold, fold_table, indexed_word, tokens
from gongkai.search.vocabulary import WordCounts, fold_json, words_json


def test_chinese_is_cut_into_overlapping_bigrams_and_other_words_stay_whole():
    assert tokens("行政许可法") == ["行政", "政许", "许可", "可法"]
    assert tokens("法") == ["法"]
    assert tokens("国务院令第111号") == ["国务", "务院", "院令", "令第", "111号", "号"]
    assert tokens("2016年度") == ["2016年", "年度"]  # digits take the ideograph after them along
    assert tokens("第3号 号") == ["第", "3号", "号", "号"]
    assert tokens("GB/T 37668-2019") == ["GB/", "T", "37668-", "2019"]


def test_punctuation_is_glued_to_a_word_so_excerpts_keep_it():
    assert tokens("为了提高质量，保护权益。") == ["为了", "了提", "提高", "高质", "质量，", "保护", "护权", "权益。"]
    # Opening brackets and quotes go with the word after them, in order.
    assert tokens("《关于》“同意”") == ["《关于》", "“同意”"]
    assert tokens("增长（%）地区") == ["增长", "（%）地区"]


@pytest.mark.parametrize(
    "variant", ["国发〔2016〕12号", "国发[2016]12号", "国发(2016)12号", "国发（2016）12号", "国发【2016】12号"]
)
def test_bracket_variants_of_a_document_number_give_the_same_words(variant):
    cores = ["".join(c for c in word if c.isalnum()) for word in tokens(variant)]
    assert cores == ["国发", "2016", "12号", "号"]


def test_traditional_and_full_width_fold_to_simplified_and_ascii():
    assert (
        fold("國務院關於發佈《中華人民共和國行政許可法》的決定") == "国务院关于发布《中华人民共和国行政许可法》的决定"
    )
    assert fold("ＧＢ１２３") == "GB123"
    assert fold("，（）") == "，（）"  # punctuation is kept as written
    assert len(fold_table()) > 4000


def test_standard_simplified_characters_are_never_folded():
    # 乾 folds to 干 in OpenCC's character table, but 乾坤 and 乾隆 are written so in simplified text too.
    assert fold("乾隆 哪吒 蒜薹") == "乾隆 哪吒 蒜薹"
    assert fold("以後 關於") == "以后 关于"


def test_the_text_of_a_body_keeps_block_boundaries_and_drops_scripts():
    html = "<p>第一条 为了</p><table><tr><td>指标</td><td>单位</td></tr></table><script>var x='秘密';</script>"
    assert text_of_html(html) == "第一条 为了\n指标\n单位"


def test_a_record_page_is_pre_cut_and_carries_filters_and_display_metadata():
    import datetime as dt

    record = SearchRecord(
        url="/wj/2024/00001/", title="關於試點的通知", doc_number="示政发〔2024〕1号",
        published=dt.date(2024, 1, 2), state="有效", filters={"文种": ["通知"]}, text="正文。",
    )  # fmt: skip
    page = record_page(record)
    assert '<html lang="zxx">' in page  # Pagefind must not segment the streams again
    assert '<h1 data-pagefind-weight="10">关于 于试 试点 点的 的通 通知</h1>' in page
    assert '<span data-pagefind-meta="标题">關於試點的通知</span>' in page  # shown as written
    assert '<span data-pagefind-filter="文种">通知</span>' in page
    assert '<span data-pagefind-sort="发布日期">2024-01-02</span>' in page


def test_title_and_number_take_fixed_positions_so_a_match_position_tells_the_field():
    import datetime as dt
    from html.parser import HTMLParser

    record = SearchRecord(
        url="/wj/1/", title="关于试点的通知", doc_number="示政发〔2024〕1号",
        published=dt.date(2024, 1, 2), state=None, text="第一条 正文。",
    )  # fmt: skip

    class Words(HTMLParser):  # the words of the indexed body, in order, as Pagefind counts positions
        def __init__(self) -> None:
            super().__init__()
            self.words: list[str] = []
            self.ignored = 0

        def handle_starttag(self, tag, attrs):
            self.ignored += any(name == "data-pagefind-ignore" for name, _ in attrs)

        def handle_data(self, data):
            if not self.ignored:
                self.words.extend(data.split())

    parser = Words()
    parser.feed(record_page(record).split("<main data-pagefind-body>")[1].split("<div data-pagefind-ignore>")[0])
    words = parser.words
    assert words[0] == "关于" and words[TITLE_SLOTS] == "示政"
    assert words[TITLE_SLOTS + NUMBER_SLOTS] == "第一"  # the body always starts here
    assert set(words[6:TITLE_SLOTS]) == {PAD} and indexed_word(PAD) == ""  # padding is not a word


def test_the_word_list_names_heavy_words_by_powers_of_two():
    import datetime as dt
    import json

    counts = WordCounts()
    body = "应当" * 4100 + " 机关" * 2100 + " 罕见"  # 4100 应当 and 4099 当应, 2100 机关, 1 罕见
    counts.add(
        SearchRecord(url="/a/", title="通知", doc_number=None, published=dt.date(2024, 1, 1), state=None, text=body)
    )
    heavy = counts.heavy()
    assert heavy == {11: ["机关"], 12: ["应当", "当应"]}  # 2048 ≤ 2100 < 4096 ≤ 4099, 4100
    words = json.loads(words_json(heavy))
    assert words["heavy"] == {"11": "机关", "12": "应当 当应"}
    assert words["slots"] == {"title": TITLE_SLOTS, "number": NUMBER_SLOTS}


def test_the_bitmap_of_foldable_characters_and_the_folding_table_give_back_the_table():
    import base64
    import json

    words = json.loads(words_json({}))
    first, bits = words["foldable"]["first"], base64.b64decode(words["foldable"]["bits"])
    foldable = [chr(first + i) for i in range(len(bits) * 8) if bits[i // 8] >> (i % 8) & 1]
    targets = json.loads(fold_json())["to"]
    assert dict(zip(foldable, targets, strict=True)) == fold_table()
    assert "國" in foldable and "国" not in foldable and "乾" not in foldable
