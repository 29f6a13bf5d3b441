"""The 一网通查 index: Pagefind (extended build, for Chinese) over the built site.

Only pages that mark their content with `data-pagefind-body` are indexed, and
only 主动公开 document pages do; filters, sort keys and metadata come from the
`data-pagefind-*` attributes of the document template.
"""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

BUNDLE_DIR = "pagefind"


@dataclass(frozen=True)
class IndexSummary:
    pages: int
    bundle: Path


def build_search_index(site_dir: Path) -> IndexSummary:
    """Index `site_dir` and write the search bundle into `site_dir/pagefind/`.

    Pagefind's Python API is asynchronous; its own thread and event loop keep it working
    when the caller already runs a loop (a test driving a browser, an editor's tooling).
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _index(site_dir)).result()


async def _index(site_dir: Path) -> IndexSummary:
    # One index for the whole site in Chinese, whatever a page's lang says.
    config = IndexConfig(force_language="zh", output_path=str(site_dir / BUNDLE_DIR))
    async with PagefindIndex(config=config) as index:
        await index.add_directory(str(site_dir))
    bundle = site_dir / BUNDLE_DIR
    # page_count of add_directory counts every HTML file seen; the entry file counts the indexed ones.
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    pages = sum(language["page_count"] for language in entry["languages"].values())
    return IndexSummary(pages=pages, bundle=bundle)
