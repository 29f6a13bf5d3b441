"""The metadata government pages carry in their head (DOMAIN.md §8): site, column and article.

`<meta name="SiteIDCode">` and its companions are read by the inspections' crawlers and by the
统一信息资源库; the names are case-sensitive and the required ones appear on every page. A page of a
column names that column; a document names its first column; other pages (the home page, 一网通查)
name the 政府信息公开 column as a whole.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .model.catalog import Column, OrganKind
from .model.document import Document, pub_date_text
from .model.platform_catalog import PlatformCatalog
from .model.portal import PortalData
from .model.site import DisclosureSite


@dataclass(frozen=True)
class PageMeta:
    site_name: str
    site_domain: str
    site_id: str
    column_name: str
    column_description: str
    column_keywords: str
    column_type: str
    article_title: str
    pub_date: str  # YYYY-MM-DD HH:MM
    content_source: str
    keywords: str = ""
    author: str = ""
    description: str = ""
    url: str = ""

    @property
    def tags(self) -> list[tuple[str, str]]:
        """(name, content) in the order of the design rules; optional ones only when they have a value."""
        required = [
            ("SiteName", self.site_name), ("SiteDomain", self.site_domain), ("SiteIDCode", self.site_id),
            ("ColumnName", self.column_name), ("ColumnDescription", self.column_description),
            ("ColumnKeywords", self.column_keywords), ("ColumnType", self.column_type),
            ("ArticleTitle", self.article_title), ("PubDate", self.pub_date), ("ContentSource", self.content_source),
        ]  # fmt: skip
        optional = [
            ("Keywords", self.keywords), ("Author", self.author), ("Description", self.description), ("Url", self.url),
        ]  # fmt: skip
        return [(name, value) for name, value in (*required, *optional) if value]


def pub_date(site: DisclosureSite, column: Column | None, published: dt.date | None) -> str:
    """The PubDate of a page that is not a document: the day it gives (a 单页), else as new as the newest
    document it lists, else (公开指南, 一网通查, a column of sub-columns) as the newest of the site."""
    if published is not None:
        return pub_date_text(published)
    documents = (site.documents_in(column) if column is not None else []) or site.documents
    return documents[0].published_at if documents else ""


def page_meta(
    site: DisclosureSite,
    *,
    site_name: str,
    title: str,
    url: str,
    document: Document | None = None,
    column: Column | None = None,
    published: dt.date | None = None,
) -> PageMeta:
    """The metadata of one page: a document's page, a column's page, or (neither) another page of the site;
    `published` is the day a single page gives (see `pub_date`)."""
    catalog = site.catalog
    website = catalog.website
    if document is not None:
        columns = site.columns_of(document)
        column = columns[0] if columns else None
    names = [catalog.root_name, *(column.names if column else [])]
    common = {
        "site_name": site_name,
        "site_domain": website.domain or "",
        "site_id": website.site_id or "",
        "column_name": names[-1],
        "column_description": column.description if column else catalog.root_description,
        "column_keywords": ",".join(names),
        "column_type": column.type_or(catalog.root_page_type) if column else catalog.root_page_type,
        "url": url,
    }
    if document is not None:
        return PageMeta(
            **common,
            article_title=document.title,
            pub_date=document.published_at,
            content_source=document.issuer,
            keywords=",".join(document.keywords),
            author=document.issuer,
            description=document.summary,
        )
    return PageMeta(
        **common,
        article_title=title,
        pub_date=pub_date(site, column, published),
        content_source=catalog.organ.name,
        description=column.description if column else catalog.root_description,
    )


def portal_pub_date(data: PortalData) -> str:
    """A platform's own page is as new as the newest document of any organ."""
    return data.documents[0].published_at if data.documents else ""


def portal_meta(catalog: PlatformCatalog, data: PortalData, *, site_name: str, title: str, url: str) -> PageMeta:
    """The metadata of a platform's own page (its entry, 公开目录, 一网通查, the 404 page): the portal is its
    column, and its source the platform's government (else its first organ)."""
    portal = catalog.portal
    assert portal is not None
    website = catalog.first.website
    governments = [c for c in catalog.organs if c.organ.kind is OrganKind.GOVERNMENT]
    return PageMeta(
        site_name=site_name,
        site_domain=website.domain or "",
        site_id=website.site_id or "",
        column_name=portal.name,
        column_description=portal.description,
        column_keywords=portal.name,
        column_type=portal.page_type,
        article_title=title,
        pub_date=portal_pub_date(data),
        content_source=(governments or catalog.organs)[0].organ.name,
        description=portal.description,
        url=url,
    )
