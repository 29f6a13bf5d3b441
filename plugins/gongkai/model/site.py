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
from typing import Any

from .annual_report import ReportData, library_counts
from .catalog import Catalog, Column, ColumnKind, ConsultationRules, GazetteRules
from .cleanup import CleanupRecord, read_cleanups
from .consultation import ConsultationState
from .document import Document, read_document, read_front_matter, read_link_names, read_markdown
from .fields import FieldReader
from .gazette import GazetteIssue, read_gazette
from .layout import SEARCH_URI, Layout, PortalLayout
from .platform_catalog import PlatformCatalog, load_platform_catalog
from .problems import InvalidInput, Problem, ProblemList, Severity
from .rules import ORPHAN_FILE
from .standard_catalog import StandardDomain, read_standard_catalog
from .validity import Instrument, Register, State, build_register, normalise_reference

# Column kinds whose pages list documents, so documents may be filed under them.
LISTING_KINDS = (ColumnKind.DOCUMENT_LIST, ColumnKind.LIBRARY, ColumnKind.CONSULTATIONS)


@dataclass
class ListingPage:
    """One page of a paginated list of documents (or of what a list shows of them)."""

    number: int
    count: int
    documents: list[Any]

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


def paginate(items: list[Any], size: int) -> list[ListingPage]:
    """The pages of a list, `size` a page; an empty list has one page."""
    return [listing_page(items, size, n) for n in range(1, max(1, math.ceil(len(items) / size)) + 1)]


def listing_page(items: list[Any], size: int, number: int) -> ListingPage:
    """Page `number` of `paginate(items, size)`, without making the others (a page of a long list is
    made on its own: making them all for each would take the square of the list's length)."""
    count = max(1, math.ceil(len(items) / size))
    return ListingPage(number, count, items[(number - 1) * size : number * size])


@dataclass(frozen=True)
class ColumnPage:
    """The Markdown of a 单页 (or 公开指南) column; its front matter holds only its 发布日期."""

    src_uri: str
    source_path: str
    published: dt.date | None
    body: str
    body_line: int


PAGE_FIELDS = ["发布日期"]


@dataclass(frozen=True)
class Carriage:
    """An issue of a gazette that carries a document: its 刊名 and number, and its page."""

    gazette: str  # 示例县人民政府公报
    issue: str  # 2026年第3号
    uri: str


@dataclass
class SiteWide:
    """What the organs of one site share: on a platform, a document of one organ links to, interprets,
    amends or repeals another's. On a one-organ site it is that organ's."""

    public_by_key: dict[str, Document]  # every organ's 主动公开 documents by 索引号
    document_files: set[str]  # their src_uris
    unpublished_files: set[str]  # every organ's files kept out of the build
    withheld_files: set[str]  # documents that are not 主动公开, and their attachments
    interpretations_of: dict[str, list[Document]]  # 索引号 -> its published 政策解读, newest first
    interpreted_by: dict[str, list[Document]]  # 索引号 of a 政策解读 -> the published documents it explains
    # 索引号 of a consultation -> the published decisions that name it as their 征求意见稿, newest first
    decisions_of: dict[str, list[Document]] = field(default_factory=dict)
    # 索引号 of a document published as the 采纳情况 of consultations -> those consultations
    answers_to: dict[str, list[Document]] = field(default_factory=dict)
    carried_in: dict[str, list[Carriage]] = field(default_factory=dict)  # 索引号 -> the 公报 issues carrying it
    # The pages the column generates that a Markdown link may name: every organ's landing and column pages,
    # 一网通查, and a platform's portal and 公开目录.
    generated_pages: set[str] = field(default_factory=set)


