"""重大决策预公开: the comment period, the 意见采纳情况, and the links between a consultation, its
采纳情况 and its decision (gongkai.model.consultation)."""

from __future__ import annotations

import datetime as dt

from ..model.consultation import ConsultationState
from ..model.document import Document
from ..model.rules import CONSULTATION_LINK, FEEDBACK_MISSING, SHORT_CONSULTATION
from ..model.site import DisclosureSite
from .findings import Findings


def check_consultations(site: DisclosureSite, findings: Findings) -> None:
    for document in site.documents:
        if document.consultation is not None:
            _check_period(site, document, findings)
            _check_feedback(site, document, findings)
        _check_drafts(site, document, findings)


def _check_period(site: DisclosureSite, document: Document, findings: Findings) -> None:
    consultation = document.consultation
    assert consultation is not None
    minimum = site.consultation_rules(document).min_days
    if consultation.days < minimum and consultation.shortened_because is None:
        findings.add(
            SHORT_CONSULTATION, document.source_path, consultation.line, "意见征集.截止日期",
            f"征求意见期 {consultation.start} 至 {consultation.end}，共 {consultation.days} 日，未说明理由",
            f"不少于 {minimum} 日；确需缩短的，在「意见征集.缩短理由」中说明理由",
        )  # fmt: skip


def _check_feedback(site: DisclosureSite, document: Document, findings: Findings) -> None:
    consultation = document.consultation
    assert consultation is not None
    where = (document.source_path, consultation.feedback_line or consultation.line, "意见征集.采纳情况")
    reference = consultation.feedback_document
    if reference is not None:
        key, why = site.register.lookup(reference)
        answer = site.public_document(key) if key else None
        if key is None:
            findings.add(CONSULTATION_LINK, *where, why or "", "已有文件的索引号或发文字号")
        elif answer is None:
            found = f"'{reference}' 不是主动公开的文件，不会发布，征求意见页面无法链接到它"
            findings.add(CONSULTATION_LINK, *where, found, "主动公开文件的索引号或发文字号")
        elif answer.published <= consultation.end:
            found = f"'{reference}' 发布于 {answer.published}，不晚于征集截止日期 {consultation.end}"
            findings.add(CONSULTATION_LINK, *where, found, "征集截止之后发布的意见采纳情况")
    if site.consultation_state(document) is not ConsultationState.AWAITING_FEEDBACK:
        return
    deadline = consultation.end + dt.timedelta(days=site.consultation_rules(document).feedback_days)
    if site.as_of > deadline:
        findings.add(
            FEEDBACK_MISSING, document.source_path, consultation.line, "意见征集.采纳情况",
            f"征求意见已于 {consultation.end} 截止，至 {site.as_of} 仍未公布意见采纳情况",
            f"{deadline} 前公布：在「意见征集.采纳情况」中写明采纳情况，或写公布它的文件的索引号",
        )  # fmt: skip


def _check_drafts(site: DisclosureSite, document: Document, findings: Findings) -> None:
    """A decision's 征求意见稿 is a published consultation that ended before the decision was published."""
    for reference in document.drafts:
        where = (document.source_path, document.line("征求意见稿"), "征求意见稿")
        key, why = site.register.lookup(reference)
        draft = site.public_document(key) if key else None
        if key is None:
            findings.add(CONSULTATION_LINK, *where, why or "", "已有的征求意见文件的索引号或发文字号")
        elif draft is None:
            found = f"'{reference}' 不是主动公开的文件，不会发布，决策文件无法链接到它"
            findings.add(CONSULTATION_LINK, *where, found, "主动公开的征求意见文件的索引号或发文字号")
        elif draft.consultation is None:
            found = f"'{reference}'（{draft.title}）没有「意见征集」，不是征求意见文件"
            findings.add(CONSULTATION_LINK, *where, found, "有「意见征集」的征求意见文件的索引号或发文字号")
        elif document.published <= draft.consultation.end:
            found = f"决策文件发布于 {document.published}，征求意见 {draft.consultation.end} 才截止"
            findings.add(CONSULTATION_LINK, *where, found, "征求意见截止之后发布的决策文件")
