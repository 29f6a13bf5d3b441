"""Pagefind indexes merged (gongkai.search.merge) are the index Pagefind builds over all their pages at once."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from gongkai.search import pagefind_files as pf
from gongkai.search.bundle import PlannedShard, SearchBundle, shard_dir
from gongkai.search.merge import SourceIndex, SourcePage, merge_indexes
from gongkai.search.records import SearchRecord
from helpers import pagefind_index


def record(n: int, organ: str, **fields) -> SearchRecord:
    defaults = dict(
        url=f"zwgk/{organ}/wj/{n:05d}/",
        title=f"{organ}关于第{n}项试点工作的通知",
        doc_number=None,
        published=dt.date(2024, 1, 1) + dt.timedelta(days=n % 7),  # equal dates: sorted by page then
        state=None,
        filters={"公开单位": [organ], "年份": ["2024"]},
        text=f"为做好试点工作，现将第{n}项有关事项通知如下。人民政府应当公开政府信息。" * (1 + n % 3),
    )
    return SearchRecord(**{**defaults, **fields})


# Two organs' records: one organ's carry a 发文字号 and a 有效性, the other's neither, so that their
# indexes name different meta fields.
A = [
    record(n, "jyj", doc_number=f"示教〔2024〕{n}号", state="有效", filters={"公开单位": ["jyj"], "有效性": ["有效"]})
    for n in range(0, 12, 2)
]
B = [record(n, "sfj") for n in range(1, 12, 2)]
ALL = sorted(A + B, key=lambda r: r.url.split("/")[-2])  # interleaved, as a build in one go adds them


def indexed(records: list[SearchRecord], site: Path) -> SourceIndex:
    bundle = SearchBundle()
    for r in records:
        bundle.add(r)
    bundle.build(site)
    sorts = [SourcePage(r.url, {"发布日期": r.published.isoformat()}) for r in records]
    return SourceIndex(site / "pagefind", sorts)


def test_two_indexes_merged_are_the_index_of_all_their_pages(tmp_path):
    sources = [indexed(A, tmp_path / "a"), indexed(B, tmp_path / "b")]
    whole = indexed(ALL, tmp_path / "whole")
    summary = merge_indexes(sources, [(tmp_path / "merged", [r.url for r in ALL])])
    assert (summary.pages, summary.indexes) == (12, 1)
    merged = pagefind_index(tmp_path / "merged")
    assert merged == pagefind_index(whole.folder)
    assert merged["meta"]["fields"] == ["title", "wh", "发布日期", "发文字号", "有效性", "标题"]
    assert merged["filters"]["有效性"][1] == {"有效": [0, 2, 4, 6, 8, 10]}


def test_pages_spread_over_several_indexes_are_each_the_index_of_its_pages(tmp_path):
    """The shards of a large site: each merged index holds its pages only, numbered from 0."""
    newer, older = ALL[:5], ALL[5:]
    sources = [indexed(A, tmp_path / "a"), indexed(B, tmp_path / "b")]
    shards = [(tmp_path / "merged" / shard_dir(n), [r.url for r in part]) for n, part in enumerate((newer, older))]
    assert merge_indexes(sources, shards).indexes == 2
    whole = tmp_path / "whole"
    bundle = SearchBundle(whole, [PlannedShard([r.url for r in newer]), PlannedShard([r.url for r in older])])
    for r in ALL:
        bundle.add(r)
    bundle.build(whole)
    for n in range(2):
        assert pagefind_index(tmp_path / "merged" / shard_dir(n)) == pagefind_index(whole / shard_dir(n))


def test_an_index_of_no_page_adds_nothing_and_an_empty_merge_is_an_empty_index(tmp_path):
    empty = indexed([], tmp_path / "empty")
    sources = [indexed(A, tmp_path / "a"), empty]
    merge_indexes(sources, [(tmp_path / "merged", [r.url for r in A])])
    assert pagefind_index(tmp_path / "merged") == pagefind_index(tmp_path / "a" / "pagefind")
    merge_indexes([empty], [(tmp_path / "none", [])])
    assert json.loads((tmp_path / "none" / pf.ENTRY).read_text("utf-8"))["languages"] == {}
    assert (tmp_path / "none" / "pagefind.js").is_file()


def test_what_does_not_fit_is_named(tmp_path):
    a = indexed(A, tmp_path / "a")
    with pytest.raises(pf.PagefindFormatError, match=r"页面 /?zwgk/jyj/wj/00010/ 不在合并后的任何索引中"):
        merge_indexes([a], [(tmp_path / "m", [r.url for r in A[:-1]])])
    listed_wrong = SourceIndex(a.folder, a.pages[:-1])
    with pytest.raises(pf.PagefindFormatError, match=r"索引有 6 个页面；应为：所列的 5 个"):
        merge_indexes([listed_wrong], [(tmp_path / "m", [p.url for p in listed_wrong.pages])])
    swapped = SourceIndex(a.folder, [a.pages[1], a.pages[0], *a.pages[2:]])
    with pytest.raises(pf.PagefindFormatError, match=r"页面为 /zwgk/jyj/wj/00000/；应为：所列的 zwgk/jyj/wj/00002/"):
        merge_indexes([swapped], [(tmp_path / "m", [r.url for r in A])])
    other = tmp_path / "other"
    shutil.copytree(a.folder, other)
    entry = json.loads((other / pf.ENTRY).read_text("utf-8"))
    (other / pf.ENTRY).write_text(json.dumps({**entry, "version": "1.6.0"}), "utf-8")
    with pytest.raises(pf.PagefindFormatError, match=r"Pagefind 1\.6\.0 的索引；应为：Pagefind 1\.5\.x"):
        merge_indexes([SourceIndex(other, a.pages)], [(tmp_path / "m", [r.url for r in A])])


def test_names_are_pagefinds_and_a_collision_lengthens_the_later_one():
    taken: dict[str, str] = {}
    assert pf.unique_name("zxx", "abcdef0123", taken, step=1) == "zxx_abcdef0"
    assert pf.unique_name("zxx", "abcdef0123", taken, step=1) == "zxx_abcdef0"  # the same content
    assert pf.unique_name("zxx", "abcdef0999", taken, step=1) == "zxx_abcdef09"
    assert pf.unique_name("zxx", "abcdef0777", taken, step=2) == "zxx_abcdef077"
    # Each byte of the SHA-1 in hex without a leading zero, as Pagefind writes it: 0x0d -> "d".
    assert pf.full_hash(b"") == "da39a3ee5e6b4bd3255bfef95601890afd879"  # SHA-1 da39…0d…0709
    # A chunk's bounds are cut to one character past what it shares with its neighbour.
    assert pf.chunk_bounds(["a", "abxyz"], ["abcdef", "b"]) == [("a", "abc"), ("abx", "b")]
    assert pf.chunk_bounds(["0", "中教育"], ["中心区", "共"]) == [("0", "中心"), ("中教", "共")]
