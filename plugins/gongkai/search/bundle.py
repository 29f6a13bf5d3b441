"""The 一网通查 bundle: Pagefind (extended build) over one page per 主动公开 document.

Records are written to a staging folder as documents are rendered, so memory
stays flat however many there are; `build` then runs Pagefind once over that
folder and writes the bundle into the site. Withheld documents never reach the
folder: the plugin only adds documents it publishes.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pagefind.index import IndexConfig, PagefindIndex

from .records import SearchRecord, record_page
from .vocabulary import WordCounts, fold_json, words_json

BUNDLE_DIR = "pagefind"
# Beside Pagefind's files, for search.js (gongkai.search.vocabulary): the foldable characters, heavy
# words and record layout; and the folding table, read only for a query that has a foldable character.
WORDS_FILE = "gongkai-words.json"
FOLD_FILE = "gongkai-fold.json"


@dataclass(frozen=True)
class IndexSummary:
    pages: int


class SearchBundle:
    """Collects records, then indexes them into `<site>/pagefind/`."""

    def __init__(self) -> None:
        self._staging = Path(tempfile.mkdtemp(prefix="gongkai-search-"))
        self.count = 0
        self._words = WordCounts()

    def add(self, record: SearchRecord) -> None:
        # Pagefind takes a page's URL from its path: mirror the page's place in the site.
        path = self._staging / _index_file(record.url)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(record_page(record), "utf-8")
        self._words.add(record)
        self.count += 1

    def build(self, site_dir: Path) -> IndexSummary:
        """Index the records and write the bundle into `site_dir`; the staging folder is removed.

        Pagefind's Python API is asynchronous; its own thread and event loop keep it
        working when the caller already runs a loop (a test driving a browser).
        """
        try:
            with ThreadPoolExecutor(max_workers=1) as pool:
                return pool.submit(asyncio.run, self._index(site_dir / BUNDLE_DIR)).result()
        finally:
            self.discard()

    def discard(self) -> None:
        shutil.rmtree(self._staging, ignore_errors=True)

    async def _index(self, bundle: Path) -> IndexSummary:
        # Pages declare lang="zxx": Pagefind must not segment the bigram streams itself.
        config = IndexConfig(output_path=str(bundle))
        async with PagefindIndex(config=config) as index:
            # An empty folder still gives a bundle, with no language: search.js says there is nothing to search.
            await index.add_directory(str(self._staging))
        (bundle / WORDS_FILE).write_text(words_json(self._words), "utf-8")
        (bundle / FOLD_FILE).write_text(fold_json(), "utf-8")
        entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
        pages = sum(language["page_count"] for language in entry["languages"].values())
        return IndexSummary(pages=pages)


def _index_file(url: str) -> PurePosixPath:
    path = PurePosixPath(url.lstrip("/"))
    return path / "index.html" if url.endswith("/") or not path.suffix else path
