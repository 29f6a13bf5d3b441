"""A part's search records (gongkai.model.parts): kept as cut into words, for the assembly to index.

A part does not run Pagefind: the assembly indexes every organ's records together, in the order the
build in one go indexes them, so that the assembled search is the one built in one go.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..model.parts import SEARCH_RECORDS
from .bundle import IndexSummary
from .records import SearchRecord, record_from_json, record_json


class PartRecords:
    """Collects the records of a part's documents; the same calls as a SearchBundle.

    They are written newest first, one line each: the size of the document's source, its URL and the record,
    so that the assembly can plan its shards from the sizes and then read the parts' records side by side.
    """

    def __init__(self, sizes: dict[str, int]) -> None:
        self.sizes = sizes  # url -> the size of the document's source (shards are cut by it), newest first
        self.records: dict[str, SearchRecord] = {}

    def wants(self, url: str) -> bool:
        return url in self.sizes

    def add(self, record: SearchRecord) -> None:
        self.records[record.url] = record

    def build(self, site_dir: Path) -> IndexSummary:
        with (site_dir / SEARCH_RECORDS).open("w", encoding="utf-8") as out:
            for url, size in self.sizes.items():
                if url in self.records:
                    out.write(f"{size}\t{url}\t{record_json(self.records[url])}\n")
        return IndexSummary(len(self.records))

    def discard(self) -> None:
        self.records = {}


def part_record_sizes(path: Path) -> dict[str, int]:
    """URL -> source size of each record of a part, without reading the records."""
    sizes = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            size, url, _ = line.split("\t", 2)
            sizes[url] = int(size)
    return sizes


def part_records(path: Path) -> Iterator[SearchRecord]:
    """A part's records, newest first, one at a time."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            yield record_from_json(line.split("\t", 2)[2])
