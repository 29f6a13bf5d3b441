"""The 公开目录 (Art. 12): every published document with its minimum metadata."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .catalog import Column
from .site import DisclosureSite

CSV_HEADER = [
    "索引号",
    "名称",
    "内容概述",
    "生成日期",
    "发布日期",
    "发文机关",
    "发文字号",
    "主题分类",
    "文种",
    "有效性",
    "栏目",
    "网址",
]


def directory_rows(site: DisclosureSite, url_of: dict[str, str]) -> list[dict[str, Any]]:
    """One row per 主动公开 document, newest first; `url_of` maps src_uri to its URL."""
    rows = []
    for document in site.documents:
        state = site.state(document)
        rows.append(
            {
                "索引号": document.index_no,
                "名称": document.title,
                "内容概述": document.summary,
                "生成日期": document.written.isoformat(),
                "发布日期": document.published.isoformat(),
                "发文机关": document.issuer,
                "发文字号": document.doc_number or "",
                "主题分类": document.subject,
                "文种": document.kind,
                "有效性": state.value if state else "",
                "栏目": [c.name for c in site.columns_of(document)],
                "网址": url_of.get(document.src_uri, ""),
            }
        )
    return rows


# A platform's 公开目录 names the organ of each row (its CSV too, as the last column).
PLATFORM_ORGAN_FIELD = "公开单位"


def directory_csv(rows: list[dict[str, Any]]) -> str:
    # A BOM so that spreadsheet programs used in offices open it as UTF-8.
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    header = [*CSV_HEADER, PLATFORM_ORGAN_FIELD] if rows and PLATFORM_ORGAN_FIELD in rows[0] else CSV_HEADER
    writer.writerow(header)
    for row in rows:
        writer.writerow(["；".join(row[k]) if isinstance(row[k], list) else row[k] for k in header])
    return buffer.getvalue()


def directory_json(site: DisclosureSite, rows: list[dict[str, Any]]) -> str:
    organ = site.catalog.organ
    payload = {"机关": organ.name, "机构代码": organ.code, "条目数": len(rows), "条目": rows}
    return json.dumps(payload, ensure_ascii=False, indent=1)


def library_json(site: DisclosureSite, column: Column, url_of: dict[str, str]) -> str:
    """Every document of a 文件库 with its state: the data the library's filter form works on."""
    rows = []
    for section, documents in site.library_sections(column).items():
        for document in documents:
            record = site.register[document.index_no]
            rows.append(
                {
                    "标题": document.title,
                    "网址": url_of.get(document.src_uri, ""),
                    "发文字号": document.doc_number or "",
                    "发文机关": document.issuer,
                    "文种": document.kind,
                    "成文日期": document.written.isoformat(),
                    "施行日期": record.effective.isoformat(),
                    "有效期至": record.expires.isoformat() if record.expires else "",
                    "有效性": record.state_on(site.as_of).value,
                    "分组": section,
                }
            )
    payload = {"栏目": column.name, "截至": site.as_of.isoformat(), "条目数": len(rows), "条目": rows}
    return json.dumps(payload, ensure_ascii=False, indent=0)
