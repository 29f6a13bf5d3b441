"""政府信息公开工作年度报告: the data file, its checks with their exact messages, the tables cell by cell."""

from __future__ import annotations

import json

import pytest

from gongkai.cli import main
from gongkai.model.report_format import FORMAT_2019, FORMAT_2021, ReportFormat
from helpers import REPO, SAMPLE_AS_OF, document

ZERO = [0, 0, 0, 0, 0, 0]
BODY = "\n".join(
    f"## {title}\n\n{text}\n"
    for title, text in (
        ("一、总体情况", "全年主动公开政府信息。"),
        ("二、主动公开政府信息情况", ""),
        ("三、收到和处理政府信息公开申请情况", "全年收到申请。"),
        ("四、政府信息公开行政复议、行政诉讼情况", ""),
        ("五、存在的主要问题及改进情况", "栏目更新不够及时。"),
        ("六、其他需要报告的事项", "本年度未收取信息处理费。"),
    )
)


def data_file(year: int, new=(4, 1, 0, 0, 0, 0), carried=ZERO, disclosed=(3, 1, 0, 0, 0, 0), onward=(1, 0, 0, 0, 0, 0),
              extra: str = "", items: str | None = None, reviews: str | None = None) -> str:  # fmt: skip
    """A consistent data file in the year's format: one row per line, so that tests know the lines."""
    fmt: ReportFormat = FORMAT_2021 if year >= 2021 else FORMAT_2019
    lines = [f"年度: {year}", "主动公开:"]
    if items is not None:
        lines.append(items)
    elif fmt is FORMAT_2021:
        lines += ["  行政许可: 120", "  行政处罚: 30", "  行政强制: 2", "  行政事业性收费: 12.5"]
    else:
        lines += ["  行政许可: [10, -1, 120]", "  其他对外管理服务事项: [3, 0, 40]", "  行政处罚: [5, 1, 30]",
                  "  行政强制: [1, 0, 2]", "  行政事业性收费: [4, 0]", "  政府集中采购: [6, 320.5]"]  # fmt: skip
    lines += [
        "依申请公开:",
        f"  本年新收: {list(new)}",
        f"  上年结转: {list(carried)}",
        f"  予以公开: {list(disclosed)}",
    ]
    for group in fmt.results[1:-1]:
        if group.items:
            lines.append(f"  {group.key}:")
            lines += [f"    {item}: {ZERO}" for item in group.items]
        else:
            lines.append(f"  {group.key}: {ZERO}")
    lines += [f"  结转下年度继续办理: {list(onward)}"]
    if extra:
        lines.append(extra)
    lines += ["行政复议和行政诉讼:"]
    lines += (
        [reviews]
        if reviews is not None
        else [f"  {row}: [0, 0, 0, 0]" for row in ("行政复议", "未经复议直接起诉", "复议后起诉")]
    )
    return "\n".join(lines) + "\n"


def add_report(project, year: int, seq: int = 1, body: str = BODY, data: str | None = None) -> None:
    published = f"{year + 1}-03-20"
    text = document(
        seq, year + 1, body=body, 标题=f"测试县人民政府{year}年政府信息公开工作年度报告", 文种="报告", 发文字号=None,
        成文日期=f"{year + 1}-03-18", 发布日期=published, 栏目=["czxx"], 年报数据=f"{seq:05d}-nb.yaml",
    )  # fmt: skip
    project.add_document(f"{year + 1}/{seq:05d}.md", text)
    project.write(f"content/wj/{year + 1}/{seq:05d}-nb.yaml", data if data is not None else data_file(year))


def check_lines(project, capsys) -> tuple[int, list[str]]:
    code = main(["-f", str(project.root / "mkdocs.yml"), "check", "--as-of", "2026-11-23"])
    return code, capsys.readouterr().out.splitlines()[:-1]


@pytest.fixture(autouse=True)
def _as_of(monkeypatch):
    monkeypatch.setenv("GONGKAI_AS_OF", "2026-11-23")


