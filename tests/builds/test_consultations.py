"""重大决策预公开: consultations with their computed state, the column that lists the open ones first, the
links between a consultation, its 采纳情况 and its decision, the 征集状态 facet, and the rules (GK701-GK703)."""

from __future__ import annotations

import pytest

from gongkai.cli import main
from helpers import ORGAN_CODE, add_top_column, check_findings, document, search_records, texts

CONSULTATION_COLUMN = """\
    - 代码: zdjcygk
      名称: 重大决策预公开
      依据: 重大行政决策程序暂行条例
      说明: 重大行政决策草案公开征求意见及意见采纳情况。
      更新频率: 按需
      责任单位: 办公室
      类型: 意见征集
"""
EMAIL = "zq@example.gov.cn"


@pytest.fixture(autouse=True)
def _as_of(monkeypatch):
    monkeypatch.setenv("GONGKAI_AS_OF", "2026-11-23")


def with_consultation_column(project, settings: str = "") -> None:
    add_top_column(project, CONSULTATION_COLUMN + settings)


def block(start: str, end: str, *lines: str) -> str:
    """An 意见征集 block written as a front matter value: its period, an e-mail address, then `lines`."""
    rows = [f"开始日期: {start}", f"截止日期: {end}", "反馈方式:", f"  电子邮箱: {EMAIL}", *lines]
    return "".join(f"\n  {row}" for row in rows)


def consultation(seq: int, start: str, end: str, *lines: str, **overrides: object) -> str:
    """A consultation published on its first day, with no 发文字号: 意见征集 is line 12 of its file, 开始日期 line 13."""
    fields: dict[str, object] = {
        "标题": f"关于公开征求第{seq}号办法（征求意见稿）意见的公告",
        "发文字号": None,
        "成文日期": start,
        "发布日期": start,
        "文种": "公告",
        "栏目": ["zdjcygk"],
        "意见征集": block(start, end, *lines),
    }
    return document(seq, int(start[:4]), **{**fields, **overrides})


def findings(project, capsys) -> tuple[int, list[str]]:
    return check_findings(project, capsys)


ANSWERED = (
    "采纳情况:",
    "  发布日期: 2026-03-20",
    "  收到意见: 26",
    "  采纳: 17",
    "  部分采纳: 4",
    "  未采纳: 5",
    "  说明: 未采纳的意见超出县级财政承受能力。",
)


