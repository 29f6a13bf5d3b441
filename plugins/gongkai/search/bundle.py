"""The 一网通查 bundle: Pagefind (extended build) over one page per 主动公开 document.

Records go to Pagefind's indexing service as documents are rendered: it indexes
each one on the other core while the build goes on. Withheld documents never
reach it: the plugin only adds documents it publishes.

Pagefind holds a whole index in memory until it writes it (about 270 bytes per
indexed word here), and writing takes longer than linear in its size. A site
of up to SINGLE_INDEX_TOKENS words gets one index, which costs a query the
fewest bytes. A larger one is cut into shards of `shard_tokens` words, in the
order records come (the plugin sends them newest first, so each shard holds a
span of dates): a full shard is written into `pagefind-<n>/` in the background
while the next one fills, and at most two are in memory at once, however many
documents there are. search.js merges the shards at query time.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path

from .pagefind_service import PagefindService
from .records import SearchRecord, record_page
from .vocabulary import WordCounts, fold_json, words_json

BUNDLE_DIR = "pagefind"
# Beside Pagefind's files, for search.js (gongkai.search.vocabulary): the foldable characters, heavy
# words, record layout and shard count; and the folding table, read only for a query that needs it.
WORDS_FILE = "gongkai-words.json"
FOLD_FILE = "gongkai-fold.json"

# Up to this many indexed words (the LawRefBook corpus has 19 million), one index: about 6 GB for Pagefind.
SINGLE_INDEX_TOKENS = 24_000_000
# Above it, shards of this many words: about 3 GB each, two at most at once.
SHARD_TOKENS = 12_000_000


def shard_tokens_for(expected_tokens: int, configured: int = 0) -> int | None:
    """The shard size for a site of about `expected_tokens` indexed words; None: one index."""
    if configured:
        return configured
    return None if expected_tokens <= SINGLE_INDEX_TOKENS else SHARD_TOKENS


def shard_dir(number: int) -> str:
    """Where shard `number` goes in the site: the first is Pagefind's usual `pagefind/`."""
    return BUNDLE_DIR if number == 0 else f"{BUNDLE_DIR}-{number}"


@dataclass(frozen=True)
class IndexSummary:
    pages: int
    shards: int = 1


@dataclass
class _Shard:
    number: int
    service: PagefindService
    index_id: int
    tokens: int = 0
    pages: int = 0


class SearchBundle:
    """Sends records to Pagefind as they come, then writes the bundle into the site.

    `site_dir` is needed up front only with `shard_tokens`: full shards are written while the build goes on.
    """

    def __init__(self, site_dir: Path | None = None, shard_tokens: int | None = None) -> None:
        if shard_tokens and site_dir is None:
            raise ValueError("a sharded bundle writes shards as they fill: give the site folder")
        self.count = 0
        self._words = WordCounts()
        self._site_dir = site_dir
        self._shard_tokens = shard_tokens
        self._shards = 0
        self._current: _Shard | None = None
        self._writer: threading.Thread | None = None
        self._writing: _Shard | None = None
        self._failure: BaseException | None = None

    def add(self, record: SearchRecord) -> None:
        shard = self._current
        if shard is not None and self._shard_tokens and shard.tokens >= self._shard_tokens:
            assert self._site_dir is not None
            self._write_in_background(shard, self._site_dir)
            shard = None
        if shard is None:
            shard = self._current = self._open_shard()
        # Pagefind keeps a given URL as it is; search.js resolves it against the site root.
        shard.service.add_file(shard.index_id, "/" + record.url.lstrip("/"), record_page(record))
        shard.tokens += len(record.title_tokens) + len(record.number_tokens) + len(record.text_tokens)
        shard.pages += 1
        self._words.add(record)
        self.count += 1

    def build(self, site_dir: Path) -> IndexSummary:
        """Write what is left once Pagefind has indexed every record, and the files search.js reads first."""
        try:
            self._wait_for_writer()
            shard = self._current or self._open_shard()  # no record: an empty bundle, and search.js says so
            self._current = None
            _write(shard, site_dir)
        finally:
            self.discard()
        bundle = site_dir / BUNDLE_DIR
        (bundle / WORDS_FILE).write_text(words_json(self._words, shards=self._shards), "utf-8")
        (bundle / FOLD_FILE).write_text(fold_json(), "utf-8")
        pages = 0
        for number in range(self._shards):
            entry = json.loads((site_dir / shard_dir(number) / "pagefind-entry.json").read_text("utf-8"))
            pages += sum(language["page_count"] for language in entry["languages"].values())
        return IndexSummary(pages=pages, shards=self._shards)

    def discard(self) -> None:
        for shard in (self._current, self._writing):
            if shard is not None:
                shard.service.close()
        self._current = None
        if self._writer is not None:
            self._writer.join()
            self._writer = None

    def _open_shard(self) -> _Shard:
        service = PagefindService()
        # Pages declare lang="zxx": Pagefind must not segment the bigram streams itself.
        shard = _Shard(self._shards, service, service.new_index())
        self._shards += 1
        return shard

    def _write_in_background(self, shard: _Shard, site_dir: Path) -> None:
        self._wait_for_writer()  # one shard written at a time: two in memory at most
        self._writing, self._current = shard, None

        def write() -> None:
            try:
                _write(shard, site_dir)
            except BaseException as e:  # raised in the build's thread, by the next wait
                self._failure = e

        self._writer = threading.Thread(target=write, name=f"pagefind-shard-{shard.number}")
        self._writer.start()

    def _wait_for_writer(self) -> None:
        if self._writer is not None:
            self._writer.join()
            self._writer, self._writing = None, None
        if self._failure is not None:
            failure, self._failure = self._failure, None
            raise failure


def _write(shard: _Shard, site_dir: Path) -> None:
    try:
        shard.service.write_files(shard.index_id, site_dir / shard_dir(shard.number))
    finally:
        shard.service.close()
