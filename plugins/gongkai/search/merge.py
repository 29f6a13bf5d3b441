"""One Pagefind index from several, as Pagefind would have built it from all their pages at once.

A platform's parts each index their own organ's records with Pagefind (gongkai.search.part_search); the
assembly then merges those indexes instead of indexing every record again. Pagefind's index is an
inverted index in sorted chunks (gongkai.search.pagefind_files), so merging is a walk over the sources'
words in order: each page is given its number in the merged order, and every chunk, filter, sort and
fragment is written as Pagefind writes them. Nothing is tokenised again and no source is held whole: one
chunk of each source is in memory at a time.

The merged order of pages is the caller's (a build in one go adds the documents newest first, across
organs), and the pages may be spread over several merged indexes: the shards of a large site.
"""

from __future__ import annotations

import heapq
import itertools
import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import pagefind_files as pf


@dataclass(frozen=True)
class SourcePage:
    url: str
    sorts: dict[str, str]  # sort key -> the page's value, as the page gave it to Pagefind


@dataclass(frozen=True)
class SourceIndex:
    """A Pagefind bundle of one language, and its pages in the order Pagefind numbered them."""

    folder: Path
    pages: list[SourcePage]


@dataclass
class _Target:
    """One merged index being written."""

    folder: Path
    language: str
    pages: list[list[Any]] = field(default_factory=list)  # [fragment name, word count], by page number
    chunk_words: list[list[Any]] = field(default_factory=list)
    chunk_positions: int = 0
    chunks: list[tuple[str, str, str]] = field(default_factory=list)  # first word, last word, name
    index_names: dict[str, str] = field(default_factory=dict)
    filters: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    sort_values: dict[str, list[tuple[str, int]]] = field(default_factory=dict)

    def add_word(self, word: list[Any]) -> None:
        self.chunk_words.append(word)
        self.chunk_positions += sum(len(page[1]) + len(page[2]) + 1 for page in word[1])
        if self.chunk_positions >= pf.CHUNK_POSITIONS:
            self.close_chunk()

    def close_chunk(self) -> None:
        if not self.chunk_words:
            return
        content = pf.encode([self.chunk_words])
        name = pf.unique_name(self.language, pf.full_hash(content), self.index_names, step=2)
        pf.write_data(self.folder / "index" / f"{name}.pf_index", content)
        self.chunks.append((self.chunk_words[0][0], self.chunk_words[-1][0], name))
        self.chunk_words, self.chunk_positions = [], 0


@dataclass(frozen=True)
class MergeSummary:
    pages: int
    indexes: int


def merge_indexes(sources: list[SourceIndex], targets: list[tuple[Path, list[str]]]) -> MergeSummary:
    """Write into each target folder the index of its pages (URLs, in the merged order) from the sources.

    Every page of the sources goes to exactly one target; a PagefindFormatError names the source and what
    does not fit (another Pagefind version or language, a page count that is not the one listed …)."""
    entries = [pf.read_entry(source.folder) for source in sources]
    version, characters = _common(sources, entries)
    scripts = sources[0].folder if sources else None
    # An index of no page lists no language, and adds nothing.
    for source, entry in zip(sources, entries, strict=True):
        if not entry["languages"] and source.pages:
            raise pf.PagefindFormatError(f"{source.folder}: 索引是空的；应为：所列的 {len(source.pages)} 个页面")
    sources, entries = [s for s in sources if s.pages], [e for s, e in zip(sources, entries, strict=True) if s.pages]
    language, wasm = _language(sources, entries)
    metas = [_read_meta(source, entry) for source, entry in zip(sources, entries, strict=True)]

    # Where each page of each source goes: (target, its page number there).
    place: dict[str, tuple[int, int]] = {}
    for number, (_, urls) in enumerate(targets):
        for page_number, url in enumerate(map(_as_pagefind_url, urls)):
            if url in place:
                raise pf.PagefindFormatError(f"{url}: 在合并后的索引中出现两次")
            place[url] = (number, page_number)
    moves: list[list[tuple[int, int]]] = []
    for source in sources:
        urls = [_as_pagefind_url(page.url) for page in source.pages]
        missing = [url for url in urls if url not in place]
        if missing:
            raise pf.PagefindFormatError(f"{source.folder}: 页面 {missing[0]} 不在合并后的任何索引中")
        moves.append([place[url] for url in urls])
    listed = sum(len(source.pages) for source in sources)
    if listed != len(place):
        raise pf.PagefindFormatError(f"合并后的索引应有 {len(place)} 个页面，各索引共有 {listed} 个")

    out = [_Target(folder, language) for folder, _ in targets]
    for target, (_, urls) in zip(out, targets, strict=True):
        target.pages = [[None, 0] for _ in urls]
        _clear(target.folder)
    fields = sorted({name for meta in metas for name in meta[5]})
    field_moves = [[fields.index(name) for name in meta[5]] for meta in metas]

    _merge_fragments(sources, metas, moves, out, language)
    _merge_words(sources, metas, moves, field_moves, out)
    _merge_filters(sources, metas, moves, out)
    for source, move in zip(sources, moves, strict=True):
        for page, (number, page_number) in zip(source.pages, move, strict=True):
            for key, value in page.sorts.items():
                out[number].sort_values.setdefault(key, []).append((value, page_number))

    for target in out:
        target.close_chunk()
        if target.pages:
            _write_meta(target, version, language, wasm, characters, fields)
        else:  # as Pagefind writes an index of no page: search.js finds nothing in it
            (target.folder / pf.ENTRY).write_text(pf.entry_json(version, None, "", None, 0, characters), "utf-8")
        if scripts is not None:
            _copy_scripts(scripts, target.folder)
    return MergeSummary(pages=len(place), indexes=len(out))


