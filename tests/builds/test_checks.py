"""`gongkai check`: each rule with a failing input and its exact message, levels, output, and the build."""

from __future__ import annotations

import datetime as dt
import json
import logging

import pytest
from mkdocs.exceptions import Abort

from gongkai.checks.workdays import CALENDAR, COVERED_YEARS, working_day_deadline
from gongkai.cli import main
from helpers import ORGAN_CODE, REPO, SAMPLE_AS_OF, document

ENABLE_ALL_RULES = "检查:\n  级别:\n    空白栏目: 关闭\n    栏目不更新: 关闭\n"


def check(project, *args: str) -> int:
    return main(["-f", str(project.root / "mkdocs.yml"), "check", *args])


def findings(project, capsys, *args: str) -> tuple[int, list[str]]:
    """Exit code and the finding lines (without the summary line)."""
    code = check(project, *args)
    lines = capsys.readouterr().out.splitlines()
    return code, lines[:-1]


@pytest.fixture(autouse=True)
def _as_of(monkeypatch):
    """`gongkai check --as-of` sets GONGKAI_AS_OF for the process: each test starts from the test day."""
    monkeypatch.setenv("GONGKAI_AS_OF", "2026-11-23")


def set_checks(project, block: str) -> None:
    """Replace the test catalog's 检查 section, its last (which switches the column rules off)."""
    catalog = project.root / "catalog.yaml"
    text = catalog.read_text("utf-8")
    catalog.write_text(text[: text.index("检查:\n")] + block, "utf-8")


