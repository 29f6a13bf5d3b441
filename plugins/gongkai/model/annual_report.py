"""The numbers of a 政府信息公开工作年度报告: one YAML file per year, beside the report's Markdown.

The disclosure office fills in what only it knows (applications, 复议 and 诉讼,
许可/处罚/强制 decisions, fees); 第二十条第（一）项 is counted from the
regulation library, and an office may override a count only with a 理由.
Reading checks the shape against the year's format (report_format.py); the
sums are checked by gongkai.checks.annual_reports, so that every error of a
file is reported at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .fields import FieldReader, describe, read_yaml_file
from .problems import ProblemList
from .report_format import (
    APPLICANT_TOTAL,
    APPLICANTS,
    FORMAT_2019,
    FORMAT_2021,
    LIBRARY_CATEGORIES,
    REVIEW_RESULTS,
    REVIEW_ROWS,
    REVIEW_TOTAL,
    SECTIONS,
    TABLE_SECTIONS,
    ItemTable,
    ReportFormat,
    format_for,
    numbered,
)
from .validity import Register
from .yamlsource import Mapping

TOP_KEYS = ["年度", "主动公开", "依申请公开", "行政复议和行政诉讼"]
Number = int | Decimal


@dataclass(frozen=True)
class Override:
    """A 第（一）项 count written by the office instead of the computed one."""

    value: int
    reason: str
    line: int = field(compare=False)


@dataclass(frozen=True)
class ReportData:
    year: int
    source_path: str
    src_uri: str
    items: dict[tuple[str, str], Number]  # (row, column) of section 二, as entered
    overrides: dict[tuple[str, str], Override]  # (row, column) of 第（一）项
    applications: dict[str, tuple[int, ...]]  # row key ("不予公开/属于国家秘密") -> 6 or 7 numbers
    reviews: dict[str, tuple[int, ...]]  # 行政复议 … -> 4 or 5 numbers
    lines: dict[str, int] = field(default_factory=dict, repr=False, compare=False)  # row key -> its line

    @property
    def format(self) -> ReportFormat:
        return format_for(self.year)


def read_report_data(path: Path, docs_dir: Path, display_path: str, problems: ProblemList) -> ReportData | None:
    """Read and shape-check one data file; None when it cannot be read at all."""
    reader = read_yaml_file(path, display_path, problems, "、".join(TOP_KEYS))
    if reader is None:
        return None
    errors_before = len(problems.errors)
    reader.check_keys(TOP_KEYS, TOP_KEYS)
    year = reader.integer("年度", 0, minimum=2008)
    if not year:
        return None
    shape = _Shape(format_for(year), year)
    items, overrides = shape.items(reader.mapping("主动公开"))
    applications = shape.applications(reader.mapping("依申请公开"))
    reviews = shape.reviews(reader.mapping("行政复议和行政诉讼"))
    if len(problems.errors) > errors_before:
        return None
    src_uri = path.resolve().relative_to(docs_dir.resolve()).as_posix()
    return ReportData(year, display_path, src_uri, items, overrides, applications, reviews, shape.lines)


class _Shape:
    """Reads the sections of one year's format; a key of the other format is named as such."""

    def __init__(self, fmt: ReportFormat, year: int) -> None:
        self.format = fmt
        self.other = FORMAT_2019 if fmt is FORMAT_2021 else FORMAT_2021
        self.year = year
        self.lines: dict[str, int] = {}

    def _wrong_format(self, reader: FieldReader, key: str, what: str) -> None:
        reader.problem(
            key, f"「{key}」{what}",
            f"{self.year} 年度报告用{self.format.name}（{self.format.basis}），"
            f"{'2021 年及以后' if self.format is FORMAT_2021 else '2019、2020 年'}的报告按这一格式填写",
        )  # fmt: skip

    # -- section 二 ----------------------------------------------------------------------------

    def items(
        self, reader: FieldReader | None
    ) -> tuple[dict[tuple[str, str], Number], dict[tuple[str, str], Override]]:
        values: dict[tuple[str, str], Number] = {}
        overrides: dict[tuple[str, str], Override] = {}
        if reader is None:
            return values, overrides
        library = self.format.library_item
        rows = [library.title, *(row for item in self.format.items if not item.computed for row in item.rows)]
        for key in reader.data:
            if key == library.title:  # counted from the library: what is here overrides a count
                overrides.update(self._overrides(reader, library))
                continue
            item = self.format.item(str(key))
            if item is not None and item.computed:
                reader.problem(
                    key, f"「{key}」按文件库计算，不直接填写", f"确需改动时写在「{library.title}」下并写明理由"
                )
                continue
            if item is None:
                other = self.other.item(str(key))
                if other is not None:
                    self._wrong_format(reader, key, f"是{self.other.name}的{other.title}，这一格式没有")
                else:
                    reader.problem(key, f"未知的行「{key}」", "以下之一：" + "、".join(rows))
                continue
            self.lines[str(key)] = reader.line(key)
            values.update(self._item_row(reader, str(key), item))
        for item in self.format.items:
            for row in item.rows:
                if not item.computed and row not in reader.data:
                    reader.problems.add(reader.path, reader.data.line, f"主动公开.{row}", "缺少这一行",
                                        f"{item.title} 的「{row}」：{'、'.join(item.columns)}")  # fmt: skip
        return values, overrides

    def _item_row(self, reader: FieldReader, row: str, item: ItemTable) -> dict[tuple[str, str], Number]:
        value = reader.raw(row)
        cells = value if isinstance(value, list) else [value]
        if len(cells) != len(item.columns):
            expected = "一个数" if len(item.columns) == 1 else f"[{', '.join(item.columns)}] {len(item.columns)} 个数"
            other = self.other.item(row)
            if other is not None and len(other.columns) == len(cells):
                self._wrong_format(
                    reader, row, f"按{self.other.name}填了 {len(cells)} 个数（{'、'.join(other.columns)}）"
                )
            else:
                reader.problem(row, f"{describe(value)}", f"{item.title}：{expected}")
            return {}
        result: dict[tuple[str, str], Number] = {}
        for index, (column, cell) in enumerate(zip(item.columns, cells, strict=True)):
            number = _number(cell, decimal=index in item.decimal, signed=index in item.signed)
            if number is None:
                reader.problem(
                    row, f"「{column}」是 {describe(cell)}", _kind(index in item.decimal, index in item.signed)
                )
            else:
                result[(row, column)] = number
        return result

    def _overrides(self, reader: FieldReader, item: ItemTable) -> dict[tuple[str, str], Override]:
        block = reader.mapping(item.title)
        if block is None:
            return {}
        block.check_keys(item.rows, [])
        result = {}
        for row in item.rows:
            sub = block.mapping(row)
            if sub is None:
                continue
            sub.check_keys([*item.columns, "理由"], ["理由"])
            reason = sub.text("理由")
            for column in (c for c in item.columns if c in sub.data):
                value = sub.integer(column, 0, minimum=0)
                if reason:
                    result[(row, column)] = Override(value, reason, sub.line(column))
        return result

    # -- section 三 ----------------------------------------------------------------------------

    def applications(self, reader: FieldReader | None) -> dict[str, tuple[int, ...]]:
        rows: dict[str, tuple[int, ...]] = {}
        if reader is None:
            return rows
        groups = {g.key: g for g in self.format.results}
        other_groups = {g.key: g for g in self.other.results}
        plain = ["本年新收", "上年结转", "结转下年度继续办理"]
        reader.check_keys([*plain[:2], *groups, plain[2]], [*plain[:2], *(k for k in groups if k != "总计"), plain[2]])
        for key in plain:
            self._applicant_row(reader, key, key, rows)
        for key, group in groups.items():
            if key not in reader.data:
                continue
            if not group.items:
                if isinstance(reader.raw(key), Mapping) and other_groups[key].items:
                    self._wrong_format(
                        reader, key, f"在{self.other.name}中分 {len(other_groups[key].items)} 项，这一格式只有一行"
                    )
                    continue
                self._applicant_row(reader, key, key, rows)
                continue
            if isinstance(reader.raw(key), list) and not other_groups[key].items:
                items = "、".join(group.items)
                self._wrong_format(
                    reader, key, f"在{self.other.name}中只有一行，这一格式分 {len(group.items)} 项：{items}"
                )
                continue
            sub = reader.mapping(key)
            if sub is None:
                continue
            sub.check_keys(group.items, group.items)
            for item in group.items:
                self._applicant_row(sub, item, f"{key}/{item}", rows)
        return rows

    def _applicant_row(self, reader: FieldReader, key: str, row_key: str, rows: dict[str, tuple[int, ...]]) -> None:
        if key not in reader.data:
            return
        self.lines[row_key] = reader.line(key)
        numbers = self._counts(reader, key, len(APPLICANTS), "、".join(APPLICANTS))
        if numbers is not None:
            rows[row_key] = numbers

    def _counts(self, reader: FieldReader, key: str, count: int, names: str) -> tuple[int, ...] | None:
        """`count` non-negative whole numbers, and optionally their 总计 after them."""
        value = reader.raw(key)
        if not isinstance(value, list) or len(value) not in (count, count + 1):
            reader.problem(key, describe(value), f"[{names}] {count} 个数，可在最后加总计")
            return None
        numbers = [_number(v, decimal=False, signed=False) for v in value]
        if any(n is None for n in numbers):
            bad = next(v for v, n in zip(value, numbers, strict=True) if n is None)
            reader.problem(key, f"{describe(bad)} 不是非负整数", "非负整数（没有的填 0）")
            return None
        return tuple(int(n) for n in numbers if n is not None)

    # -- section 四 ----------------------------------------------------------------------------

    def reviews(self, reader: FieldReader | None) -> dict[str, tuple[int, ...]]:
        rows: dict[str, tuple[int, ...]] = {}
        if reader is None:
            return rows
        reader.check_keys(REVIEW_ROWS, REVIEW_ROWS)
        for key in REVIEW_ROWS:
            if key in reader.data:
                self.lines[key] = reader.line(key)
                numbers = self._counts(reader, key, len(REVIEW_RESULTS), "、".join(REVIEW_RESULTS))
                if numbers is not None:
                    rows[key] = numbers
        return rows


