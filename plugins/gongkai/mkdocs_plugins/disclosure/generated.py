"""The pages the column generates: one entry per source URI, with its view."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from ...model.catalog import Column, ColumnKind
from ...model.layout import ENDED_SECTION, ENDED_TITLE, SEARCH_TITLE, SEARCH_URI, Layout, PortalLayout
from ...model.platform_catalog import Portal
from ...model.site import DisclosureSite, paginate
from ...portal_views import DIRECTORY_TITLE, PlatformDirectoryView, PortalView, PortalViewBuilder
from ...views import (
    CleanupIndexView,
    CleanupView,
    ColumnView,
    DirectoryView,
    GazetteView,
    GuideView,
    IssueView,
    LandingView,
    LibraryView,
    SearchView,
    SinglePageView,
    StandardCatalogView,
    StandardDomainView,
    ViewBuilder,
)


@dataclass(frozen=True)
class GeneratedPage:
    title: str
    markdown: str
    template: str
    make_view: Callable[[Any], Any]  # given the view builder of its owner
    in_nav: bool = True  # pages 2, 3 … of a listing are reached from page 1, not the nav
    owner: str = ""  # the organ whose builder makes its view; "": the site's (a platform's portal)


class PagePlan:
    """Collects the generated pages; two pages at one URI is a catalog error, never an overwrite."""

    def __init__(self, site: DisclosureSite, layout: Layout, docs_dir: Path, columns_in_nav: bool = True) -> None:
        self.site = site
        self.layout = layout
        self.docs_dir = docs_dir
        self.columns_in_nav = columns_in_nav
        self.pages: dict[str, GeneratedPage] = {}

    def add(self, src_uri: str, page: GeneratedPage) -> None:
        if src_uri in self.pages:
            raise ValueError(f"{src_uri}: 「{page.title}」与「{self.pages[src_uri].title}」的网址相同")
        in_nav = page.in_nav and (self.columns_in_nav or src_uri == self.layout.landing_uri)
        self.pages[src_uri] = replace(page, in_nav=in_nav, owner=self.site.catalog.organ_key or "")

    def listing(
        self,
        column: Column,
        documents: list[Any],
        make: Callable[..., Any],
        template: str,
        section: tuple[str, str] | None = None,  # (URL segment, title) of a list below the column
    ) -> None:
        """A paginated list: page 1 at the column's URI (or its section's), the others below it."""
        name = section[1] if section else column.name
        for page in self.site.pages_of(documents):
            title = name if page.number == 1 else f"{name}（第{page.number}页）"
            uri = (
                self.layout.section_uri(column, section[0], page.number)
                if section
                else self.layout.column_uri(column, page.number)
            )
            view = partial(make, column=column, page=page)
            self.add(uri, GeneratedPage(title, "", template, view, page.number == 1))

    def library(self, column: Column) -> None:
        sections = self.site.library_sections(column)
        current = partial(ViewBuilder.library, section="current")
        self.listing(column, sections["current"], current, LibraryView.template)
        ended = partial(ViewBuilder.library, section="ended")
        self.listing(column, sections["ended"], ended, LibraryView.template, (ENDED_SECTION, ENDED_TITLE))

    def with_records(
        self,
        column: Column,
        index: tuple[Callable[..., Any], str],
        records: list[Any],
        record: tuple[Callable[..., Any], str],
        title_of: Callable[[Any], str],
    ) -> None:
        """A column of data records (清理 records, 公报 issues, 标准目录 domains): its own page, made by
        `index` (view, template), and a page a record below it, at the record's key, made by `record`."""
        make, template = index
        self.add(self.layout.column_uri(column), GeneratedPage(column.name, "", template, partial(make, column=column)))
        make_record, record_template = record
        for item in records:
            view = partial(_record_view, make_record, column, item)
            page = GeneratedPage(title_of(item), "", record_template, view, in_nav=False)
            self.add(self.layout.section_uri(column, item.key), page)

    def cleanups(self, column: Column) -> None:
        index = (ViewBuilder.cleanups, CleanupIndexView.template)
        record = (ViewBuilder.cleanup, CleanupView.template)
        self.with_records(column, index, self.site.cleanups, record, lambda r: r.title)

    def gazette(self, column: Column) -> None:
        """The column's page of years and issues, and a page for each issue."""
        index, record = (ViewBuilder.gazette, GazetteView.template), (ViewBuilder.gazette_issue, IssueView.template)
        self.with_records(column, index, self.site.gazette, record, lambda i: f"{self.site.gazette_title} {i.name}")

    def standard_catalog(self, column: Column) -> None:
        """The column's page of domains, and a page for each domain's table."""
        index = (ViewBuilder.standard_catalog, StandardCatalogView.template)
        record = (ViewBuilder.standard_domain, StandardDomainView.template)
        self.with_records(
            column, index, self.site.standard_catalog, record, lambda d: f"{d.name}领域基层政务公开标准目录"
        )

    def page_with_body(self, column: Column, make: Callable[..., Any], template: str) -> None:
        """单页 and 公开指南 render the Markdown named in catalog.yaml (optional for the guide)."""
        body = (self.docs_dir / column.page_source).read_text("utf-8") if column.page_source else ""
        self.add(
            self.layout.column_uri(column), GeneratedPage(column.name, body, template, partial(make, column=column))
        )


