"""Pagefind indexes merged (gongkai.search.merge) are the index Pagefind builds over all their pages at once."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import shutil
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from gongkai.search import merge, vocabulary
from gongkai.search import pagefind_files as pf
from gongkai.search.bundle import PlannedShard, SearchBundle
from gongkai.search.merge import SORTS_FILE, SUMMARY_FILE, WORDS_FILE, SourcePage, merge_indexes, prepare_source
from gongkai.search.records import META_FIELDS, SearchRecord
from gongkai.search.vocabulary import WordCounts
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
# indexes have different meta fields.
A = [
    record(n, "jyj", doc_number=f"示教〔2024〕{n}号", state="有效", filters={"公开单位": ["jyj"], "有效性": ["有效"]})
    for n in range(0, 12, 2)
]
B = [record(n, "sfj") for n in range(1, 12, 2)]


def indexed(records: list[SearchRecord], site: Path, as_source: bool = True) -> Path:
    bundle = SearchBundle(as_source=as_source)
    for r in records:
        bundle.add(r)
    bundle.build(site)
    return site / "pagefind"


def test_two_indexes_merged_are_the_index_pagefind_builds_of_all_their_pages(tmp_path):
    summary = merge_indexes([indexed(A, tmp_path / "a"), indexed(B, tmp_path / "b")], tmp_path / "merged")
    assert (summary.pages, summary.words) == (12, len(pagefind_index(tmp_path / "merged")["words"]))
    merged = pagefind_index(tmp_path / "merged", as_merged=True)
    whole = pagefind_index(indexed(A + B, tmp_path / "whole", as_source=False), as_merged=True)
    # Every field a record may have is numbered alike in every index, whichever its pages have.
    assert merged["meta"]["fields"] == META_FIELDS
    assert whole["meta"]["fields"] == META_FIELDS  # these records have them all
    assert merged == whole
    assert merged["filters"]["有效性"][1] == {"有效": [0, 1, 2, 3, 4, 5]}
    # The dates apart from the meta, per organ: a first day, then the steps back from one page to the next.
    assert whole["meta"]["sorts"] == [] and pagefind_index(tmp_path / "whole" / "pagefind")["meta"]["sorts"]
    sorts = json.loads((tmp_path / "merged" / SORTS_FILE).read_text("utf-8"))
    days = []
    for _, first, steps in sorts["发布日期"]:
        for step in steps:
            first -= step
            days.append(str(dt.date(1970, 1, 1) + dt.timedelta(days=first)))
    assert days == [r.published.isoformat() for r in A + B]
    # Word counts rounded to 4 steps an octave: within 9%, for the few bytes of the meta.
    exact = [count for _, count in pagefind_index(tmp_path / "whole" / "pagefind")["meta"]["pages"]]
    rounded = [count for _, count in pagefind_index(tmp_path / "merged")["meta"]["pages"]]
    assert rounded != exact and all(abs(r - e) <= 0.09 * e for r, e in zip(rounded, exact, strict=True))
    # A page is named by its organ and its number there: names of a few bytes, which the meta repeats.
    names = [name for name, _ in pagefind_index(tmp_path / "merged")["meta"]["pages"]]
    assert [name.rsplit("_", 1)[1] for name in names] == [f"{n:x}" for n in range(6)] * 2
    assert len({name.rsplit("_", 1)[0] for name in names}) == 2
    assert all(len(name) <= len("zxx_123456_5") for name in names)


def test_pages_are_named_by_organ_however_the_sources_hold_them(tmp_path):
    """A build in one go indexes organs together, a part one organ: the merged index is the same."""
    merge_indexes([indexed(A + B, tmp_path / "together")], tmp_path / "one")
    merge_indexes([indexed(A, tmp_path / "a"), indexed(B, tmp_path / "b")], tmp_path / "two")
    assert pagefind_index(tmp_path / "one") == pagefind_index(tmp_path / "two")


def test_a_common_word_has_a_chunk_of_its_own(tmp_path):
    """A query of a rare word downloads its chunk: never one that a common word fills (search.js's `plan`).
    Pagefind closes a chunk after the word that fills it, so its index keeps 应对 (one page) with 应当."""
    every_field = dict(doc_number="示教〔2024〕1号", state="有效")  # as Pagefind's own index numbers the fields
    common = [record(n, "jyj", text="人民政府应当公开。" * 1800, **every_field) for n in range(12)]
    rare = record(12, "jyj", text="做好应对工作。", **every_field)
    sources = [indexed(common[:6], tmp_path / "a"), indexed([*common[6:], rare], tmp_path / "b")]
    merge_indexes(sources, tmp_path / "merged")
    merged = pagefind_index(tmp_path / "merged", as_merged=True)
    whole = pagefind_index(indexed([*common, rare], tmp_path / "whole", as_source=False), as_merged=True)
    assert merged["words"] == whole["words"]  # the same words, cut into chunks otherwise

    def chunk_words(index: dict) -> list[list[str]]:
        return [[word for word, _, _ in chunk] for (chunk,) in index["index"].values()]

    def positions(words: dict, word: str) -> int:
        return sum(len(page[1]) + len(page[2]) + 1 for page in words[word])

    assert positions(whole["words"], "应当") > pf.CHUNK_POSITIONS
    assert any("应对" in words and "应当" in words for words in chunk_words(whole))
    assert ["应当"] in chunk_words(merged)
    for words in chunk_words(merged):  # none over the size but a word alone
        assert len(words) == 1 or sum(positions(merged["words"], word) for word in words) <= pf.CHUNK_POSITIONS


def test_a_large_index_is_merged_in_ranges_of_words_the_same_however_cut_and_wherever_run(tmp_path, monkeypatch):
    """Past RANGE_POSITIONS, the words are merged in ranges cut where the positions of all sources together
    are halved: the cut, and so the index, does not depend on how the pages fall into sources, nor on
    whether the ranges run side by side in processes."""
    monkeypatch.setattr(merge, "RANGE_POSITIONS", 100)
    records = A + B
    ordered = sorted(records, key=lambda r: r.url)
    one = [indexed(ordered, tmp_path / "one")]
    three = [indexed(ordered[:2], tmp_path / "s0"), indexed(ordered[2:9], tmp_path / "s1")]
    three.append(indexed(ordered[9:], tmp_path / "s2"))
    merge_indexes(one, tmp_path / "whole")
    merge_indexes(three, tmp_path / "cut")
    with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn")) as pool:
        merge_indexes(three, tmp_path / "pooled", pool)
    whole, cut, pooled = (pagefind_index(tmp_path / name) for name in ("whole", "cut", "pooled"))
    assert whole == cut == pooled
    # Two ranges, each cut into chunks from its own first word: the second starts a chunk of its own.
    (low, cut_at), (high, none) = merge._word_ranges([merge._read_source(source) for source in three])
    assert low is None and none is None and cut_at == high
    firsts = [first for first, _, _ in pagefind_index(tmp_path / "whole")["meta"]["chunks"]]
    monkeypatch.setattr(merge, "RANGE_POSITIONS", 1_000_000)
    in_one_range = pagefind_index(merge_indexes(one, tmp_path / "small") and tmp_path / "small")
    assert len(in_one_range["meta"]["chunks"]) == 1 and len(firsts) == 2
    assert firsts[1] == min(word for word in whole["words"] if word >= cut_at)[: len(firsts[1])]
    assert whole["words"] == in_one_range["words"]
    # The heavy words, by the records' tokens, as a site's word list gives them (with a lower bar than a site's).
    monkeypatch.setattr(merge, "HEAVY_POSITIONS", 20)
    monkeypatch.setattr(vocabulary, "HEAVY_POSITIONS", 20)
    counts = WordCounts()
    for r in records:
        counts.add(r)
    heavy = merge_indexes(three, tmp_path / "heavy").heavy
    assert len(heavy) >= 2 and heavy == counts.heavy()
    assert heavy == merge_indexes(one, tmp_path / "heavy").heavy


def test_a_page_keeps_its_name_while_its_organ_is_unchanged(tmp_path):
    first = merge_indexes([indexed(A, tmp_path / "a"), indexed(B, tmp_path / "b")], tmp_path / "first") and (
        tmp_path / "first"
    )
    changed = [*B[:-1], record(11, "sfj", text="这一页改了。")]
    second = merge_indexes([indexed(A, tmp_path / "a2"), indexed(changed, tmp_path / "b2")], tmp_path / "second")
    assert second.pages == 12
    names = [[name for name, _ in pagefind_index(site)["meta"]["pages"]] for site in (first, tmp_path / "second")]
    assert names[0][:6] == names[1][:6]  # A's pages: the same names, for the same fragments
    assert not set(names[0][6:]) & set(names[1][6:])  # B changed: none of its names means what it meant


def test_an_index_whose_pages_lack_a_field_is_renumbered_to_all_fields(tmp_path):
    """B's pages have no 发文字号 or 有效性: its title and body positions keep their fields when merged."""
    merged = pagefind_index(merge_indexes([indexed(B, tmp_path / "b")], tmp_path / "merged") and tmp_path / "merged")
    alone = pagefind_index(indexed(B, tmp_path / "alone", as_source=False))
    assert alone["meta"]["fields"] == ["title", "发布日期", "标题"]  # no 发文字号 (wh), no 有效性
    assert merged["meta"]["fields"] == META_FIELDS
    number = {name: n for n, name in enumerate(META_FIELDS)}
    own = {n: name for n, name in enumerate(alone["meta"]["fields"])}

    def fields_of(index: dict, names: dict) -> set:
        return {names[-v - 1] for word in index["words"].values() for page in word for v in page[2] if v < 0}

    assert (
        fields_of(merged, {n: name for name, n in number.items()})
        == fields_of(alone, own)
        == {"title", "发布日期", "标题"}
    )


def test_a_bundle_of_shards_merges_them_into_one_index(tmp_path):
    """A platform built in one go: an index per organ, written aside and merged, as the assembly does."""
    site = tmp_path / "site"
    bundle = SearchBundle(site, [PlannedShard([r.url for r in A]), PlannedShard([r.url for r in B])])
    for r in A + B:
        bundle.add(r)
    assert bundle.build(site).shards == 2
    merge_indexes([indexed(A, tmp_path / "a"), indexed(B, tmp_path / "b")], tmp_path / "merged")
    assert pagefind_index(site / "pagefind") == pagefind_index(tmp_path / "merged")
    assert not (site / ".gongkai-shards").exists() and not (site / "pagefind-1").exists()


def test_an_index_of_no_page_adds_nothing_and_an_empty_merge_is_an_empty_index(tmp_path):
    empty = indexed([], tmp_path / "empty")
    merge_indexes([indexed(A, tmp_path / "a"), empty], tmp_path / "merged")
    merged = pagefind_index(tmp_path / "merged", as_merged=True)
    assert merged == pagefind_index(indexed(A, tmp_path / "whole", as_source=False), as_merged=True)
    merge_indexes([empty], tmp_path / "none")
    assert json.loads((tmp_path / "none" / pf.ENTRY).read_text("utf-8"))["languages"] == {}
    assert (tmp_path / "none" / "pagefind.js").is_file()


def edited_summary(bundle: Path, **changes) -> None:
    path = bundle / SUMMARY_FILE
    path.write_text(json.dumps({**json.loads(path.read_text("utf-8")), **changes}, ensure_ascii=False), "utf-8")


def test_what_does_not_fit_is_named(tmp_path):
    a = indexed(A, tmp_path / "a")
    summary = json.loads((a / SUMMARY_FILE).read_text("utf-8"))
    wrong = tmp_path / "wrong"

    def fails(change, message: str) -> None:
        shutil.rmtree(wrong, ignore_errors=True)
        shutil.copytree(a, wrong)
        change(wrong)
        with pytest.raises(pf.PagefindFormatError, match=message):
            merge_indexes([wrong], tmp_path / "m")

    fails(lambda b: edited_summary(b, pages=summary["pages"][:-1]), r"索引有 6 个页面；应为：所列的 5 个")
    pages = [SourcePage(url, sorts, group) for url, sorts, group in summary["pages"]]
    shutil.copytree(a, tmp_path / "listed", dirs_exist_ok=True)
    with pytest.raises(pf.PagefindFormatError, match=r"页面为 /zwgk/jyj/wj/00000/；应为：所列的 zwgk/jyj/wj/00002/"):
        # Pages not in the order Pagefind numbered them.
        prepare_source(tmp_path / "listed", [pages[1], pages[0], *pages[2:]], META_FIELDS, Counter())
    with pytest.raises(pf.PagefindFormatError, match=r"索引有 6 个页面；应为：所列的 5 个"):
        prepare_source(tmp_path / "listed", pages[:-1], META_FIELDS, Counter())
    fails(lambda b: (b / SUMMARY_FILE).unlink(), r"gongkai-merge\.json: 无法读取（FileNotFoundError")
    fails(lambda b: (b / WORDS_FILE).unlink(), r"gongkai-merge\.json: 无法读取（FileNotFoundError")
    fails(lambda b: (b / WORDS_FILE).write_bytes(b"\x1f\x8b broken"), r"gongkai-merge-words\.cbor\.z: 无法读取")

    def another_version(b: Path) -> None:
        entry = json.loads((b / pf.ENTRY).read_text("utf-8"))
        (b / pf.ENTRY).write_text(json.dumps({**entry, "version": "1.6.0"}), "utf-8")

    fails(another_version, r"Pagefind 1\.6\.0 的索引；应为：Pagefind 1\.5\.x")
    b = indexed(B, tmp_path / "b")
    edited_summary(b, fields=["title", "wh"])
    with pytest.raises(
        pf.PagefindFormatError, match=r"元数据字段为 title、wh；应为：title、wh、发布日期、发文字号、有效性、标题"
    ):
        merge_indexes([a, b], tmp_path / "m")


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
    # CBOR heads in the fewest bytes, as Pagefind's encoder writes them.
    assert [pf.head(pf.UINT, n).hex() for n in (23, 24, 255, 256, 65536)] == [
        "17", "1818", "18ff", "190100", "1a00010000"
    ]  # fmt: skip
    assert pf.head(pf.ARRAY, 3).hex() == "83"
