"""A part's search (gongkai.model.parts): its own Pagefind index, for the assembly to merge.

A part indexes its organ's records with Pagefind as any build does, into the part's `pagefind/`, and lists
beside it what the assembly needs to merge the indexes of all organs (gongkai.search.merge) without
reading a record again: each page in the order Pagefind numbered it, with the size of the document's
source (a build's search shards are cut by it) and its sort value, and the count of each word as cut
(the heavy words search.js plans queries by, gongkai.search.vocabulary).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..model.parts import SEARCH_PAGES
from .bundle import BUNDLE_DIR, IndexSummary, SearchBundle
from .merge import SourceIndex, SourcePage
from .pagefind_files import PagefindFormatError
from .records import SORT_KEY, SearchRecord


class PartSearch:
    """Indexes a part's records with Pagefind and lists its pages; the same calls as a SearchBundle."""

    def __init__(self, sizes: dict[str, int]) -> None:
        self.sizes = sizes  # url -> the size of the document's source
        self.bundle = SearchBundle()
        self.pages: list[tuple[str, str]] = []  # url and sort value, in the order Pagefind numbers them

    def wants(self, url: str) -> bool:
        return url in self.sizes

    def add(self, record: SearchRecord) -> None:
        self.bundle.add(record)
        self.pages.append((record.url, record.published.isoformat()))

    def build(self, site_dir: Path) -> IndexSummary:
        summary = self.bundle.build(site_dir)
        listing = {
            "pages": [{"url": url, "size": self.sizes[url], "sort": {SORT_KEY: value}} for url, value in self.pages],
            "tokens": dict(self.bundle.words.tokens),
        }
        (site_dir / SEARCH_PAGES).write_text(json.dumps(listing, ensure_ascii=False), "utf-8")
        return summary

    def discard(self) -> None:
        self.bundle.discard()


@dataclass(frozen=True)
class PartIndex:
    """What the assembly reads of a part's search."""

    source: SourceIndex
    sizes: dict[str, int]
    tokens: Counter[str]


def read_part_index(folder: Path) -> PartIndex:
    path = folder / SEARCH_PAGES
    try:
        listing = json.loads(path.read_text("utf-8"))
        pages = [SourcePage(str(page["url"]), dict(page["sort"])) for page in listing["pages"]]
        sizes = {page.url: int(data["size"]) for page, data in zip(pages, listing["pages"], strict=True)}
        tokens = Counter({str(token): int(count) for token, count in listing["tokens"].items()})
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        found = f"{type(e).__name__}: {e}"
        raise PagefindFormatError(f"{path}: 无法读取（{found}）；应为：gongkai build --organ 写出的检索清单") from None
    return PartIndex(SourceIndex(folder / BUNDLE_DIR, pages), sizes, tokens)
