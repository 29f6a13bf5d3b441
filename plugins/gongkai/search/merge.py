"""One Pagefind index from several, as Pagefind would have built it from all their pages in turn, but for
the meta every search downloads: shorter page names, rounded word counts, and the dates in a file apart
(`_merge_fragments`, `rounded_word_count`, `_sorts_json`).

A platform's search is one index over every organ's documents, and it is made by merging: each organ's
records are indexed by Pagefind on their own (in a part, gongkai.search.part_search, or as one shard of
a build in one go, gongkai.search.bundle), and the organs' indexes are merged here, in the catalog's
order. The merged index numbers the pages of the first source first, then those of the second …, so a
word's list of pages in the merged index is its lists in the sources one after the other, and the bytes
of each can be taken as they are: Pagefind numbers a word's pages by the step from the page before, so
only the first page of each source's list is written anew (`prepare_source` keeps each list's bytes, its
first and last page). Nothing is tokenised or decoded again, and one frame of words of each source is in
memory at a time; the assembly of a platform takes the time of copying its index, not of building it.

The merge still takes a Python step for each word of each source, and it is the longest part of a
rebuild after an edit: a large index is merged in ranges of words side by side, in the processes of a
pool (`_word_ranges`, `_merge_range`), and each source's words are kept column by column
(`_frame_bytes`), so that reading them back runs in C. The sources also carry the count of each word as
cut, so that the merge gives the heavy words search.js plans its queries by (gongkai.search.vocabulary).
"""

from __future__ import annotations

import array
import bisect
import datetime as dt
import hashlib
import io
import itertools
import json
import math
import operator
import re
import shutil
import zlib
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cbor2

from ..file_links import link_or_copy
from . import pagefind_files as pf
from .vocabulary import HEAVY_POSITIONS, heavy_class, positions_by_word

# Beside a source's Pagefind files: its words as the merge reads them (frames of CBOR, each compressed on its
# own, so that a merge of a range of words reads only the frames it needs), and what they hold.
WORDS_FILE = "gongkai-merge-words.cbor.z"
SUMMARY_FILE = "gongkai-merge.json"
# Beside a merged index: its pages' sort values (dates), which search.js reads for a sorted search.
SORTS_FILE = "gongkai-sorts.json"
EPOCH = dt.date(1970, 1, 1)
WORD_COUNT_STEPS = 4  # a merged index's word counts are rounded to this many steps an octave
GROUP_KEY_DIGITS = 6  # hex digits of a group's hash that start the names of its pages' fragments
# zlib's level for the merged index chunks. Positions hardly compress (to about half, at any level), and
# the chunks of a large platform are most of its merge: on 48,000 pages 800 MB before compression. Level 4
# takes a third of level 6's time for chunks 3% larger (Pagefind writes level 9: 1% smaller, 8 times as long).
COMPRESSION = 4
# The words of an index of this many positions or more are merged in MERGE_RANGES ranges, each in a process of
# its own where the caller gives a pool: the merge is Python's work on every word of every source. The ranges
# are cut where the sources' positions, all summed, are shared evenly (`_word_ranges`), so that they fall
# where they do whatever the sources (a site's shards, however cut); a smaller index is merged in one range,
# cut into chunks as Pagefind would.
MERGE_RANGES = 2
RANGE_POSITIONS = 1_000_000


@dataclass(frozen=True)
class SourcePage:
    url: str
    sorts: dict[str, str]  # sort key -> the page's value, as the page gave it to Pagefind
    group: str = ""  # the pages of a group are named together in the merged index (a platform: the organ)


@dataclass(frozen=True)
class Frame:
    """A frame of a source's prepared words: its first and last word, and where its bytes are."""

    first: str
    last: str
    offset: int
    size: int


@dataclass(frozen=True)
class SourceIndex:
    """A Pagefind bundle of one language as `prepare_source` described it."""

    folder: Path
    pages: list[SourcePage]  # in Pagefind's order
    fields: list[str]  # the meta fields its words number
    frames: list[Frame]
    spread: dict[str, int]  # first character -> the positions of its words


