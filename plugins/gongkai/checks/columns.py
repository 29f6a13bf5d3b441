"""空白栏目 and 栏目不更新: the first things a website inspection counts (国办秘函〔2019〕19号)."""

from __future__ import annotations

import datetime as dt

from ..model.catalog import Column, ColumnKind
from ..model.rules import BLANK_COLUMN, NO_PUBLICATION_DATE, STALE_COLUMN
from ..model.site import LISTING_KINDS, DisclosureSite
from ..model.validity import add_months
from .findings import Findings

# How long after its newest item a column of each 更新频率 is out of date. 实时 means "published as
# it is formed", not a rhythm: such a column gets the inspection's limit for 政策文件 and 通知公告
# columns, six months (国办秘函〔2019〕19号). 按需 columns never are out of date.
MAX_AGE: dict[str, tuple[str, dt.timedelta | int]] = {
    "实时": ("六个月", 6),
    "每周": ("一周", dt.timedelta(days=7)),
    "每月": ("一个月", 1),
    "每季度": ("三个月", 3),
    "每半年": ("六个月", 6),
    "每年": ("一年", 12),
}


def check_columns(site: DisclosureSite, findings: Findings) -> None:
    catalog = site.catalog
    # A column with sub-columns shows theirs: each sub-column is checked, not the sum of them.
    for column in (c for c in catalog.walk() if not c.children):
        newest, what = _newest(site, column)
        if what is None:
            continue
        where = (catalog.source_path, column.line, f"{catalog.where}栏目 {column.code}")
        if newest is None:
            findings.add(
                BLANK_COLUMN, *where, f"「{column.name}」{what}", "发布本栏目的内容，或从 catalog.yaml 中删去这个栏目"
            )
        elif column.frequency in MAX_AGE:
            words, age = MAX_AGE[column.frequency]
            due = _add_age(newest, age)
            if due < site.as_of:
                findings.add(
                    STALE_COLUMN, *where,
                    f"「{column.name}」更新频率为{column.frequency}，最新发布日期 {newest}，"
                    f"到 {site.as_of} 已超过{words}未更新",
                    f"{due} 前发布新内容，或把更新频率改为实际的频率",
                )  # fmt: skip
    for page in site.pages.values():
        if page.published is None:
            findings.add(
                NO_PUBLICATION_DATE, page.source_path, 1, "发布日期", "页面没有发布日期（检查中按未更新计）",
                "在页面开头写 front matter：--- 换行 发布日期: YYYY-MM-DD 换行 ---",
            )  # fmt: skip


def _newest(site: DisclosureSite, column: Column) -> tuple[dt.date | None, str | None]:
    """The newest 发布日期 of what the column shows, and what a blank one lacks; (None, None): not checked."""
    if column.kind in LISTING_KINDS:
        dates = [d.published for c in column.walk() for d in site.documents_in(c)]
        return max(dates, default=None), "没有已发布的文件"
    if column.kind is ColumnKind.DIRECTORY:
        return (site.documents[0].published if site.documents else None), "没有已发布的文件"
    if column.kind is ColumnKind.CLEANUPS:
        return max((r.published for r in site.cleanups), default=None), "没有清理记录"
    if column.kind is ColumnKind.GAZETTE:
        return max((i.published for i in site.gazette), default=None), "没有任何一期公报"
    if column.kind is ColumnKind.STANDARD_CATALOG:  # a catalog, not news: blank or not, never out of date
        return (None, None) if site.standard_catalog else (None, "没有任何领域的标准目录")
    page = site.pages.get(column.code)
    if column.kind is ColumnKind.SINGLE_PAGE and page is not None:
        if not page.body.strip():
            return None, f"的页面 {page.source_path} 没有内容"
        # Without a 发布日期 the page has no age: NO_PUBLICATION_DATE reports it.
        return (page.published, "") if page.published else (None, None)
    return None, None  # the guide: written from catalog.yaml, never blank


def _add_age(day: dt.date, age: dt.timedelta | int) -> dt.date:
    return day + age if isinstance(age, dt.timedelta) else add_months(day, age)
