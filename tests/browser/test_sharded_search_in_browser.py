"""一网通查 over an index cut into shards answers as over one index: same documents, counts and order.

Ranked by relevance, only the best match of a precise query is compared: each shard scores its
documents with its own word statistics, so the order of many loose matches may differ.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import served

pytestmark = pytest.mark.browser

SEARCHES = [
    ("", {"sort": "date", "pageSize": 200}),  # browse: every document (more than the sample has), newest first
    ("通知", {"sort": "date", "pageSize": 100}),
    ("通知", {"sort": "date", "page": 2, "pageSize": 10, "filters": {"有效性": ["有效"]}}),
    ("示例县城市供水用水管理办法", {}),
    ("示政办发[2022]18号", {}),
    ("公开", {"sort": "date", "pageSize": 100, "filters": {"文种": ["通知", "公告"]}}),
]


@pytest.fixture(scope="module")
def sharded_url(sharded_sample_site: Path) -> Iterator[str]:
    with served(sharded_sample_site) as url:
        yield url


def answers(page, base_url: str) -> list[dict]:
    page.goto(base_url + "search/")
    return page.evaluate(
        """async (searches) => {
            const m = await import("./../assets/gongkai/search.js");
            const out = [];
            for (const [query, options] of searches) {
                const answer = await m.search(query, options);
                out.push({ total: answer.total, counts: answer.counts,
                           results: answer.results.map((r) => [r.url, r.date, r.title]) });
            }
            return out;
        }""",
        SEARCHES,
    )


def test_the_sharded_index_has_several_shards(sharded_sample_site: Path):
    words = json.loads((sharded_sample_site / "pagefind" / "gongkai-words.json").read_text("utf-8"))
    assert words["shards"] >= 4
    for n in range(1, words["shards"]):
        assert (sharded_sample_site / f"pagefind-{n}" / "pagefind-entry.json").is_file()


def test_searching_the_shards_gives_the_answers_of_one_index(page, base_url, sharded_url):
    single, sharded = answers(page, base_url), answers(page, sharded_url)
    for (query, options), one, many in zip(SEARCHES, single, sharded, strict=True):
        where = f"{query!r} {options}"
        assert one["total"] > 0, where
        if options.get("sort") == "date":
            assert many["total"] == one["total"], where
            assert many["counts"] == one["counts"], where
            # Newest first across shards; documents of one day may come in either order.
            assert [r[1] for r in many["results"]] == [r[1] for r in one["results"]], where
            assert sorted(many["results"]) == sorted(one["results"]), where
        else:
            # The best match is the same. Pagefind also matches words that begin with a query word
            # (2022 finds 2022年); it looks for them in the index chunk of the word only, so a small
            # shard, all in one chunk, may find some more of them than one large index does.
            assert many["results"][0] == one["results"][0], where
            assert {r[0] for r in one["results"]} <= {r[0] for r in many["results"]}, where
