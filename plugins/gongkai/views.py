"""What each page template of the column receives: plain objects, no MkDocs.

URLs are site-relative (`zwgk/fdzdgknr/`); templates pass them through the
theme's `url` filter so links work from any page and offline from disk.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from .model.catalog import Column, ColumnKind, GuideTexts, Organ
from .model.cleanup import CleanupItem, CleanupRecord, Decision
from .model.consultation import Consultation, ConsultationState
from .model.document import Attachment, Document
from .model.feeds import Feed
from .model.gazette import GazetteIssue, GazetteItem
from .model.layout import ENDED_SECTION, ENDED_TITLE, Layout
from .model.report_export import export_uris
from .model.site import DisclosureSite, ListingPage
from .model.standard_catalog import StandardDomain, StandardItem, load_vocabulary
from .model.validity import EventKind, State
from .report_view import ReportView, report_view
from .search import FILTERS as SEARCH_FILTERS
from .search import ORGAN_FILTER

# CSS modifier of each state: the banner's look; its words carry the meaning.
STATE_CLASSES = {
    State.NOT_YET_EFFECTIVE: "pending",
    State.IN_FORCE: "in-force",
    State.AMENDED: "amended",
    State.REPEALED: "repealed",
    State.EXPIRED: "expired",
}

# How a 意见征集 column orders its list (gongkai.model.site.consultations_first).
CONSULTATIONS_ORDER = "正在征求意见的排在前面（先截止的在上），其余按发布日期从新到旧排列"
# The CSS modifier of each state of a consultation (重大决策预公开).
CONSULTATION_CLASSES = {
    ConsultationState.NOT_STARTED: "pending",
    ConsultationState.OPEN: "open",
    ConsultationState.AWAITING_FEEDBACK: "awaiting",
    ConsultationState.ANSWERED: "answered",
}


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class ColumnEntry:
    column: Column
    url: str
    count: int
    empty: bool
    children: list[ColumnEntry] = field(default_factory=list)


@dataclass(frozen=True)
class DocumentRow:
    document: Document
    url: str
    column_names: list[str]
    state: State | None = None
    effective: dt.date | None = None  # 施行日期 (or 发布日期), for documents with a validity
    consultation: ConsultationState | None = None  # for a consultation: its state as of the build day
    days_left: int | None = None  # for a consultation open now: days after today until it ends

    @property
    def state_class(self) -> str:
        return STATE_CLASSES[self.state] if self.state else ""

    @property
    def consultation_class(self) -> str:
        return CONSULTATION_CLASSES[self.consultation] if self.consultation else ""


@dataclass(frozen=True)
class DocumentLink:
    """A published document named on another page: title and 发文字号 with its link."""

    key: str
    title: str
    doc_number: str | None
    url: str


@dataclass(frozen=True)
class VersionEntry:
    link: DocumentLink
    effective: dt.date
    state: State
    is_this: bool

    @property
    def state_class(self) -> str:
        return STATE_CLASSES[self.state]


@dataclass(frozen=True)
class ValidityView:
    """The validity of the document on its own page: state, banner facts, relations, versions."""

    state: State
    effective: dt.date
    expires: dt.date | None
    since: dt.date | None  # when the current state began (repeal, amendment, expiry, or entry into force)
    by: DocumentLink | None  # the repealing or amending document
    cleanup: Link | None  # the 清理 record whose decision ended the document's force
    current: DocumentLink | None  # the version in force, when this one is amended
    versions: list[VersionEntry]
    relations: list[tuple[str, DocumentLink]]  # (修改 / 废止于 …, the other document)
    as_of: dt.date
    amended_how: str = "修改"  # 修改, or 替代 when a new text replaced this one

    @property
    def state_class(self) -> str:
        return STATE_CLASSES[self.state]

    @property
    def repealed_on(self) -> dt.date | None:
        return self.since if self.state is State.REPEALED else None


@dataclass(frozen=True)
class Channel:
    """A way to send an opinion on a consultation: 电子邮箱 as a mailto link, 网上 as a link when an address."""

    name: str
    text: str
    href: str | None


@dataclass(frozen=True)
class ConsultationView:
    """A consultation on its own page: state and dates first, how to comment, then what became of it."""

    consultation: Consultation
    state: ConsultationState
    as_of: dt.date
    channels: list[Channel]
    feedback: DocumentLink | None  # the document publishing the 采纳情况, when it is not a section here
    decisions: list[DocumentLink]  # the decisions taken on the draft

    @property
    def state_class(self) -> str:
        return CONSULTATION_CLASSES[self.state]

    @property
    def days_left(self) -> int | None:
        return self.consultation.days_left(self.as_of) if self.state is ConsultationState.OPEN else None


@dataclass(frozen=True)
class AttachmentLink:
    attachment: Attachment
    url: str


@dataclass(frozen=True)
class Pager:
    page: ListingPage
    previous_url: str | None
    next_url: str | None
    page_links: list[Link | None]  # None: a gap of pages not linked


@dataclass(frozen=True)
class LandingView:
    breadcrumbs: list[Link]
    prominent: list[ColumnEntry]
    others: list[ColumnEntry]
    latest: list[DocumentRow]
    document_count: int
    template: str = "gongkai/landing.html"


@dataclass(frozen=True)
class ColumnView:
    column: Column
    breadcrumbs: list[Link]
    children: list[ColumnEntry]
    rows: list[DocumentRow]
    pager: Pager
    total: int
    empty: bool
    order: str = "按发布日期从新到旧排列"
    template: str = "gongkai/column.html"


@dataclass(frozen=True)
class SinglePageView:
    column: Column
    breadcrumbs: list[Link]
    published: dt.date | None
    template: str = "gongkai/single.html"


@dataclass(frozen=True)
class GuideView:
    column: Column
    breadcrumbs: list[Link]
    organ: Organ
    texts: GuideTexts
    tree: list[ColumnEntry]
    directory: Link | None
    template: str = "gongkai/guide.html"


@dataclass(frozen=True)
class DirectoryView:
    column: Column
    breadcrumbs: list[Link]
    rows: list[DocumentRow]
    pager: Pager
    total: int
    downloads: list[Link]
    template: str = "gongkai/directory.html"


@dataclass(frozen=True)
class DocumentView:
    document: Document
    breadcrumbs: list[Link]
    columns: list[Link]
    attachments: list[AttachmentLink]
    validity: ValidityView | None = None
    interpretations: list[DocumentLink] = field(default_factory=list)  # the 政策解读 of this document
    interprets: list[DocumentLink] = field(default_factory=list)  # what this 政策解读 explains
    report: ReportView | None = None  # the tables, when this is a 年度报告
    carried: list[Link] = field(default_factory=list)  # 刊登于《示例县人民政府公报》2026年第3号
    consultation: ConsultationView | None = None  # when this puts a draft decision out for comment
    drafts: list[DocumentLink] = field(default_factory=list)  # the consultations this decision was put out as
    answers: list[DocumentLink] = field(default_factory=list)  # the consultations whose 采纳情况 this publishes
    template: str = "gongkai/document.html"


@dataclass(frozen=True)
class SearchView:
    """一网通查: the page that hosts the search UI over the Pagefind bundle."""

    breadcrumbs: list[Link]
    filters: list[str]
    state_classes: dict[str, str]  # 有效性 → CSS modifier, as listings use
    template: str = "gongkai/search.html"


@dataclass(frozen=True)
class FilterOptions:
    """The choices of the library's filter form, from the documents themselves."""

    years: list[int]
    issuers: list[str]
    kinds: list[str]


