"""一网通查 over an index cut into shards answers as over one index: same documents, counts and order.

Ranked by relevance, only the best match of a precise query is compared: each shard scores its
documents with its own word statistics, so the order of many loose matches may differ.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import served

pytestmark = pytest.mark.browser

# A single organ's site of synthetic documents (bench.synthetic), built with one index and with its index
# cut into shards of a few documents, as a large site's is. (A platform merges its shards into one index.)
DOCUMENTS = 60
SHARD_TOKENS = 3000


def searches(content: Path) -> list[tuple[str, dict]]:
    """Browsing, common words with filters, and one document's whole title and 发文字号."""
    text = sorted(content.rglob("*.md"))[7].read_text("utf-8")
    title = re.search(r"(?m)^标题: (.+)$", text).group(1)
    number = re.search(r"(?m)^发文字号: (.+)$", text)
    return [
        ("", {"sort": "date", "pageSize": 200}),  # browse: every document, newest first
        ("通知", {"sort": "date", "pageSize": 100}),
        ("通知", {"sort": "date", "page": 2, "pageSize": 10, "filters": {"年份": ["2024", "2025"]}}),
        (title, {}),
        *([(number.group(1), {})] if number else []),
        ("公开", {"sort": "date", "pageSize": 100, "filters": {"文种": ["通知", "公告"]}}),
    ]


@pytest.fixture(scope="module")
def single_organ_sites(tmp_path_factory) -> dict[str, Path]:
    from bench import synthetic
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = tmp_path_factory.mktemp("single-organ") / "project"
    synthetic.generate(project, DOCUMENTS)
    sites = {}
    for name, tokens in (("one", 0), ("sharded", SHARD_TOKENS)):
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / name))  # checks: elsewhere
        config.plugins["gongkai/disclosure"].config.search_shard_tokens = tokens
        build(config)
        sites[name] = project / name
    sites["content"] = project / "content"
    return sites


@pytest.fixture(scope="module")
def urls(single_organ_sites) -> Iterator[dict[str, str]]:
    with served(single_organ_sites["one"]) as one, served(single_organ_sites["sharded"]) as sharded:
        yield {"one": one, "sharded": sharded}


def answers(page, base_url: str, asked: list[tuple[str, dict]]) -> list[dict]:
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
        asked,
    )


def test_the_sharded_index_has_several_shards(single_organ_sites):
    sharded = single_organ_sites["sharded"]
    words = json.loads((sharded / "pagefind" / "gongkai-words.json").read_text("utf-8"))
    assert words["shards"] >= 4
    for n in range(1, words["shards"]):
        assert (sharded / f"pagefind-{n}" / "pagefind-entry.json").is_file()


def test_searching_the_shards_gives_the_answers_of_one_index(page, single_organ_sites, urls):
    asked = searches(single_organ_sites["content"])
    single, sharded = answers(page, urls["one"], asked), answers(page, urls["sharded"], asked)
    for (query, options), one, many in zip(asked, single, sharded, strict=True):
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
