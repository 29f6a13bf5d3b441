"""What the pages of a platform's portal receive: the organs by type, the platform-wide 公开目录, 一网通查.

Each organ's own pages are made by its ViewBuilder (gongkai.views); a row of a document here is made by
the builder of the organ that publishes it, so it reads as it does in that organ's lists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from .model.catalog import Catalog, OrganKind
from .model.layout import SEARCH_TITLE, SEARCH_URI, Layout, PortalLayout
from .model.site import ListingPage, Platform
from .search import FILTERS as SEARCH_FILTERS
from .views import STATE_CLASSES, DocumentRow, Link, Pager, SearchView, ViewBuilder

DIRECTORY_TITLE = "政府信息公开目录"


@dataclass(frozen=True)
class OrganEntry:
    name: str
    url: str
    count: int  # 主动公开 documents
    newest: dt.date | None  # the newest 发布日期; None: nothing published yet


@dataclass(frozen=True)
class OrganGroup:
    kind: str  # 人民政府, 政府部门, 乡镇街道, 其他
    organs: list[OrganEntry]


@dataclass(frozen=True)
class PortalRow:
    """A document in a platform-wide list: its row as its organ lists it, and the organ."""

    row: DocumentRow
    organ: Link


@dataclass(frozen=True)
class PortalView:
    breadcrumbs: list[Link]
    description: str
    groups: list[OrganGroup]
    latest: list[PortalRow]
    document_count: int
    directory: Link
    search: Link
    template: str = "gongkai/portal.html"


@dataclass(frozen=True)
class PlatformDirectoryView:
    breadcrumbs: list[Link]
    rows: list[PortalRow]
    pager: Pager
    total: int
    downloads: list[Link]
    template: str = "gongkai/platform-directory.html"


def organ_groups(platform: Platform) -> list[tuple[str, list[Catalog]]]:
    """The organs by 类型, in the order of the types, each group in the order of catalog.yaml."""
    return [
        (kind.value, members)
        for kind in OrganKind
        if (members := [s.catalog for s in platform.sites if s.catalog.organ.kind is kind])
    ]


class PortalViewBuilder:
    def __init__(
        self,
        platform: Platform,
        layout: PortalLayout,
        builders: dict[str, ViewBuilder],  # organ key -> the organ's
        url_of: Callable[[str], str],
    ) -> None:
        self.platform = platform
        self.layout = layout
        self.builders = builders
        self.url_of = url_of

    @property
    def _portal_name(self) -> str:
        assert self.platform.catalog.portal is not None
        return self.platform.catalog.portal.name

    def _crumbs(self) -> list[Link]:
        return [Link("首页", self.url_of("index.md")), Link(self._portal_name, self.url_of(self.layout.landing_uri))]

    def _row(self, document_uri: str) -> PortalRow:
        site = self.platform.site_of_document[document_uri]
        builder = self.builders[site.catalog.organ_key or ""]
        organ = Link(site.catalog.organ.name, self.url_of(Layout(site.catalog).landing_uri))
        return PortalRow(builder.row(self.platform.document_at[document_uri]), organ)

    def portal(self) -> PortalView:
        groups = []
        for kind, catalogs in organ_groups(self.platform):
            entries = []
            for catalog in catalogs:
                site = self.platform.site(catalog.organ_key or "")
                assert site is not None
                newest = site.documents[0].published if site.documents else None
                url = self.url_of(Layout(catalog).landing_uri)
                entries.append(OrganEntry(catalog.organ.name, url, len(site.documents), newest))
            groups.append(OrganGroup(kind, entries))
        assert self.platform.catalog.portal is not None
        return PortalView(
            breadcrumbs=self._crumbs()[:1],
            description=self.platform.catalog.portal.description,
            groups=groups,
            latest=[self._row(d.src_uri) for d in self.platform.documents[:10]],
            document_count=len(self.platform.documents),
            directory=Link(DIRECTORY_TITLE, self.url_of(self.layout.directory_uri())),
            search=Link(SEARCH_TITLE, self.url_of(SEARCH_URI)),
        )

    def directory(self, page: ListingPage) -> PlatformDirectoryView:
        def url(n: int) -> str:
            return self.url_of(self.layout.directory_uri(n))

        pager = Pager(
            page=page,
            previous_url=url(page.number - 1) if page.has_previous else None,
            next_url=url(page.number + 1) if page.has_next else None,
            page_links=[Link(str(n), url(n)) if n else None for n in page.window()],
        )
        return PlatformDirectoryView(
            breadcrumbs=self._crumbs(),
            rows=[self._row(d.src_uri) for d in page.documents],
            pager=pager,
            total=len(self.platform.documents),
            downloads=[
                Link(f"下载 {ext.upper()}", self.url_of(self.layout.directory_export_uri(ext)))
                for ext in ("csv", "json")
            ],
        )

    def search(self) -> SearchView:
        return SearchView(
            breadcrumbs=self._crumbs()[:1],
            filters=list(SEARCH_FILTERS),
            state_classes={state.value: css for state, css in STATE_CLASSES.items()},
        )