def _record_view(make: Callable[..., Any], column: Column, record: Any, builder: ViewBuilder) -> Any:
    return make(builder, column, record)


def plan_pages(
    site: DisclosureSite, layout: Layout, docs_dir: Path, on_platform: bool = False
) -> dict[str, GeneratedPage]:
    """An organ's pages: its landing page and its columns'. On a platform only its landing page is in the
    navigation, and 一网通查 is the portal's."""
    plan = PagePlan(site, layout, docs_dir, columns_in_nav=not on_platform)
    landing = GeneratedPage(site.catalog.root_name, "", LandingView.template, ViewBuilder.landing)
    plan.add(layout.landing_uri, landing)
    if not on_platform:
        plan.add(layout.search_uri, GeneratedPage(SEARCH_TITLE, "", SearchView.template, ViewBuilder.search))
    for column in site.catalog.walk():
        match column.kind:
            case ColumnKind.DOCUMENT_LIST:
                plan.listing(column, site.documents_in(column), ViewBuilder.column_page, ColumnView.template)
            case ColumnKind.CONSULTATIONS:  # the consultations open now first
                plan.listing(column, site.consultations_first(column), ViewBuilder.column_page, ColumnView.template)
            case ColumnKind.DIRECTORY:  # the 公开目录 lists every published document
                plan.listing(column, site.documents, ViewBuilder.directory, DirectoryView.template)
            case ColumnKind.LIBRARY:
                plan.library(column)
            case ColumnKind.CLEANUPS:
                plan.cleanups(column)
            case ColumnKind.GAZETTE:
                plan.gazette(column)
            case ColumnKind.STANDARD_CATALOG:
                plan.standard_catalog(column)
            case ColumnKind.SINGLE_PAGE:
                plan.page_with_body(column, ViewBuilder.single_page, SinglePageView.template)
            case ColumnKind.GUIDE:
                plan.page_with_body(column, ViewBuilder.guide, GuideView.template)
    return plan.pages


def plan_portal_pages(portal: Portal, documents: int, layout: PortalLayout) -> dict[str, GeneratedPage]:
    """A platform's own pages: its entry, the platform-wide 公开目录 of `documents` documents, and 一网通查."""
    pages = {
        layout.landing_uri: GeneratedPage(portal.name, "", PortalView.template, PortalViewBuilder.portal),
        SEARCH_URI: GeneratedPage(SEARCH_TITLE, "", SearchView.template, PortalViewBuilder.search),
    }
    for page in paginate(list(range(documents)), portal.page_size):
        title = DIRECTORY_TITLE if page.number == 1 else f"{DIRECTORY_TITLE}（第{page.number}页）"
        view = partial(PortalViewBuilder.directory, page_number=page.number)
        pages[layout.directory_uri(page.number)] = GeneratedPage(
            title, "", PlatformDirectoryView.template, view, in_nav=page.number == 1
        )
    return pages