@dataclass
class DisclosureSite:
    catalog: Catalog
    documents: list[Document]  # 主动公开 only, newest first
    withheld: list[Document]  # not 主动公开: never published
    unpublished_files: set[str]  # src_uris under the docs dir to keep out of the build
    register: Register
    cleanups: list[CleanupRecord] = field(default_factory=list)  # newest review first
    gazette: list[GazetteIssue] = field(default_factory=list)  # the 政府公报's issues, newest first
    standard_catalog: list[StandardDomain] = field(default_factory=list)  # 标准目录, in its domains' order
    warnings: list[Problem] = field(default_factory=list)
    by_column: dict[str, list[Document]] = field(default_factory=dict)
    pages: dict[str, ColumnPage] = field(default_factory=dict)  # column code -> its Markdown page
    docs_dir: Path = Path("content")
    shown_docs_dir: str = "content/"  # how messages name the docs dir
    whole: SiteWide | None = None  # set by load_platform; None only for a site made by hand
    # Whose checks also cover the Markdown pages of the site outside any organ's folder: the first organ's.
    checks_other_pages: bool = True
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

    @property
    def shared(self) -> SiteWide:
        if self.whole is None:
            self.whole = site_wide([self])
        return self.whole

    def public_document(self, key: str) -> Document | None:
        """The published document of that 索引号, of any organ of the site; None for one not 主动公开."""
        return self.shared.public_by_key.get(key)

    @cached_property
    def _public_by_key(self) -> dict[str, Document]:
        return {d.index_no: d for d in self.documents}

    @cached_property
    def own_keys(self) -> set[str]:
        """The 索引号 of this organ's documents, published or not."""
        return {d.index_no for d in (*self.documents, *self.withheld)}

    def interpretations_of(self, document: Document) -> list[Document]:
        """The published 政策解读 of a document, newest first."""
        return self.shared.interpretations_of.get(document.index_no, [])

    def interpreted_by(self, document: Document) -> list[Document]:
        """The published documents a 政策解读 explains."""
        return self.shared.interpreted_by.get(document.index_no, [])

    def consultation_state(self, document: Document) -> ConsultationState | None:
        """The state of a consultation as of the build day; None for any other document."""
        if document.consultation is None:
            return None
        feedback = document.consultation.feedback
        published = feedback.published if feedback else None
        if (answer := self.feedback_document(document)) is not None:
            published = answer.published
        return document.consultation.state_on(self.as_of, published)

    def feedback_document(self, document: Document) -> Document | None:
        """The published document a consultation names as its 采纳情况."""
        reference = document.consultation.feedback_document if document.consultation else None
        key = self.register.lookup(reference)[0] if reference else None
        return self.public_document(key) if key else None

    def decisions_of(self, document: Document) -> list[Document]:
        """The published decisions that name a consultation as their 征求意见稿, newest first."""
        return self.shared.decisions_of.get(document.index_no, [])

    def carried_in(self, document: Document) -> list[Carriage]:
        """The gazette issues, of any organ, that carry the document, oldest first."""
        return self.shared.carried_in.get(document.index_no, [])

    @property
    def gazette_title(self) -> str:
        """刊名: the 政府公报 column's, else the organ's name and 公报."""
        rules = _gazette_rules(self.catalog)
        return (rules.title if rules else "") or f"{self.catalog.organ.name}公报"

    def answers_to(self, document: Document) -> list[Document]:
        """The published consultations whose 采纳情况 this document publishes."""
        return self.shared.answers_to.get(document.index_no, [])

    def drafts_of(self, document: Document) -> list[Document]:
        """The published consultations a decision names as its 征求意见稿."""
        keys = (self.register.lookup(reference)[0] for reference in document.drafts)
        found = (self.public_document(key) for key in keys if key)
        return [d for d in found if d is not None and d.consultation is not None]

    def consultation_rules(self, document: Document) -> ConsultationRules:
        """What the first 意见征集 column a consultation is filed under asks of it."""
        rules = (c.consultation_rules for c in self.columns_of(document) if c.consultation_rules)
        return next(rules, ConsultationRules())

    def consultations_first(self, column: Column) -> list[Document]:
        """A 意见征集 column's list: the consultations open now first, those ending soonest on top; then
        the others (not yet open, closed, and any other document filed there) newest first."""
        documents = self.documents_in(column)
        open_now = [d for d in documents if self.consultation_state(d) is ConsultationState.OPEN]
        open_now.sort(key=lambda d: (d.consultation.end if d.consultation else dt.date.max, d.index_no))
        return open_now + [d for d in documents if d not in open_now]

    @cached_property
    def reports(self) -> dict[int, Document]:
        """The published 年度报告 by year, newest first."""
        found = {d.report.year: d for d in self.documents if d.report}
        return dict(sorted(found.items(), reverse=True))

    def library_counts(self, report: ReportData) -> dict[tuple[str, str], int]:
        """第二十条第（一）项 of a report as the library counts it."""
        return library_counts(report.year, report.format, self.register, self._public_by_key.keys(), self.own_keys)

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
        return paginate(documents, self.catalog.page_size)

    def columns_of(self, document: Document) -> list[Column]:
        return [c for code in document.column_codes if (c := self.catalog.column(code))]