def _number(value: object, decimal: bool, signed: bool) -> Number | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if signed or value >= 0 else None
    if decimal and isinstance(value, float):
        amount = Decimal(repr(value))
        return amount if amount >= 0 else None
    return None


def _kind(decimal: bool, signed: bool) -> str:
    if decimal:
        return "非负数（金额可有小数）"
    return "整数（增加为正，减少为负）" if signed else "非负整数（没有的填 0）"


def report_deadline(year: int, is_government: bool) -> dt.date:
    """Art. 49: the report of `year` is due by 31 March (governments) or 31 January (departments) after it."""
    return dt.date(year + 1, 3, 31) if is_government else dt.date(year + 1, 1, 31)


def library_counts(
    year: int, fmt: ReportFormat, register: Register, public_keys: Collection[str], own_keys: Collection[str]
) -> dict[tuple[str, str], int]:
    """第二十条第（一）项 counted from the library: the organ's own (`own_keys`) documents of 文件类别 规章 or
    行政规范性文件. On a platform the register holds every organ's; each report counts its organ's.

    2021 format: 本年制发 (成文日期 in the year), 本年废止 (repealed or expired during it), 现行有效
    (in force on 31 December). Trial format: 本年新制作 (成文日期 in the year), 本年新公开 (主动公开 and
    published in the year), 对外公开总数量 (主动公开 and published by its end).
    """
    item = fmt.library_item
    end = dt.date(year, 12, 31)
    counts: dict[tuple[str, str], int] = {}
    for row in item.rows:
        category = LIBRARY_CATEGORIES[row]
        if fmt is FORMAT_2021:
            year_counts = register.counts(year, category, own_keys)
            values = (year_counts.issued, year_counts.repealed, year_counts.in_force)
        else:
            records = [r for r in register if r.instrument.category == category and r.key in own_keys]
            public = [r.instrument for r in records if r.instrument.key in public_keys]
            values = (
                sum(1 for r in records if r.instrument.written.year == year),
                sum(1 for i in public if i.published.year == year),
                sum(1 for i in public if i.published <= end),
            )
        counts.update({(row, column): value for column, value in zip(item.columns, values, strict=True)})
    return counts