@dataclass(frozen=True)
class MergeSummary:
    pages: int
    words: int
    heavy: dict[int, list[str]]  # the words of HEAVY_POSITIONS or more (gongkai.search.vocabulary)


def prepare_source(bundle: Path, pages: list[SourcePage], fields: list[str], tokens: Counter[str]) -> None:
    """Write beside a Pagefind index what the merge reads of it: its `pages` (in the order Pagefind
    numbered them), and its words: for each word, in order, its number of pages, first and last page,
    positions (Pagefind cuts chunks by them), its list of pages as CBOR without the first page's head,
    and its count of positions in `tokens` (the records' tokens as cut, for the heavy words).

    A page's positions in meta fields name the field by its number in the index's list of fields, which
    holds only the fields its pages have: they are renumbered here by `fields`, every field a record may
    have, so that the indexes of all organs number them alike."""
    entry = pf.read_entry(bundle)
    metas = [pf.read_cbor(bundle / f"pagefind.{details['hash']}.pf_meta") for details in entry["languages"].values()]
    for meta in metas:
        _check_pages(bundle, meta, pages)
    counted = positions_by_word(tokens)
    words = 0
    frames: list[list[Any]] = []
    spread: Counter[str] = Counter()
    with (bundle / WORDS_FILE).open("wb") as out:
        for meta in metas:
            unknown = [name for name in meta[5] if name not in fields]
            if unknown:
                raise pf.PagefindFormatError(f"{bundle}: 元数据字段 {'、'.join(unknown)}；应为：{'、'.join(fields)}")
            renumbered = [fields.index(name) for name in meta[5]]
            same = renumbered == list(range(len(renumbered)))
            for _, _, name in meta[2]:
                path = bundle / "index" / f"{name}.pf_index"
                records = [_prepared(word, listed, renumbered, same, path) for word, listed in _word_entries(path)]
                if not records:
                    continue
                for record in records:
                    record.append(counted.get(record[0], 0))
                    spread[record[0][:1]] += record[4]
                words += len(records)
                frame = zlib.compress(_frame_bytes(records), 1)
                frames.append([records[0][0], records[-1][0], out.tell(), len(frame)])
                out.write(frame)
    summary = {
        "words": words,
        "fields": fields,
        "pages": [[page.url, page.sorts, page.group] for page in pages],
        "frames": frames,
        "spread": spread,
    }
    (bundle / SUMMARY_FILE).write_text(json.dumps(summary, ensure_ascii=False), "utf-8")


# A frame holds its words' fields column by column, so that it is read back by calls in C, not a Python
# step per word: [the words, one per line; their numbers (NUMBERS of each, as `array` writes them); the
# lengths of their lists of pages; those lists, one after the other].
NUMBERS = ("pages", "first", "last", "positions", "count")


def _frame_bytes(records: list[list[Any]]) -> bytes:
    """[[word, pages, first, last, positions, list of pages, count]…] as a frame of WORDS_FILE."""
    numbers = array.array("q", (value for r in records for value in (r[1], r[2], r[3], r[4], r[6])))
    lengths = array.array("q", (len(r[5]) for r in records))
    return pf.encode(
        ["\n".join(r[0] for r in records), numbers.tobytes(), lengths.tobytes(), b"".join(r[5] for r in records)]
    )


def _frame_records(content: bytes, source: int) -> list[tuple[Any, ...]]:
    """A frame's words as (word, `source`, pages, first, last, positions, list of pages, count)."""
    text, number_bytes, length_bytes, lists = cbor2.loads(content)
    numbers, lengths = array.array("q"), array.array("q")
    numbers.frombytes(number_bytes)
    lengths.frombytes(length_bytes)
    words = text.split("\n")
    ends = list(itertools.accumulate(lengths))
    pieces = map(lists.__getitem__, map(slice, [0, *ends[:-1]], ends))
    columns = (numbers[n :: len(NUMBERS)] for n in range(len(NUMBERS)))
    pages, first, last, positions, count = columns
    if ends and ends[-1] != len(lists):
        raise ValueError(f"页面列表共 {ends[-1]} 字节；应为：{len(lists)} 字节")
    return list(zip(words, [source] * len(words), pages, first, last, positions, pieces, count, strict=True))