@dataclass
class Platform:
    """A site's organs, each with its column (one on a one-organ site), and what they share."""

    catalog: PlatformCatalog
    sites: list[DisclosureSite]  # in the order of catalog.yaml
    register: Register

    @property
    def is_platform(self) -> bool:
        return self.catalog.is_platform

    @property
    def first(self) -> DisclosureSite:
        return self.sites[0]

    @property
    def as_of(self) -> dt.date:
        return self.register.as_of

    @cached_property
    def documents(self) -> list[Document]:
        """Every organ's 主动公开 documents, newest first."""
        return sorted((d for site in self.sites for d in site.documents), key=lambda d: d.sort_key, reverse=True)

    @property
    def by_organ(self) -> list[Document]:
        """Every organ's 主动公开 documents, organ after organ in the catalog's order, each newest first:
        the order of a platform's search index (an index per organ, merged)."""
        return [d for site in self.sites for d in site.documents]

    @cached_property
    def withheld(self) -> list[Document]:
        return [d for site in self.sites for d in site.withheld]

    @property
    def whole(self) -> SiteWide:
        return self.first.shared

    def site(self, organ_key: str) -> DisclosureSite | None:
        return next((s for s in self.sites if s.catalog.organ_key == organ_key), None)

    @cached_property
    def site_of_document(self) -> dict[str, DisclosureSite]:
        """src_uri of a published document -> the organ's site that publishes it."""
        return {d.src_uri: site for site in self.sites for d in site.documents}


@dataclass(frozen=True)
class _Folders:
    """Where an organ's content is, under the docs dir."""

    documents: Path
    cleanups: Path
    gazette: Path
    standard_catalog: Path


@dataclass
class _OrganContent:
    """What one organ's folder holds, read and checked on its own."""

    catalog: Catalog
    documents: list[Document]
    cleanups: list[CleanupRecord]
    pages: dict[str, ColumnPage]
    documents_root: Path
    gazette: list[GazetteIssue] = field(default_factory=list)
    standard_catalog: list[StandardDomain] = field(default_factory=list)
    linked_only: bool = False  # another organ's documents that a part's are linked with, not all of them


def load_platform(
    catalog_file: Path,
    docs_dir: Path,
    documents_dir: str,
    project_dir: Path,
    as_of: dt.date,
    cleanups_dir: str = "qingli",
    only_organ: str | None = None,
    gazettes_dir: str = "gongbao",
    standards_dir: str = "bzml",
) -> Platform:
    """Load and validate every organ of the site; raise InvalidInput with all errors at once.

    Validity states are computed as of `as_of`, over the documents of every organ: on a platform a
    government's decision repeals a department's 规范性文件.

    With `only_organ` (the part of one organ: gongkai.model.parts), that organ is loaded and checked in full;
    of the others, only the documents its own are linked with, however indirectly (relations, 解读对象,
    清理 decisions, the 公报 issues carrying its documents), and they are not checked: the memory a part
    needs follows its organ's size and its links, not the number of organs.
    """

    def display(path: Path) -> str:
        return _display(path, project_dir)

    platform_catalog = load_platform_catalog(catalog_file, display(catalog_file), docs_dir)
    problems = ProblemList()
    contents = []
    others = []
    for catalog in platform_catalog.organs:
        folder = platform_catalog.organ_folder(catalog)
        names = (documents_dir, cleanups_dir, gazettes_dir, standards_dir)
        roots = _Folders(*(docs_dir / f"{folder}{name}" for name in names))
        if only_organ is None or catalog.organ_key == only_organ:
            contents.append(_read_organ_content(catalog, roots, docs_dir, display, problems))
        else:
            others.append((catalog, roots))
    if only_organ is not None:
        contents += _linked_content(contents, others, docs_dir, display)
    elif platform_catalog.is_platform:
        _check_stray_files(platform_catalog, docs_dir, documents_dir, display, problems)
    everything = [d for content in contents for d in content.documents]
    # 索引号 name documents across organs (a relation, a 解读对象): unique in the whole site.
    _check_unique_index_numbers(everything, problems)
    if problems.errors:
        raise InvalidInput(problems.errors)
    # Every document, public or not, so that a relation to a withheld one resolves (it is never shown).
    instruments = [_instrument(d, content.catalog) for content in contents for d in content.documents]
    # Of another organ's 清理 record, a part takes the decisions on documents it has.
    loaded = {name for content in contents for d in content.documents for name in _names(d)}
    decisions = [
        decision for content in contents for record in content.cleanups for decision in record.decisions()
        if not content.linked_only or normalise_reference(decision.target) in loaded
    ]  # fmt: skip
    policy = platform_catalog.first.validity_policy
    register = build_register(instruments, as_of, policy, decisions, problems)
    for content in contents:
        _check_announcements(content.cleanups, register, problems)
    if problems.errors:
        raise InvalidInput(problems.errors)
    shown_docs_dir = display(docs_dir).rstrip("/") + "/"
    sites = [_organ_site(content, register, docs_dir, display, problems) for content in contents]
    _hand_out_warnings(sites, platform_catalog, shown_docs_dir, problems.warnings)
    whole = site_wide(sites, platform_catalog)
    for site in sites:
        # The site's pages outside every organ's folder are checked with its first organ.
        first = site.catalog is platform_catalog.first
        site.whole, site.shown_docs_dir, site.checks_other_pages = whole, shown_docs_dir, first
    return Platform(platform_catalog, sites, register)


