"""`gongkai new`: a document to fill in, with every required field, in a column of the catalog.

What the editor must still write is marked with PLACEHOLDER; the build refuses a
document that still holds one (gongkai.model.document), so a scaffold is never
published half-filled.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .model.catalog import Catalog, ConsultationRules
from .model.document import PLACEHOLDER
from .model.numbering import DEFAULT_INDEX_TEMPLATE, index_no_in, index_number, used_sequences
from .model.problems import InvalidInput, Problem
from .model.site import LISTING_KINDS
from .model.taxonomy import PUBLIC


@dataclass(frozen=True)
class NewDocument:
    path: Path
    index_no: str
    text: str


def scaffold(
    catalog: Catalog,
    documents_root: Path,
    column_code: str,
    day: dt.date,
    title: str | None = None,
    kind: str | None = None,
) -> NewDocument:
    """The document to write: the next free 索引号 of `day`'s year, under `documents_root`/<year>/<number>.md."""
    column = catalog.column(column_code)
    if column is None or column.kind not in LISTING_KINDS:
        listing = "、".join(f"{c.code}（{c.name}）" for c in catalog.walk() if c.kind in LISTING_KINDS)
        found = f"'{column_code}' 不存在" if column is None else f"'{column_code}'（{column.name}）不列出文件"
        raise InvalidInput([Problem("栏目", None, "", found, f"catalog.yaml 中列出文件的栏目代码之一：{listing}")])
    if kind is not None and kind not in catalog.taxonomy.kinds:
        kinds = "、".join(catalog.taxonomy.kinds)
        raise InvalidInput([Problem("--kind", None, "", f"'{kind}' 不是法定文种", f"以下之一：{kinds}")])
    sequence = max(used_sequences(documents_root).get(day.year, set()), default=0) + 1
    index_no = index_number(DEFAULT_INDEX_TEMPLATE, catalog.organ.code, day.year, sequence)
    if not catalog.index_pattern.match(index_no):
        found = f"按默认格式 {DEFAULT_INDEX_TEMPLATE} 编出的 '{index_no}' 不符合索引号规则"
        raise InvalidInput([Problem("catalog.yaml", None, "索引号规则", found, f"匹配 {catalog.index_rule} 的规则")])
    path = documents_root / f"{day.year:04d}" / f"{sequence:05d}.md"
    text = _text(catalog, column.code, index_no, day, title, kind, column.consultation_rules)
    return NewDocument(path, index_no, text)


def write_new(document: NewDocument) -> None:
    """Write the scaffold; never over a file that exists."""
    document.path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with document.path.open("x", encoding="utf-8") as file:
            file.write(document.text)
    except FileExistsError:
        index_no = index_no_in(document.path.read_text("utf-8", errors="replace")) or "无索引号"
        found = f"文件已存在（{index_no}）"
        raise InvalidInput([Problem(str(document.path), None, "", found, "一个新文件：已有的文件不会被覆盖")]) from None


def _text(
    catalog: Catalog,
    column: str,
    index_no: str,
    day: dt.date,
    title: str | None,
    kind: str | None,
    consultation: ConsultationRules | None,
) -> str:
    fields = [
        ("标题", title or f"{PLACEHOLDER}文件标题"),
        ("索引号", index_no),
        ("发文机关", catalog.organ.name),
        ("发文字号", f"{PLACEHOLDER}如 示政发〔{day.year}〕1号；没有发文字号的文件删去这一行"),
        ("成文日期", day.isoformat()),
        ("发布日期", day.isoformat()),
        ("主题分类", f"{PLACEHOLDER}国务院主题分类「一级\\二级」，如 综合政务\\政务公开"),
        ("文种", kind or f"{PLACEHOLDER}法定文种，如 通知"),
        ("公开属性", PUBLIC),
        ("栏目", f"[{column}]"),
        ("内容概述", f"{PLACEHOLDER}一两句话说明文件的主要内容"),
        ("关键词", "[]"),
    ]
    front = "\n".join(f"{name}: {value}" for name, value in fields)
    if consultation is not None:  # 重大决策预公开: the shortest period the column accepts, from today
        end = day + dt.timedelta(days=consultation.min_days - 1)
        front += (
            f"\n意见征集:\n  开始日期: {day.isoformat()}\n  截止日期: {end.isoformat()}\n  反馈方式:\n"
            f"    电子邮箱: {PLACEHOLDER}接收意见的电子邮箱；还可写 网上、信函、传真、电话、现场"
        )
    return f"---\n{front}\n---\n\n{PLACEHOLDER}正文。\n"