def _as_pagefind_url(url: str) -> str:
    # Pagefind keeps a URL as it was given; gongkai gives the site-relative URL a leading slash.
    return "/" + url.lstrip("/")


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
    if not entries:
        return "unknown", None
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


def _clear(folder: Path) -> None:
    for name in ("index", "filter", "fragment"):
        shutil.rmtree(folder / name, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("pagefind.*.pf_meta"):
        old.unlink()


def _merge_fragments(
    sources: list[SourceIndex], metas: list[list[Any]], moves: list[list[tuple[int, int]]], out: list[_Target],
    language: str,
) -> None:  # fmt: skip
    """Each page's fragment, under the name Pagefind gives it in its merged index (names are given in page
    order there, as a collision lengthens the later one)."""
    found: list[list[tuple[Path, str, int] | None]] = [[None] * len(target.pages) for target in out]
    for source, meta, move in zip(sources, metas, moves, strict=True):
        for (fragment, word_count), page, (number, page_number) in zip(meta[1], source.pages, move, strict=True):
            path = source.folder / "fragment" / f"{fragment}.pf_fragment"
            content = pf.read_data(path)
            url = _fragment_url(content, path)
            if url != _as_pagefind_url(page.url):
                raise pf.PagefindFormatError(f"{path}: 页面为 {url}；应为：所列的 {page.url}")
            found[number][page_number] = (path, pf.full_hash(content), word_count)
    for target, pages in zip(out, found, strict=True):
        names: dict[str, str] = {}
        (target.folder / "fragment").mkdir(parents=True, exist_ok=True)
        for page_number, placed in enumerate(pages):
            assert placed is not None  # every place was filled: the counts were checked
            path, content_hash, word_count = placed
            name = pf.unique_name(language, content_hash, names, step=1)
            shutil.copyfile(path, target.folder / "fragment" / f"{name}.pf_fragment")
            target.pages[page_number] = [name, word_count]


_URL = re.compile(rb'^\{"url":("(?:[^"\\]|\\.)*")')


def _fragment_url(content: bytes, path: Path) -> str:
    match = _URL.match(content)
    if match is None:
        raise pf.PagefindFormatError(f"{path}: 片段不以 url 开头")
    return str(json.loads(match.group(1)))


def _words_of(folder: Path, meta: list[Any], source: int) -> Iterator[tuple[list[Any], int]]:
    """The words of source number `source` in order, each with that number; one chunk in memory at a time."""
    for _, _, name in meta[2]:
        path = folder / "index" / f"{name}.pf_index"
        (words,) = pf.read_cbor(path)
        for word in words:
            if word[2]:
                raise pf.PagefindFormatError(f"{path}: 词 {word[0]} 带有变体，合并时无法处理")
            yield word, source


def _merge_words(
    sources: list[SourceIndex], metas: list[list[Any]], moves: list[list[tuple[int, int]]],
    field_moves: list[list[int]], out: list[_Target],
) -> None:  # fmt: skip
    streams = [_words_of(source.folder, meta, n) for n, (source, meta) in enumerate(zip(sources, metas, strict=True))]
    identity = [fields == list(range(len(fields))) for fields in field_moves]
    for text, group in itertools.groupby(heapq.merge(*streams, key=lambda item: item[0][0]), key=lambda i: i[0][0]):
        pages: list[list[list[Any]]] = [[] for _ in out]
        for word, n in group:
            move, fields = moves[n], field_moves[n]
            source_page = 0
            for page in word[1]:
                source_page += page[0]  # a word's pages are numbered by the step from the page before
                number, page_number = move[source_page]
                meta_positions = page[2] if identity[n] else _moved_fields(page[2], fields)
                pages[number].append([page_number, page[1], meta_positions])
        for target, target_pages in zip(out, pages, strict=True):
            if target_pages:
                target_pages.sort(key=lambda page: page[0])
                previous = 0
                for page in target_pages:
                    page[0], previous = page[0] - previous, page[0]
                target.add_word([text, target_pages, []])


def _moved_fields(positions: list[int], fields: list[int]) -> list[int]:
    """Meta field positions with the fields renumbered: a negative entry -(n+1) switches to field n."""
    return [-(fields[-value - 1] + 1) if value < 0 else value for value in positions]


def _merge_filters(
    sources: list[SourceIndex], metas: list[list[Any]], moves: list[list[tuple[int, int]]], out: list[_Target]
) -> None:
    for source, meta, move in zip(sources, metas, moves, strict=True):
        for _, file_name in meta[3]:
            filter_name, values = pf.read_cbor(source.folder / "filter" / f"{file_name}.pf_filter")
            for value, pages in values:
                for page in pages:
                    number, page_number = move[page]
                    out[number].filters.setdefault(filter_name, {}).setdefault(value, []).append(page_number)


_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def _sorted_pages(values: list[tuple[str, int]]) -> list[int]:
    """Pages by their value, as Pagefind orders a sort: as numbers if every value is one, else as text;
    equal values in page order."""
    if all(_NUMBER.fullmatch(value) for value, _ in values):
        return [page for _, page in sorted(values, key=lambda item: (float(item[0]), item[1]))]
    return [page for _, page in sorted(values)]


def _write_meta(
    target: _Target, version: str, language: str, wasm: str | None, characters: list[str], fields: list[str]
) -> None:
    filters = []
    filter_names: dict[str, str] = {}
    for name in sorted(target.filters):
        values = [[value, sorted(pages)] for value, pages in sorted(target.filters[name].items())]
        content = pf.encode([name, values])
        file_name = pf.unique_name(language, pf.full_hash(content), filter_names, step=2)
        pf.write_data(target.folder / "filter" / f"{file_name}.pf_filter", content)
        filters.append([name, file_name])
    bounds = pf.chunk_bounds([c[0] for c in target.chunks], [c[1] for c in target.chunks])
    chunks = [[first, last, c[2]] for (first, last), c in zip(bounds, target.chunks, strict=True)]
    sorts = [[key, _sorted_pages(values)] for key, values in sorted(target.sort_values.items())]
    content = pf.encode([version, target.pages, chunks, filters, sorts, fields])
    meta = pf.meta_name(language, content)
    pf.write_data(target.folder / f"pagefind.{meta}.pf_meta", content)
    entry = pf.entry_json(version, language, meta, wasm, len(target.pages), characters)
    (target.folder / pf.ENTRY).write_text(entry, "utf-8")


def _copy_scripts(source: Path, folder: Path) -> None:
    """Pagefind's scripts and styles, the same in every bundle of one version."""
    for path in source.iterdir():
        meta = path.name.endswith(".pf_meta") or path.name == pf.ENTRY
        if path.is_file() and not meta and path.name.startswith(("pagefind", "wasm.")):
            shutil.copyfile(path, folder / path.name)
