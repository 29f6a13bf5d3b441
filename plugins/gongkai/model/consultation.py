"""重大决策预公开: a draft decision published for comment (《重大行政决策程序暂行条例》, 国务院令第713号),
and what became of the comments.

A consultation is a document with an 意见征集 block in its front matter: the comment period, how to
comment, and later the 意见采纳情况, either as a section of its own (how many opinions, adopted, not
adopted and why) or as a document published apart. Its state follows from the dates as of the build
day, as validity does: 未开始, 征集中, 已截止（待反馈）, 已反馈.

The law asks for a comment period of "generally not less than 30 days", a shorter one giving its reason;
the deadline for publishing the 采纳情况 is local practice [unconfirmed]: both are settings of the column
(catalog.yaml), checked by gongkai.checks.consultations.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from .fields import FieldReader, describe

CONSULTATION_KEYS = ["开始日期", "截止日期", "缩短理由", "反馈方式", "采纳情况"]
CONSULTATION_REQUIRED = ["开始日期", "截止日期", "反馈方式"]
# How the public may send its opinions, in the order a page lists them.
CHANNELS = ["网上", "电子邮箱", "信函", "传真", "电话", "现场"]
FEEDBACK_KEYS = ["发布日期", "收到意见", "采纳", "部分采纳", "未采纳", "说明"]
FEEDBACK_REQUIRED = ["发布日期", "收到意见", "采纳", "未采纳"]


class ConsultationState(StrEnum):
    NOT_STARTED = "未开始"
    OPEN = "征集中"
    AWAITING_FEEDBACK = "已截止（待反馈）"
    ANSWERED = "已反馈"


@dataclass(frozen=True)
class FeedbackSection:
    """意见采纳情况 written in the consultation itself."""

    published: dt.date
    received: int
    adopted: int
    partly_adopted: int
    rejected: int
    explanation: str | None  # why opinions were not adopted


@dataclass(frozen=True)
class Consultation:
    start: dt.date
    end: dt.date
    shortened_because: str | None  # 缩短理由: why the period is shorter than the column's minimum
    channels: tuple[tuple[str, str], ...]  # (方式, where or how), in the order of CHANNELS
    feedback: FeedbackSection | None  # the 采纳情况 as a section of its own
    feedback_document: str | None  # or the 索引号 or 发文字号 of the document that publishes it
    line: int  # of the 意见征集 key
    feedback_line: int | None = None

    @property
    def days(self) -> int:
        """The comment period in days, both ends counted: 2026-11-16 to 2026-12-15 is 30 days."""
        return (self.end - self.start).days + 1

    def days_left(self, as_of: dt.date) -> int:
        """Days after `as_of` until the period ends: 0 on its last day."""
        return (self.end - as_of).days

    def state_on(self, as_of: dt.date, feedback_published: dt.date | None) -> ConsultationState:
        """`feedback_published`: the day the 采纳情况 was published (its section's or its document's)."""
        if feedback_published is not None and feedback_published <= as_of:
            return ConsultationState.ANSWERED
        if as_of < self.start:
            return ConsultationState.NOT_STARTED
        if as_of <= self.end:
            return ConsultationState.OPEN
        return ConsultationState.AWAITING_FEEDBACK


def read_consultation(reader: FieldReader, published: dt.date | None) -> Consultation | None:
    """The 意见征集 block of a document's front matter; None (with the problems) when it is absent or wrong.
    `published`: the document's 发布日期, which the period may not begin before."""
    block = reader.mapping("意见征集")
    if block is None:
        return None
    errors_before = len(reader.problems.errors)
    block.check_keys(CONSULTATION_KEYS, CONSULTATION_REQUIRED)
    start, end = block.date("开始日期"), block.date("截止日期")
    if start and end and end < start:
        block.problem("截止日期", f"'{end}' 早于开始日期 '{start}'", "不早于开始日期的日期")
    if start and published and start < published:
        found = f"'{start}' 早于文件的发布日期 '{published}'"
        block.problem("开始日期", found, "不早于发布日期的日期（先公布，后征集）")
    channels = _read_channels(block)
    feedback, feedback_document = _read_feedback(block, end)
    if len(reader.problems.errors) > errors_before or start is None or end is None or not channels:
        return None
    return Consultation(
        start=start, end=end, shortened_because=block.text("缩短理由"), channels=channels, feedback=feedback,
        feedback_document=feedback_document, line=reader.line("意见征集"),
        feedback_line=block.line("采纳情况") if "采纳情况" in block.data else None,
    )  # fmt: skip


def _read_channels(block: FieldReader) -> tuple[tuple[str, str], ...]:
    channels = block.mapping("反馈方式")
    if channels is None:
        return ()
    channels.check_keys(CHANNELS, [])
    found = [(name, text) for name in CHANNELS if name in channels.data and (text := channels.text(name))]
    if not found and not channels.data:
        block.problem("反馈方式", "没有任何方式", "至少一种：" + "、".join(CHANNELS))
    email = dict(found).get("电子邮箱")
    if email is not None and ("@" not in email or " " in email):
        channels.problem("电子邮箱", describe(email), "电子邮箱地址，如 zhengqiu@example.gov.cn")
    return tuple(found)


def _read_feedback(block: FieldReader, end: dt.date | None) -> tuple[FeedbackSection | None, str | None]:
    """采纳情况: a document's 索引号 or 发文字号, or a section of its own."""
    value = block.raw("采纳情况")
    if value is None:
        return None, None
    if not isinstance(value, dict):
        return None, block.text("采纳情况")
    section = block.mapping("采纳情况")
    assert section is not None
    section.check_keys(FEEDBACK_KEYS, FEEDBACK_REQUIRED)
    published = section.date("发布日期")
    if published and end and published <= end:
        section.problem("发布日期", f"'{published}' 不晚于征集截止日期 '{end}'", "征集截止之后的日期")
    received, adopted, rejected = (section.integer(k, 0, minimum=0) for k in ("收到意见", "采纳", "未采纳"))
    partly = section.integer("部分采纳", 0, minimum=0)
    if adopted + partly + rejected != received:
        section.problem(
            "收到意见", f"收到意见 {received} 条，采纳 {adopted}、部分采纳 {partly}、未采纳 {rejected} 条，合计不符",
            "收到意见 = 采纳 + 部分采纳 + 未采纳",
        )  # fmt: skip
    explanation = section.text("说明")
    if (rejected or partly) and "说明" not in section.data:
        section.problems.add(
            section.path, section.data.line, section.name("说明"), "有未采纳或部分采纳的意见，没有说明理由",
            "在「说明」中写明未采纳（部分采纳）的理由",
        )  # fmt: skip
    if published is None:
        return None, None
    return FeedbackSection(published, received, adopted, partly, rejected, explanation), None
