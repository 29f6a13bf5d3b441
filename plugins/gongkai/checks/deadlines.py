"""发布时限: proactive information is published within 20 working days of being formed (Art. 26)."""

from __future__ import annotations

from ..model.rules import CALENDAR_UNCOVERED, LATE_PUBLICATION
from ..model.site import DisclosureSite
from .findings import Findings
from .workdays import PUBLICATION_WORKING_DAYS as DAYS
from .workdays import CalendarNotCovered, working_day_deadline


def check_deadlines(site: DisclosureSite, findings: Findings) -> None:
    for document in site.documents:
        effective = document.validity.effective
        start, start_field = (effective, "施行日期") if effective else (document.written, "成文日期")
        if document.published <= start:
            continue  # published before it takes effect: in time whatever the calendar
        try:
            deadline = working_day_deadline(start)
        except CalendarNotCovered as e:
            findings.add(
                CALENDAR_UNCOVERED, document.source_path, document.line("发布日期"), "发布日期",
                f"无法检查发布时限：{start_field} {start} 后的 {DAYS} 个工作日涉及 {e.year} 年，{e}",
                "升级 chinesecalendar 到收录这一年的版本后再检查（国务院办公厅每年公布次年安排后更新）",
            )  # fmt: skip
            continue
        if document.published > deadline:
            late = (document.published - deadline).days
            findings.add(
                LATE_PUBLICATION, document.source_path, document.line("发布日期"), "发布日期",
                f"{document.published} 晚于{start_field} {start} 后 {DAYS} 个工作日的期限"
                f" {deadline}（超出 {late} 天）",
                f"自{start_field}起 {DAYS} 个工作日内发布；日期填错的，改正日期",
            )  # fmt: skip