def _check_pages(bundle: Path, meta: list[Any], pages: list[SourcePage]) -> None:
    """That Pagefind numbered the pages in the order listed: the merge takes page n's fragment for it."""
    if len(meta[1]) != len(pages):
        raise pf.PagefindFormatError(f"{bundle}: 索引有 {len(meta[1])} 个页面；应为：所列的 {len(pages)} 个")
    for (fragment, _), page in zip(meta[1], pages, strict=True):
        path = bundle / "fragment" / f"{fragment}.pf_fragment"
        url = _fragment_url(pf.read_data(path), path)
        if url != _as_pagefind_url(page.url):
            raise pf.PagefindFormatError(f"{path}: 页面为 {url}；应为：所列的 {page.url}")


def _word_entries(path: Path) -> Iterator[tuple[list[Any], bytes]]:
    """The words of an index chunk, each decoded and as the bytes of its entry in the chunk."""
    raw = pf.read_data(path)
    if raw[:1] != pf.head(pf.ARRAY, 1) or raw[1] >> 5 != pf.ARRAY:
        raise pf.PagefindFormatError(f"{path}: 不是 [[词…]]；应为：Pagefind 1.5 的索引块")
    stream = io.BytesIO(raw)
    # Past the head of the chunk, [[word entry, …]], and that of its list of words.
    size = raw[1] & 0x1F
    stream.seek(2 + ((1, 2, 4, 8)[size - 24] if size >= 24 else 0))
    decoder = cbor2.CBORDecoder(stream)
    while stream.tell() < len(raw):
        start = stream.tell()
        word = decoder.decode()
        yield word, raw[start : stream.tell()]


def _prepared(word: list[Any], entry: bytes, renumbered: list[int], same: bool, path: Path) -> list[Any]:
    """[word, pages, first page, last page, positions, the pages' entries as bytes but the first one's head]
    of a word's entry: the merge writes that head anew, as the step from the page before in its list."""
    text, where, variants = word  # where: the word's pages, [step from the page before, positions, meta positions]
    if variants:
        raise pf.PagefindFormatError(f"{path}: 词 {text} 带有变体；合并只处理没有变体的索引")
    last = positions = 0
    for page in where:
        last += page[0]
        positions += len(page[1]) + len(page[2]) + 1
    if same or not any(page[2] for page in where):
        head = 1 + len(pf.encode(text)) + len(pf.head(pf.ARRAY, len(where)))
        listed = entry[head:-1]  # the entry's head, then the pages' entries, then its empty variants
    else:
        for page in where:
            page[2] = [-(renumbered[-v - 1] + 1) if v < 0 else v for v in page[2]]
        listed = pf.encode(where)[len(pf.head(pf.ARRAY, len(where))) :]
    first = where[0][0]
    return [text, len(where), first, last, positions, listed[len(_page_head(first)) :]]


