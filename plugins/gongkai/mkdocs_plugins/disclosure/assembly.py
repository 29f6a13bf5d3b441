"""`gongkai assemble`: the portal of a platform built from its organs' parts (gongkai.model.parts).

The assembly is a build of the site without any organ's sources: the portal's pages come from the
parts' records, each organ's pages are copied from its part as they are, and 一网通查 indexes every part's
records in the order a build in one go does. Each organ's pages stay in the build as files that are
not built, so that the navigation and the site's own pages link to them as in one go.
"""

from __future__ import annotations

import heapq
import re
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from ...model.layout import SEARCH_URI, Layout, PortalLayout
from ...model.parts import Part
from ...model.platform_catalog import PlatformCatalog
from ...model.portal import PortalData
from ...search.bundle import PlannedShard, SearchBundle, shard_tokens_for
from ...search.part_records import part_record_sizes, part_records
from ...search.shards import Member, plan_shards

_URL = re.compile(r"<url>\s*<loc>([^<]*)</loc>(?:\s*<lastmod>([^<]*)</lastmod>)?", re.S)


def organ_page_uris(catalog: PlatformCatalog) -> list[str]:
    """Each organ's landing page and column pages, and the portal's: what the navigation and the site's
    pages may name."""
    assert catalog.portal is not None
    portal = PortalLayout(catalog.portal.slug, catalog.portal.directory_slug)
    uris = [portal.landing_uri, portal.directory_uri(), SEARCH_URI]
    for organ in catalog.organs:
        layout = Layout(organ)
        uris += [layout.landing_uri, *(layout.column_uri(c) for c in organ.walk())]
    return uris


def copy_parts(parts: list[Part], catalog: PlatformCatalog, site_dir: Path) -> None:
    """Each organ's folder of its part, into the site as it is."""
    assert catalog.portal is not None
    for part in parts:
        folder = Path(catalog.portal.slug) / part.organ
        shutil.copytree(part.folder / folder, site_dir / folder, dirs_exist_ok=True)


def sitemap_pages(parts: list[Part], site_url: str) -> list[Any]:
    """The parts' sitemap entries, as the sitemap template reads MkDocs' pages (url, page.canonical_url …)."""
    pages = []
    base = site_url.rstrip("/") + "/" if site_url else "/"
    for part in parts:
        path = part.folder / "sitemap.xml"
        text = path.read_text("utf-8") if path.is_file() else ""
        for loc, lastmod in _URL.findall(text):
            loc = loc.replace("&amp;", "&")
            page = SimpleNamespace(
                is_link=False, canonical_url=loc if site_url else None, abs_url=loc, update_date=lastmod or None
            )
            pages.append(SimpleNamespace(url=loc.removeprefix(base), page=page))
    return pages


def assembled_search(
    parts: list[Part], data: PortalData, site_dir: Path, configured_tokens: int
) -> tuple[SearchBundle, int]:
    """Every part's records in one bundle, newest first and cut into shards as a build in one go cuts them.

    The shards are planned from the records' sizes; the records are then read from all parts side by side,
    one at a time, so that the assembly holds no more of them than the bundle does."""
    sizes = {url: size for part in parts for url, size in part_record_sizes(part.search_records).items()}
    order = [d for d in data.documents if d.url in sizes]
    members = [Member(d.url, f"{d.published.isoformat()} {d.index_no}", sizes[d.url] // 3) for d in order]
    shard_tokens = shard_tokens_for(sum(m.tokens for m in members), configured_tokens)
    shards = [[m.url for m in members]] if shard_tokens is None else plan_shards(members, shard_tokens, []).shards
    bundle = SearchBundle(site_dir, [PlannedShard(urls) for urls in shards], None)
    position = {d.url: n for n, d in enumerate(order)}
    streams = [part_records(part.search_records) for part in parts]
    for record in heapq.merge(*streams, key=lambda r: position[r.url]):
        bundle.add(record)
    return bundle, len(order)