@dataclass(frozen=True)
class LibraryView:
    """A 文件库 list: 现行有效 (with the 尚未生效 ones on top) or 废止和失效."""

    column: Column
    breadcrumbs: list[Link]
    section: str  # "current" or "ended"
    rows: list[DocumentRow]
    pending: list[DocumentRow]
    pager: Pager
    counts: dict[str, int]
    other_section: Link
    cleanups: Link | None
    data_url: str
    filters: FilterOptions
    as_of: dt.date
    template: str = "gongkai/library.html"


@dataclass(frozen=True)
class CleanupSummary:
    record: CleanupRecord
    url: str
    counts: list[tuple[str, int]]  # (结论, 件数), in the order of Decision


@dataclass(frozen=True)
class CleanupIndexView:
    column: Column
    breadcrumbs: list[Link]
    records: list[CleanupSummary]
    libraries: list[Link]
    template: str = "gongkai/cleanups.html"


@dataclass(frozen=True)
class CleanupRow:
    item: CleanupItem
    link: DocumentLink  # published documents only: the others are counted, not named


@dataclass(frozen=True)
class CleanupView:
    column: Column
    breadcrumbs: list[Link]
    summary: CleanupSummary
    rows: list[CleanupRow]  # published documents only
    withheld_count: int  # decisions about documents that are not 主动公开: counted, not named
    announcement: DocumentLink | None
    template: str = "gongkai/cleanup.html"