def merge_indexes(bundles: list[Path], target: Path, pool: Executor | None = None) -> MergeSummary:
    """Write into `target` the index of all the pages of `bundles` (each prepared by `prepare_source`):
    the first one's, then the next one's …. With a `pool` (of processes), its ranges of words are merged
    there, side by side; the index is the same without.

    A PagefindFormatError names the source and what does not fit: another Pagefind version or language,
    a page count or URL that is not the one listed, a source `prepare_source` was not run on."""
    sources = [_read_source(bundle) for bundle in bundles]
    entries = [pf.read_entry(source.folder) for source in sources]
    version, characters = _common(sources, entries)
    for source, entry in zip(sources, entries, strict=True):
        if not entry["languages"] and source.pages:
            raise pf.PagefindFormatError(f"{source.folder}: 索引是空的；应为：所列的 {len(source.pages)} 个页面")
    _clear(target)
    if sources:
        _copy_scripts(sources[0].folder, target)
    # An index of no page lists no language, and adds nothing.
    sources, entries = [s for s in sources if s.pages], [e for s, e in zip(sources, entries, strict=True) if s.pages]
    if not sources:  # as Pagefind writes an index of no page: search.js finds nothing in it
        (target / pf.ENTRY).write_text(pf.entry_json(version, None, "", None, 0, characters), "utf-8")
        return MergeSummary(0, 0, {})
    language, wasm = _language(sources, entries)
    metas = [_read_meta(source, entry) for source, entry in zip(sources, entries, strict=True)]
    fields = sources[0].fields
    for source in sources:
        if source.fields != fields:
            raise pf.PagefindFormatError(
                f"{source.folder}: 元数据字段为 {'、'.join(source.fields)}；应为：{'、'.join(fields)}"
            )
    offsets = [0]
    for source in sources:
        offsets.append(offsets[-1] + len(source.pages))

    folder = target / "index"
    folder.mkdir(parents=True)
    frames = [(source.folder / WORDS_FILE, source.frames) for source in sources]
    work = [(frames, offsets, low, high, folder) for low, high in _word_ranges(sources)]
    merging = [pool.submit(_merge_range, *arguments) for arguments in work] if pool is not None else []
    try:
        pages, groups = _merge_fragments(sources, metas, target, language)
        filters = _merge_filters(sources, metas, offsets)
        ranges = [future.result() for future in merging] if merging else [_merge_range(*task) for task in work]
    finally:
        for future in merging:  # nothing left writing into the target
            if not future.cancel():
                future.exception()
    every_page = [page for source in sources for page in source.pages]
    (target / SORTS_FILE).write_text(_sorts_json(every_page, groups), "utf-8")
    filter_list = _write_filters(target, language, filters)
    chunks = _name_chunks([chunk for merged in ranges for chunk in merged.chunks], folder, language)
    content = pf.encode([version, pages, chunks, filter_list, [], fields])
    meta = pf.meta_name(language, content)
    pf.write_data(target / f"pagefind.{meta}.pf_meta", content)
    (target / pf.ENTRY).write_text(pf.entry_json(version, language, meta, wasm, len(pages), characters), "utf-8")
    heavy: dict[int, list[str]] = {}
    for merged in ranges:  # ranges in order of words: each class stays sorted
        for power, words in merged.heavy.items():
            heavy.setdefault(power, []).extend(words)
    return MergeSummary(pages=len(pages), words=sum(merged.words for merged in ranges), heavy=heavy)


def _word_ranges(sources: list[SourceIndex]) -> list[tuple[str | None, str | None]]:
    """The ranges of words merged apart, [low, high) (None: no bound): cut at the first characters where
    the positions of all sources together reach each MERGE_RANGES-th part. The sum of the sources' counts
    is the whole index's, whichever pages each source has: the cuts depend on the pages only."""
    spread: Counter[str] = Counter()
    for source in sources:
        spread.update(source.spread)
    total = sum(spread.values())
    cuts: list[str] = []
    if total >= RANGE_POSITIONS:
        reached = 0
        for character in sorted(spread):
            if reached >= total * (len(cuts) + 1) / MERGE_RANGES and len(cuts) < MERGE_RANGES - 1:
                cuts.append(character)
            reached += spread[character]
    bounds: list[str | None] = [None, *cuts, None]
    return list(itertools.pairwise(bounds))


def _name_chunks(chunks: list[tuple[str, str, str]], folder: Path, language: str) -> list[list[str]]:
    """The meta's list of chunks, [first word, last word, name], each chunk's file (written under its full
    hash by `_merge_range`) renamed as Pagefind names it."""
    names: dict[str, str] = {}
    listed = []
    for (first, last), (_, _, full) in zip(
        pf.chunk_bounds([c[0] for c in chunks], [c[1] for c in chunks]), chunks, strict=True
    ):
        name = pf.unique_name(language, full, names, step=2)
        (folder / f"{full}{_UNNAMED}").rename(folder / f"{name}.pf_index")
        listed.append([first, last, name])
    return listed


_UNNAMED = ".pf_index.unnamed"


@dataclass(frozen=True)
class _MergedRange:
    chunks: list[tuple[str, str, str]]  # first word, last word, full hash (the file's name till named)
    words: int
    heavy: dict[int, list[str]]


