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
from ...views import ColumnView, DirectoryView, GuideView, LandingView, SinglePageView, ViewBuilder


@dataclass(frozen=True)
class GeneratedPage:
    title: str
    markdown: str
    template: str
    make_view: Callable[[ViewBuilder], Any]
    in_nav: bool = True  # pages 2, 3 … of a listing are reached from page 1, not the nav


def plan_pages(site: DisclosureSite, layout: Layout, docs_dir: Path) -> dict[str, GeneratedPage]:
    catalog = site.catalog
    pages = {layout.landing_uri: GeneratedPage(catalog.root_name, "", LandingView.template, ViewBuilder.landing)}
    make: Callable[..., Any]  # a ViewBuilder method, bound to its column (and page) below
    for column in catalog.walk():
        if column.kind in (ColumnKind.DOCUMENT_LIST, ColumnKind.DIRECTORY):
            # A column lists its own documents; the 公开目录 lists every published one.
            if column.kind is ColumnKind.DOCUMENT_LIST:
                documents, make, template = site.documents_in(column), ViewBuilder.column_page, ColumnView.template
            else:
                documents, make, template = site.documents, ViewBuilder.directory, DirectoryView.template
            for page in site.pages_of(documents):
                view = partial(make, column=column, page=page)
                title = column.name if page.number == 1 else f"{column.name}（第{page.number}页）"
                pages[layout.column_uri(column, page.number)] = GeneratedPage(
                    title, "", template, view, in_nav=page.number == 1
                )
        else:
            # 单页 and 公开指南 render the Markdown named in catalog.yaml (optional for the guide).
            body = (docs_dir / column.page_source).read_text("utf-8") if column.page_source else ""
            if column.kind is ColumnKind.SINGLE_PAGE:
                make, template = ViewBuilder.single_page, SinglePageView.template
            else:
                make, template = ViewBuilder.guide, GuideView.template
            pages[layout.column_uri(column)] = GeneratedPage(column.name, body, template, partial(make, column=column))
    return pages
