"""What each page template of the column receives: plain objects, no MkDocs.

URLs are site-relative (`zwgk/fdzdgknr/`); templates pass them through the
theme's `url` filter so links work from any page and offline from disk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .model.catalog import Column, ColumnKind, GuideTexts, Organ
from .model.document import Attachment, Document
from .model.layout import Layout
from .model.site import DisclosureSite, ListingPage


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
    template: str = "gongkai/column.html"


@dataclass(frozen=True)
class SinglePageView:
    column: Column
    breadcrumbs: list[Link]
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
    template: str = "gongkai/document.html"


class ViewBuilder:
    def __init__(self, site: DisclosureSite, layout: Layout, url_of: Callable[[str], str]) -> None:
        self.site = site
        self.layout = layout
        self.url_of = url_of

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
            Link(self.site.catalog.root_name, self.url_of(self.layout.landing_uri)),
        ]
        if column is not None:
            crumbs += [Link(c.name, self.column_url(c)) for c in [*column.ancestors, column]]
        return crumbs

    def rows(self, documents: list[Document]) -> list[DocumentRow]:
        return [DocumentRow(d, self.url_of(d.src_uri), [c.name for c in self.site.columns_of(d)]) for d in documents]

    def pager(self, column: Column, page: ListingPage) -> Pager:
        return Pager(
            page=page,
            previous_url=self.column_url(column, page.number - 1) if page.has_previous else None,
            next_url=self.column_url(column, page.number + 1) if page.has_next else None,
            page_links=[Link(str(n), self.column_url(column, n)) if n else None for n in page.window()],
        )

    def landing(self) -> LandingView:
        entries = [self.entry(c) for c in self.site.catalog.columns]
        return LandingView(
            breadcrumbs=self.breadcrumbs(None)[:-1],
            prominent=[e for e in entries if e.column.prominent],
            others=[e for e in entries if not e.column.prominent],
            latest=self.rows(self.site.documents[:10]),
            document_count=len(self.site.documents),
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
        )

    def single_page(self, column: Column) -> SinglePageView:
        return SinglePageView(column, self.breadcrumbs(column)[:-1])

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
        )
