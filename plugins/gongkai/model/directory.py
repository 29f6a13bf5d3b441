"""The 公开目录 (Art. 12): every published document with its minimum metadata."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

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
    "栏目",
    "网址",
]


def directory_rows(site: DisclosureSite, url_of: dict[str, str]) -> list[dict[str, Any]]:
    """One row per 主动公开 document, newest first; `url_of` maps src_uri to its URL."""
    rows = []
    for document in site.documents:
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
                "栏目": [c.name for c in site.columns_of(document)],
                "网址": url_of.get(document.src_uri, ""),
            }
        )
    return rows


def directory_csv(rows: list[dict[str, Any]]) -> str:
    # A BOM so that spreadsheet programs used in offices open it as UTF-8.
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for row in rows:
        writer.writerow(["；".join(row[k]) if isinstance(row[k], list) else row[k] for k in CSV_HEADER])
    return buffer.getvalue()


def directory_json(site: DisclosureSite, rows: list[dict[str, Any]]) -> str:
    organ = site.catalog.organ
    payload = {"机关": organ.name, "机构代码": organ.code, "条目数": len(rows), "条目": rows}
    return json.dumps(payload, ensure_ascii=False, indent=1)
