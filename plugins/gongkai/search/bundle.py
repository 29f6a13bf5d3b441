"""The 一网通查 bundle: Pagefind (extended build) over one page per 主动公开 document.

Records go to Pagefind's indexing service as documents are rendered: it indexes
each one on the other core while the build goes on. Withheld documents never
reach it: the plugin only adds documents it publishes.

A site's index is built in shards and merged (gongkai.search.merge) into the one
index search.js reads. Pagefind holds an index in memory until it writes it
(about 270 bytes per indexed word here), and writing takes longer than linear in
its size: the 19 million words of the LawRefBook corpus took 5 GB in one index.
So an organ's records are indexed in shards of about SHARD_TOKENS words, each a
span of dates (gongkai.search.shards; shard 0 the newest), which come one after
the other as the plugin renders documents newest first: a full shard is written
aside in the background while the next one fills. The build cache keeps each
shard under a key of its pages, so a rebuild indexes again only the shards whose
documents changed, and merges. The merged index numbers the pages of shard 0
first, then shard 1's …: the pages newest first, wherever the cuts fall, so a
rebuild's index is the one a clean build makes.

A platform's shards are groups of whole organs instead (an organ too large for
one is cut by date), merged organ after organ, as the assembly merges parts.
"""

from __future__ import annotations

import json
import multiprocessing
import shutil
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from ..build_cache import BuildCache
from . import ORGAN_FILTER
from .merge import MERGE_RANGES, SORTS_FILE, SourcePage, merge_indexes, prepare_source
from .pagefind_service import PagefindService
from .records import META_FIELDS, SORT_KEY, SearchRecord, record_page
from .vocabulary import WordCounts, fold_json, words_json

BUNDLE_DIR = "pagefind"
# Beside Pagefind's files, for search.js (gongkai.search.vocabulary): the foldable characters, heavy
# words and record layout; and the folding table, read only for a query that needs it.
WORDS_FILE = "gongkai-words.json"
FOLD_FILE = "gongkai-fold.json"

T = TypeVar("T")

# Where a bundle's shards are written before they are merged, in the site folder.
MERGE_WORK = ".gongkai-shards"
# A shard of one organ's records: about 300 MB for Pagefind, and about 2 s to index again after an edit.
# Smaller shards would make a merge longer: it takes a step for each word of each shard.
SHARD_TOKENS = 1_000_000
# A platform's organs are indexed in shards of whole organs of about this many words: about 0.5 GB each,
# and few enough that Pagefind's cost per index (a process, its scripts written) stays small.
ORGAN_GROUP_TOKENS = 2_000_000


@dataclass(frozen=True)
class IndexSummary:
    pages: int
    shards: int = 1
    merge_seconds: float | None = None  # how long merging the shards took; None: one index, not merged


def write_vocabulary(site_dir: Path, heavy: dict[int, list[str]], shards: int = 1) -> IndexSummary:
    """Beside the index written into the site (of `shards` merged), the files search.js reads first, with
    its `heavy` words (gongkai.search.vocabulary)."""
    bundle = site_dir / BUNDLE_DIR
    sorts = SORTS_FILE if (bundle / SORTS_FILE).is_file() else None  # a merged index keeps its sorts apart
    (bundle / WORDS_FILE).write_text(words_json(heavy, sorts=sorts), "utf-8")
    (bundle / FOLD_FILE).write_text(fold_json(), "utf-8")
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    pages = sum(language["page_count"] for language in entry["languages"].values())
    return IndexSummary(pages=pages, shards=shards)


@dataclass(frozen=True)
class PlannedShard:
    urls: list[str]  # its documents, in the order the build renders them
    key: str | None = None  # under which the build cache keeps it; None: not kept


@dataclass
class _Shard:
    number: int
    service: PagefindService
    index_id: int
    words: WordCounts = field(default_factory=WordCounts)
    pages: list[SourcePage] = field(default_factory=list)  # in Pagefind's order


