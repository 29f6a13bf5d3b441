"""The pages the column generates: one entry per source URI, with its view."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from ...model.catalog import ColumnKind
from ...model.layout import Layout
from ...model.site import DisclosureSite
from ...views import ViewBuilder


@dataclass(frozen=True)
class GeneratedPage:
    title: str
    markdown: str
    make_view: Callable[[ViewBuilder], Any]
    in_nav: bool = True  # pages 2, 3 … of a listing are reached from page 1, not the nav

    def view(self, builder: ViewBuilder) -> Any:
        return self.make_view(builder)


def plan_pages(site: DisclosureSite, layout: Layout, docs_dir: Path) -> dict[str, GeneratedPage]:
    catalog = site.catalog
    pages = {layout.landing_uri: GeneratedPage(catalog.root_name, "", ViewBuilder.landing)}
    for column in catalog.walk():
        if column.kind is ColumnKind.DOCUMENT_LIST:
            listing = site.pages_of(site.documents_in(column))
            for page in listing:
                view = partial(ViewBuilder.column_page, column=column, page=page)
                pages[layout.column_uri(column, page.number)] = GeneratedPage(
                    _numbered(column.name, page.number), "", view, in_nav=page.number == 1
                )
        elif column.kind is ColumnKind.DIRECTORY:
            for page in site.pages_of(site.documents):
                directory = partial(ViewBuilder.directory, column=column, page=page)
                pages[layout.column_uri(column, page.number)] = GeneratedPage(
                    _numbered(column.name, page.number), "", directory, in_nav=page.number == 1
                )
        else:
            # 单页 and 公开指南 render the Markdown named in catalog.yaml (optional for the guide).
            body = (docs_dir / column.page_source).read_text("utf-8") if column.page_source else ""
            make = ViewBuilder.single_page if column.kind is ColumnKind.SINGLE_PAGE else ViewBuilder.guide
            pages[layout.column_uri(column)] = GeneratedPage(column.name, body, partial(make, column=column))
    return pages


def _numbered(name: str, number: int) -> str:
    return name if number == 1 else f"{name}（第{number}页）"
