"""The published disclosure column: catalog plus the documents that may be shown.

This is the one place that decides what reaches the public: documents that
are not 主动公开, and their attachments, are kept out of every listing and
out of the build.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .annual_report import ReportData, library_counts
from .catalog import Catalog, Column, ColumnKind, load_catalog
from .cleanup import CleanupRecord, read_cleanups
from .document import Document, read_document, read_front_matter, read_markdown
from .fields import FieldReader
from .problems import InvalidInput, Problem, ProblemList, Severity
from .rules import ORPHAN_FILE
from .validity import Instrument, Register, State, build_register

# Column kinds whose pages list documents, so documents may be filed under them.
LISTING_KINDS = (ColumnKind.DOCUMENT_LIST, ColumnKind.LIBRARY)


@dataclass
class ListingPage:
    """One page of a paginated list of documents."""

    number: int
    count: int
    documents: list[Document]

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.count

    def window(self, radius: int = 2) -> list[int | None]:
        """Page numbers to link: first, last and `radius` around this one; None marks a gap.

        Bounded, so a listing page's size does not grow with the number of pages.
        """
        shown = {1, self.count, *range(self.number - radius, self.number + radius + 1)}
        numbers = sorted(n for n in shown if 1 <= n <= self.count)
        result: list[int | None] = []
        for number in numbers:
            if result and number - (result[-1] or 0) > 1:
                result.append(None)
            result.append(number)
        return result


@dataclass(frozen=True)
class ColumnPage:
    """The Markdown of a 单页 (or 公开指南) column; its front matter holds only its 发布日期."""

    src_uri: str
    source_path: str
    published: dt.date | None
    body: str
    body_line: int


PAGE_FIELDS = ["发布日期"]


@dataclass
class DisclosureSite:
    catalog: Catalog
    documents: list[Document]  # 主动公开 only, newest first
    withheld: list[Document]  # not 主动公开: never published
    unpublished_files: set[str]  # src_uris under the docs dir to keep out of the build
    register: Register
    cleanups: list[CleanupRecord] = field(default_factory=list)  # newest review first
    warnings: list[Problem] = field(default_factory=list)
    by_column: dict[str, list[Document]] = field(default_factory=dict)
    pages: dict[str, ColumnPage] = field(default_factory=dict)  # column code -> its Markdown page
    docs_dir: Path = Path("content")
    shown_docs_dir: str = "content/"  # how messages name the docs dir
    _sections: dict[str, dict[str, list[Document]]] = field(default_factory=dict, repr=False)

    def shown_path(self, src_uri: str) -> str:
        """A file under the docs dir as messages name it: content/wj/2024/00001.md."""
        return self.shown_docs_dir + src_uri

    @property
    def as_of(self) -> dt.date:
        return self.register.as_of

    def state(self, document: Document) -> State | None:
        """The document's validity state, or None when it has none worth showing."""
        record = self.register.get(document.index_no)
        return record.state_on(self.as_of) if record is not None and record.applies else None

    def library_sections(self, column: Column) -> dict[str, list[Document]]:
        """A library's documents by section, newest 施行日期 first: 现行有效, 尚未生效, and the ended ones.

        Computed once per library: each of its pages asks for it.
        """
        if column.code not in self._sections:
            self._sections[column.code] = self._split_library(column)
        return self._sections[column.code]

    def _split_library(self, column: Column) -> dict[str, list[Document]]:
        sections: dict[str, list[Document]] = {"current": [], "pending": [], "ended": []}
        for document in sorted(self.documents_in(column), key=self._effective_key, reverse=True):
            state = self.state(document)
            if state is State.IN_FORCE:
                sections["current"].append(document)
            elif state is State.NOT_YET_EFFECTIVE:
                sections["pending"].append(document)
            else:
                sections["ended"].append(document)
        return sections

    def _effective_key(self, document: Document) -> tuple[dt.date, str]:
        return (self.register[document.index_no].effective, document.index_no)

    def public_document(self, key: str) -> Document | None:
        """The published document of that 索引号; None for one that is not 主动公开."""
        return self._public_by_key.get(key)

    @cached_property
    def _public_by_key(self) -> dict[str, Document]:
        return {d.index_no: d for d in self.documents}

    def interpretations_of(self, document: Document) -> list[Document]:
        """The published 政策解读 of a document, newest first."""
        return self._interpretation_links[0].get(document.index_no, [])

    def interpreted_by(self, document: Document) -> list[Document]:
        """The published documents a 政策解读 explains."""
        return self._interpretation_links[1].get(document.index_no, [])

    @cached_property
    def _interpretation_links(self) -> tuple[dict[str, list[Document]], dict[str, list[Document]]]:
        """三同步 both ways, between published documents only; a dangling one is a check finding."""
        of: dict[str, list[Document]] = defaultdict(list)
        by: dict[str, list[Document]] = defaultdict(list)
        for interpretation in self.documents:
            for reference in interpretation.interprets:
                key, _ = self.register.lookup(reference)
                target = self.public_document(key) if key else None
                if target is not None:
                    of[target.index_no].append(interpretation)
                    by[interpretation.index_no].append(target)
        return dict(of), dict(by)

    @cached_property
    def reports(self) -> dict[int, Document]:
        """The published 年度报告 by year, newest first."""
        found = {d.report.year: d for d in self.documents if d.report}
        return dict(sorted(found.items(), reverse=True))

    def library_counts(self, report: ReportData) -> dict[tuple[str, str], int]:
        """第二十条第（一）项 of a report as the library counts it."""
        return library_counts(report.year, report.format, self.register, self._public_by_key.keys())

    def documents_in(self, column: Column) -> list[Document]:
        """Documents filed directly under a column, newest first."""
        return self.by_column.get(column.code, [])

    @cached_property
    def _tree_counts(self) -> dict[str, int]:
        """Documents under each column and its sub-columns, each document counted once."""
        return {
            column.code: len({d.index_no for c in column.walk() for d in self.documents_in(c)})
            for column in self.catalog.walk()
        }

    def count_in_tree(self, column: Column) -> int:
        return self._tree_counts[column.code]

    def is_empty(self, column: Column) -> bool:
        if column.kind in LISTING_KINDS:
            return self.count_in_tree(column) == 0
        return False

    def pages_of(self, documents: list[Document]) -> list[ListingPage]:
        size = self.catalog.page_size
        count = max(1, math.ceil(len(documents) / size))
        return [ListingPage(n, count, documents[(n - 1) * size : n * size]) for n in range(1, count + 1)]

    def columns_of(self, document: Document) -> list[Column]:
        return [c for code in document.column_codes if (c := self.catalog.column(code))]


