"""The annual report's three tables as the official format prints them: cells with their spans.

Plain objects for the template (partials/gongkai/report-table.html), which only
walks rows and cells: the merged header cells, the corner note and the row
groups are decided here, from the format in model/report_format.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model.annual_report import (
    TABLE_MARK,
    ReportData,
    application_cells,
    item_values,
    review_cells,
)
from .model.report_format import (
    APPLICANT_TOTAL,
    APPLICANTS,
    CORNER_NOTE,
    REVIEW_RESULTS,
    REVIEW_ROWS,
    REVIEW_TOTAL,
    SECTIONS,
    TABLE_SECTIONS,
    numbered,
)


@dataclass(frozen=True)
class Cell:
    text: str
    colspan: int = 1
    rowspan: int = 1
    header: bool = False
    number: bool = False  # right-aligned figures

    @staticmethod
    def of(value: object) -> Cell:
        return Cell(str(value), number=True)


@dataclass(frozen=True)
class ReportTable:
    section: str  # the section it is printed in
    caption: str
    head: list[list[Cell]]
    body: list[list[Cell]]


@dataclass(frozen=True)
class ReportView:
    year: int
    format_name: str
    basis: str
    tables: list[ReportTable]  # in the order of TABLE_SECTIONS
    downloads: list[tuple[str, str]]  # (label, site-relative URL)
    mark: str = TABLE_MARK  # where the text leaves room for the next table


def report_view(report: ReportData, counts: dict[tuple[str, str], int], downloads: list[tuple[str, str]]) -> ReportView:
    fmt = report.format
    tables = [
        _items_table(report, counts),
        _applications_table(report),
        _reviews_table(report),
    ]
    return ReportView(report.year, fmt.name, fmt.basis, tables, downloads)


def _items_table(report: ReportData, counts: dict[tuple[str, str], int]) -> ReportTable:
    """Section 二: one block per 第二十条 item, each with its own column heads, in four columns."""
    shown = item_values(report, counts)
    body: list[list[Cell]] = []
    for item in report.format.items:
        body.append([Cell(item.title, colspan=4, header=True)])
        body.append([Cell("信息内容", header=True), *_spread([Cell(c, header=True) for c in item.columns])])
        for row in item.rows:
            cells = [Cell.of(shown[(row, column)]) for column in item.columns]
            body.append([Cell(row, header=True), *_spread(cells)])
    return ReportTable(SECTIONS[TABLE_SECTIONS[0]], "主动公开政府信息情况", [], body)


def _spread(cells: list[Cell]) -> list[Cell]:
    """Fill the three value columns: the last cell spans what the others leave."""
    last = cells[-1]
    span = 3 - (len(cells) - 1)
    return [*cells[:-1], Cell(last.text, colspan=span, header=last.header, number=last.number)]


def _applications_table(report: ReportData) -> ReportTable:
    """Section 三: the applicants across, the rows with the corner note, 三's groups spanning their rows."""
    head = [
        [Cell(CORNER_NOTE, colspan=3, rowspan=3, header=True), Cell("申请人情况", colspan=7, header=True)],
        [Cell(APPLICANTS[0], rowspan=2, header=True), Cell("法人或其他组织", colspan=5, header=True),
         Cell(APPLICANT_TOTAL, rowspan=2, header=True)],
        [Cell(name, header=True) for name in APPLICANTS[1:]],
    ]  # fmt: skip

    def numbers(key: str) -> list[Cell]:
        return [Cell.of(n) for n in application_cells(report, key)]

    body = [
        [Cell("一、本年新收政府信息公开申请数量", colspan=3, header=True), *numbers("本年新收")],
        [Cell("二、上年结转政府信息公开申请数量", colspan=3, header=True), *numbers("上年结转")],
    ]
    results: list[list[Cell]] = []
    for group in report.format.results:
        if not group.items:
            results.append([Cell(group.label, colspan=2, header=True), *numbers(group.key)])
            continue
        for index, (item, label) in enumerate(zip(group.items, numbered(group.items), strict=True)):
            first = [Cell(group.label, rowspan=len(group.items), header=True)] if index == 0 else []
            results.append([*first, Cell(label, header=True), *numbers(f"{group.key}/{item}")])
    results[0] = [Cell("三、本年度办理结果", rowspan=len(results), header=True), *results[0]]
    body += results
    body.append([Cell("四、结转下年度继续办理", colspan=3, header=True), *numbers("结转下年度继续办理")])
    return ReportTable(SECTIONS[TABLE_SECTIONS[1]], "收到和处理政府信息公开申请情况", head, body)


def _reviews_table(report: ReportData) -> ReportTable:
    """Section 四: 行政复议 and the two kinds of 行政诉讼, five columns each, in one row."""
    results = [*REVIEW_RESULTS, REVIEW_TOTAL]
    head = [
        [Cell("行政复议", colspan=5, header=True), Cell("行政诉讼", colspan=10, header=True)],
        [*(Cell(name, rowspan=2, header=True) for name in results),
         Cell(REVIEW_ROWS[1], colspan=5, header=True), Cell(REVIEW_ROWS[2], colspan=5, header=True)],
        [Cell(name, header=True) for name in results * 2],
    ]  # fmt: skip
    row = [Cell.of(n) for key in REVIEW_ROWS for n in review_cells(report, key)]
    return ReportTable(SECTIONS[TABLE_SECTIONS[2]], "政府信息公开行政复议、行政诉讼情况", head, [row])
