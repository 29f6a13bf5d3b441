"""Where each generated page of the column lives, and the navigation tree.

Source URIs are relative to the docs dir, as a site generator sees them. The
navigation holds columns only, never documents, so that the navigation a
page carries does not grow with the number of documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .catalog import Catalog, Column, ColumnKind

# A library's second list: what is no longer in force.
ENDED_SECTION = "fzsx"
ENDED_TITLE = "废止和失效"
SEARCH_TITLE = "一网通查"
SEARCH_URI = "search/index.md"  # 一网通查: the search page of the whole site, beside the column
FEED_NAME = "atom.xml"  # the Atom feed of the column, and of each column that lists documents


@dataclass(frozen=True)
class Layout:
    catalog: Catalog

    @property
    def landing_uri(self) -> str:
        return f"{self.catalog.root_slug}/index.md"

    def column_uri(self, column: Column, page_number: int = 1) -> str:
        base = f"{self.catalog.root_slug}/{column.slug_path}"
        return f"{base}/index.md" if page_number == 1 else f"{base}/{page_number}/index.md"

    @property
    def search_uri(self) -> str:
        """一网通查: the search page of the whole site, beside the column."""
        return SEARCH_URI

    def section_uri(self, column: Column, section: str, page_number: int = 1) -> str:
        """A page of a column beyond its own list: a library's 废止和失效 list, one 清理 record."""
        base = f"{self.catalog.root_slug}/{column.slug_path}/{section}"
        return f"{base}/index.md" if page_number == 1 else f"{base}/{page_number}/index.md"

    def export_uri(self, column: Column, extension: str) -> str:
        """The 公开目录 downloads, beside the directory page."""
        return f"{self.catalog.root_slug}/{column.slug_path}/gkml.{extension}"

    def standard_export_uri(self, column: Column, extension: str) -> str:
        """The whole 标准目录 as a download, beside its column's page."""
        return f"{self.catalog.root_slug}/{column.slug_path}/bzml.{extension}"

    def library_data_uri(self, column: Column) -> str:
        """A 文件库's documents with their states, for the filter form of its pages."""
        return f"{self.catalog.root_slug}/{column.slug_path}/wjk.json"

    @property
    def feed_uri(self) -> str:
        """The Atom feed of the whole column's newest documents (gongkai.model.feeds)."""
        return f"{self.catalog.root_slug}/{FEED_NAME}"

    def column_feed_uri(self, column: Column) -> str:
        """A listing column's Atom feed, beside its page. No page can be there: pages are …/index.md, and
        a folder of pages is a slug (no dot), a page number or a section."""
        return f"{self.catalog.root_slug}/{column.slug_path}/{FEED_NAME}"

    def nav(self) -> dict[str, list[Any]]:
        """The column tree in MkDocs `nav` form: the section index first, then columns."""
        return {self.catalog.root_name: [self.landing_uri, *(self._nav_item(c) for c in self.catalog.columns)]}

    def search_nav(self) -> dict[str, str]:
        return {SEARCH_TITLE: self.search_uri}

    def _nav_item(self, column: Column) -> dict[str, Any]:
        extra = [{ENDED_TITLE: self.section_uri(column, ENDED_SECTION)}] if column.kind is ColumnKind.LIBRARY else []
        if not column.children and not extra:
            return {column.name: self.column_uri(column)}
        return {column.name: [self.column_uri(column), *extra, *(self._nav_item(c) for c in column.children)]}


@dataclass(frozen=True)
class PortalLayout:
    """Where a platform's own pages live: the 政府信息公开 entry listing its organs and the platform-wide
    公开目录. Each organ's column is below, at `<portal>/<organ>/` (its Layout)."""

    portal_slug: str
    directory_slug: str

    @property
    def landing_uri(self) -> str:
        return f"{self.portal_slug}/index.md"

    def directory_uri(self, page_number: int = 1) -> str:
        base = f"{self.portal_slug}/{self.directory_slug}"
        return f"{base}/index.md" if page_number == 1 else f"{base}/{page_number}/index.md"

    def directory_export_uri(self, extension: str) -> str:
        return f"{self.portal_slug}/{self.directory_slug}/gkml.{extension}"

    def nav(self, name: str, directory_title: str, organs: list[tuple[str, list[Catalog]]]) -> dict[str, list[Any]]:
        """The portal, its 公开目录 and the organs by type. An organ's columns are on its landing page, not in
        the navigation: each page of the site carries the navigation, and 80 organs' trees would weigh on all."""
        groups = [{kind: [{c.root_name: Layout(c).landing_uri} for c in catalogs]} for kind, catalogs in organs]
        # Every entry has its title: a part builds none of these pages, and its navigation must read as the
        # whole site's does (gongkai.model.parts).
        return {name: [{name: self.landing_uri}, {directory_title: self.directory_uri()}, *groups]}