def table_cells(table) -> list[list[tuple[str, str, int, int]]]:
    """Each row of a parsed table as (tag, text, colspan, rowspan) per cell."""
    return [
        [(c.tag, c.text(strip=True), int(c.attributes.get("colspan") or 1), int(c.attributes.get("rowspan") or 1))
         for c in row.css("th, td")]
        for row in table.css("tr")
    ]  # fmt: skip


# -- the checks ------------------------------------------------------------------------------------


def test_a_consistent_report_passes(project, capsys):
    add_report(project, 2025)
    assert check_lines(project, capsys) == (0, [])


def test_the_corner_relation_is_checked_per_column(project, capsys):
    add_report(project, 2025, data=data_file(2025, new=(4, 2, 0, 0, 0, 0)))
    code, lines = check_lines(project, capsys)
    assert code == 1
    assert lines == [
        "错误  content/wj/2026/00001-nb.yaml:8: 依申请公开.本年新收: 「商业企业」列：一（2）+ 二（0）= 2，三（七）（1）+ 四（0）= 1；"
        "应为：第一项加第二项之和等于第三项加第四项之和（表格角注的勾稽关系）  [GK601 年报数字不符]",
        "错误  content/wj/2026/00001-nb.yaml:8: 依申请公开.本年新收: 「总计」列：一（6）+ 二（0）= 6，三（七）（4）+ 四（1）= 5；"
        "应为：第一项加第二项之和等于第三项加第四项之和（表格角注的勾稽关系）  [GK601 年报数字不符]",
    ]


def test_written_totals_must_be_the_sums(project, capsys):
    data = data_file(2025, new=(4, 1, 0, 0, 0, 0, 6), extra="  总计: [3, 1, 0, 0, 0, 0, 4]",
                     reviews="  行政复议: [1, 1, 0, 0, 3]\n  未经复议直接起诉: [0, 0, 0, 0]\n  复议后起诉: [0, 0, 0, 0]")  # fmt: skip
    add_report(project, 2025, data=data)
    code, lines = check_lines(project, capsys)
    assert code == 1
    assert lines == [
        # The wrong 总计 breaks the corner relation of its column too: both are said.
        "错误  content/wj/2026/00001-nb.yaml:8: 依申请公开.本年新收: 「总计」列：一（6）+ 二（0）= 6，三（七）（4）+ 四（1）= 5；"
        "应为：第一项加第二项之和等于第三项加第四项之和（表格角注的勾稽关系）  [GK601 年报数字不符]",
        "错误  content/wj/2026/00001-nb.yaml:8: 依申请公开.本年新收: 总计 6 不等于各类申请人之和 5；应为：总计等于自然人和各类法人或其他组织之和  [GK601 年报数字不符]",
        "错误  content/wj/2026/00001-nb.yaml:38: 行政复议和行政诉讼.行政复议: 总计 3 不等于结果维持、结果纠正、其他结果、尚未审结之和 2；应为：总计等于前四项之和  [GK601 年报数字不符]",
    ]


def test_the_results_total_must_be_the_sum_of_the_results(project, capsys):
    add_report(project, 2025, data=data_file(2025, extra="  总计: [3, 2, 0, 0, 0, 0]"))
    code, lines = check_lines(project, capsys)
    assert (
        "错误  content/wj/2026/00001-nb.yaml:36: 依申请公开.总计: 「商业企业」列：（七）总计 2 不等于（一）至（六）之和 1；应为：（七）总计等于本年度办理结果各项之和  [GK601 年报数字不符]"
        in lines
    )


def test_this_years_carried_over_must_be_last_years_onward(project, capsys):
    add_report(project, 2024, seq=1, data=data_file(2024, onward=(1, 0, 0, 0, 0, 0)))
    add_report(project, 2025, seq=2, data=data_file(2025, carried=(2, 0, 0, 0, 0, 0), new=(2, 1, 0, 0, 0, 0)))
    code, lines = check_lines(project, capsys)
    assert code == 1
    carried = "错误  content/wj/2026/00002-nb.yaml:9: 依申请公开.上年结转: 「{}」列 2，2024 年度报告结转下年度继续办理为 1（content/wj/2025/00001-nb.yaml）；应为：与上年报告的结转下年度继续办理相同  [GK601 年报数字不符]"
    assert lines == [carried.format("总计"), carried.format("自然人")]