class SearchBundle:
    """Sends records to Pagefind as they come, then writes the bundle into the site.

    Without `shards`, one index of every record added; `as_source`: left as a source for
    gongkai.search.merge (a platform's part, which the assembly merges with the others). With them,
    each record goes to the shard planned for its URL, and the shards are merged into one index at
    the end. Records must come shard by shard (a full shard is written aside while the next one
    fills), so `site_dir` is needed up front. A shard the `cache` holds under its key is taken from
    there instead: `wants` tells which records it needs no more.
    """

    def __init__(
        self,
        site_dir: Path | None = None,
        shards: list[PlannedShard] | None = None,
        cache: BuildCache | None = None,
        *,
        as_source: bool = False,
    ) -> None:
        if shards and site_dir is None:
            raise ValueError("a bundle of shards writes each one as it fills: give the site folder")
        self._as_source = as_source or bool(shards)
        self.count = 0
        self._words = WordCounts()
        self._site_dir = site_dir
        self._plan = shards or [PlannedShard([])]
        self._planned = bool(shards)
        self._shard_of = {url: number for number, shard in enumerate(self._plan) for url in shard.urls}
        self._cache = cache
        self._reused = {
            number for number, shard in enumerate(self._plan) if cache and shard.key and cache.has_shard(shard.key)
        }
        self._done: set[int] = set()
        self._current: _Shard | None = None
        self._writer: threading.Thread | None = None
        self._writing: _Shard | None = None
        self._failure: BaseException | None = None
        self._worker: ProcessPoolExecutor | None = None
        self._merger: ThreadPoolExecutor | None = None
        self._lock = threading.RLock()
        self._merging: Future[IndexSummary] | None = None
        if self._planned:
            self._merge_when_ready()  # every shard from the cache: nothing to wait for

    def wants(self, url: str) -> bool:
        """Whether the record of `url` is to be indexed: not if its shard comes from the cache."""
        return self._shard_number(url) not in self._reused

    def add(self, record: SearchRecord) -> None:
        number = self._shard_number(record.url)
        if number in self._reused:
            return
        shard = self._current
        if shard is not None and shard.number != number:
            self._write_in_background(shard)
            shard = None
        if shard is None:
            if number in self._done:
                raise ValueError(f"{record.url}: 所在的检索分片 {number} 已写出；应为：文件按分片顺序加入")
            shard = self._current = self._open_shard(number)
        # Pagefind keeps a given URL as it is; search.js resolves it against the site root.
        shard.service.add_file(shard.index_id, "/" + record.url.lstrip("/"), record_page(record))
        shard.words.add(record)
        organ = record.filters.get(ORGAN_FILTER, [""])[0]
        shard.pages.append(SourcePage(record.url, {SORT_KEY: record.published.isoformat()}, organ))
        self.count += 1
        if self._planned and len(shard.pages) == len(self._plan[number].urls):
            self._write_in_background(shard)

    def build(self, site_dir: Path) -> IndexSummary:
        """Write what is left once Pagefind has indexed every record, and the files search.js reads first."""
        try:
            self._wait_for_writer()
            if self._current is not None:
                shard, self._current = self._current, None
                self._write(shard, site_dir)
            for number, planned in enumerate(self._plan):
                if number not in self._done and number not in self._reused:
                    if planned.urls:
                        raise ValueError(f"检索分片 {number} 缺少 {len(planned.urls)} 份文件的记录")
                    self._write(self._open_shard(number), site_dir)  # no record: search.js says the index is empty
            if not self._planned:
                return write_vocabulary(site_dir, self._words.heavy())
            self._merge_when_ready()
            assert self._merging is not None
            summary = self._merging.result()
        finally:
            self.discard()
        shutil.rmtree(site_dir / MERGE_WORK, ignore_errors=True)
        return summary

    @property
    def words(self) -> WordCounts:
        """The words of the records indexed so far."""
        return self._words

    def discard(self) -> None:
        for shard in (self._current, self._writing):
            if shard is not None:
                shard.service.close()
        self._current = None
        if self._writer is not None:
            self._writer.join()
            self._writer = None
        if self._merger is not None:
            self._merger.shutdown(cancel_futures=True)
            self._merger = None
        if self._worker is not None:
            self._worker.shutdown(cancel_futures=True)
            self._worker = None

    def _shard_number(self, url: str) -> int:
        if not self._planned:
            return 0
        try:
            return self._shard_of[url]
        except KeyError:
            raise ValueError(f"{url}: 不在任何检索分片的计划中") from None

    def _open_shard(self, number: int) -> _Shard:
        service = PagefindService()
        # Pages declare lang="zxx": Pagefind must not segment the bigram streams itself.
        return _Shard(number, service, service.new_index())

    def _write_in_background(self, shard: _Shard) -> None:
        assert self._site_dir is not None
        site_dir = self._site_dir
        self._wait_for_writer()  # one shard written at a time: two in memory at most
        self._writing, self._current = shard, None

        def write() -> None:
            try:
                self._write(shard, site_dir)
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

    def _in_worker(self, function: Callable[..., T], *arguments: Any) -> Future[T]:
        """Run `function` in a process of the pool where there are several shards: preparing a shard is
        Python's work on every word, which in a thread would hold the interpreter the pages render in.
        With one shard (a small site), here and now."""
        pool = self._pool()
        if pool is None:
            done: Future[T] = Future()
            done.set_result(function(*arguments))
            return done
        return pool.submit(function, *arguments)

    def _pool(self) -> ProcessPoolExecutor | None:
        """The processes that prepare shards and merge ranges of words (gongkai.search.merge); none for a
        bundle of one shard."""
        if len(self._plan) < 2:
            return None
        with self._lock:
            if self._worker is None:
                # Spawned, not forked: the build has threads (Pagefind's readers, the shard writer).
                spawn = multiprocessing.get_context("spawn")
                self._worker = ProcessPoolExecutor(max_workers=MERGE_RANGES, mp_context=spawn)
            return self._worker

    def _merge_when_ready(self) -> None:
        """Start merging the shards once each is written or taken from the cache: while MkDocs still
        renders and writes pages (a rebuild renders the documents to index again first)."""
        with self._lock:
            if self._merging is not None or len(self._done) + len(self._reused) < len(self._plan):
                return
            assert self._site_dir is not None
            sources: list[Path] = []
            for number, planned in enumerate(self._plan):
                if number in self._reused:
                    assert self._cache is not None and planned.key is not None
                    sources.append(self._cache.shard_source(planned.key))
                else:
                    sources.append(self._shard_folder(self._site_dir, number))
            pool = self._pool()
            if pool is None:
                self._merging = Future()
                self._merging.set_result(merge_shards(sources, self._site_dir))
                return
            # The merge's ranges run in the pool; what is left (fragments, filters, the meta) in a thread.
            self._merger = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pagefind-merge")
            self._merging = self._merger.submit(merge_shards, sources, self._site_dir, pool)

    def _shard_folder(self, site_dir: Path, number: int) -> Path:
        return site_dir / MERGE_WORK / str(number) if self._planned else site_dir / BUNDLE_DIR

    def _write(self, shard: _Shard, site_dir: Path) -> None:
        target = self._shard_folder(site_dir, shard.number)
        try:
            shard.service.write_files(shard.index_id, target)
        finally:
            shard.service.close()
        if self._as_source:
            self._in_worker(prepare_source, target, shard.pages, META_FIELDS, shard.words.tokens).result()
        key = self._plan[shard.number].key
        if self._cache is not None and key is not None:
            self._cache.put_shard(key, target)
        self._done.add(shard.number)
        if self._planned:
            self._merge_when_ready()
        else:
            self._words.merge(shard.words.tokens)


def merge_shards(shards: list[Path], site_dir: Path, pool: Executor | None = None) -> IndexSummary:
    """The shards' indexes merged into the site's (ranges of words in `pool`), and the word list search.js
    reads first."""
    started = time.perf_counter()
    merged = merge_indexes(shards, site_dir / BUNDLE_DIR, pool)
    summary = write_vocabulary(site_dir, merged.heavy, len(shards))
    return IndexSummary(summary.pages, summary.shards, time.perf_counter() - started)