def load_site(
    catalog_file: Path,
    docs_dir: Path,
    documents_dir: str,
    project_dir: Path,
    as_of: dt.date,
    cleanups_dir: str = "qingli",
    gazettes_dir: str = "gongbao",
) -> DisclosureSite:
    """The site of one organ (load_platform); on a platform, its first organ's."""
    platform = load_platform(
        catalog_file, docs_dir, documents_dir, project_dir, as_of, cleanups_dir, None, gazettes_dir
    )
    return platform.first


def _linked_content(
    own: list[_OrganContent],
    others: list[tuple[Catalog, _Folders]],
    docs_dir: Path,
    display: Callable[[Path], str],
) -> list[_OrganContent]:
    """Of the other organs, the documents, 清理 records and 公报 issues linked with `own`'s documents,
    however indirectly; of the rest only the front matter is read, for its links. Their faults are not
    this part's."""
    links: dict[Path, tuple[set[str], set[str]]] = {}  # a document's names, and the names it refers to
    ignored = ProblemList()
    for _, folders in others:
        for path in sorted(folders.documents.rglob("*.md")) if folders.documents.is_dir() else []:
            links[path] = read_link_names(path)  # the front matter only: most are let go unread
    wanted = {name for content in own for d in content.documents for name in _names(d) | _references(d)}
    wanted |= {normalise_reference(d.target) for content in own for r in content.cleanups for d in r.decisions()}
    wanted |= {normalise_reference(name) for content in own for issue in content.gazette for name in _carried(issue)}
    kept: set[Path] = set()
    changed = True
    while changed:  # the closure: a document joins when it names, or is named by, one that is in
        changed = False
        for path, (names, references) in links.items():
            if path not in kept and (names & wanted or references & wanted):
                kept.add(path)
                wanted |= names | references
                changed = True
    contents = []
    for catalog, folders in others:
        documents = [
            document for path in sorted(p for p in kept if p.is_relative_to(folders.documents))
            if (document := read_document(path, docs_dir, display(path), catalog, ignored)) is not None
        ]  # fmt: skip
        cleanups = [
            record for record in read_cleanups(folders.cleanups, docs_dir, display, ignored)
            if any(normalise_reference(d.target) in wanted for d in record.decisions())
        ]  # fmt: skip
        gazette = [
            issue for issue in read_gazette(folders.gazette, docs_dir, _gazette_rules(catalog), display, ignored)
            if any(normalise_reference(name) in wanted for name in _carried(issue))
        ]  # fmt: skip
        if documents or cleanups or gazette:
            content = _OrganContent(catalog, documents, cleanups, {}, folders.documents, gazette, linked_only=True)
            contents.append(content)
    return contents


def _carried(issue: GazetteIssue) -> list[str]:
    """The references of the documents an issue carries."""
    return [item.document for item in issue.items if item.document]


def _gazette_rules(catalog: Catalog) -> GazetteRules | None:
    columns = catalog.columns_of_kind(ColumnKind.GAZETTE)
    return columns[0].gazette_rules if columns else None


def _names(document: Document) -> set[str]:
    names = {document.index_no}
    if document.doc_number:
        names.add(normalise_reference(document.doc_number))
    return names