def test_a_consultation_shows_its_state_dates_and_channels_and_what_became_of_it(project, capsys):
    with_consultation_column(project)
    project.add_document("2026/00001.md", consultation(1, "2026-11-16", "2026-12-15"))  # open: 22 days left
    project.add_document("2026/00002.md", consultation(2, "2026-12-01", "2026-12-31"))  # not yet open
    project.add_document("2026/00003.md", consultation(3, "2026-10-14", "2026-11-13"))  # ended, awaiting
    project.add_document("2026/00004.md", consultation(4, "2026-02-02", "2026-03-03", *ANSWERED))
    project.add_document("2026/00005.md", consultation(5, "2026-11-01", "2026-11-30"))  # open: ends first
    # A consultation answered by a document of its own, and the decision taken on its draft.
    project.add_document(
        "2025/00001.md", consultation(1, "2025-04-14", "2025-05-14", f"采纳情况: {ORGAN_CODE}/2025-00002")
    )
    project.add_document("2025/00002.md", document(2, 2025, 标题="第1号办法征求意见采纳情况的公告", 发文字号=None,
                                                   栏目=["zdjcygk"], 成文日期="2025-06-10", 发布日期="2025-06-10"))  # fmt: skip
    project.add_document("2025/00003.md", document(3, 2025, 标题="第1号办法", 栏目=["gfxwj"], 成文日期="2025-07-01",
                                                   发布日期="2025-07-09", 征求意见稿=f"{ORGAN_CODE}/2025-00001"))  # fmt: skip
    assert findings(project, capsys) == (0, [])
    project.build()

    column = project.html("zwgk/zdjcygk/")
    assert texts(column, "table.gk-list caption") == [
        "共 7 条，正在征求意见的排在前面（先截止的在上），其余按发布日期从新到旧排列"
    ]
    pages = [column, project.html("zwgk/zdjcygk/2/"), project.html("zwgk/zdjcygk/3/")]  # 3 a page
    rows = [[row.css_first("a").text(strip=True), texts(row, ".gk-state"), texts(row, ".gk-list__period")]
            for page in pages for row in page.css("table.gk-list tbody tr")]  # fmt: skip
    assert rows == [
        [
            "关于公开征求第5号办法（征求意见稿）意见的公告",
            ["征集中"],
            ["征求意见：2026-11-01至2026-11-30，还有 7 天截止"],
        ],
        [
            "关于公开征求第1号办法（征求意见稿）意见的公告",
            ["征集中"],
            ["征求意见：2026-11-16至2026-12-15，还有 22 天截止"],
        ],
        ["关于公开征求第2号办法（征求意见稿）意见的公告", ["未开始"], ["征求意见：2026-12-01至2026-12-31"]],
        ["关于公开征求第3号办法（征求意见稿）意见的公告", ["已截止（待反馈）"], ["征求意见：2026-10-14至2026-11-13"]],
        ["关于公开征求第4号办法（征求意见稿）意见的公告", ["已反馈"], ["征求意见：2026-02-02至2026-03-03"]],
        ["第1号办法征求意见采纳情况的公告", [], []],
        ["关于公开征求第1号办法（征求意见稿）意见的公告", ["已反馈"], ["征求意见：2025-04-14至2025-05-14"]],
    ]

    open_now = project.html("wj/2026/00001/").css_first("section.gk-consultation")
    assert "gk-consultation--open" in open_now.attributes["class"]
    assert open_now.css_first("h2").text(strip=True) == "意见征集征集中"
    assert texts(open_now, "dt") == ["征求意见时间", "意见反馈方式"]
    assert texts(open_now, "dd")[0] == "2026-11-16至2026-12-15（共 30 日），还有 22 天截止"
    assert open_now.css_first("li a").attributes["href"] == f"mailto:{EMAIL}"

    awaiting = project.html("wj/2026/00003/").css_first("section.gk-consultation")
    assert texts(awaiting, "p") == ["征求意见已截止，意见采纳情况将在整理后公布。"]

    answered = project.html("wj/2026/00004/").css_first("section.gk-consultation")
    assert texts(answered, "h3") == ["意见采纳情况"]
    assert texts(answered, "p") == [
        "征求意见期间共收到意见 26 条，采纳 17 条，部分采纳 4 条，未采纳 5 条。（2026-03-20公布）",
        "未采纳的意见超出县级财政承受能力。",
    ]

    by_document = project.html("wj/2025/00001/").css_first("section.gk-consultation")
    assert texts(by_document, "p") == [
        "意见采纳情况：第1号办法征求意见采纳情况的公告",
        "决策文件：第1号办法（测政发〔2025〕3号）",
    ]
    assert [a.attributes["href"] for a in by_document.css("p a")] == ["../00002/", "../00003/"]
    assert texts(project.html("wj/2025/00002/"), "nav.gk-interpretation p") == [
        "意见采纳情况所涉征求意见：关于公开征求第1号办法（征求意见稿）意见的公告"
    ]
    assert texts(project.html("wj/2025/00003/"), "nav.gk-interpretation p") == [
        "征求意见稿：关于公开征求第1号办法（征求意见稿）意见的公告"
    ]

    states = {r["url"].split("/wj/")[1]: r["filters"].get("征集状态") for r in search_records(project.site)}
    assert states == {
        "2026/00001/": ["征集中"], "2026/00002/": ["未开始"], "2026/00003/": ["已截止（待反馈）"],
        "2026/00004/": ["已反馈"], "2026/00005/": ["征集中"], "2025/00001/": ["已反馈"], "2025/00002/": None,
        "2025/00003/": None,
    }  # fmt: skip


def test_the_last_day_of_a_period_says_so(project):
    with_consultation_column(project)
    project.add_document("2026/00001.md", consultation(1, "2026-10-25", "2026-11-23"))
    project.build()
    assert texts(project.html("zwgk/zdjcygk/"), ".gk-list__period") == ["征求意见：2026-10-25至2026-11-23，今天截止"]
    section = project.html("wj/2026/00001/").css_first("section.gk-consultation")
    assert texts(section, "dd")[0] == "2026-10-25至2026-11-23（共 30 日），今天截止"