def test_numbers_must_be_non_negative_whole_numbers(project, capsys):
    add_report(project, 2025, data=data_file(2025, new=(4, -1, 0, 0, 0, 0)))
    code, lines = check_lines(project, capsys)
    assert lines == [
        "错误  content/wj/2026/00001-nb.yaml:8: 依申请公开.本年新收: '-1' 不是非负整数；应为：非负整数（没有的填 0）  [GK100 内容格式]"
    ]


def test_a_missing_or_empty_section_is_an_error(project, capsys):
    add_report(project, 2025, body=BODY.replace("## 五、存在的主要问题及改进情况\n\n栏目更新不够及时。\n", ""))
    code, lines = check_lines(project, capsys)
    assert lines == [
        "错误  content/wj/2026/00001.md:14: 正文: 缺少「五、存在的主要问题及改进情况」；"
        "应为：依次以二级标题（## ）写出六个部分：一、总体情况、二、主动公开政府信息情况、三、收到和处理政府信息公开申请情况、"
        "四、政府信息公开行政复议、行政诉讼情况、五、存在的主要问题及改进情况、六、其他需要报告的事项  [GK602 年报缺少部分]"
    ]
    add_report(project, 2025, body=BODY.replace("本年度未收取信息处理费。", ""))
    code, lines = check_lines(project, capsys)
    assert lines == [
        "错误  content/wj/2026/00001.md:35: 正文: 「六、其他需要报告的事项」没有内容；"
        "应为：按第五十条写明这一部分；没有需要报告的事项，写明“无”  [GK602 年报缺少部分]"
    ]


def test_last_years_report_missing_after_its_deadline_is_a_warning(project, capsys):
    add_report(project, 2024)
    code, lines = check_lines(project, capsys)
    assert (code, lines) == (0, [
        "警告  catalog.yaml: 机关: 2025 年度报告应于 2026-03-31 前发布（第四十九条），到 2026-11-23 还没有；"
        "应为：发布 2025 年度报告（在文件中写明 年报数据）  [GK603 年报未按时发布]"
    ])  # fmt: skip


# -- the format of the year ---------------------------------------------------------------------------


def test_a_trial_format_row_in_a_2021_format_report_is_named(project, capsys):
    items = "  行政许可: 120\n  行政处罚: 30\n  行政强制: 2\n  行政事业性收费: 12.5\n  政府集中采购: [6, 320.5]"
    add_report(project, 2025, data=data_file(2025, items=items))
    code, lines = check_lines(project, capsys)
    assert lines == [
        "错误  content/wj/2026/00001-nb.yaml:7: 主动公开.政府集中采购: 「政府集中采购」是2019 年试行格式的第二十条第（九）项，这一格式没有；"
        "应为：2025 年度报告用2021 年格式（国办公开办函〔2021〕30号），2021 年及以后的报告按这一格式填写  [GK100 内容格式]"
    ]


def test_a_2020_report_filled_in_the_2021_format_is_named(project, capsys):
    items = ("  行政许可: 120\n  其他对外管理服务事项: [3, 0, 40]\n  行政处罚: [5, 1, 30]\n  行政强制: [1, 0, 2]\n"
             "  行政事业性收费: [4, 0]\n  政府集中采购: [6, 320.5]")  # fmt: skip
    data = data_file(2020, items=items).replace(f"  其他处理: {ZERO}", "  其他处理:\n    其他: [0, 0, 0, 0, 0, 0]")
    add_report(project, 2020, data=data)
    code, lines = check_lines(project, capsys)
    assert lines == [
        "错误  content/wj/2021/00001-nb.yaml:3: 主动公开.行政许可: 「行政许可」按2021 年格式填了 1 个数（本年处理决定数量）；"
        "应为：2020 年度报告用2019 年试行格式（国办公开办函〔2019〕60号），2019、2020 年的报告按这一格式填写  [GK100 内容格式]",
        "错误  content/wj/2021/00001-nb.yaml:33: 依申请公开.其他处理: 「其他处理」在2021 年格式中分 3 项，这一格式只有一行；"
        "应为：2020 年度报告用2019 年试行格式（国办公开办函〔2019〕60号），2019、2020 年的报告按这一格式填写  [GK100 内容格式]",
    ]


