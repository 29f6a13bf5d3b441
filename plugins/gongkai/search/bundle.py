"""The 一网通查 bundle: Pagefind (extended build) over one page per 主动公开 document.

Records go to Pagefind's indexing service as documents are rendered: it indexes
each one on the other core while the build goes on, and only writing the bundle
waits at the end. Withheld documents never reach it: the plugin only adds
documents it publishes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .pagefind_service import PagefindService
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
    """Sends records to Pagefind as they come, then writes the bundle into `<site>/pagefind/`."""

    def __init__(self) -> None:
        self.count = 0
        self._words = WordCounts()
        self._service: PagefindService | None = None
        self._index_id = 0

    def add(self, record: SearchRecord) -> None:
        if self._service is None:
            self._service = PagefindService()
            # Pages declare lang="zxx": Pagefind must not segment the bigram streams itself.
            self._index_id = self._service.new_index()
        # Pagefind keeps a given URL as it is; search.js resolves it against the site root.
        self._service.add_file(self._index_id, "/" + record.url.lstrip("/"), record_page(record))
        self._words.add(record)
        self.count += 1

    def build(self, site_dir: Path) -> IndexSummary:
        """Write the bundle into `site_dir` once Pagefind has indexed every record; stop the service."""
        bundle = site_dir / BUNDLE_DIR
        try:
            if self._service is None:  # no record: an empty bundle, with which search.js says there is nothing
                self._service = PagefindService()
                self._index_id = self._service.new_index()
            self._service.write_files(self._index_id, bundle)
        finally:
            self.discard()
        (bundle / WORDS_FILE).write_text(words_json(self._words), "utf-8")
        (bundle / FOLD_FILE).write_text(fold_json(), "utf-8")
        entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
        pages = sum(language["page_count"] for language in entry["languages"].values())
        return IndexSummary(pages=pages)

    def discard(self) -> None:
        if self._service is not None:
            self._service.close()
            self._service = None