def test_a_short_period_needs_a_reason_and_feedback_is_due_after_the_columns_deadline(project, capsys):
    with_consultation_column(project, "      最短征集天数: 20\n      反馈期限天数: 15\n")
    project.add_document("2026/00001.md", consultation(1, "2026-11-01", "2026-11-19"))  # 19 days, no reason
    project.add_document(
        "2026/00002.md", consultation(2, "2026-11-10", "2026-11-20", "缩短理由: 应对突发事件，需尽快出台。")
    )
    project.add_document("2026/00003.md", consultation(3, "2026-10-01", "2026-11-07"))  # ended 16 days ago
    project.add_document("2026/00004.md", consultation(4, "2026-10-01", "2026-11-08"))  # 15 days: still due
    code, lines = findings(project, capsys)
    assert code == 0
    assert lines == [
        "警告  content/wj/2026/00001.md:12: 意见征集.截止日期: 征求意见期 2026-11-01 至 2026-11-19，共 19 日，未说明理由；"
        "应为：不少于 20 日；确需缩短的，在「意见征集.缩短理由」中说明理由  [GK701 征求意见期过短]",
        "警告  content/wj/2026/00003.md:12: 意见征集.采纳情况: 征求意见已于 2026-11-07 截止，至 2026-11-23 仍未公布意见采纳情况；"
        "应为：2026-11-22 前公布：在「意见征集.采纳情况」中写明采纳情况，或写公布它的文件的索引号  [GK702 未公布采纳情况]",
    ]


def test_links_from_and_to_a_consultation_must_hold(project, capsys):
    with_consultation_column(project)
    project.add_document(
        "2026/00001.md", consultation(1, "2026-10-22", "2026-11-20", f"采纳情况: {ORGAN_CODE}/2026-00009")
    )
    project.add_document("2026/00002.md", consultation(2, "2026-10-22", "2026-11-20", "采纳情况: 测政发〔2026〕3号"))
    project.add_document("2026/00003.md", document(3, 2026, 公开属性="依申请公开"))
    project.add_document("2026/00004.md", consultation(4, "2026-11-02", "2026-12-01", "采纳情况: 测政发〔2026〕5号"))
    project.add_document("2026/00005.md", document(5, 2026, 成文日期="2026-11-20", 发布日期="2026-11-20",
                                                   征求意见稿=["测政发〔2026〕3号", f"{ORGAN_CODE}/2026-00004"]))  # fmt: skip
    project.add_document("2026/00006.md", document(6, 2026, 征求意见稿=f"{ORGAN_CODE}/2026-00005"))
    code, lines = findings(project, capsys)
    assert code == 1
    assert lines == [
        f"错误  content/wj/2026/00001.md:17: 意见征集.采纳情况: '{ORGAN_CODE}/2026-00009' 没有对应的文件；"
        "应为：已有文件的索引号或发文字号  [GK703 征求意见关联无效]",
        "错误  content/wj/2026/00002.md:17: 意见征集.采纳情况: '测政发〔2026〕3号' 不是主动公开的文件，不会发布，"
        "征求意见页面无法链接到它；应为：主动公开文件的索引号或发文字号  [GK703 征求意见关联无效]",
        "错误  content/wj/2026/00004.md:17: 意见征集.采纳情况: '测政发〔2026〕5号' 发布于 2026-11-20，"
        "不晚于征集截止日期 2026-12-01；应为：征集截止之后发布的意见采纳情况  [GK703 征求意见关联无效]",
        "错误  content/wj/2026/00005.md:13: 征求意见稿: '测政发〔2026〕3号' 不是主动公开的文件，不会发布，"
        "决策文件无法链接到它；应为：主动公开的征求意见文件的索引号或发文字号  [GK703 征求意见关联无效]",
        "错误  content/wj/2026/00005.md:13: 征求意见稿: 决策文件发布于 2026-11-20，征求意见 2026-12-01 才截止；"
        "应为：征求意见截止之后发布的决策文件  [GK703 征求意见关联无效]",
        f"错误  content/wj/2026/00006.md:13: 征求意见稿: '{ORGAN_CODE}/2026-00005'（测试县人民政府关于第5号事项的通知）"
        "没有「意见征集」，不是征求意见文件；应为：有「意见征集」的征求意见文件的索引号或发文字号  [GK703 征求意见关联无效]",
    ]


