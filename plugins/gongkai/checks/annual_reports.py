"""The 年度报告's numbers must add up, its six sections be there, and last year's be published in time."""

from __future__ import annotations

import re

from ..model.annual_report import ReportData, application_cells, report_deadline, summed_results
from ..model.catalog import OrganKind
from ..model.document import Document
from ..model.report_format import APPLICANT_TOTAL, APPLICANTS, REVIEW_RESULTS, SECTIONS, TABLE_SECTIONS
from ..model.rules import REPORT_MISSING, REPORT_NUMBERS, REPORT_SECTIONS
from ..model.site import DisclosureSite
from ..model.yamlsource import split_front_matter
from .findings import Findings

COLUMNS = (*APPLICANTS, APPLICANT_TOTAL)
_HEADING = re.compile(r"^##\s+(.+?)\s*$", re.MULTILINE)


def check_annual_reports(site: DisclosureSite, findings: Findings) -> None:
    reports = site.reports
    for year, document in reports.items():
        assert document.report is not None
        _check_sections(site, document, findings)
        _check_applications(document.report, findings)
        _check_reviews(document.report, findings)
        previous = reports.get(year - 1)
        if previous is not None and previous.report is not None:
            _check_carry_over(previous.report, document.report, findings)
    _check_last_year_published(site, findings)


def override_notes(site: DisclosureSite) -> list[str]:
    """Each 第（一）项 number an office wrote over the library's count, with its reason: the build prints them."""
    notes = []
    for document in site.reports.values():
        report = document.report
        assert report is not None
        counts = site.library_counts(report)
        for (row, column), override in report.overrides.items():
            notes.append(
                f"{report.source_path}:{override.line}: {report.year} 年度报告 第二十条第（一）项「{row}」{column} "
                f"填写为 {override.value}（按文件库计算为 {counts[(row, column)]}）；理由：{override.reason}"
            )
    return notes


def _check_applications(report: ReportData, findings: Findings) -> None:
    rows = report.applications

    def add(key: str, found: str, expected: str) -> None:
        findings.add(REPORT_NUMBERS, report.source_path, report.lines.get(key), f"依申请公开.{key}", found, expected)

    for key, row in rows.items():
        if len(row) == len(COLUMNS) and sum(row[:-1]) != row[-1]:
            add(key, f"总计 {row[-1]} 不等于各类申请人之和 {sum(row[:-1])}", "总计等于自然人和各类法人或其他组织之和")
    total = application_cells(report, "总计")
    if "总计" in rows:
        summed = summed_results(report)
        for n, column in enumerate(COLUMNS):
            if total[n] != summed[n]:
                add("总计", f"「{column}」列：（七）总计 {total[n]} 不等于（一）至（六）之和 {summed[n]}",
                    "（七）总计等于本年度办理结果各项之和")  # fmt: skip
    new, carried, onward = (application_cells(report, key) for key in ("本年新收", "上年结转", "结转下年度继续办理"))
    for n, column in enumerate(COLUMNS):
        if new[n] + carried[n] != total[n] + onward[n]:
            add(
                "本年新收",
                f"「{column}」列：一（{new[n]}）+ 二（{carried[n]}）= {new[n] + carried[n]}，"
                f"三（七）（{total[n]}）+ 四（{onward[n]}）= {total[n] + onward[n]}",
                "第一项加第二项之和等于第三项加第四项之和（表格角注的勾稽关系）",
            )


def _check_reviews(report: ReportData, findings: Findings) -> None:
    for key, row in report.reviews.items():
        if len(row) == len(REVIEW_RESULTS) + 1 and sum(row[:-1]) != row[-1]:
            findings.add(
                REPORT_NUMBERS, report.source_path, report.lines.get(key), f"行政复议和行政诉讼.{key}",
                f"总计 {row[-1]} 不等于{'、'.join(REVIEW_RESULTS)}之和 {sum(row[:-1])}", "总计等于前四项之和",
            )  # fmt: skip


def _check_carry_over(previous: ReportData, report: ReportData, findings: Findings) -> None:
    onward, carried = application_cells(previous, "结转下年度继续办理"), application_cells(report, "上年结转")
    for n, column in enumerate(COLUMNS):
        if onward[n] != carried[n]:
            findings.add(
                REPORT_NUMBERS, report.source_path, report.lines.get("上年结转"), "依申请公开.上年结转",
                f"「{column}」列 {carried[n]}，{previous.year} 年度报告结转下年度继续办理为 {onward[n]}"
                f"（{previous.source_path}）",
                "与上年报告的结转下年度继续办理相同",
            )  # fmt: skip


def _check_sections(site: DisclosureSite, document: Document, findings: Findings) -> None:
    """The body: the six sections as level-2 headings, in order, each with text (二三四 have their tables)."""
    _, body, body_line = split_front_matter((site.docs_dir / document.src_uri).read_text("utf-8"))
    headings = list(_HEADING.finditer(body))
    titles = [h.group(1) for h in headings]
    where = (document.source_path, body_line, "正文")
    if titles != list(SECTIONS):
        missing = [s for s in SECTIONS if s not in titles]
        found = f"缺少「{'」「'.join(missing)}」" if missing else f"各部分的标题是 {'、'.join(titles) or '（没有）'}"
        findings.add(REPORT_SECTIONS, *where, found, "依次以二级标题（## ）写出六个部分：" + "、".join(SECTIONS))
        return
    for index, heading in enumerate(headings):
        end = headings[index + 1].start() if index + 1 < len(headings) else len(body)
        if index not in TABLE_SECTIONS and not body[heading.end() : end].strip():
            line = body_line + body.count("\n", 0, heading.start())
            findings.add(REPORT_SECTIONS, document.source_path, line, "正文", f"「{SECTIONS[index]}」没有内容",
                         "按第五十条写明这一部分；没有需要报告的事项，写明“无”")  # fmt: skip


def _check_last_year_published(site: DisclosureSite, findings: Findings) -> None:
    """Art. 49: a government publishes last year's report by 31 March, a department (and on a platform
    each other organ) by 31 January."""
    if not site.reports:
        return  # a site without reports has no report column to check
    year = site.as_of.year - 1
    is_government = site.catalog.organ.kind is OrganKind.GOVERNMENT
    deadline = report_deadline(year, is_government)
    if year not in site.reports and site.as_of > deadline:
        findings.add(
            REPORT_MISSING, site.catalog.source_path, None, f"{site.catalog.where}机关",
            f"{year} 年度报告应于 {deadline} 前发布（第四十九条），到 {site.as_of} 还没有",
            f"发布 {year} 年度报告（在文件中写明 年报数据）",
        )  # fmt: skip