@dataclass(frozen=True)
class IssueSummary:
    """An issue as the gazette's column lists it: its cover data."""

    issue: GazetteIssue
    url: str
    pdf_url: str | None


@dataclass(frozen=True)
class GazetteView:
    """A 政府公报 column: the years, newest first, each with its issues."""

    column: Column
    breadcrumbs: list[Link]
    title: str  # 刊名
    years: list[tuple[int, list[IssueSummary]]]
    template: str = "gongkai/gazette.html"


@dataclass(frozen=True)
class IssueEntry:
    """An item of an issue's 目录: a document's link, a text of its own (below the 目录), or pages of the PDF."""

    item: GazetteItem
    link: DocumentLink | None  # a document of the site
    anchor: str | None  # a text of its own, shown on the page
    pdf_url: str | None  # a page range: the whole issue, opened at its first page
    paragraphs: list[str] = field(default_factory=list)  # of a text of its own


@dataclass(frozen=True)
class IssueView:
    """One issue of the gazette: cover data, the whole-issue PDF, and its 目录 by section."""

    column: Column
    breadcrumbs: list[Link]
    title: str  # 刊名
    summary: IssueSummary
    sections: list[tuple[str, list[IssueEntry]]]
    texts: list[IssueEntry]  # the texts of its own, in 目录 order
    template: str = "gongkai/gazette-issue.html"


@dataclass(frozen=True)
class DomainSummary:
    domain: StandardDomain
    url: str


@dataclass(frozen=True)
class StandardCatalogView:
    """A 标准目录 column: its domains, and the whole catalog to download."""

    column: Column
    breadcrumbs: list[Link]
    domains: list[DomainSummary]
    downloads: list[Link]
    template: str = "gongkai/standard-catalog.html"


@dataclass(frozen=True)
class PublishedIn:
    """A column an item of the catalog is published in, and its newest 发布日期 (None: empty)."""

    link: Link
    newest: dt.date | None


@dataclass(frozen=True)
class StandardRow:
    item: StandardItem
    channels: list[tuple[str, bool]]  # every channel of the checklist, and whether it is ticked
    columns: list[PublishedIn]


@dataclass(frozen=True)
class StandardDomainView:
    """One domain of the 标准目录: the official table."""

    column: Column
    breadcrumbs: list[Link]
    domain: StandardDomain
    rows: list[StandardRow]
    downloads: list[Link]
    template: str = "gongkai/standard-domain.html"


def _channel_href(name: str, text: str) -> str | None:
    if name == "电子邮箱":
        return f"mailto:{text}"
    if name == "网上" and text.startswith(("https://", "http://")) and " " not in text:
        return text
    return None