@pytest.mark.parametrize(
    ("lines", "overrides", "expected"),
    [
        pytest.param(
            (),
            {"意见征集": block("2026-11-02", "2026-10-30")},
            "content/wj/2026/00001.md:14: 意见征集.截止日期: '2026-10-30' 早于开始日期 '2026-11-02'；应为：不早于开始日期的日期",
            id="end-before-start",
        ),
        pytest.param(
            (),
            {"发布日期": "2026-11-05"},
            "content/wj/2026/00001.md:13: 意见征集.开始日期: '2026-11-02' 早于文件的发布日期 '2026-11-05'；"
            "应为：不早于发布日期的日期（先公布，后征集）",
            id="open-before-published",
        ),
        pytest.param(
            ("采纳情况:", "  发布日期: 2026-12-20", "  收到意见: 10", "  采纳: 6", "  未采纳: 3", "  说明: 理由。"),
            {},
            "content/wj/2026/00001.md:19: 意见征集.采纳情况.收到意见: 收到意见 10 条，采纳 6、部分采纳 0、未采纳 3 条，合计不符；"
            "应为：收到意见 = 采纳 + 部分采纳 + 未采纳",
            id="counts-do-not-add-up",
        ),
        pytest.param(
            ("采纳情况:", "  发布日期: 2026-12-20", "  收到意见: 9", "  采纳: 6", "  未采纳: 3"),
            {},
            "content/wj/2026/00001.md:18: 意见征集.采纳情况.说明: 有未采纳或部分采纳的意见，没有说明理由；"
            "应为：在「说明」中写明未采纳（部分采纳）的理由",
            id="rejections-without-reasons",
        ),
        pytest.param(
            ("采纳情况:", "  发布日期: 2026-12-01", "  收到意见: 0", "  采纳: 0", "  未采纳: 0"),
            {},
            "content/wj/2026/00001.md:18: 意见征集.采纳情况.发布日期: '2026-12-01' 不晚于征集截止日期 '2026-12-01'；"
            "应为：征集截止之后的日期",
            id="feedback-before-the-end",
        ),
        pytest.param(
            ("  微信: 示例县发布",),
            {},
            "content/wj/2026/00001.md:17: 意见征集.反馈方式.微信: 未知字段「微信」；应为：以下字段之一：网上、电子邮箱、信函、传真、电话、现场",
            id="unknown-channel",
        ),
        pytest.param(
            (),
            {"意见征集": block("2026-11-02", "2026-12-01").replace(EMAIL, "zq at example.gov.cn")},
            "content/wj/2026/00001.md:16: 意见征集.反馈方式.电子邮箱: 'zq at example.gov.cn'；应为：电子邮箱地址，如 zhengqiu@example.gov.cn",
            id="not-an-address",
        ),
        pytest.param(
            (),
            {"意见征集": "\n  开始日期: 2026-11-02\n  截止日期: 2026-12-01"},
            "content/wj/2026/00001.md:13: 意见征集.反馈方式: 缺少必填字段；应为：填写「反馈方式」",
            id="no-channel",
        ),
        pytest.param(
            (),
            {"栏目": ["gfxwj"]},
            "content/wj/2026/00001.md:10: 栏目: 有「意见征集」，但不在任何意见征集栏目中；应为：以下栏目代码之一：zdjcygk（重大决策预公开）",
            id="not-in-a-consultation-column",
        ),
    ],
)
def test_a_consultation_written_wrong_is_an_error_naming_its_line_and_field(
    project, capsys, lines, overrides, expected
):
    with_consultation_column(project)
    project.add_document("2026/00001.md", consultation(1, "2026-11-02", "2026-12-01", *lines, **overrides))
    code, found = findings(project, capsys)
    assert code == 1
    assert found == [f"错误  {expected}  [GK100 内容格式]"]


def test_consultation_settings_belong_to_a_consultation_column(project, capsys):
    catalog = project.root / "catalog.yaml"
    text = catalog.read_text("utf-8")
    catalog.write_text(
        text.replace("          类型: 文件列表\n", "          类型: 文件列表\n          最短征集天数: 20\n", 1)
    )
    line = text.splitlines().index("          类型: 文件列表") + 2
    code, found = findings(project, capsys)
    assert code == 1
    assert found == [
        f"错误  catalog.yaml:{line}: 专栏.栏目[2].子栏目[2].最短征集天数: 类型为文件列表的栏目不使用「最短征集天数」；"
        "应为：仅意见征集栏目填写  [GK100 内容格式]"
    ]


def test_new_in_a_consultation_column_writes_the_shortest_period_and_a_channel_to_fill_in(project, capsys):
    with_consultation_column(project, "      最短征集天数: 20\n")
    assert main(["-f", str(project.root / "mkdocs.yml"), "new", "zdjcygk", "--date", "2026-11-23"]) == 0
    path = project.content / "wj/2026/00001.md"
    text = path.read_text("utf-8")
    assert "意见征集:\n  开始日期: 2026-11-23\n  截止日期: 2026-12-12\n  反馈方式:\n    电子邮箱: 【请填写】" in text
    capsys.readouterr()
    code, found = findings(project, capsys)
    assert code == 1
    assert (
        "错误  content/wj/2026/00001.md:18: 意见征集.反馈方式.电子邮箱: 还是模板的待填写内容：【请填写】接收意见的电子邮箱；"
        "还可写 网上、信函、传真、电话、现场；应为：实际内容（删去「【请填写】」和提示）  [GK100 内容格式]"
    ) in found
