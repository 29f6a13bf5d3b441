"""A part's search records (gongkai.model.parts): kept as cut into words, for the assembly to index.

A part does not run Pagefind: the assembly indexes every organ's records together, in the order the
build in one go indexes them, so that the assembled search is the one built in one go.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..model.parts import SEARCH_RECORDS
from .bundle import IndexSummary
from .records import SearchRecord, record_from_json, record_json


class PartRecords:
    """Collects the records of a part's documents; the same calls as a SearchBundle."""

    def __init__(self, sizes: dict[str, int]) -> None:
        self.sizes = sizes  # url -> the size of the document's source, which shards are cut by
        self.records: list[SearchRecord] = []

    def wants(self, url: str) -> bool:
        return url in self.sizes

    def add(self, record: SearchRecord) -> None:
        self.records.append(record)

    def build(self, site_dir: Path) -> IndexSummary:
        lines = (
            json.dumps({"size": self.sizes[r.url], "record": record_json(r)}, ensure_ascii=False) for r in self.records
        )
        (site_dir / SEARCH_RECORDS).write_text("".join(line + "\n" for line in lines), "utf-8")
        return IndexSummary(len(self.records))

    def discard(self) -> None:
        self.records = []


def read_part_records(path: Path) -> list[tuple[SearchRecord, int]]:
    """A part's records with the size of each document's source."""
    found = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            data = json.loads(line)
            found.append((record_from_json(data["record"]), int(data["size"])))
    return found