class _IndexWriter:
    """The merged index's chunks: of Pagefind's size, and compressed on a second thread (zlib lets go of
    the interpreter) while the merge goes on. Each is written under its full hash: `_name_chunks` gives
    them their names once every range is merged.

    Unlike Pagefind's, a chunk is closed before a word that would take it past its size, not after: a
    common word (人民, 工作: 500 KB to 2.6 MB on 48,000 pages) is then in a chunk of its own, and a rare word
    never brings one along. search.js counts on it when it chooses the words to ask (`plan`)."""

    PENDING = 8  # chunks written at most at once: the memory a merge holds

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.chunks: list[tuple[str, str, str]] = []  # first word, last word, full hash
        self._words: list[bytes] = []
        self._first = self._last = ""
        self._positions = 0
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="pagefind-merge")
        self._pending: list[Future[None]] = []

    def add(self, word: str, encoded: bytes, positions: int) -> None:
        if self._positions + positions > pf.CHUNK_POSITIONS:
            self.close_chunk()
        if not self._words:
            self._first = word
        self._words.append(encoded)
        self._last = word
        self._positions += positions
        if self._positions >= pf.CHUNK_POSITIONS:
            self.close_chunk()

    def close_chunk(self) -> None:
        if not self._words:
            return
        content = b"".join((pf.head(pf.ARRAY, 1), pf.head(pf.ARRAY, len(self._words)), *self._words))
        full = pf.full_hash(content)
        self.chunks.append((self._first, self._last, full))
        self._words, self._positions = [], 0
        if len(self._pending) >= self.PENDING:
            self._pending.pop(0).result()
        self._pending.append(self._pool.submit(pf.write_data, self.folder / f"{full}{_UNNAMED}", content, COMPRESSION))

    def close(self) -> None:
        try:
            self.close_chunk()
            for pending in self._pending:
                pending.result()
        finally:
            self._pool.shutdown()


def _merge_range(
    frames: list[tuple[Path, list[Frame]]], offsets: list[int], low: str | None, high: str | None, folder: Path
) -> _MergedRange:
    """The words from `low` to before `high` of every source, merged into chunks written into `folder`."""
    index = _IndexWriter(folder)
    sources = [_frames(path, listed, number, low, high) for number, (path, listed) in enumerate(frames)]
    try:
        words, heavy = _merge_words(sources, offsets, index)
    finally:
        index.close()
    return _MergedRange(index.chunks, words, heavy)


def _batches(sources: list[Iterator[list[tuple[Any, ...]]]]) -> Iterator[list[tuple[Any, ...]]]:
    """The prepared words of all sources (`_frame_records`) in order of word, then source: a batch at a
    time, each holding every word up to the last one that no source still to be read can have. A frame
    of each source is in memory at once; the sorting and slicing run in C, not a Python step per word
    (heapq.merge took most of a merge's time)."""
    pending: list[list[tuple[Any, ...]]] = [[] for _ in sources]  # read, not yet given out
    unread = set(range(len(sources)))  # sources with frames still to be read
    word = operator.itemgetter(0)
    while True:
        for number in sorted(unread):
            if not pending[number]:
                frame = next(sources[number], None)
                if frame is None:
                    unread.discard(number)
                else:
                    pending[number] = frame
        # A source still being read has no word before the last one it gave: every word up to the
        # smallest of those is complete.
        bound = min((pending[number][-1][0] for number in unread), default=None)
        batch: list[tuple[Any, ...]] = []
        for number, records in enumerate(pending):
            cut = len(records) if bound is None else bisect.bisect_right(records, bound, key=word)
            if cut:
                batch += records[:cut]
                pending[number] = records[cut:]
        batch.sort()  # by word, then source: a source has a word once, so nothing else is compared
        yield batch
        if bound is None:
            return