# Where the report's tables go in its text: after sections 二, 三 and 四, before the next heading.
TABLE_MARK = "<!-- gongkai:report-table -->"


def with_table_marks(markdown: str) -> str:
    """The report's Markdown with TABLE_MARK before the headings of sections 三, 四 and 五."""
    for section in (SECTIONS[index + 1] for index in TABLE_SECTIONS):
        markdown = re.sub(rf"(?m)^##\s+{re.escape(section)}\s*$", lambda m: f"{TABLE_MARK}\n\n{m.group()}", markdown)
    return markdown


@dataclass(frozen=True)
class ReportValue:
    """One number of a report's tables, as the CSV and JSON downloads give it."""

    table: str  # 主动公开政府信息情况 …
    row: str  # 第二十条第（一）项 规章, 三、本年度办理结果 （三）不予公开 1.属于国家秘密 …
    column: str
    value: Number


def item_values(report: ReportData, counts: dict[tuple[str, str], int]) -> dict[tuple[str, str], Number]:
    """Section 二's numbers by (row, column) as shown: 第（一）项 the override where written, else the count."""
    overridden = {cell: override.value for cell, override in report.overrides.items()}
    return {**report.items, **counts, **overridden}


def report_values(report: ReportData, counts: dict[tuple[str, str], int]) -> list[ReportValue]:
    """Every number of the three tables, in the official order; 第（一）项 as shown (override or count)."""
    shown = item_values(report, counts)
    values = [
        ReportValue("主动公开政府信息情况", f"{item.title} {row}", column, shown[(row, column)])
        for item in report.format.items for row in item.rows for column in item.columns
    ]  # fmt: skip
    for key, label in application_rows(report):
        for column, number in zip((*APPLICANTS, APPLICANT_TOTAL), application_cells(report, key), strict=True):
            values.append(ReportValue("收到和处理政府信息公开申请情况", label, column, number))
    for key in REVIEW_ROWS:
        heading = "行政复议" if key == "行政复议" else f"行政诉讼 {key}"
        for column, number in zip((*REVIEW_RESULTS, REVIEW_TOTAL), review_cells(report, key), strict=True):
            values.append(ReportValue("政府信息公开行政复议、行政诉讼情况", heading, column, number))
    return values


