"""`gongkai assemble`: the portal of a platform built from its organs' parts (gongkai.model.parts).

The assembly is a build of the site without any organ's sources: the portal's pages come from the
parts' records, each organ's pages are copied from its part as they are, and 一网通查 merges the parts'
Pagefind indexes into the index a build in one go writes (gongkai.search.merge). Each organ's pages
stay in the build as files that are not built, so that the navigation and the site's own pages link to
them as in one go.
"""

from __future__ import annotations

import multiprocessing
import re
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from ...file_links import link_tree
from ...model.layout import SEARCH_URI, Layout, PortalLayout
from ...model.parts import Part
from ...model.platform_catalog import PlatformCatalog
from ...search.bundle import BUNDLE_DIR, IndexSummary, write_vocabulary
from ...search.merge import merge_indexes
from ...search.part_search import read_part_index

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
    """Each organ's folder of its part, into the site as it is (linked, gongkai.file_links)."""
    assert catalog.portal is not None
    for part in parts:
        folder = Path(catalog.portal.slug) / part.organ
        link_tree(part.folder / folder, site_dir / folder)


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


class AssemblyWork:
    """What an assembly does beside building the portal's pages, started as soon as the site folder is
    empty: each organ's folder copied from its part (`copy_parts`, on a thread: the file system's work)
    and, with `search`, the parts' indexes merged (`assembled_search`, in a process of its own: Python's
    work, on the other core)."""

    def __init__(self, parts: list[Part], catalog: PlatformCatalog, site_dir: Path, search: bool) -> None:
        copying = ThreadPoolExecutor(max_workers=1, thread_name_prefix="gongkai-copy-parts")
        merging = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        try:
            self.copying = copying.submit(copy_parts, parts, catalog, site_dir)
            self.merging = merging.submit(assembled_search, parts, site_dir) if search else None
        finally:
            copying.shutdown(wait=False)
            merging.shutdown(wait=False)

    def finish(self) -> IndexSummary | None:
        """Wait for both; the merged index's summary (None without search). Raises what either raised."""
        self.copying.result()
        return self.merging.result() if self.merging is not None else None

    def abandon(self) -> None:
        """Wait for both, whatever they raise: nothing is left writing into the site after a failed build."""
        for work in (self.copying, self.merging):
            if work is not None:
                work.exception()


def assembled_search(parts: list[Part], site_dir: Path) -> IndexSummary:
    """One search over every part: their Pagefind indexes merged in the catalog's order, as a build in
    one go merges its organs' indexes, with nothing indexed again."""
    indexes = [read_part_index(part.folder) for part in parts]
    merged = merge_indexes([index.bundle for index in indexes], site_dir / BUNDLE_DIR)
    return write_vocabulary(site_dir, merged.heavy, 1)