def test_an_override_of_a_library_count_needs_a_reason_and_the_build_prints_it(project, capsys, caplog):
    items = ("  第二十条第（一）项:\n    行政规范性文件: {现行有效件数: 7}\n"
             "  行政许可: 120\n  行政处罚: 30\n  行政强制: 2\n  行政事业性收费: 12.5")  # fmt: skip
    add_report(project, 2025, data=data_file(2025, items=items))
    code, lines = check_lines(project, capsys)
    assert lines == [
        "错误  content/wj/2026/00001-nb.yaml:4: 主动公开.第二十条第（一）项.行政规范性文件.理由: 缺少必填字段；应为：填写「理由」  [GK100 内容格式]"
    ]
    add_report(
        project,
        2025,
        data=data_file(2025, items=items.replace("{现行有效件数: 7}", "{现行有效件数: 7, 理由: 含代拟文件}")),
    )
    caplog.set_level("INFO", logger="mkdocs")
    project.build()
    assert (
        "content/wj/2026/00001-nb.yaml:4: 2025 年度报告 第二十条第（一）项「行政规范性文件」现行有效件数 填写为 7"
        "（按文件库计算为 0）；理由：含代拟文件"
    ) in [r.getMessage().removeprefix("gongkai: ") for r in caplog.records]
    cells = table_cells(project.html("wj/2026/00001/").css("table.gk-report-table")[0])
    assert cells[3] == [("th", "行政规范性文件", 1, 1), ("td", "0", 1, 1), ("td", "0", 1, 1), ("td", "7", 1, 1)]


# -- the tables, cell by cell -------------------------------------------------------------------------