def application_rows(report: ReportData) -> list[tuple[str, str]]:
    """(key, label) of every row of section 三's table, in order, the label with its numbering."""
    rows = [("本年新收", "一、本年新收政府信息公开申请数量"), ("上年结转", "二、上年结转政府信息公开申请数量")]
    for group in report.format.results:
        if group.items:
            rows += [(f"{group.key}/{item}", f"三、本年度办理结果 {group.label} {label}")
                     for item, label in zip(group.items, numbered(group.items), strict=True)]  # fmt: skip
        else:
            rows.append((group.key, f"三、本年度办理结果 {group.label}"))
    rows.append(("结转下年度继续办理", "四、结转下年度继续办理"))
    return rows


def application_cells(report: ReportData, key: str) -> tuple[int, ...]:
    """A row of section 三 with its 总计 (written, else summed); （七）总计 summed when not written."""
    if key == "总计" and key not in report.applications:
        return summed_results(report)
    return _with_total(report.applications[key], len(APPLICANTS))


def summed_results(report: ReportData) -> tuple[int, ...]:
    """The column sums (总计 too) of the result rows （一） to （六）: what （七）总计 must be."""
    keys = [key for key, _ in application_rows(report)[2:-2]]  # between 上年结转 and （七）总计
    return tuple(map(sum, zip(*(application_cells(report, key) for key in keys), strict=True)))


def review_cells(report: ReportData, key: str) -> tuple[int, ...]:
    return _with_total(report.reviews[key], len(REVIEW_RESULTS))


def _with_total(row: tuple[int, ...], width: int) -> tuple[int, ...]:
    """A row of `width` numbers with its total after them: the one written, else their sum."""
    return row if len(row) == width + 1 else (*row, sum(row))