def pager_of(page: ListingPage, url: Callable[[int], str]) -> Pager:
    """Links between the pages of a list, page `n` being at `url(n)`."""
    return Pager(
        page=page,
        previous_url=url(page.number - 1) if page.has_previous else None,
        next_url=url(page.number + 1) if page.has_next else None,
        page_links=[Link(str(n), url(n)) if n else None for n in page.window()],
    )


def feed_links(feeds: list[Feed], view: object) -> list[Link]:
    """The Atom feeds a page names in its head: the whole column's on every page, and on a listing column's
    pages its own, on a document's page that of its first column with a feed. No feeds (no site_url): none."""
    links = [Link(f.title, f.uri) for f in feeds if f.column is None]
    if isinstance(view, DocumentView):
        codes = view.document.column_codes
    elif isinstance(view, ColumnView | LibraryView):
        codes = [view.column.code]
    else:
        codes = []
    by_code = {f.column.code: f for f in feeds if f.column is not None}
    column_feed = next((by_code[code] for code in codes if code in by_code), None)
    if column_feed is not None:
        links.append(Link(column_feed.title, column_feed.uri))
    return links


class ViewBuilder:
    def __init__(
        self, site: DisclosureSite, layout: Layout, url_of: Callable[[str], str], portal: Link | None = None
    ) -> None:
        self.site = site
        self.layout = layout
        self.url_of = url_of
        self.portal = portal  # on a platform: the 政府信息公开 entry above the organ's column
        self._filter_options: dict[str, FilterOptions] = {}

    def column_url(self, column: Column, page_number: int = 1) -> str:
        return self.url_of(self.layout.column_uri(column, page_number))

    def entry(self, column: Column) -> ColumnEntry:
        return ColumnEntry(
            column=column,
            url=self.column_url(column),
            count=self.site.count_in_tree(column),
            empty=self.site.is_empty(column),
            children=[self.entry(c) for c in column.children],
        )

    def breadcrumbs(self, column: Column | None) -> list[Link]:
        crumbs = [
            Link("首页", self.url_of("index.md")),
            *([self.portal] if self.portal else []),
            Link(self.site.catalog.root_name, self.url_of(self.layout.landing_uri)),
        ]
        if column is not None:
            crumbs += [Link(c.name, self.column_url(c)) for c in [*column.ancestors, column]]
        return crumbs

    def rows(self, documents: list[Document]) -> list[DocumentRow]:
        return [self.row(d) for d in documents]

    def row(self, document: Document) -> DocumentRow:
        record = self.site.register.get(document.index_no)
        consultation = self.site.consultation_state(document)
        open_now = consultation is ConsultationState.OPEN and document.consultation is not None
        return DocumentRow(
            document=document,
            url=self.url_of(document.src_uri),
            column_names=[c.name for c in self.site.columns_of(document)],
            state=self.site.state(document),
            effective=record.effective if record is not None else None,
            consultation=consultation,
            days_left=document.consultation.days_left(self.site.as_of) if open_now and document.consultation else None,
        )

    def document_link(self, key: str | None) -> DocumentLink | None:
        """A link to a published document; None for one that is not 主动公开, which is never named."""
        document = self.site.public_document(key) if key else None
        if document is None:
            return None
        return self._links([document])[0]

    def pager(self, column: Column, page: ListingPage, section: str | None = None) -> Pager:
        """Links between the pages of a column's list, or of a list below it (`section`)."""

        def url(n: int) -> str:
            if section is None:
                return self.column_url(column, n)
            return self.url_of(self.layout.section_uri(column, section, n))

        return pager_of(page, url)

    def landing(self) -> LandingView:
        entries = [self.entry(c) for c in self.site.catalog.columns]
        return LandingView(
            breadcrumbs=self.breadcrumbs(None)[:-1],
            prominent=[e for e in entries if e.column.prominent],
            others=[e for e in entries if not e.column.prominent],
            latest=self.rows(self.site.documents[:10]),
            document_count=len(self.site.documents),
        )

    def search(self) -> SearchView:
        return SearchView(
            breadcrumbs=self.breadcrumbs(None)[:1],
            filters=[f for f in SEARCH_FILTERS if f != ORGAN_FILTER],
            state_classes={state.value: css for state, css in STATE_CLASSES.items()},
        )

    def column_page(self, column: Column, page: ListingPage) -> ColumnView:
        return ColumnView(
            column=column,
            breadcrumbs=self.breadcrumbs(column)[:-1],
            children=[self.entry(c) for c in column.children],
            rows=self.rows(page.documents),
            pager=self.pager(column, page),
            total=len(self.site.documents_in(column)),
            empty=self.site.is_empty(column),
            order=CONSULTATIONS_ORDER if column.kind is ColumnKind.CONSULTATIONS else ColumnView.order,
        )

    def single_page(self, column: Column) -> SinglePageView:
        page = self.site.pages.get(column.code)
        return SinglePageView(column, self.breadcrumbs(column)[:-1], page.published if page else None)

    def guide(self, column: Column) -> GuideView:
        directories = self.site.catalog.columns_of_kind(ColumnKind.DIRECTORY)
        directory = Link(directories[0].name, self.column_url(directories[0])) if directories else None
        catalog = self.site.catalog
        tree = [self.entry(c) for c in catalog.columns]
        return GuideView(column, self.breadcrumbs(column)[:-1], catalog.organ, catalog.guide, tree, directory)

    def directory(self, column: Column, page: ListingPage) -> DirectoryView:
        return DirectoryView(
            column=column,
            breadcrumbs=self.breadcrumbs(column)[:-1],
            rows=self.rows(page.documents),
            pager=self.pager(column, page),
            total=len(self.site.documents),
            downloads=[
                Link(f"下载 {ext.upper()}", self.url_of(self.layout.export_uri(column, ext))) for ext in ("csv", "json")
            ],
        )

    def document(self, document: Document) -> DocumentView:
        columns = self.site.columns_of(document)
        return DocumentView(
            document=document,
            breadcrumbs=self.breadcrumbs(columns[0] if columns else None),
            columns=[Link(c.name, self.column_url(c)) for c in columns],
            attachments=[AttachmentLink(a, self.url_of(a.src_uri)) for a in document.attachments],
            validity=self.validity(document),
            interpretations=self._links(self.site.interpretations_of(document)),
            interprets=self._links(self.site.interpreted_by(document)),
            report=self._report(document),
            carried=[Link(f"《{c.gazette}》{c.issue}", self.url_of(c.uri)) for c in self.site.carried_in(document)],
            consultation=self.consultation(document),
            drafts=self._links(self.site.drafts_of(document)),
            answers=self._links(self.site.answers_to(document)),
        )

    def consultation(self, document: Document) -> ConsultationView | None:
        consultation, state = document.consultation, self.site.consultation_state(document)
        if consultation is None or state is None:
            return None
        feedback = self.site.feedback_document(document)
        return ConsultationView(
            consultation=consultation,
            state=state,
            as_of=self.site.as_of,
            channels=[Channel(name, text, _channel_href(name, text)) for name, text in consultation.channels],
            feedback=self._links([feedback])[0] if feedback else None,
            decisions=self._links(self.site.decisions_of(document)),
        )

    def _report(self, document: Document) -> ReportView | None:
        if document.report is None:
            return None
        counts = self.site.library_counts(document.report)
        csv_uri, json_uri = export_uris(document.src_uri, document.report.year)
        return report_view(document.report, counts, [("CSV", self.url_of(csv_uri)), ("JSON", self.url_of(json_uri))])

    def _links(self, documents: list[Document]) -> list[DocumentLink]:
        return [DocumentLink(d.index_no, d.title, d.doc_number, self.url_of(d.src_uri)) for d in documents]

    def validity(self, document: Document) -> ValidityView | None:
        register = self.site.register
        record = register.get(document.index_no)
        if record is None or not record.applies:
            return None
        as_of = register.as_of
        state = record.state_on(as_of)
        ending = record.ending(as_of)
        since = ending.day if ending else record.effective  # in force, or to be from that day
        cleanup = None
        if ending is not None and ending.cleanup:
            cleanup = self._cleanup_link(ending.cleanup)
        current = None
        if state is State.AMENDED:
            current = self.document_link(register.current_version(record.key, as_of))
        versions = [
            VersionEntry(link, register[key].effective, register[key].state_on(as_of), key == record.key)
            for key in record.versions
            if (link := self.document_link(key))
        ]
        relations = [(kind.value, link) for kind, key in record.outgoing if (link := self.document_link(key))] + [
            (kind.inverse, link) for kind, key in record.incoming if (link := self.document_link(key))
        ]
        return ValidityView(
            state=state, effective=record.effective, expires=record.expires, since=since,
            by=self.document_link(ending.by) if ending and ending.kind is not EventKind.EXPIRED else None,
            cleanup=cleanup, current=current, versions=versions if len(versions) > 1 else [],
            relations=relations, as_of=as_of,
            amended_how=ending.relation.value if ending and ending.relation else "修改",
        )  # fmt: skip

    def _cleanup_link(self, record_key: str) -> Link | None:
        columns = self.site.catalog.columns_of_kind(ColumnKind.CLEANUPS)
        record = next((r for r in self.site.cleanups if r.key == record_key), None)
        if not columns or record is None:
            return None
        return Link(record.title, self.url_of(self.layout.section_uri(columns[0], record.key)))

    def library(self, column: Column, section: str, page: ListingPage) -> LibraryView:
        sections = self.site.library_sections(column)
        cleanup_columns = self.site.catalog.columns_of_kind(ColumnKind.CLEANUPS)
        if section == "current":
            other = Link(ENDED_TITLE, self.url_of(self.layout.section_uri(column, ENDED_SECTION)))
            pager = self.pager(column, page)
        else:
            other = Link(f"现行有效{column.category}", self.column_url(column))
            pager = self.pager(column, page, ENDED_SECTION)
        return LibraryView(
            column=column,
            breadcrumbs=self.breadcrumbs(column)[: -1 if section == "current" else None],
            section=section,
            rows=self.rows(page.documents),
            pending=self.rows(sections["pending"]) if section == "current" and page.number == 1 else [],
            pager=pager,
            counts={name: len(docs) for name, docs in sections.items()},
            other_section=other,
            cleanups=Link(cleanup_columns[0].name, self.column_url(cleanup_columns[0])) if cleanup_columns else None,
            data_url=self.url_of(self.layout.library_data_uri(column)),
            filters=self._filters(column),
            as_of=self.site.as_of,
        )

    def _filters(self, column: Column) -> FilterOptions:
        """The filter choices of a library, the same on each of its pages: computed once."""
        if column.code not in self._filter_options:
            documents = [d for docs in self.site.library_sections(column).values() for d in docs]
            self._filter_options[column.code] = FilterOptions(
                years=sorted({d.written.year for d in documents}, reverse=True),
                issuers=sorted({d.issuer for d in documents}),
                kinds=sorted({d.kind for d in documents}),
            )
        return self._filter_options[column.code]

    def cleanup_summary(self, column: Column, record: CleanupRecord) -> CleanupSummary:
        return CleanupSummary(
            record=record,
            url=self.url_of(self.layout.section_uri(column, record.key)),
            counts=[(d.value, record.count(d)) for d in Decision],
        )

    def cleanups(self, column: Column) -> CleanupIndexView:
        libraries = self.site.catalog.columns_of_kind(ColumnKind.LIBRARY)
        return CleanupIndexView(
            column=column,
            breadcrumbs=self.breadcrumbs(column)[:-1],
            records=[self.cleanup_summary(column, r) for r in self.site.cleanups],
            libraries=[Link(c.name, self.column_url(c)) for c in libraries],
        )

    def cleanup(self, column: Column, record: CleanupRecord) -> CleanupView:
        rows = []
        withheld = 0
        for item in record.items:
            key, _ = self.site.register.lookup(item.target)
            link = self.document_link(key)
            if link is None:
                withheld += 1
            else:
                rows.append(CleanupRow(item, link))
        announcement = None
        if record.announcement:
            announcement = self.document_link(self.site.register.lookup(record.announcement)[0])
        return CleanupView(
            column=column,
            breadcrumbs=self.breadcrumbs(column),
            summary=self.cleanup_summary(column, record),
            rows=rows,
            withheld_count=withheld,
            announcement=announcement,
        )

    def issue_summary(self, column: Column, issue: GazetteIssue) -> IssueSummary:
        return IssueSummary(
            issue=issue,
            url=self.url_of(self.layout.section_uri(column, issue.key)),
            pdf_url=self.url_of(issue.pdf) if issue.pdf else None,
        )

    def gazette(self, column: Column) -> GazetteView:
        years: dict[int, list[IssueSummary]] = {}
        for issue in self.site.gazette:  # newest first
            years.setdefault(issue.year, []).append(self.issue_summary(column, issue))
        return GazetteView(column, self.breadcrumbs(column)[:-1], self.site.gazette_title, list(years.items()))

    def gazette_issue(self, column: Column, issue: GazetteIssue) -> IssueView:
        summary = self.issue_summary(column, issue)
        sections = [(name, [self._issue_entry(item, summary) for item in items]) for name, items in issue.sections()]
        texts = [entry for _, entries in sections for entry in entries if entry.anchor]
        return IssueView(column, self.breadcrumbs(column), self.site.gazette_title, summary, sections, texts)

    def _issue_entry(self, item: GazetteItem, summary: IssueSummary) -> IssueEntry:
        if item.document is not None:
            return IssueEntry(item, self.document_link(self.site.register.lookup(item.document)[0]), None, None)
        if item.text is not None:
            # A line of an official text is a paragraph of it: 任命…；, the signature, the date.
            paragraphs = [line.strip() for line in item.text.splitlines() if line.strip()]
            return IssueEntry(item, None, f"gk-item-{item.number}", None, paragraphs)
        pdf_url = f"{summary.pdf_url}#page={item.first_page}" if summary.pdf_url else None
        return IssueEntry(item, None, None, pdf_url)

    def _standard_downloads(self, column: Column) -> list[Link]:
        return [
            Link(f"下载 {ext.upper()}", self.url_of(self.layout.standard_export_uri(column, ext)))
            for ext in ("csv", "json")
        ]

    def standard_catalog(self, column: Column) -> StandardCatalogView:
        domains = [
            DomainSummary(d, self.url_of(self.layout.section_uri(column, d.key))) for d in self.site.standard_catalog
        ]
        return StandardCatalogView(column, self.breadcrumbs(column)[:-1], domains, self._standard_downloads(column))

    def standard_domain(self, column: Column, domain: StandardDomain) -> StandardDomainView:
        channels = load_vocabulary().channels
        rows = [
            StandardRow(
                item=item,
                channels=[(channel, channel in item.channels) for channel in channels],
                columns=[self._published_in(code) for code in item.columns if self.site.catalog.column(code)],
            )
            for item in domain.items
        ]
        return StandardDomainView(column, self.breadcrumbs(column), domain, rows, self._standard_downloads(column))

    def _published_in(self, code: str) -> PublishedIn:
        column = self.site.catalog.column(code)
        assert column is not None
        documents = [d for c in column.walk() for d in self.site.documents_in(c)]
        newest = max((d.published for d in documents), default=None)
        return PublishedIn(Link(column.name, self.column_url(column)), newest)
