"""What a platform's portal shows of its organs and their documents, as plain records.

The portal (its entry, the platform-wide 公开目录 and its downloads) is made from these records only: in
one go they come from the loaded organs, and a portal assembled from parts built apart gets the same
records from the parts. So both make the same pages.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from .directory import PLATFORM_ORGAN_FIELD, directory_rows
from .platform_catalog import PlatformCatalog
from .site import DisclosureSite, Platform
from .validity import State


@dataclass(frozen=True)
class PortalDocument:
    """A published document as the portal lists it."""

    organ: str  # the 代码 of its organ
    url: str  # its page, relative to the site root
    title: str
    doc_number: str | None
    index_no: str
    summary: str
    written: dt.date
    published: dt.date
    published_at: str  # PubDate: YYYY-MM-DD HH:MM
    state: State | None

    @property
    def sort_key(self) -> tuple[dt.date, str]:
        """As Document.sort_key: newest 发布日期 first, then 索引号."""
        return (self.published, self.index_no)


@dataclass(frozen=True)
class OrganRecord:
    """An organ as the portal counts it."""

    key: str
    count: int  # 主动公开 documents
    newest: dt.date | None  # the newest 发布日期; None: nothing published yet


@dataclass(frozen=True)
class PortalData:
    organs: list[OrganRecord]  # in the order of catalog.yaml
    documents: list[PortalDocument]  # every organ's, newest first
    rows: list[dict[str, Any]]  # the platform 公开目录's rows, newest first, each naming its 公开单位

    def organ(self, key: str) -> OrganRecord | None:
        return next((o for o in self.organs if o.key == key), None)


def organ_portal_data(site: DisclosureSite, url_of: dict[str, str]) -> PortalData:
    """One organ's share of the portal: its count, its documents and its 公开目录 rows."""
    key = site.catalog.organ_key or ""
    documents = []
    for document in site.documents:
        documents.append(
            PortalDocument(
                organ=key, url=url_of.get(document.src_uri, ""), title=document.title,
                doc_number=document.doc_number, index_no=document.index_no, summary=document.summary,
                written=document.written, published=document.published, published_at=document.published_at,
                state=site.state(document),
            )
        )  # fmt: skip
    rows = [{**row, PLATFORM_ORGAN_FIELD: site.catalog.organ.name} for row in directory_rows(site, url_of)]
    newest = site.documents[0].published if site.documents else None
    return PortalData([OrganRecord(key, len(site.documents), newest)], documents, rows)


def merge_portal_data(parts: list[PortalData]) -> PortalData:
    """The organs' shares together, in the order given (catalog.yaml's); documents and rows newest first."""
    documents = sorted((d for p in parts for d in p.documents), key=lambda d: d.sort_key, reverse=True)
    rows = sorted((r for p in parts for r in p.rows), key=lambda r: (r["发布日期"], r["索引号"]), reverse=True)
    return PortalData([o for p in parts for o in p.organs], documents, rows)


def portal_data(platform: Platform, url_of: dict[str, str]) -> PortalData:
    return merge_portal_data([organ_portal_data(site, url_of) for site in platform.sites])


def platform_directory_json(catalog: PlatformCatalog, data: PortalData) -> str:
    """The platform's 公开目录: each organ with its 类型, 机构代码 and count, then every organ's rows."""
    organs = []
    for organ in catalog.organs:
        record = data.organ(organ.organ_key or "")
        organs.append(
            {"公开单位": organ.organ.name, "类型": organ.organ.kind.value, "机构代码": organ.organ.code,
             "条目数": record.count if record else 0}
        )  # fmt: skip
    payload = {"公开单位": organs, "条目数": len(data.rows), "条目": data.rows}
    return json.dumps(payload, ensure_ascii=False, indent=1)


def portal_data_json(data: PortalData) -> dict[str, Any]:
    """For a part's manifest: plain JSON values."""
    return {
        "organs": [{"key": o.key, "count": o.count, "newest": _day(o.newest)} for o in data.organs],
        "documents": [
            {
                "organ": d.organ, "url": d.url, "title": d.title, "doc_number": d.doc_number, "index_no": d.index_no,
                "summary": d.summary, "written": d.written.isoformat(), "published": d.published.isoformat(),
                "published_at": d.published_at, "state": d.state.value if d.state else None,
            }
            for d in data.documents
        ],
        "rows": data.rows,
    }  # fmt: skip


def portal_data_from_json(data: dict[str, Any]) -> PortalData:
    organs = [OrganRecord(o["key"], o["count"], _parse(o["newest"])) for o in data["organs"]]
    documents = [
        PortalDocument(
            organ=d["organ"], url=d["url"], title=d["title"], doc_number=d["doc_number"], index_no=d["index_no"],
            summary=d["summary"], written=dt.date.fromisoformat(d["written"]),
            published=dt.date.fromisoformat(d["published"]), published_at=d["published_at"],
            state=State(d["state"]) if d["state"] else None,
        )
        for d in data["documents"]
    ]  # fmt: skip
    return PortalData(organs, documents, data["rows"])


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _parse(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None