def catalog_line(project, text: str) -> int:
    lines = (project.root / "catalog.yaml").read_text("utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if text in line)


# -- the column rules ------------------------------------------------------------------------------


def test_blank_and_stale_columns_are_warnings_naming_the_column_in_the_catalog(project, capsys):
    set_checks(project, "")
    project.add_document("2024/00001.md", document(1))
    project.add_document("2024/00002.md", document(2, 栏目=["czxx"], 发布日期="2024-03-20"))
    project.add_document("2026/00001.md", document(1, 2026, 栏目=["wjk"], 成文日期="2026-10-28", 发布日期="2026-11-02"))

    code, lines = findings(project, capsys)

    czxx = catalog_line(project, "代码: czxx")
    gfxwj, qljg = catalog_line(project, "代码: gfxwj"), catalog_line(project, "代码: qljg")
    assert code == 0
    assert lines == [
        f"警告  catalog.yaml:{gfxwj}: 栏目 gfxwj: 「行政规范性文件」更新频率为实时，最新发布日期 2024-03-02，"
        "到 2026-11-23 已超过六个月未更新；应为：2024-09-02 前发布新内容，或把更新频率改为实际的频率  [GK202 栏目不更新]",
        f"警告  catalog.yaml:{czxx}: 栏目 czxx: 「财政预决算」更新频率为每年，最新发布日期 2024-03-20，"
        "到 2026-11-23 已超过一年未更新；应为：2025-03-20 前发布新内容，或把更新频率改为实际的频率  [GK202 栏目不更新]",
        f"警告  catalog.yaml:{qljg}: 栏目 qljg: 「清理结果」没有清理记录；"
        "应为：发布本栏目的内容，或从 catalog.yaml 中删去这个栏目  [GK201 空白栏目]",
    ]


def test_an_empty_single_page_is_a_blank_column_and_a_page_without_a_date_an_error(project, capsys):
    set_checks(project, "")
    project.write("content/pages/jgzn.md", "---\n发布日期: 2024-01-02\n---\n\n")
    code, lines = findings(project, capsys)
    jgzn = catalog_line(project, "代码: jgzn")
    assert (
        f"警告  catalog.yaml:{jgzn}: 栏目 jgzn: 「机构职能」的页面 content/pages/jgzn.md 没有内容；应为：发布本栏目的内容，或从 catalog.yaml 中删去这个栏目  [GK201 空白栏目]"
        in lines
    )

    project.write("content/pages/jgzn.md", "## 主要职能\n\n负责全县行政工作。\n")
    code, lines = findings(project, capsys)
    assert code == 1
    assert (
        "错误  content/pages/jgzn.md:1: 发布日期: 页面没有发布日期（检查中按未更新计）；"
        "应为：在页面开头写 front matter：--- 换行 发布日期: YYYY-MM-DD 换行 ---  [GK203 缺少发布日期]"
    ) in lines


def test_the_page_date_is_shown_on_the_single_page(project):
    project.build()
    assert project.html("zwgk/fdzdgknr/jgzn/").css_first(".gk-published time").attributes["datetime"] == "2024-01-02"


# -- 发布时限 ----------------------------------------------------------------------------------------


def test_working_days_follow_the_official_calendar_with_make_up_days():
    # 2024 Spring Festival: 10–17 February off; Sunday 4 and Sunday 18 February are working days.
    assert working_day_deadline(dt.date(2024, 2, 1)) == dt.date(2024, 3, 5)
    # 2024 National Day: 1–7 October off; Sunday 29 September and Saturday 12 October are working days.
    assert working_day_deadline(dt.date(2024, 9, 20)) == dt.date(2024, 10, 23)


def test_publication_after_twenty_working_days_is_late(project, capsys):
    project.add_document("2024/00001.md", document(1, 成文日期="2024-02-01", 发布日期="2024-03-06"))
    project.add_document("2024/00002.md", document(2, 成文日期="2024-02-01", 发布日期="2024-03-05"))
    code, lines = findings(project, capsys)
    assert code == 0
    assert lines == [
        "警告  content/wj/2024/00001.md:7: 发布日期: 2024-03-06 晚于成文日期 2024-02-01 后 20 个工作日的期限 2024-03-05"
        "（超出 1 天）；应为：自成文日期起 20 个工作日内发布；日期填错的，改正日期  [GK204 发布时限]"
    ]


def test_the_deadline_runs_from_the_effective_date_where_one_is_given(project, capsys):
    fields = {"成文日期": "2024-02-01", "施行日期": "2024-03-01", "发布日期": "2024-04-01"}
    project.add_document("2024/00001.md", document(1, **fields))
    code, lines = findings(project, capsys)
    assert lines == [
        "警告  content/wj/2024/00001.md:7: 发布日期: 2024-04-01 晚于施行日期 2024-03-01 后 20 个工作日的期限 2024-03-29"
        "（超出 3 天）；应为：自施行日期起 20 个工作日内发布；日期填错的，改正日期  [GK204 发布时限]"
    ]


def test_a_year_the_calendar_does_not_cover_is_said_not_guessed(project, capsys):
    project.add_document("2099/00001.md", document(1, 2099, 成文日期="2099-03-01", 发布日期="2099-03-05"))
    project.add_document("2099/00002.md", document(2, 2099, 成文日期="2099-03-01", 发布日期="2099-03-01"))
    code, lines = findings(project, capsys)
    last = COVERED_YEARS.stop - 1
    assert code == 0
    assert lines == [
        f"警告  content/wj/2099/00001.md:7: 发布日期: 无法检查发布时限：成文日期 2099-03-01 后的 20 个工作日涉及 2099 年，"
        f"{CALENDAR} 只收录 2004—{last} 年的节假日和调休安排；"
        "应为：升级 chinesecalendar 到收录这一年的版本后再检查（国务院办公厅每年公布次年安排后更新）  [GK205 工作日无法计算]"
    ]


# -- 三同步 ------------------------------------------------------------------------------------------


def needs_interpretation(project, since: str = "2024-01-01") -> None:
    catalog = project.root / "catalog.yaml"
    text = catalog.read_text("utf-8")
    anchor = "        - 代码: gfxwj\n"
    at = text.index(anchor) + len(anchor)
    catalog.write_text(text[:at] + f"          需要解读: {since}\n" + text[at:], "utf-8")


def test_a_document_needing_an_interpretation_without_one_is_reported(project, capsys):
    needs_interpretation(project)
    project.add_document("2023/00001.md", document(1, 2023))  # published before the column needs them
    project.add_document("2024/00001.md", document(1))
    code, lines = findings(project, capsys)
    assert lines == [
        "警告  content/wj/2024/00001.md:11: 栏目: 栏目「行政规范性文件」的文件需要政策解读（三同步），没有已发布的解读；"
        f"应为：同步发布解读，在解读的「解读对象」中写本文件的索引号 {ORGAN_CODE}/2024-00001 或发文字号  [GK301 缺少政策解读]"
    ]


def test_an_interpretation_links_both_ways(project, capsys):
    needs_interpretation(project)
    project.add_document("2024/00001.md", document(1))
    project.add_document("2024/00002.md", document(2, 标题="《第1号事项的通知》政策解读", 栏目=["czxx"], 发文字号=None,
                                                    解读对象=["测政发〔2024〕1号"]))  # fmt: skip
    code, lines = findings(project, capsys)
    assert (code, lines) == (0, [])

    project.build()
    policy = project.html("wj/2024/00001/").css_first("nav.gk-interpretation")
    assert policy.text(strip=True) == "政策解读：《第1号事项的通知》政策解读"
    assert policy.css_first("a").attributes["href"] == "../00002/"
    reading = project.html("wj/2024/00002/").css_first("nav.gk-interpretation")
    assert reading.text(strip=True) == "解读对象：测试县人民政府关于第1号事项的通知（测政发〔2024〕1号）"
    assert reading.css_first("a").attributes["href"] == "../00001/"


def test_an_interpretation_of_nothing_or_of_a_withheld_document_is_an_error(project, capsys):
    project.add_document("2024/00001.md", document(1, 公开属性="依申请公开"))
    project.add_document(
        "2024/00002.md", document(2, 发文字号=None, 解读对象=["测政发〔2024〕9号", "测政发〔2024〕1号"])
    )
    code, lines = findings(project, capsys)
    assert code == 1
    assert lines == [
        "错误  content/wj/2024/00002.md:12: 解读对象: '测政发〔2024〕1号' 不是主动公开的文件，不会发布，解读无法链接到它；"
        "应为：主动公开文件的索引号或发文字号，或删去这一项  [GK502 链接到不公开的文件]",
        "错误  content/wj/2024/00002.md:12: 解读对象: '测政发〔2024〕9号' 没有对应的文件；"
        "应为：已有文件的索引号或发文字号  [GK302 解读对象不存在]",
    ]


# -- personal data ----------------------------------------------------------------------------------

ID_RIGHT = "11010519491231002X"  # the standard's own example: check character X
ID_WRONG = "110105194912310021"


def test_a_right_id_number_is_an_error_and_a_wrong_check_digit_is_not(project, capsys):
    body = f"联系人身份证号：{ID_RIGHT}。\n\n另一串数字 {ID_WRONG} 不是身份证号。\n"
    project.add_document("2024/00001.md", document(1, body=body))
    code, lines = findings(project, capsys)
    assert code == 1
    assert lines == [
        "错误  content/wj/2024/00001.md:15: 正文: 身份证号 '110*************2X'；应为：删去或去标识化后发布；"
        "确需公开的号码（如办公电话），在 catalog.yaml 检查: 公开号码 中登记并写明理由  [GK401 个人信息]"
    ]


def test_a_mobile_number_in_a_field_names_the_field(project, capsys):
    project.add_document("2024/00001.md", document(1, 内容概述="咨询电话 138 0013 8000。"))
    code, lines = findings(project, capsys)
    assert lines == [
        "错误  content/wj/2024/00001.md:12: 内容概述: 手机号码 '138********00'；应为：删去或去标识化后发布；"
        "确需公开的号码（如办公电话），在 catalog.yaml 检查: 公开号码 中登记并写明理由  [GK401 个人信息]"
    ]


def test_a_reviewed_public_number_is_allowed_and_needs_a_reason(project, capsys):
    project.add_document("2024/00001.md", document(1, body="值班手机：13800138000。"))
    set_checks(
        project,
        f"{ENABLE_ALL_RULES}  公开号码:\n    - 号码: 138-0013-8000\n      理由: 县应急值班手机，经县政府办公室审核公开\n",
    )
    assert findings(project, capsys) == (0, [])

    set_checks(project, f"{ENABLE_ALL_RULES}  公开号码:\n    - 号码: 138-0013-8000\n")
    code, lines = findings(project, capsys)
    line = catalog_line(project, "号码: 138-0013-8000")
    assert (code, lines) == (1, [
        f"错误  catalog.yaml:{line}: 检查.公开号码[1].理由: 缺少必填字段；应为：填写「理由」  [GK100 内容格式]"
    ])  # fmt: skip


def test_a_bank_card_number_in_a_text_attachment_is_found(project, capsys):
    project.add_document("2024/00001.md", document(1, 附件=["00001-fj1.csv"]))
    project.write("content/wj/2024/00001-fj1.csv", "户名,账号\n某公司,6222 0202 0000 0000 006\n")
    code, lines = findings(project, capsys)
    assert lines == [
        "错误  content/wj/2024/00001-fj1.csv:2: 附件: 银行卡号 '622******************06'；应为：删去或去标识化后发布；"
        "确需公开的号码（如办公电话），在 catalog.yaml 检查: 公开号码 中登记并写明理由  [GK401 个人信息]"
    ]


def test_withheld_documents_are_not_scanned(project, capsys):
    project.add_document("2024/00001.md", document(1, 公开属性="依申请公开", body=f"身份证号 {ID_RIGHT}"))
    assert findings(project, capsys) == (0, [])


# -- links --------------------------------------------------------------------------------------------


def test_links_to_missing_and_to_withheld_files_are_errors(project, capsys):
    project.add_document("2024/00001.md", document(1, 公开属性="依申请公开"))
    body = (
        "见[第1号](00001.md)、[旧文](../2023/00009.md)和[附件](00003-fj1.pdf)。\n\n"
        "![图](00003-fj2.png)\n\n`[代码](nowhere.md)` 不是链接；[官网](https://www.gov.cn/)、[栏目](../../zwgk/)不检查。\n"
    )
    project.add_document("2024/00003.md", document(3, body=body, 附件=["00003-fj2.png"]))
    project.write("content/wj/2024/00003-fj2.png", b"\x89PNG")
    code, lines = findings(project, capsys)
    assert code == 1
    assert lines == [
        "错误  content/wj/2024/00003.md:16: 正文: 链接 '../2023/00009.md' 的目标 content/wj/2023/00009.md 不存在或不发布；"
        "应为：已发布的页面或附件，路径相对于本文件  [GK501 链接失效]",
        "错误  content/wj/2024/00003.md:16: 正文: 链接 '00001.md' 指向非主动公开的文件 content/wj/2024/00001.md，它不会发布；"
        "应为：删去链接，或链接主动公开的文件  [GK502 链接到不公开的文件]",
        "错误  content/wj/2024/00003.md:16: 正文: 链接 '00003-fj1.pdf' 的目标 content/wj/2024/00003-fj1.pdf 不存在或不发布；"
        "应为：已发布的页面或附件，路径相对于本文件  [GK501 链接失效]",
    ]


# -- levels, output, exit codes -----------------------------------------------------------------------


def test_the_catalog_changes_a_rule_level_by_title_or_code(project, capsys):
    project.add_document("2024/00001.md", document(1, 成文日期="2024-02-01", 发布日期="2024-03-06"))
    set_checks(project, f"{ENABLE_ALL_RULES}    发布时限: 错误\n")
    code, lines = findings(project, capsys)
    assert code == 1 and lines[0].startswith("错误  content/wj/2024/00001.md:7: 发布日期:")

    set_checks(project, f"{ENABLE_ALL_RULES}    GK204: 关闭\n")
    assert findings(project, capsys) == (0, [])


def test_unknown_rules_and_fixed_rules_in_the_catalog_are_format_errors(project, capsys):
    set_checks(project, f"{ENABLE_ALL_RULES}    空栏目: 关闭\n    内容格式: 警告\n")
    code, lines = findings(project, capsys)
    unknown, fixed = catalog_line(project, "空栏目: 关闭"), catalog_line(project, "内容格式: 警告")
    assert code == 1
    assert lines[0].startswith(
        f"错误  catalog.yaml:{unknown}: 检查.级别.空栏目: 没有名为「空栏目」的检查规则；应为：以下规则代码或名称之一：GK101（未引用的文件）"
    )
    assert (
        lines[1]
        == f"错误  catalog.yaml:{fixed}: 检查.级别.内容格式: 「内容格式」的级别不能调整；应为：不列出这条规则  [GK100 内容格式]"
    )


def test_json_output_has_a_stable_schema(project, capsys):
    project.add_document("2024/00001.md", document(1, 成文日期="2024-02-01", 发布日期="2024-03-06"))
    assert check(project, "--format", "json") == 0
    report = json.loads(capsys.readouterr().out)
    assert list(report) == ["schema", "as_of", "seconds", "documents", "errors", "warnings", "findings"]
    assert (report["schema"], report["as_of"], report["documents"], report["errors"], report["warnings"]) == (
        1, "2026-11-23", 1, 0, 1,
    )  # fmt: skip
    assert report["findings"] == [
        {
            "code": "GK204", "rule": "发布时限", "severity": "warning", "path": "content/wj/2024/00001.md", "line": 7,
            "field": "发布日期", "found": "2024-03-06 晚于成文日期 2024-02-01 后 20 个工作日的期限 2024-03-05（超出 1 天）",
            "expected": "自成文日期起 20 个工作日内发布；日期填错的，改正日期",
            "message": "content/wj/2024/00001.md:7: 发布日期: 2024-03-06 晚于成文日期 2024-02-01 后 20 个工作日的期限 "
            "2024-03-05（超出 1 天）；应为：自成文日期起 20 个工作日内发布；日期填错的，改正日期",
        }
    ]  # fmt: skip


def test_strict_makes_warnings_fail_and_format_errors_stop_the_other_rules(project, capsys):
    project.add_document("2024/00001.md", document(1, 成文日期="2024-02-01", 发布日期="2024-03-06"))
    assert check(project, "--strict") == 1
    capsys.readouterr()
    project.add_document("2024/00002.md", document(2, 发布日期="2024-13-01"))
    code = check(project)
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert out == [
        "错误  content/wj/2024/00002.md:7: 发布日期: '2024-13-01' 不是有效日期；应为：YYYY-MM-DD 格式的日期，如 2024-03-01  [GK100 内容格式]",
        out[-1],
    ]
    assert out[-1].startswith("内容有格式错误，其他检查未进行（按 2026-11-23 计算）：1 个错误，0 个警告；用时 ")


def test_a_check_that_cannot_run_exits_with_2(project, capsys):
    assert main(["-f", str(project.root / "missing.yml"), "check"]) == 2
    assert capsys.readouterr().err.startswith("无法检查：")
    assert check(project, "--as-of", "2026-02-30") == 2
    assert "--as-of: '2026-02-30' 不是有效日期" in capsys.readouterr().err


# -- in the build ------------------------------------------------------------------------------------


def test_the_build_stops_on_errors_and_a_strict_build_on_warnings(project, caplog):
    project.add_document("2024/00001.md", document(1, body=f"身份证号 {ID_RIGHT}"))
    errors = project.build_errors(caplog)
    assert errors[0].splitlines() == [
        "政府信息公开检查发现 1 个错误，请修正后重新构建：",
        "  content/wj/2024/00001.md:15: 正文: 身份证号 '110*************2X'；应为：删去或去标识化后发布；"
        "确需公开的号码（如办公电话），在 catalog.yaml 检查: 公开号码 中登记并写明理由  [GK401 个人信息]",
    ]

    project.add_document("2024/00001.md", document(1, 成文日期="2024-02-01", 发布日期="2024-03-06"))
    caplog.set_level(logging.WARNING, logger="mkdocs")
    with pytest.raises(Abort, match="in strict mode"):
        project.build()
    assert any("[GK204 发布时限]" in r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)


def test_the_sample_site_passes_every_check(capsys):
    assert main(["-f", str(REPO / "mkdocs.yml"), "check", "--as-of", SAMPLE_AS_OF]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and "：0 个错误，0 个警告；" in out[0]


def test_a_site_without_documents_is_checked_not_called_unreadable(project, capsys):
    assert check(project) == 0
    assert capsys.readouterr().out.startswith("检查了 0 份主动公开文件（按 2026-11-23 计算）：0 个错误，0 个警告；")


def test_a_page_is_checked_with_the_documents_not_after_them(project, capsys):
    project.write("content/pages/jgzn.md", "---\n发布日期: 2024-02-30\n---\n\n正文。\n")
    project.add_document("2024/00001.md", document(1, 发布日期="2024-13-01"))
    code, lines = findings(project, capsys)
    assert (code, lines) == (1, [
        "错误  content/pages/jgzn.md:2: 发布日期: '2024-02-30' 不是有效日期；应为：YYYY-MM-DD 格式的日期，如 2024-03-01  [GK100 内容格式]",
        "错误  content/wj/2024/00001.md:7: 发布日期: '2024-13-01' 不是有效日期；应为：YYYY-MM-DD 格式的日期，如 2024-03-01  [GK100 内容格式]",
    ])  # fmt: skip
