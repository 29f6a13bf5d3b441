"""The numbers of an annual report as downloads: CSV for a spreadsheet, JSON for programs."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from .annual_report import ReportData, report_values

CSV_HEADER = ["年度", "表格", "项目", "列", "数值"]


def report_csv(report: ReportData, counts: dict[tuple[str, str], int]) -> str:
    # A BOM so that spreadsheet programs used in offices open it as UTF-8.
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for value in report_values(report, counts):
        writer.writerow([report.year, value.table, value.row, value.column, value.value])
    return buffer.getvalue()


def report_json(report: ReportData, counts: dict[tuple[str, str], int], organ: str) -> str:
    """{"机关", "年度", "格式", "依据", "表格": {table: {row: {column: value}}}}, in the official order."""
    tables: dict[str, dict[str, dict[str, int | float]]] = {}
    for value in report_values(report, counts):
        number = float(value.value) if isinstance(value.value, Decimal) else value.value
        tables.setdefault(value.table, {}).setdefault(value.row, {})[value.column] = number
    fmt = report.format
    payload = {"机关": organ, "年度": report.year, "格式": fmt.name, "依据": fmt.basis, "表格": tables}
    return json.dumps(payload, ensure_ascii=False, indent=1)


def export_uris(document_src_uri: str, year: int) -> tuple[str, str]:
    """Where the CSV and JSON downloads go: in the folder of the report's page (wj/2025/00016/)."""
    folder = document_src_uri.removesuffix(".md")
    return f"{folder}/nianbao-{year}.csv", f"{folder}/nianbao-{year}.json"
