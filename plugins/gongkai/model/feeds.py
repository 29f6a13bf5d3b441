"""Atom 1.0 feeds (RFC 4287) of the newest 主动公开 documents: one of the whole column, one per listing column.

Feeds are built from `DisclosureSite.documents`, the published documents only, so a withheld one can
never reach a feed. Their addresses are absolute (a feed is read outside the site), so they need the
site's URL; entries are identified by tag URIs (RFC 4151) made of the domain, the 发布日期 and the
索引号, which stay the same when a document's file moves.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from .. import __version__
from .catalog import Column, ColumnKind
from .document import Document
from .layout import Layout
from .site import DisclosureSite

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MEDIA_TYPE = "application/atom+xml"
# Columns whose pages list documents have a feed of what their list shows.
FEED_KINDS = (ColumnKind.DOCUMENT_LIST, ColumnKind.LIBRARY, ColumnKind.CONSULTATIONS)
# 发布日期 is a day in China: an entry is dated at its 发布时间, else at the day's beginning, Beijing time.
CHINA_TIME = dt.timezone(dt.timedelta(hours=8))
# Characters XML 1.0 does not allow, which ElementTree would write as they are.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Feed:
    uri: str  # the feed file, relative to the site root (Layout.feed_uri / column_feed_uri)
    title: str
    subtitle: str
    page_uri: str  # the source URI of the page the feed is of: its rel=alternate link
    documents: list[Document]  # newest first
    column: Column | None = None  # None: the whole column's feed


def plan_feeds(site: DisclosureSite, layout: Layout, entries: int) -> list[Feed]:
    """The whole column's feed first, then one per listing column in catalog order; `entries` per feed."""
    catalog = site.catalog
    # On a platform an organ's column is named by the organ: its name once is the title.
    title = (
        catalog.organ.name if catalog.root_name == catalog.organ.name else f"{catalog.organ.name} · {catalog.root_name}"
    )
    feeds = [Feed(layout.feed_uri, title, catalog.root_description, layout.landing_uri, site.documents[:entries])]
    for column in catalog.walk():
        if column.kind in FEED_KINDS:
            documents = column_documents(site, column)[:entries]
            uri, page_uri = layout.column_feed_uri(column), layout.column_uri(column)
            feeds.append(Feed(uri, f"{title} · {column.name}", column.description, page_uri, documents, column))
    return feeds


def column_documents(site: DisclosureSite, column: Column) -> list[Document]:
    """What the column's own list shows, newest 发布日期 first (in the order of `site.documents`).

    A 文件库's page lists what is in force or yet to be; its 废止和失效 list is a page of its own.
    """
    if column.kind is ColumnKind.LIBRARY:
        sections = site.library_sections(column)
        shown = [*sections["current"], *sections["pending"]]
    else:
        shown = site.documents_in(column)
    keys = {d.index_no for d in shown}
    return [d for d in site.documents if d.index_no in keys]


def atom_xml(feed: Feed, site: DisclosureSite, site_url: str, url_of: dict[str, str]) -> bytes:
    """The feed as UTF-8 Atom XML; `url_of` maps source URIs to site-relative URLs, `site_url` makes them absolute."""
    base = site_url if site_url.endswith("/") else site_url + "/"

    def absolute(src_uri: str) -> str:
        return urljoin(base, url_of.get(src_uri, src_uri))

    domain = _tag_domain(site.catalog.website.domain, base)
    # Atom's namespace as the default one, written as an attribute: ElementTree's own default_namespace
    # refuses attributes without a namespace, and register_namespace would change it for the whole process.
    root = ET.Element("feed", {"xmlns": ATOM, XML_LANG: "zh-CN"})
    _add(root, "title", feed.title)
    if feed.subtitle:
        _add(root, "subtitle", feed.subtitle)
    _add(root, "id", absolute(feed.uri))
    stamps = [_timestamp(d.published, d.published_time) for d in feed.documents]
    _add(root, "updated", max(stamps) if stamps else _timestamp(site.as_of))  # one offset: strings compare
    _add(root, "link", attributes={"rel": "self", "type": MEDIA_TYPE, "href": absolute(feed.uri)})
    _add(root, "link", attributes={"rel": "alternate", "type": "text/html", "href": absolute(feed.page_uri)})
    _add(_add(root, "author"), "name", site.catalog.organ.name)
    _add(root, "generator", "gongkai", {"version": __version__})
    for document, stamp in zip(feed.documents, stamps, strict=True):
        entry = _add(root, "entry")
        _add(entry, "title", document.title)
        _add(entry, "id", f"tag:{domain},{document.published.isoformat()}:{document.index_no}")
        _add(entry, "link", attributes={"rel": "alternate", "type": "text/html", "href": absolute(document.src_uri)})
        _add(entry, "published", stamp)
        _add(entry, "updated", stamp)
        _add(_add(entry, "author"), "name", document.issuer)
        _add(entry, "category", attributes={"term": document.subject})
        _add(entry, "category", attributes={"term": document.kind})
        _add(entry, "summary", document.summary)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _add(
    parent: ET.Element, name: str, text: str | None = None, attributes: dict[str, str] | None = None
) -> ET.Element:
    element = ET.SubElement(parent, name, {k: NOT_XML.sub("", v) for k, v in (attributes or {}).items()})
    if text is not None:
        element.text = NOT_XML.sub("", text)
    return element


def _timestamp(day: dt.date, time: dt.time | None = None) -> str:
    return dt.datetime.combine(day, time or dt.time(0), CHINA_TIME).isoformat()


def _tag_domain(domain: str | None, site_url: str) -> str:
    """The authority of entry ids: catalog.yaml 网站.域名 (else the site's host), without a port."""
    host = domain or urlsplit(site_url).netloc.lower()
    return host.rsplit(":", 1)[0] if ":" in host else host