def test_the_2021_tables_are_the_official_ones_cell_by_cell(project):
    add_report(project, 2025, data=data_file(2025))
    project.build()
    page = project.html("wj/2026/00001/")
    items, applications, reviews = page.css("table.gk-report-table")
    assert table_cells(items) == [
        [("th", "第二十条第（一）项", 4, 1)],
        [
            ("th", "信息内容", 1, 1),
            ("th", "本年制发件数", 1, 1),
            ("th", "本年废止件数", 1, 1),
            ("th", "现行有效件数", 1, 1),
        ],
        [("th", "规章", 1, 1), ("td", "0", 1, 1), ("td", "0", 1, 1), ("td", "0", 1, 1)],
        [("th", "行政规范性文件", 1, 1), ("td", "0", 1, 1), ("td", "0", 1, 1), ("td", "0", 1, 1)],
        [("th", "第二十条第（五）项", 4, 1)],
        [("th", "信息内容", 1, 1), ("th", "本年处理决定数量", 3, 1)],
        [("th", "行政许可", 1, 1), ("td", "120", 3, 1)],
        [("th", "第二十条第（六）项", 4, 1)],
        [("th", "信息内容", 1, 1), ("th", "本年处理决定数量", 3, 1)],
        [("th", "行政处罚", 1, 1), ("td", "30", 3, 1)],
        [("th", "行政强制", 1, 1), ("td", "2", 3, 1)],
        [("th", "第二十条第（八）项", 4, 1)],
        [("th", "信息内容", 1, 1), ("th", "本年收费金额（单位：万元）", 3, 1)],
        [("th", "行政事业性收费", 1, 1), ("td", "12.5", 3, 1)],
    ]
    rows = table_cells(applications)
    assert rows[:3] == [
        [
            ("th", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3),
            ("th", "申请人情况", 7, 1),
        ],
        [("th", "自然人", 1, 2), ("th", "法人或其他组织", 5, 1), ("th", "总计", 1, 2)],
        [
            ("th", "商业企业", 1, 1),
            ("th", "科研机构", 1, 1),
            ("th", "社会公益组织", 1, 1),
            ("th", "法律服务机构", 1, 1),
            ("th", "其他", 1, 1),
        ],
    ]
    numbers = [("td", str(n), 1, 1) for n in (4, 1, 0, 0, 0, 0, 5)]
    assert rows[3] == [("th", "一、本年新收政府信息公开申请数量", 3, 1), *numbers]
    assert rows[5][:2] == [("th", "三、本年度办理结果", 1, 22), ("th", "（一）予以公开", 2, 1)]
    assert rows[6][0] == ("th", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 2, 1)
    assert rows[7][:2] == [("th", "（三）不予公开", 1, 8), ("th", "1.属于国家秘密", 1, 1)]
    assert [r[0][1] for r in rows[8:15]] == [
        "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息",
        "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
    ]  # fmt: skip
    assert rows[15][:2] == [("th", "（四）无法提供", 1, 3), ("th", "1.本机关不掌握相关政府信息", 1, 1)]
    assert rows[18][:2] == [("th", "（五）不予处理", 1, 5), ("th", "1.信访举报投诉类申请", 1, 1)]
    assert rows[23][:2] == [
        ("th", "（六）其他处理", 1, 3),
        ("th", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 1, 1),
    ]
    assert rows[26] == [("th", "（七）总计", 2, 1), *[("td", str(n), 1, 1) for n in (3, 1, 0, 0, 0, 0, 4)]]
    assert rows[27] == [("th", "四、结转下年度继续办理", 3, 1), *[("td", str(n), 1, 1) for n in (1, 0, 0, 0, 0, 0, 1)]]
    assert len(rows) == 28 and all([c[0] for c in row[-7:]] == ["td"] * 7 for row in rows[3:])
    assert table_cells(reviews) == [
        [("th", "行政复议", 5, 1), ("th", "行政诉讼", 10, 1)],
        [*[("th", name, 1, 2) for name in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")],
         ("th", "未经复议直接起诉", 5, 1), ("th", "复议后起诉", 5, 1)],
        [("th", name, 1, 1) for name in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计") * 2],
        [("td", "0", 1, 1)] * 15,
    ]  # fmt: skip
    # Each table follows its section's text.
    order = [n.tag if n.tag == "table" else n.text(strip=True) for n in page.css(".gk-report h2, .gk-report table")]
    assert order == [
        "一、总体情况", "二、主动公开政府信息情况", "table", "三、收到和处理政府信息公开申请情况", "table",
        "四、政府信息公开行政复议、行政诉讼情况", "table", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
    ]  # fmt: skip


def test_a_2020_report_renders_the_trial_format(project, monkeypatch):
    monkeypatch.setenv("GONGKAI_AS_OF", "2021-06-01")  # the 2020 report is last year's
    add_report(project, 2020)
    project.build()
    items, applications, _ = project.html("wj/2021/00001/").css("table.gk-report-table")
    cells = table_cells(items)
    assert cells[1] == [
        ("th", "信息内容", 1, 1),
        ("th", "本年新制作数量", 1, 1),
        ("th", "本年新公开数量", 1, 1),
        ("th", "对外公开总数量", 1, 1),
    ]
    assert cells[3][0] == ("th", "规范性文件", 1, 1)
    assert cells[5] == [
        ("th", "信息内容", 1, 1),
        ("th", "上一年项目数量", 1, 1),
        ("th", "本年增/减", 1, 1),
        ("th", "处理决定数量", 1, 1),
    ]
    assert cells[6] == [("th", "行政许可", 1, 1), ("td", "10", 1, 1), ("td", "-1", 1, 1), ("td", "120", 1, 1)]
    assert cells[7][0] == ("th", "其他对外管理服务事项", 1, 1)
    assert cells[-3:] == [
        [("th", "第二十条第（九）项", 4, 1)],
        [("th", "信息内容", 1, 1), ("th", "采购项目数量", 1, 1), ("th", "采购总金额", 2, 1)],
        [("th", "政府集中采购", 1, 1), ("td", "6", 1, 1), ("td", "320.5", 2, 1)],
    ]
    rows = table_cells(applications)
    assert rows[5][0] == ("th", "三、本年度办理结果", 1, 20)
    assert rows[23][0] == ("th", "（六）其他处理", 2, 1)  # one row in the trial format


def test_the_numbers_can_be_downloaded(project):
    add_report(project, 2025)
    site = project.build()
    page = project.html("wj/2026/00001/")
    links = {a.text(strip=True): a.attributes["href"] for a in page.css(".gk-report__downloads a")}
    assert links == {"CSV": "nianbao-2025.csv", "JSON": "nianbao-2025.json"}
    data = json.loads((site / "wj/2026/00001/nianbao-2025.json").read_text("utf-8"))
    assert data["年度"] == 2025 and data["格式"] == "2021 年格式"
    assert data["表格"]["主动公开政府信息情况"]["第二十条第（八）项 行政事业性收费"] == {
        "本年收费金额（单位：万元）": 12.5
    }
    assert data["表格"]["收到和处理政府信息公开申请情况"]["一、本年新收政府信息公开申请数量"]["总计"] == 5
    csv = (site / "wj/2026/00001/nianbao-2025.csv").read_text("utf-8-sig").splitlines()
    assert csv[0] == "年度,表格,项目,列,数值"
    assert "2025,政府信息公开行政复议、行政诉讼情况,行政诉讼 复议后起诉,总计,0" in csv


# -- the sample site ----------------------------------------------------------------------------------


def test_the_sample_reports_count_the_sample_library(sample_site):
    """第（一）项 as the sample's library holds it: 行政规范性文件 written in the year, ended in it, in force at its end."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    expected = {2023: ("1", "1", "4"), 2024: ("2", "0", "6"), 2025: ("2", "0", "8")}
    found = {}
    for page in sample_site.glob("zwgk/xzf/wj/*/*/index.html"):
        tree = HTMLParser(page.read_text("utf-8"))
        tables = tree.css("table.gk-report-table")
        if tables:
            year = int(tree.css_first(".gk-report__downloads").text().split("（")[1][:4])
            found[year] = tuple(c[1] for c in table_cells(tables[0])[3][1:])
    assert {year: found[year] for year in expected} == expected
    assert sorted(found) == [2020, 2023, 2024, 2025]
    assert found[2020] == ("3", "3", "21")  # overridden, with the reason, in the 2020 data file


def test_the_sample_reports_pass_every_check(capsys):
    assert main(["-f", str(REPO / "mkdocs.yml"), "check", "--as-of", SAMPLE_AS_OF]) == 0


def test_shape_errors_name_the_row_and_what_it_needs(project, capsys):
    items = ("  第二十条第（一）项:\n    行政规范性文件: {现行有效件数: 7, 理由: 含代拟文件}\n  规章: [0, 0, 0]\n"
             "  行政许可: [120, 3]\n  行政处罚: 30\n  行政强制: 2")  # fmt: skip
    add_report(project, 2025, data=data_file(2025, items=items))
    code, lines = check_lines(project, capsys)
    assert lines == [
        "错误  content/wj/2026/00001-nb.yaml:3: 主动公开.行政事业性收费: 缺少这一行；应为：第二十条第（八）项 的「行政事业性收费」：本年收费金额（单位：万元）  [GK100 内容格式]",
        "错误  content/wj/2026/00001-nb.yaml:5: 主动公开.规章: 「规章」按文件库计算，不直接填写；应为：确需改动时写在「第二十条第（一）项」下并写明理由  [GK100 内容格式]",
        "错误  content/wj/2026/00001-nb.yaml:6: 主动公开.行政许可: 一个列表；应为：第二十条第（五）项：一个数  [GK100 内容格式]",
    ]


def test_two_reports_of_one_year_are_an_error(project, capsys):
    add_report(project, 2025, seq=1)
    add_report(project, 2025, seq=2)
    code, lines = check_lines(project, capsys)
    assert lines == [
        "错误  content/wj/2026/00002-nb.yaml:1: 年度: 2025 年度报告已有一份：content/wj/2026/00001.md；应为：每年一份年度报告  [GK100 内容格式]"
    ]


def test_a_data_file_that_is_not_there_is_named_at_the_field(project, capsys):
    add_report(project, 2025)
    (project.content / "wj/2026/00001-nb.yaml").unlink()
    code, lines = check_lines(project, capsys)
    assert lines == [
        "错误  content/wj/2026/00001.md:12: 年报数据: 数据文件 '00001-nb.yaml' 不存在；应为：content/wj/2026/ 下已有的 .yaml 文件  [GK100 内容格式]"
    ]
