"""What a change does to the disclosure column: two loaded sites compared, in the reviewer's terms.

Documents are matched by 索引号, so a file that moved keeps its history; only
主动公开 documents count as on the site (one that became 依申请公开 leaves it).
Check findings are matched without their line, which moves when text is added above.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..model.catalog import Catalog, Column
from ..model.document import Document
from ..model.problems import Problem
from ..model.site import DisclosureSite
from ..model.validity import State, expiring_soon
from ..model.yamlsource import split_front_matter

# The front matter a reader sees, by field name; 正文 is compared separately.
DOCUMENT_FIELDS: dict[str, Callable[[Document], Any]] = {
    "标题": lambda d: d.title,
    "发文字号": lambda d: d.doc_number,
    "发文机关": lambda d: d.issuer,
    "成文日期": lambda d: d.written,
    "发布日期": lambda d: d.published,
    "主题分类": lambda d: d.subject,
    "文种": lambda d: d.kind,
    "内容概述": lambda d: d.summary,
    "关键词": lambda d: d.keywords,
    "附件": lambda d: [(a.name, a.size) for a in d.attachments],
    "解读对象": lambda d: d.interprets,
    "年报数据": lambda d: d.report,
    "施行日期": lambda d: d.validity.effective,
    "有效期至": lambda d: d.validity.expires,
    "有效期": lambda d: d.validity.period_years,
    "废止日期": lambda d: d.validity.repealed_on,
    "修改、废止、替代": lambda d: [(r.kind.value, r.target) for r in d.validity.relations],
}
COLUMN_FIELDS = {
    "名称": "name", "路径": "slug_path", "类型": "kind", "更新频率": "frequency", "责任单位": "unit",
    "依据": "basis", "说明": "description", "突出显示": "prominent", "文件类别": "category",
    "需要解读": "interpretations_from",
}  # fmt: skip
# The catalog.yaml keys of the organ, guide and validity settings, for "what changed" lines.
CATALOG_LABELS = {
    "name": "名称", "code": "机构代码", "address": "地址", "postcode": "邮政编码", "hours": "办公时间",
    "phone": "电话", "fax": "传真", "website": "网站", "head": "负责人", "office": "信息公开工作机构",
    "preface": "编制说明", "proactive_scope": "公开范围", "proactive_channels": "公开方式",
    "proactive_deadline": "公开时限", "request_office": "受理机构", "request_how": "申请方式",
    "request_procedure": "处理程序", "request_fees": "收费", "remedies": "监督和救济",
    "years_by_category": "有效期年限", "provisional_years": "试行暂行年限", "reminder_months": "到期提醒月数",
}  # fmt: skip


@dataclass(frozen=True)
class DocumentChange:
    document: Document  # as it is now
    fields: list[str]  # what changed, in DOCUMENT_FIELDS order, 正文 last
    columns_before: list[str]  # column names
    columns_after: list[str]


@dataclass(frozen=True)
class ValidityChange:
    document: Document
    before: State | None  # None: the document is new
    after: State
    since: dt.date | None
    by: Document | None  # the repealing or amending document


@dataclass
class Changes:
    added: list[Document] = field(default_factory=list)
    removed: list[tuple[Document, str]] = field(default_factory=list)  # with why it left the site
    changed: list[DocumentChange] = field(default_factory=list)
    moved: list[DocumentChange] = field(default_factory=list)  # filed under other columns
    validity: list[ValidityChange] = field(default_factory=list)
    expiring: list[tuple[Document, dt.date]] = field(default_factory=list)  # newly within the reminder window
    catalog: list[str] = field(default_factory=list)
    public_numbers: list[str] = field(default_factory=list)  # allow-list entries added: each needs review
    new_findings: list[Problem] = field(default_factory=list)
    fixed_findings: list[Problem] = field(default_factory=list)
    withheld_added: int = 0  # new documents that are not 主动公开: never published

    @property
    def is_empty(self) -> bool:
        return not any(
            (self.added, self.removed, self.changed, self.moved, self.validity, self.expiring, self.catalog,
             self.public_numbers, self.new_findings, self.fixed_findings, self.withheld_added)
        )  # fmt: skip


def compare(
    base: DisclosureSite | None, head: DisclosureSite, base_findings: list[Problem], head_findings: list[Problem]
) -> Changes:
    changes = Changes()
    _compare_documents(base, head, changes)
    if base is not None:
        _compare_validity(base, head, changes)
        _compare_catalog(base.catalog, head.catalog, changes)
    changes.new_findings = _minus(head_findings, base_findings)
    changes.fixed_findings = _minus(base_findings, head_findings)
    return changes


def _compare_documents(base: DisclosureSite | None, head: DisclosureSite, changes: Changes) -> None:
    if base is None:  # the site is new: everything is added
        changes.added = list(reversed(head.documents))
        changes.withheld_added = len(head.withheld)
        return
    before = {d.index_no: d for d in base.documents}
    for document in reversed(head.documents):  # oldest first
        old = before.get(document.index_no)
        if old is None:
            changes.added.append(document)
            continue
        fields = [name for name, value in DOCUMENT_FIELDS.items() if value(old) != value(document)]
        if _body(base, old) != _body(head, document):
            fields.append("正文")
        change = DocumentChange(document, fields, _column_names(base, old), _column_names(head, document))
        if old.column_codes != document.column_codes:
            changes.moved.append(change)
        if fields:
            changes.changed.append(change)
    withheld_now = {d.index_no: d for d in head.withheld}
    for key, old in before.items():
        if head.public_document(key) is None:
            withheld = withheld_now.get(key)
            changes.removed.append((old, f"改为{withheld.disclosure}，不再发布" if withheld else "文件已删除"))
    withheld_before = {d.index_no for d in base.withheld}
    changes.withheld_added = len(withheld_now.keys() - withheld_before - before.keys())


def _compare_validity(base: DisclosureSite, head: DisclosureSite, changes: Changes) -> None:
    for document in reversed(head.documents):
        record = head.register.get(document.index_no)
        if record is None or not record.applies:
            continue
        after = record.state_on(head.as_of)
        old = base.public_document(document.index_no)
        before = base.state(old) if old is not None else None
        if before == after or (before is None and after in (State.IN_FORCE, State.NOT_YET_EFFECTIVE)):
            continue
        ending = record.ending(head.as_of)
        by = head.public_document(ending.by) if ending and ending.by else None
        changes.validity.append(ValidityChange(document, before, after, ending.day if ending else None, by))
    expiring_before = {r.instrument.key for r in expiring_soon(base.register, base.catalog.validity_policy)}
    for record in expiring_soon(head.register, head.catalog.validity_policy):
        expiring = head.public_document(record.instrument.key)
        if expiring is not None and record.instrument.key not in expiring_before and record.expires:
            changes.expiring.append((expiring, record.expires))


def _compare_catalog(base: Catalog, head: Catalog, changes: Changes) -> None:
    old_columns = {c.code: c for c in base.walk()}
    new_columns = {c.code: c for c in head.walk()}
    for code, column in new_columns.items():
        old = old_columns.get(code)
        if old is None:
            where = f"，在「{column.parent.name}」下" if column.parent else ""
            changes.catalog.append(f"新增栏目「{column.name}」（{code}，{column.kind.value}{where}）")
            continue
        for name, attribute in COLUMN_FIELDS.items():
            was, now = _column_value(old, attribute), _column_value(column, attribute)
            if was != now:
                changes.catalog.append(f"栏目「{column.name}」（{code}）的{name}：{_shown(was)} → {_shown(now)}")
    for code, column in old_columns.items():
        if code not in new_columns:
            changes.catalog.append(f"删除栏目「{column.name}」（{code}）")
    for label, was, now in (
        ("机关", base.organ, head.organ), ("公开指南", base.guide, head.guide),
        ("文件效力", base.validity_policy, head.validity_policy),
    ):  # fmt: skip
        if was != now:
            changes.catalog.append(f"{label}：{'、'.join(_changed_fields(was, now))} 有改动")
    if (base.index_rule, base.page_size) != (head.index_rule, head.page_size):
        changes.catalog.append("索引号规则或每页条数有改动")
    for code in sorted(set(base.checks.levels) | set(head.checks.levels)):
        was, now = base.checks.level(code), head.checks.level(code)
        if was != now:
            changes.catalog.append(f"检查规则 {code} 的级别：{was.value} → {now.value}")
    old_numbers = {n.digits for n in base.checks.public_numbers}
    for number in head.checks.public_numbers:
        if number.digits not in old_numbers:
            changes.public_numbers.append(f"{number.number}（理由：{number.reason}）")
    new_numbers = {n.digits for n in head.checks.public_numbers}
    removed = [n.number for n in base.checks.public_numbers if n.digits not in new_numbers]
    if removed:
        changes.catalog.append(f"公开号码删除：{'、'.join(removed)}")


def _column_value(column: Column, attribute: str) -> Any:
    value = getattr(column, attribute)
    return value.value if hasattr(value, "value") else value


def _shown(value: Any) -> str:
    if value is None or value is False:
        return "无"
    if value is True:
        return "是"
    if value == dt.date.min:
        return "全部文件"
    return str(value)


def _changed_fields(was: Any, now: Any) -> list[str]:
    names = [f.name for f in dataclasses.fields(was) if getattr(was, f.name) != getattr(now, f.name)]
    return [CATALOG_LABELS.get(name, name) for name in names] or ["内容"]


def _column_names(site: DisclosureSite, document: Document) -> list[str]:
    return [c.name for c in site.columns_of(document)]


def _body(site: DisclosureSite, document: Document) -> str:
    _, body, _ = split_front_matter((site.docs_dir / document.src_uri).read_text("utf-8"))
    return body.strip()


def _finding_key(problem: Problem) -> tuple[str, str, str, str]:
    return (problem.code, problem.path, problem.field, problem.found)


def _minus(these: list[Problem], those: list[Problem]) -> list[Problem]:
    """The findings of `these` that `those` lacks, counted: two alike in one and one in the other leave one."""
    left = Counter(_finding_key(p) for p in those)
    result = []
    for problem in these:
        key = _finding_key(problem)
        if left[key]:
            left[key] -= 1
        else:
            result.append(problem)
    return result