def _frames(
    path: Path, frames: list[Frame], source: int, low: str | None, high: str | None
) -> Iterator[list[tuple[Any, ...]]]:
    """The source's prepared words from `low` to before `high`, a frame at a time (none empty)."""
    word = operator.itemgetter(0)
    with path.open("rb") as file:
        for frame in frames:
            if (low is not None and frame.last < low) or (high is not None and frame.first >= high):
                continue
            try:
                file.seek(frame.offset)
                records = _frame_records(zlib.decompress(file.read(frame.size)), source)
            except (cbor2.CBORDecodeError, OSError, EOFError, ValueError, TypeError, zlib.error) as e:
                raise pf.PagefindFormatError(f"{path}: 无法读取（{e}）") from None
            start = 0 if low is None else bisect.bisect_left(records, low, key=word)
            end = len(records) if high is None else bisect.bisect_left(records, high, key=word)
            if start < end:
                yield records[start:end]


# The heads the merge writes most, made once: lists of up to this many pages, page numbers up to it.
_SMALL = 1 << 16
_ARRAY_HEADS = tuple(pf.head(pf.ARRAY, n) for n in range(_SMALL))
_PAGE_HEADS = tuple(pf.head(pf.ARRAY, 3) + pf.head(pf.UINT, n) for n in range(_SMALL))


def _array_head(length: int) -> bytes:
    return _ARRAY_HEADS[length] if length < _SMALL else pf.head(pf.ARRAY, length)


def _page_head(step: int) -> bytes:
    """The head of a page's entry in a word's list: [step, positions, meta positions]."""
    return _PAGE_HEADS[step] if step < _SMALL else pf.head(pf.ARRAY, 3) + pf.head(pf.UINT, step)


def _merge_words(
    sources: list[Iterator[list[tuple[Any, ...]]]], offsets: list[int], index: _IndexWriter
) -> tuple[int, dict[int, list[str]]]:
    """Every word of the sources into `index`; how many words, and the heavy ones by class."""
    words = 0
    heavy: dict[int, list[str]] = {}
    current: str | None = None
    lists: list[bytes] = []
    count = positions = counted = 0
    previous = 0  # the last page of the word's list so far, in the merged numbering
    word_head = _ARRAY_HEADS[3]
    page_heads, small = _PAGE_HEADS, _SMALL

    def close() -> None:
        assert current is not None
        encoded = b"".join((word_head, pf.encode(current), _array_head(count), *lists, b"\x80"))
        index.add(current, encoded, positions)
        if counted >= HEAVY_POSITIONS:
            heavy.setdefault(heavy_class(counted), []).append(current)

    for batch in _batches(sources):
        for word, number, pages, first, last, word_positions, listed, word_count in batch:
            if word != current:
                if current is not None:
                    close()
                    words += 1
                current, lists, count, positions, counted, previous = word, [], 0, 0, 0, 0
            offset = offsets[number]
            # The list's first page is written anew, as its step from the last page of the lists before it.
            step = first + offset - previous
            lists.append(page_heads[step] if step < small else _page_head(step))
            lists.append(listed)
            previous = last + offset
            count += pages
            positions += word_positions
            counted += word_count
    if current is not None:
        close()
        words += 1
    return words, heavy


def _merge_fragments(
    sources: list[SourceIndex], metas: list[list[Any]], target: Path, language: str
) -> tuple[list[list[Any]], list[tuple[str, int]]]:
    """Each page's fragment, linked (or copied) under its name in the merged index; the meta's pages:
    [name, word count] (`rounded_word_count`), and the groups: [(key, number of pages)].

    Every search downloads the meta, which names every page: Pagefind's names (7 hex digits of each
    fragment's hash) would be most of its bytes on a large platform. A page is named instead by its group
    (a run of pages of one `SourcePage.group`) and its number there, `<language>_<group>_<n>`: a name of few
    bytes that compress well, the same however the group's pages came in sources, and still the name of
    one content only (the group's part is the start of a hash of its fragments' names, which Pagefind
    makes of their content), so that a browser's cache never holds a stale fragment under it."""
    folder = target / "fragment"
    folder.mkdir(parents=True, exist_ok=True)
    fragments = [
        (source.folder / "fragment" / f"{fragment}.pf_fragment", fragment, word_count, page.group)
        for source, meta in zip(sources, metas, strict=True)
        for (fragment, word_count), page in zip(meta[1], source.pages, strict=True)
    ]
    pages = []
    groups = []
    taken: dict[str, str] = {}
    for _, run in itertools.groupby(fragments, key=lambda fragment: fragment[3]):
        group = list(run)
        key = _group_key([fragment for _, fragment, _, _ in group], taken, group[0][0])
        groups.append((key, len(group)))
        for number, (path, _, word_count, _) in enumerate(group):
            name = f"{language}_{key}_{number:x}"
            link_or_copy(path, folder / f"{name}.pf_fragment")
            pages.append([name, rounded_word_count(word_count)])
    return pages, groups