def _references(document: Document) -> set[str]:
    targets = [r.target for r in document.validity.relations] + document.interprets + document.drafts
    if document.consultation and document.consultation.feedback_document:
        targets.append(document.consultation.feedback_document)
    return {normalise_reference(t) for t in targets}


def _read_organ_content(
    catalog: Catalog, folders: _Folders, docs_dir: Path, display: Callable[[Path], str], problems: ProblemList
) -> _OrganContent:
    documents: list[Document] = []
    markdown_files = sorted(folders.documents.rglob("*.md")) if folders.documents.is_dir() else []
    for path in markdown_files:
        document = read_document(path, docs_dir, display(path), catalog, problems)
        if document is not None:
            documents.append(document)
    _check_one_report_a_year(documents, problems)
    _check_columns(documents, catalog, problems)
    cleanups = read_cleanups(folders.cleanups, docs_dir, display, problems)
    _check_cleanup_column(cleanups, catalog, problems)
    gazette = read_gazette(folders.gazette, docs_dir, _gazette_rules(catalog), display, problems)
    standard_columns = catalog.columns_of_kind(ColumnKind.STANDARD_CATALOG)
    domains = standard_columns[0].standard_domains if standard_columns else None
    listing = {c.code for c in catalog.walk() if c.kind in LISTING_KINDS}
    standard = read_standard_catalog(folders.standard_catalog, docs_dir, domains, listing, display, problems)
    pages = {
        c.code: page for c in catalog.walk() if c.page_source
        if (page := _read_column_page(c, docs_dir, display, problems))
    }  # fmt: skip
    return _OrganContent(catalog, documents, cleanups, pages, folders.documents, gazette, standard)


def _organ_site(
    content: _OrganContent, register: Register, docs_dir: Path, display: Callable[[Path], str], problems: ProblemList
) -> DisclosureSite:
    catalog, documents, cleanups = content.catalog, content.documents, content.cleanups
    public = sorted((d for d in documents if d.is_public), key=lambda d: d.sort_key, reverse=True)
    withheld = [d for d in documents if not d.is_public]
    unpublished = {d.src_uri for d in withheld} | {a.src_uri for d in withheld for a in d.attachments}
    if not content.linked_only:
        unpublished |= _orphan_files(content.documents_root, docs_dir, documents, display, problems)
    unpublished |= {c.page_source for c in catalog.walk() if c.page_source}
    unpublished |= {record.src_uri for record in cleanups}  # data, rendered as pages
    unpublished |= {issue.src_uri for issue in content.gazette}  # data too; the PDFs are published as they are
    unpublished |= {domain.src_uri for domain in content.standard_catalog}  # data, rendered as tables
    unpublished |= {d.report.src_uri for d in documents if d.report}  # data, rendered as the report's tables
    by_column: dict[str, list[Document]] = defaultdict(list)
    for document in public:
        for code in dict.fromkeys(document.column_codes):
            by_column[code].append(document)
    return DisclosureSite(
        catalog, public, withheld, unpublished, register, cleanups, content.gazette, content.standard_catalog, [],
        dict(by_column), content.pages, docs_dir,
    )  # fmt: skip


def site_wide(sites: list[DisclosureSite], catalog: PlatformCatalog | None = None) -> SiteWide:
    """What the organs share; 三同步 both ways between published documents only (a dangling one is a finding)."""
    documents = sorted((d for s in sites for d in s.documents), key=lambda d: d.sort_key, reverse=True)
    public_by_key = {d.index_no: d for d in documents}

    def named(references: list[str]) -> list[Document]:
        """The published documents that references name (a dangling one is a finding of the checks)."""
        keys = (sites[0].register.lookup(reference)[0] for reference in references)
        return [public_by_key[key] for key in keys if key in public_by_key]

    of: dict[str, list[Document]] = defaultdict(list)
    by: dict[str, list[Document]] = defaultdict(list)
    decisions: dict[str, list[Document]] = defaultdict(list)
    answers: dict[str, list[Document]] = defaultdict(list)
    for document in documents:
        for target in named(document.interprets):
            of[target.index_no].append(document)
            by[document.index_no].append(target)
        for draft in named(document.drafts):
            if draft.consultation is not None:
                decisions[draft.index_no].append(document)
        if document.consultation and document.consultation.feedback_document:
            for answer in named([document.consultation.feedback_document]):
                answers[answer.index_no].append(document)
    carried: dict[str, list[Carriage]] = defaultdict(list)
    for site in sites:
        columns = site.catalog.columns_of_kind(ColumnKind.GAZETTE)
        for issue in reversed(site.gazette) if columns else []:  # oldest first
            uri = Layout(site.catalog).section_uri(columns[0], issue.key)
            for document in named(_carried(issue)):
                carried[document.index_no].append(Carriage(site.gazette_title, issue.name, uri))
    withheld = [d for s in sites for d in s.withheld]
    return SiteWide(
        public_by_key=public_by_key,
        document_files={d.src_uri for d in documents},
        unpublished_files={uri for s in sites for uri in s.unpublished_files},
        withheld_files={d.src_uri for d in withheld} | {a.src_uri for d in withheld for a in d.attachments},
        interpretations_of=dict(of),
        interpreted_by=dict(by),
        decisions_of=dict(decisions),
        answers_to=dict(answers),
        carried_in=dict(carried),
        generated_pages=_generated_pages(catalog.organs if catalog else [s.catalog for s in sites], catalog),
    )


