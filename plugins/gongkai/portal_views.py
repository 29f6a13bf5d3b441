"""What the pages of a platform's portal receive: the organs by type, the platform-wide 公开目录, 一网通查.

Each organ's own pages are made by its ViewBuilder (gongkai.views). The portal's are made from the
catalog and the portal's records only (gongkai.model.portal), so that a portal assembled from parts
built apart is the portal built in one go.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from .model.catalog import Catalog, OrganKind
from .model.layout import SEARCH_TITLE, SEARCH_URI, Layout, PortalLayout
from .model.platform_catalog import PlatformCatalog
from .model.portal import PortalData, PortalDocument
from .model.site import listing_page
from .search import FILTERS as SEARCH_FILTERS
from .views import STATE_CLASSES, Link, Pager, SearchView, pager_of

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
    """A document in a platform-wide list, with its organ."""

    document: PortalDocument
    organ: Link

    @property
    def state_class(self) -> str:
        return STATE_CLASSES[self.document.state] if self.document.state else ""


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


def organ_groups(catalog: PlatformCatalog) -> list[tuple[str, list[Catalog]]]:
    """The organs by 类型, in the order of the types, each group in the order of catalog.yaml."""
    return [
        (kind.value, members) for kind in OrganKind if (members := [c for c in catalog.organs if c.organ.kind is kind])
    ]


class PortalViewBuilder:
    """The portal's views from the platform's catalog and the portal's records (gongkai.model.portal)."""

    def __init__(
        self, catalog: PlatformCatalog, data: PortalData, layout: PortalLayout, url_of: Callable[[str], str]
    ) -> None:
        assert catalog.portal is not None
        self.catalog = catalog
        self.portal_settings = catalog.portal
        self.data = data
        self.layout = layout
        self.url_of = url_of
        self.organ_links = {
            c.organ_key or "": Link(c.organ.name, url_of(Layout(c).landing_uri)) for c in catalog.organs
        }

    def _crumbs(self) -> list[Link]:
        return [
            Link("首页", self.url_of("index.md")),
            Link(self.portal_settings.name, self.url_of(self.layout.landing_uri)),
        ]

    def _row(self, document: PortalDocument) -> PortalRow:
        return PortalRow(document, self.organ_links[document.organ])

    def portal(self) -> PortalView:
        groups = []
        for kind, catalogs in organ_groups(self.catalog):
            entries = []
            for catalog in catalogs:
                record = self.data.organ(catalog.organ_key or "")
                count, newest = (record.count, record.newest) if record else (0, None)
                entries.append(OrganEntry(catalog.organ.name, self.url_of(Layout(catalog).landing_uri), count, newest))
            groups.append(OrganGroup(kind, entries))
        return PortalView(
            breadcrumbs=self._crumbs()[:1],
            description=self.portal_settings.description,
            groups=groups,
            latest=[self._row(d) for d in self.data.documents[:10]],
            document_count=len(self.data.documents),
            directory=Link(DIRECTORY_TITLE, self.url_of(self.layout.directory_uri())),
            search=Link(SEARCH_TITLE, self.url_of(SEARCH_URI)),
        )

    def directory(self, page_number: int) -> PlatformDirectoryView:
        page = listing_page(self.data.documents, self.portal_settings.page_size, page_number)

        def url(n: int) -> str:
            return self.url_of(self.layout.directory_uri(n))

        pager = pager_of(page, url)
        return PlatformDirectoryView(
            breadcrumbs=self._crumbs(),
            rows=[self._row(d) for d in page.documents],
            pager=pager,
            total=len(self.data.documents),
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