def load_site(
    catalog_file: Path,
    docs_dir: Path,
    documents_dir: str,
    project_dir: Path,
    as_of: dt.date,
    cleanups_dir: str = "qingli",
) -> DisclosureSite:
    """Load and validate everything; raise InvalidInput with all errors at once.

    Validity states are computed as of `as_of`.
    """
    catalog = load_catalog(catalog_file, _display(catalog_file, project_dir), docs_dir)
    problems = ProblemList()
    documents: list[Document] = []
    root = docs_dir / documents_dir
    markdown_files = sorted(root.rglob("*.md")) if root.is_dir() else []
    for path in markdown_files:
        document = read_document(path, docs_dir, _display(path, project_dir), catalog, problems)
        if document is not None:
            documents.append(document)
    _check_unique_index_numbers(documents, problems)
    _check_one_report_a_year(documents, problems)
    _check_columns(documents, catalog, problems)
    cleanups = read_cleanups(docs_dir / cleanups_dir, docs_dir, lambda p: _display(p, project_dir), problems)
    _check_cleanup_column(cleanups, catalog, problems)
    pages = {
        c.code: page for c in catalog.walk() if c.page_source
        if (page := _read_column_page(c, docs_dir, lambda p: _display(p, project_dir), problems))
    }  # fmt: skip
    if problems.errors:
        raise InvalidInput(problems.errors)
    # Every document, public or not, so that a relation to a withheld one resolves (it is never shown).
    instruments = [_instrument(d, catalog) for d in documents]
    decisions = [decision for record in cleanups for decision in record.decisions()]
    register = build_register(instruments, as_of, catalog.validity_policy, decisions, problems)
    _check_announcements(cleanups, register, problems)
    if problems.errors:
        raise InvalidInput(problems.errors)
    public = sorted((d for d in documents if d.is_public), key=lambda d: d.sort_key, reverse=True)
    withheld = [d for d in documents if not d.is_public]
    unpublished = {d.src_uri for d in withheld} | {a.src_uri for d in withheld for a in d.attachments}
    unpublished |= _orphan_files(root, docs_dir, documents, project_dir, problems)
    unpublished |= {c.page_source for c in catalog.walk() if c.page_source}
    unpublished |= {record.src_uri for record in cleanups}  # data, rendered as pages
    unpublished |= {d.report.src_uri for d in documents if d.report}  # data, rendered as the report's tables
    by_column: dict[str, list[Document]] = defaultdict(list)
    for document in public:
        for code in dict.fromkeys(document.column_codes):
            by_column[code].append(document)
    return DisclosureSite(
        catalog, public, withheld, unpublished, register, cleanups, problems.warnings, dict(by_column), pages, docs_dir,
        _display(docs_dir, project_dir).rstrip("/") + "/",
    )  # fmt: skip


