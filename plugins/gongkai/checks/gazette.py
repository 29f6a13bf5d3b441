"""政府公报: what an issue's 目录 names, the numbering of a year's issues, and the 规范性文件 and 规章 the
gazette must carry within the column's working days (gongkai.model.gazette)."""

from __future__ import annotations

from ..model.catalog import ColumnKind
from ..model.document import Document
from ..model.gazette import GazetteIssue
from ..model.rules import CARRIED_TWICE, GAZETTE_ITEM, ISSUE_SEQUENCE, ISSUE_TOO_EARLY, NOT_IN_GAZETTE
from ..model.site import DisclosureSite
from .findings import Findings
from .workdays import CalendarNotCovered, working_day_deadline

# What the gazette must carry: the 文件库 categories of the documents it carries by rule.
CARRIED_CATEGORIES = ("行政规范性文件", "规章")


def check_gazette(site: DisclosureSite, findings: Findings) -> None:
    columns = site.catalog.columns_of_kind(ColumnKind.GAZETTE)
    if not columns or not site.gazette:
        return
    carried = _check_items(site, findings)
    _check_numbers(site.gazette, findings)
    rules = columns[0].gazette_rules
    assert rules is not None
    first_issue = min(issue.published for issue in site.gazette)
    for document in site.documents:
        record = site.register.get(document.index_no)
        if record is None or record.instrument.category not in CARRIED_CATEGORIES or document.published < first_issue:
            continue  # before the gazette's first issue, nothing was carried by it
        try:
            deadline = working_day_deadline(document.published, rules.working_days)
        except CalendarNotCovered:
            continue  # GK205 says so for the document's own deadline
        issue = carried.get(document.index_no)
        where = (document.source_path, document.line("发布日期"), "发布日期")
        expected = f"{deadline} 前出版的一期公报刊登（{rules.working_days} 个工作日内），在其「目录」中写本文件的索引号"
        published = f"{record.instrument.category}发布于 {document.published}"
        if issue is None and deadline < site.as_of:
            found = f"{published}，至 {site.as_of} 仍未刊登《{site.gazette_title}》"
            findings.add(NOT_IN_GAZETTE, *where, found, expected)
        elif issue is not None and issue.published > deadline:
            found = f"{published}，刊登于 {issue.name}（{issue.published} 出版）"
            findings.add(NOT_IN_GAZETTE, *where, found, expected)


def _check_items(site: DisclosureSite, findings: Findings) -> dict[str, GazetteIssue]:
    """Each item naming a document names a published one, carried once, by an issue not older than it.
    Returns the issue carrying each document, by 索引号."""
    carried: dict[str, tuple[GazetteIssue, int]] = {}
    for issue in sorted(site.gazette, key=lambda i: (i.published, i.key)):
        for item in issue.items:
            if item.document is None:
                continue
            where = (issue.source_path, item.line, "文件")
            key, why = site.register.lookup(item.document)
            document: Document | None = site.public_document(key) if key else None
            if key is None:
                findings.add(GAZETTE_ITEM, *where, why or "", "本站已有文件的索引号或发文字号")
                continue
            if document is None:
                found = f"'{item.document}' 不是主动公开的文件，不能刊登在公开的公报目录中"
                findings.add(GAZETTE_ITEM, *where, found, "主动公开文件的索引号或发文字号")
                continue
            if key in carried:
                first, line = carried[key]
                found = f"'{item.document}' 已刊登于 {first.name}（{first.source_path}:{line}）"
                findings.add(CARRIED_TWICE, *where, found, "每份文件只刊登一次")
                continue
            carried[key] = (issue, item.line)
            if issue.published < document.published:
                found = f"{issue.name}出版于 {issue.published}，早于所刊登文件的发布日期 {document.published}"
                findings.add(ISSUE_TOO_EARLY, *where, found, "不早于文件发布日期的一期")
    return {key: issue for key, (issue, _) in carried.items()}


def _check_numbers(issues: list[GazetteIssue], findings: Findings) -> None:
    """期号 run 1, 2, 3 … within a year, and a later number is not published before an earlier one."""
    by_year: dict[int, list[GazetteIssue]] = {}
    for issue in sorted(issues, key=lambda i: (i.number, i.key)):
        by_year.setdefault(issue.year, []).append(issue)
    for year, numbered in by_year.items():
        expected_number = 1
        previous: GazetteIssue | None = None
        for issue in numbered:
            where = (issue.source_path, issue.line_of.get("期号"), "期号")
            if previous is not None and issue.number == previous.number:
                found = f"{issue.name}与 {previous.source_path} 的期号相同"
                findings.add(ISSUE_SEQUENCE, *where, found, f"{year} 年内每期一个期号")
            elif issue.number != expected_number:
                found = f"{year} 年的期号从 {expected_number - 1} 跳到 {issue.number}（缺第{expected_number}号）"
                findings.add(ISSUE_SEQUENCE, *where, found, f"{year} 年的期号从第1号起依次编排")
            elif previous is not None and issue.published < previous.published:
                found = f"{issue.name}出版于 {issue.published}，早于{previous.name}（{previous.published}）"
                findings.add(ISSUE_SEQUENCE, *where, found, "期号大的一期不早于期号小的一期出版")
            expected_number = issue.number + 1
            previous = issue
