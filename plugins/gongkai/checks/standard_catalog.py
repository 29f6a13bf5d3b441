"""基层政务公开事项标准目录: each item that names the columns publishing it is published there, within its
公开时限 (gongkai.model.standard_catalog): "…之日起N个工作日内" on the GK204 calendar, 实时/及时 as a column
updated 实时 is judged (GK202). Other wordings ("每年3月底前") are not read: they are not checked."""

from __future__ import annotations

from ..model.rules import STANDARD_ITEM_STALE
from ..model.site import DisclosureSite
from ..model.standard_catalog import StandardDomain, StandardItem
from ..model.validity import add_months
from .columns import MAX_AGE
from .findings import Findings
from .workdays import CalendarNotCovered, working_day_deadline


def check_standard_catalog(site: DisclosureSite, findings: Findings) -> None:
    for domain in site.standard_catalog:
        for item in domain.items:
            for code in item.columns:
                _check_item_column(site, domain, item, code, findings)


def _check_item_column(
    site: DisclosureSite, domain: StandardDomain, item: StandardItem, code: str, findings: Findings
) -> None:
    column = site.catalog.column(code)
    if column is None:
        return  # reported when the catalog was read
    documents = [d for c in column.walk() for d in site.documents_in(c)]
    where = (domain.source_path, item.line, "栏目")
    name = f"「{item.first_level}／{item.second_level}」的发布栏目「{column.name}」"
    if not documents:
        findings.add(STANDARD_ITEM_STALE, *where, f"{name}没有已发布的文件", f"按公开时限（{item.deadline}）发布")
        return
    if item.working_days is not None:
        late = []
        for document in documents:
            try:
                deadline = working_day_deadline(document.written, item.working_days)
            except CalendarNotCovered:
                continue  # GK205 names the year the calendar lacks
            if document.published > deadline:
                late.append(f"{document.source_path}（成文 {document.written}，发布 {document.published}）")
        if late:
            found = f"{name}有 {len(late)} 份文件晚于成文日期后 {item.working_days} 个工作日发布：{late[0]}"
            findings.add(STANDARD_ITEM_STALE, *where, found, f"按公开时限（{item.deadline}）发布")
    elif item.promptly:
        words, months = MAX_AGE["实时"]
        newest = max(d.published for d in documents)
        assert isinstance(months, int)
        if add_months(newest, months) < site.as_of:
            found = f"{name}最新发布日期 {newest}，到 {site.as_of} 已超过{words}未更新"
            findings.add(STANDARD_ITEM_STALE, *where, found, f"按公开时限（{item.deadline}）及时发布")
