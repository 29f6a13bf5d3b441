"""The 标准目录 as downloads: CSV a spreadsheet opens as the official table (a 公开渠道和载体 column per
channel, ticked √), and JSON with the same rows."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .catalog import Organ
from .standard_catalog import StandardDomain, StandardItem, load_vocabulary

TICK = "√"


def standard_rows(domains: list[StandardDomain]) -> list[dict[str, Any]]:
    return [_row(domain, item) for domain in domains for item in domain.items]


def _row(domain: StandardDomain, item: StandardItem) -> dict[str, Any]:
    return {
        "领域": domain.name, "序号": item.number, "一级事项": item.first_level, "二级事项": item.second_level,
        "公开内容（要素）": list(item.contents), "公开依据": item.basis, "公开时限": item.deadline,
        "公开主体": item.body, "公开渠道和载体": [c for c in load_vocabulary().channels if c in item.channels],
        "公开对象": item.audience, "公开方式": item.manner, "公开层级": list(item.levels),
        "发布栏目": list(item.columns),
    }  # fmt: skip


def standard_csv(domains: list[StandardDomain]) -> str:
    """A BOM, so that spreadsheet programs used in offices open it as UTF-8; a column per channel."""
    channels = load_vocabulary().channels
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    plain = ["领域", "序号", "一级事项", "二级事项", "公开内容（要素）", "公开依据", "公开时限", "公开主体"]
    after = ["公开对象", "公开方式", "公开层级", "发布栏目"]
    writer.writerow([*plain, *(f"公开渠道和载体：{c}" for c in channels), *after])
    for row in standard_rows(domains):
        ticks = [TICK if c in row["公开渠道和载体"] else "" for c in channels]
        cells = [_cell(row[k]) for k in plain] + ticks + [_cell(row[k]) for k in after]
        writer.writerow(cells)
    return buffer.getvalue()


def standard_json(organ: Organ, domains: list[StandardDomain]) -> str:
    payload = {
        "机关": organ.name,
        "机构代码": organ.code,
        "领域": [{"名称": d.name, "事项": standard_rows([d])} for d in domains],
    }
    return json.dumps(payload, ensure_ascii=False, indent=1)


def _cell(value: Any) -> str:
    return "；".join(value) if isinstance(value, list) else str(value)