def _generated_pages(organs: list[Catalog], catalog: PlatformCatalog | None) -> set[str]:
    """Every organ's, loaded or not (a part loads its own and those it links with)."""
    pages = {SEARCH_URI}
    for organ in organs:
        layout = Layout(organ)
        pages |= {layout.landing_uri, *(layout.column_uri(c) for c in organ.walk())}
    portal = catalog.portal if catalog else None
    if portal is not None:
        portal_layout = PortalLayout(portal.slug, portal.directory_slug)
        pages |= {portal_layout.landing_uri, portal_layout.directory_uri()}
    return pages


def _hand_out_warnings(
    sites: list[DisclosureSite], catalog: PlatformCatalog, shown_docs_dir: str, warnings: list[Problem]
) -> None:
    """Each warning to the organ whose folder it names; the others (catalog.yaml's) to the first organ."""
    for warning in warnings:
        owner = next(
            (s for s in sites[1:] if warning.path.startswith(shown_docs_dir + catalog.organ_folder(s.catalog))),
            sites[0],
        )
        owner.warnings.append(warning)


def _check_stray_files(
    catalog: PlatformCatalog, docs_dir: Path, documents_dir: str, display: Callable[[Path], str], problems: ProblemList
) -> None:
    """On a platform every document is in its organ's folder: one elsewhere would be lost, or published as
    a plain page without its metadata checked."""
    assert catalog.portal is not None
    keys = [c.organ_key for c in catalog.organs if c.organ_key]
    expected = f"放在所属公开单位的文件夹 {display(docs_dir)}/{catalog.portal.slug}/<公开单位代码>/ 中"
    single_site_folder = docs_dir / documents_dir
    if single_site_folder.is_dir():
        problems.add(
            display(single_site_folder), None, "", "平台站点的文件不放在这个文件夹中（它只用于单一机关的站点）",
            f"{expected}，如 {catalog.portal.slug}/{keys[0]}/{documents_dir}/",
        )  # fmt: skip
    portal_dir = docs_dir / catalog.portal.slug
    if not portal_dir.is_dir():
        return
    for path in sorted(portal_dir.iterdir()):
        if path.name.startswith(".") or (path.is_dir() and path.name in keys):
            continue
        problems.add(
            display(path), None, "", f"「{path.name}」不是 catalog.yaml 中任何公开单位的代码",
            f"{expected}；公开单位代码：{'、'.join(keys)}",
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
        kinds = {c.kind for code in document.column_codes if (c := catalog.column(code))}
        if document.consultation is not None and kinds and ColumnKind.CONSULTATIONS not in kinds:
            consultation_columns = [f"{c.code}（{c.name}）" for c in catalog.columns_of_kind(ColumnKind.CONSULTATIONS)]
            problems.add(
                document.source_path, document.column_line, "栏目", "有「意见征集」，但不在任何意见征集栏目中",
                "以下栏目代码之一：" + "、".join(consultation_columns) if consultation_columns
                else "在 catalog.yaml 中加一个类型为「意见征集」的栏目，并把文件放在其中",
            )  # fmt: skip


def _orphan_files(
    root: Path, docs_dir: Path, documents: list[Document], display: Callable[[Path], str], problems: ProblemList
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
                display(path), None, "", "这个文件没有被任何文件的「附件」引用，未发布",
                "在所属文件的 附件 中列出，或删除它", Severity.WARNING, ORPHAN_FILE,
            )  # fmt: skip
    return orphans