def _sorts_json(pages: list[SourcePage], groups: list[tuple[str, int]]) -> str:
    """The pages' sort values, apart from the meta: {sort: [[group, first day, [days before the page
    before]…]…]}, each page's date as a day number (from 1970-01-01), in the order of the index.

    Pagefind lists a sort in its meta as every page's number in sorted order: on 48,000 pages 110 KB
    that every search downloads, and only a search sorted by date or a browse needs. search.js reads
    this file for those and orders the results itself (a group's pages are newest first: small steps)."""
    sorts: dict[str, list[list[Any]]] = {}
    keys = sorted({key for page in pages for key in page.sorts})
    start = 0
    for group, count in groups:
        run = pages[start : start + count]
        start += count
        for key in keys:
            days = [_day(page, key) for page in run]
            steps = [before - day for before, day in zip(days, days[1:], strict=False)]
            sorts.setdefault(key, []).append([group, days[0], [0, *steps]])
    return json.dumps(sorts, ensure_ascii=False, separators=(",", ":"))


def _day(page: SourcePage, key: str) -> int:
    try:
        return (dt.date.fromisoformat(page.sorts[key]) - EPOCH).days
    except (KeyError, ValueError):
        found = page.sorts.get(key, "没有")
        raise pf.PagefindFormatError(f"{page.url}: 排序 {key} 的值为 {found}；应为：日期（YYYY-MM-DD）") from None


def rounded_word_count(count: int) -> int:
    """A page's word count to WORD_COUNT_STEPS steps an octave: within 9%. Pagefind weighs a page's length
    only against the average (BM25), and by a third (search.js's `pageLength`), so such a count ranks as
    the exact one within 3%; and the meta that every search downloads lists every page's count: on 48,000
    pages the meta is 176 KB with four steps, 198 KB with twelve."""
    if count <= 1:
        return count
    return round(2 ** (round(math.log2(count) * WORD_COUNT_STEPS) / WORD_COUNT_STEPS))


def _group_key(fragments: list[str], taken: dict[str, str], first: Path) -> str:
    """A group's part of its pages' names: the start of a hash of its fragments' names in order, longer
    where two groups' collide (added to `taken`)."""
    full = hashlib.sha1(" ".join(fragments).encode()).hexdigest()
    if full in taken.values():
        raise pf.PagefindFormatError(f"{first}: 这组页面已在另一个来源中；每个页面只应合并一次")
    key = full[:GROUP_KEY_DIGITS]
    while key in taken:
        key = full[: len(key) + 1]
    taken[key] = full
    return key


_URL = re.compile(rb'^\{"url":("(?:[^"\\]|\\.)*")')


def _fragment_url(content: bytes, path: Path) -> str:
    match = _URL.match(content)
    if match is None:
        raise pf.PagefindFormatError(f"{path}: 片段不以 url 开头")
    return str(json.loads(match.group(1)))


def _as_pagefind_url(url: str) -> str:
    # Pagefind keeps a URL as it was given; gongkai gives the site-relative URL a leading slash.
    return "/" + url.lstrip("/")


def _merge_filters(
    sources: list[SourceIndex], metas: list[list[Any]], offsets: list[int]
) -> dict[str, dict[str, list[int]]]:
    filters: dict[str, dict[str, list[int]]] = {}
    for source, meta, offset in zip(sources, metas, offsets, strict=False):
        for _, file_name in meta[3]:
            name, values = pf.read_cbor(source.folder / "filter" / f"{file_name}.pf_filter")
            for value, pages in values:
                filters.setdefault(name, {}).setdefault(value, []).extend(page + offset for page in pages)
    return filters


