"""A part's search (gongkai.model.parts): its own Pagefind index, for the assembly to merge.

A part indexes its organ's records with Pagefind, into the part's `pagefind/`, as a build in one go
indexes each organ of a platform: as a source for gongkai.search.merge, which keeps the count of each
word as cut (for the heavy words search.js plans queries by, gongkai.search.vocabulary). Beside it, the
part lists the size of each document's source.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..model.parts import SEARCH_PAGES
from .bundle import BUNDLE_DIR, IndexSummary, SearchBundle
from .pagefind_files import PagefindFormatError
from .records import SearchRecord


class PartSearch:
    """Indexes a part's records with Pagefind, as a source for the merge; the same calls as a SearchBundle."""

    def __init__(self, sizes: dict[str, int]) -> None:
        self.sizes = sizes  # url -> the size of the document's source
        self.bundle = SearchBundle(as_source=True)

    def wants(self, url: str) -> bool:
        return url in self.sizes

    def add(self, record: SearchRecord) -> None:
        self.bundle.add(record)

    def build(self, site_dir: Path) -> IndexSummary:
        summary = self.bundle.build(site_dir)
        listing = {"sizes": self.sizes}
        (site_dir / SEARCH_PAGES).write_text(json.dumps(listing, ensure_ascii=False), "utf-8")
        return summary

    def discard(self) -> None:
        self.bundle.discard()


@dataclass(frozen=True)
class PartIndex:
    """What the assembly reads of a part's search."""

    bundle: Path  # its Pagefind index, a source for gongkai.search.merge


def read_part_index(folder: Path) -> PartIndex:
    path = folder / SEARCH_PAGES
    try:
        listing = json.loads(path.read_text("utf-8"))
        if not isinstance(listing.get("sizes"), dict):  # not the listing a part build writes
            raise TypeError("没有 sizes")
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        found = f"{type(e).__name__}: {e}"
        raise PagefindFormatError(f"{path}: 无法读取（{found}）；应为：gongkai build --organ 写出的检索清单") from None
    return PartIndex(folder / BUNDLE_DIR)
