"""三同步: a policy document and its 政策解读 are published together and link to each other."""

from __future__ import annotations

from ..model.rules import DANGLING_INTERPRETATION, LINK_TO_UNPUBLISHED, MISSING_INTERPRETATION
from ..model.site import DisclosureSite
from .findings import Findings


def check_interpretations(site: DisclosureSite, findings: Findings) -> None:
    for document in site.documents:
        for reference in document.interprets:
            key, why = site.register.lookup(reference)
            where = (document.source_path, document.line("解读对象"), "解读对象")
            if key is None:
                findings.add(DANGLING_INTERPRETATION, *where, why or "", "已有文件的索引号或发文字号")
            elif site.public_document(key) is None:
                found = f"'{reference}' 不是主动公开的文件，不会发布，解读无法链接到它"
                findings.add(LINK_TO_UNPUBLISHED, *where, found, "主动公开文件的索引号或发文字号，或删去这一项")
    seen: set[str] = set()
    for column in site.catalog.walk():
        since = column.interpretations_from
        if since is None:
            continue
        for document in site.documents_in(column):
            if document.published < since or document.index_no in seen or site.interpretations_of(document):
                continue
            seen.add(document.index_no)
            findings.add(
                MISSING_INTERPRETATION, document.source_path, document.column_line, "栏目",
                f"栏目「{column.name}」的文件需要政策解读（三同步），没有已发布的解读",
                f"同步发布解读，在解读的「解读对象」中写本文件的索引号 {document.index_no} 或发文字号",
            )  # fmt: skip