def _write_filters(target: Path, language: str, filters: dict[str, dict[str, list[int]]]) -> list[list[str]]:
    """The filter files, each filter's values in order (Pagefind lists them in hash order); the meta's list."""
    listed = []
    names: dict[str, str] = {}
    for name in sorted(filters):
        values = [[value, sorted(pages)] for value, pages in sorted(filters[name].items())]
        content = pf.encode([name, values])
        file_name = pf.unique_name(language, pf.full_hash(content), names, step=2)
        pf.write_data(target / "filter" / f"{file_name}.pf_filter", content)
        listed.append([name, file_name])
    return listed


def _common(sources: list[SourceIndex], entries: list[dict[str, Any]]) -> tuple[str, list[str]]:
    """The Pagefind version and word characters all sources share."""
    if not entries:
        return pf.PAGEFIND_VERSION, list(pf.WORD_CHARACTERS)
    first = entries[0]
    for source, entry in zip(sources, entries, strict=True):
        if (entry["version"], entry["include_characters"]) != (first["version"], first["include_characters"]):
            raise pf.PagefindFormatError(
                f"{source.folder}: Pagefind {entry['version']} 的索引；"
                f"应为：与 {sources[0].folder} 相同的 Pagefind {first['version']} 及其设置"
            )
    return str(first["version"]), list(first["include_characters"])


def _language(sources: list[SourceIndex], entries: list[dict[str, Any]]) -> tuple[str, str | None]:
    """The one language of the sources' indexes, and its wasm."""
    (language,) = entries[0]["languages"]
    for source, entry in zip(sources, entries, strict=True):
        if list(entry["languages"]) != [language]:
            raise pf.PagefindFormatError(
                f"{source.folder}: 索引的语言为 {', '.join(entry['languages'])}；应为：{language}，一种"
            )
    return str(language), entries[0]["languages"][language]["wasm"]


def _read_meta(source: SourceIndex, entry: dict[str, Any]) -> list[Any]:
    (details,) = entry["languages"].values()
    meta_path = source.folder / f"pagefind.{details['hash']}.pf_meta"
    meta = pf.read_cbor(meta_path)
    if len(meta) != 6:
        raise pf.PagefindFormatError(f"{meta_path}: 有 {len(meta)} 项；应为：6 项（Pagefind 1.5 的格式）")
    if len(meta[1]) != len(source.pages):
        raise pf.PagefindFormatError(f"{meta_path}: 索引有 {len(meta[1])} 个页面；应为：所列的 {len(source.pages)} 个")
    return list(meta)


def _read_source(bundle: Path) -> SourceIndex:
    path = bundle / SUMMARY_FILE
    try:
        summary = json.loads(path.read_text("utf-8"))
        pages = [SourcePage(str(url), dict(sorts), str(group)) for url, sorts, group in summary["pages"]]
        frames = [Frame(str(first), str(last), int(at), int(size)) for first, last, at, size in summary["frames"]]
        spread = {str(character): int(positions) for character, positions in summary["spread"].items()}
        (bundle / WORDS_FILE).stat()
        return SourceIndex(bundle, pages, [str(name) for name in summary["fields"]], frames, spread)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        found = f"{type(e).__name__}: {e}"
        raise pf.PagefindFormatError(f"{path}: 无法读取（{found}）；应为：合并前为这一索引写出的摘要") from None


def _clear(folder: Path) -> None:
    for name in ("index", "filter", "fragment"):
        shutil.rmtree(folder / name, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("pagefind.*.pf_meta"):
        old.unlink()
    (folder / SORTS_FILE).unlink(missing_ok=True)  # an index of no page has none


def _copy_scripts(source: Path, folder: Path) -> None:
    """Pagefind's scripts and styles, the same in every bundle of one version."""
    for path in source.iterdir():
        meta = path.name.endswith(".pf_meta") or path.name == pf.ENTRY
        if path.is_file() and not meta and path.name.startswith(("pagefind", "wasm.")):
            shutil.copyfile(path, folder / path.name)