def _read_column_page(
    column: Column, docs_dir: Path, display: Callable[[Path], str], problems: ProblemList
) -> ColumnPage | None:
    assert column.page_source is not None
    path = docs_dir / column.page_source
    source_path = display(path)
    text = read_markdown(path, source_path, problems)
    expected = "YAML 映射，如 发布日期: 2026-01-05"
    parsed = None if text is None else read_front_matter(text, source_path, problems, expected)
    if parsed is None:
        return None
    data, body, body_line = parsed
    published = None
    if data is not None:
        reader = FieldReader(data, source_path, problems)
        reader.check_keys(PAGE_FIELDS, [])
        published = reader.date("发布日期")
    return ColumnPage(column.page_source, source_path, published, body, body_line)


def _instrument(document: Document, catalog: Catalog) -> Instrument:
    libraries = [c for code in document.column_codes if (c := catalog.column(code)) and c.kind is ColumnKind.LIBRARY]
    return Instrument(
        key=document.index_no, title=document.title, doc_number=document.doc_number, written=document.written,
        published=document.published, source_path=document.source_path,
        category=libraries[0].category if libraries else None, facts=document.validity,
    )  # fmt: skip


def _check_announcements(cleanups: list[CleanupRecord], register: Register, problems: ProblemList) -> None:
    for record in (r for r in cleanups if r.announcement):
        key, why = register.lookup(record.announcement or "")
        if key is None:
            problems.add(record.source_path, record.announcement_line, "公告", why or "", "已有文件的索引号或发文字号")


def _check_cleanup_column(cleanups: list[CleanupRecord], catalog: Catalog, problems: ProblemList) -> None:
    if cleanups and not catalog.columns_of_kind(ColumnKind.CLEANUPS):
        problems.add(
            cleanups[-1].source_path, None, "", "有清理记录，但没有发布它们的栏目",
            "在 catalog.yaml 中加一个类型为「清理结果」的栏目",
        )  # fmt: skip


def _display(path: Path, project_dir: Path) -> str:
    try:
        return path.resolve().relative_to(project_dir.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _check_unique_index_numbers(documents: list[Document], problems: ProblemList) -> None:
    first: dict[str, Document] = {}
    for document in documents:
        other = first.setdefault(document.index_no, document)
        if other is not document:
            problems.add(
                document.source_path, document.index_line, "索引号",
                f"'{document.index_no}' 与 {other.source_path}:{other.index_line} 重复", "每份文件唯一的索引号",
            )  # fmt: skip


def _check_one_report_a_year(documents: list[Document], problems: ProblemList) -> None:
    first: dict[int, Document] = {}
    for document in (d for d in documents if d.report and d.is_public):
        assert document.report is not None
        other = first.setdefault(document.report.year, document)
        if other is not document:
            problems.add(
                document.report.source_path, 1, "年度",
                f"{document.report.year} 年度报告已有一份：{other.source_path}", "每年一份年度报告",
            )  # fmt: skip


def _check_columns(documents: list[Document], catalog: Catalog, problems: ProblemList) -> None:
    listing = [c.code for c in catalog.walk() if c.kind in LISTING_KINDS]
    for document in documents:
        if not document.column_codes:
            problems.add(document.source_path, document.column_line, "栏目", "没有填写栏目", "至少一个栏目代码")
        for code in document.column_codes:
            column = catalog.column(code)
            if column is None:
                found = f"栏目代码 '{code}' 在 catalog.yaml 中不存在"
            elif column.kind not in LISTING_KINDS:
                found = f"栏目 '{code}'（{column.name}）的类型是{column.kind.value}，不列出文件"
            else:
                continue
            problems.add(
                document.source_path, document.column_line, "栏目", found, "以下栏目代码之一：" + "、".join(listing)
            )


def _orphan_files(
    root: Path, docs_dir: Path, documents: list[Document], project_dir: Path, problems: ProblemList
) -> set[str]:
    """Files among the documents that no document names: kept out, and reported."""
    if not root.is_dir():
        return set()
    named = {a.src_uri for d in documents for a in d.attachments} | {d.report.src_uri for d in documents if d.report}
    orphans = set()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix != ".md"):
        src_uri = path.relative_to(docs_dir).as_posix()
        if src_uri not in named and not path.name.startswith("."):
            orphans.add(src_uri)
            problems.add(
                _display(path, project_dir), None, "", "这个文件没有被任何文件的「附件」引用，未发布",
                "在所属文件的 附件 中列出，或删除它", Severity.WARNING, ORPHAN_FILE,
            )  # fmt: skip
    return orphans
