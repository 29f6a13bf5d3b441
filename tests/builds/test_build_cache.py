"""The build cache: a rebuild takes unchanged pages and search shards from it, and its site is the
site a clean build makes of the same content, however the content changed in between."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from gongkai.build_cache import BuildCache
from gongkai.project import PART_VARIABLE
from gongkai.search.shards import MOST_SHARDS, Member, plan_shards, shard_size
from helpers import ORGAN_CODE, REPO, SAMPLE_AS_OF, SAMPLE_SHARD_TOKENS, document, make_project

REPLACED = "content/zwgk/xzf/wj/2022/00004.md"  # replaced (替代) by 2026/00002, whose page names it
# Repeals 示政发〔2021〕8号 and a department's 示司〔2021〕8号, and amends 示政办发〔2022〕18号.
REPEALER = "content/zwgk/xzf/wj/2026/00001.md"


def sample_project(root: Path) -> Path:
    root.mkdir(parents=True)
    for name in ("mkdocs.yml", "catalog.yaml"):
        shutil.copy(REPO / name, root / name)
    for folder in ("content", "overrides"):
        shutil.copytree(REPO / folder, root / folder)
    return root


def build_site(
    project: Path, caplog, cache: bool = True, shard_tokens: int = 0, part: str | None = None
) -> dict[str, int]:
    """Build (the whole site, or one organ's part); the cache's figures as the build logged them."""
    caplog.clear()
    with caplog.at_level(logging.INFO), pytest.MonkeyPatch.context() as patch:
        patch.setenv("GONGKAI_AS_OF", SAMPLE_AS_OF)
        if part:
            patch.setenv(PART_VARIABLE, part)
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=True)
        options = config.plugins["gongkai/disclosure"].config
        options.search_shard_tokens = shard_tokens
        if not cache:
            options.cache_dir = ""
        build(config)
    for record in caplog.records:
        found = re.search(r"构建缓存：页面复用 (\d+) 个、新生成 (\d+) 个；检索分片复用 (\d+) 个", record.getMessage())
        if found:
            return dict(zip(("pages_reused", "pages_made", "shards_reused"), map(int, found.groups()), strict=True))
    return {}


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def assert_same_site(built: Path, clean: Path) -> None:
    """The same files, byte for byte: the pages, and the search index, however its shards were cut."""
    ours, theirs = files_of(built), files_of(clean)
    assert sorted(ours) == sorted(theirs)
    assert [name for name in sorted(ours) if ours[name] != theirs[name]] == []


def edit(project: Path, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text("utf-8")
    assert old in text, (relative, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_a_second_build_takes_everything_from_the_cache_and_writes_the_same_site(tmp_path, caplog):
    project = sample_project(tmp_path / "project")
    first = build_site(project, caplog)
    pages = len(list((project / "site").rglob("index.html")))
    # Every page: the 87 documents and the pages of the column, all but the home page and the 404.
    assert first == {"pages_reused": 0, "pages_made": pages - 1, "shards_reused": 0}
    shutil.copytree(project / "site", tmp_path / "first")

    second = build_site(project, caplog)

    # The sample is a platform: its organs are indexed in shards of whole organs (here one), then merged.
    assert second == {"pages_reused": pages - 1, "pages_made": 0, "shards_reused": 1}
    assert "Page skipped" not in caplog.text  # MkDocs writes no kept page, and need not say so
    assert files_of(project / "site") == files_of(tmp_path / "first")  # the merged index too, byte for byte


def test_each_part_keeps_its_own_cache_whatever_part_is_built_in_between(tmp_path, caplog):
    project = sample_project(tmp_path / "project")
    first = build_site(project, caplog, part="jyj")
    assert first["pages_reused"] == 0 and first["pages_made"] > 0
    build_site(project, caplog, part="sfj")

    again = build_site(project, caplog, part="jyj")

    # (A part indexes its records afresh each build: its search is not kept.)
    assert again == {"pages_reused": first["pages_made"], "pages_made": 0, "shards_reused": 0}


def test_after_edits_a_rebuild_is_the_site_a_clean_build_makes(tmp_path, caplog):
    project = sample_project(tmp_path / "project")
    build_site(project, caplog, shard_tokens=SAMPLE_SHARD_TOKENS)
    # Each organ's index cut into shards of a few documents, all merged into one: the cache keeps each shard.
    shards = len([p for p in (project / ".cache" / "gongkai" / "search").iterdir() if p.is_dir()])
    assert shards > 20 and not (project / "site" / "pagefind-1").exists()

    # A relation's target renamed: the page that names it must show the new title.
    edit(project, REPLACED, "标题: ", "标题: （修订）")
    # A relation removed: 示政发〔2021〕8号 is no longer repealed.
    edit(project, REPEALER, "废止: [示政发〔2021〕8号, ", "废止: [")
    # A document withheld: it leaves the site and the index.
    withheld = next(
        p for p in sorted((project / "content/zwgk/xzf/wj/2024").glob("*.md")) if "公开属性: 主动公开" in p.read_text()
    )
    edit(project, str(withheld.relative_to(project)), "公开属性: 主动公开", "公开属性: 依申请公开")
    rebuilt = build_site(project, caplog, shard_tokens=SAMPLE_SHARD_TOKENS)

    shutil.rmtree(project / ".cache")
    shutil.copytree(project / "site", tmp_path / "rebuilt")
    build_site(project, caplog, cache=False, shard_tokens=SAMPLE_SHARD_TOKENS)
    assert_same_site(tmp_path / "rebuilt", project / "site")
    # Made again: the edited documents, the pages that name them, and the lists they are in.
    assert rebuilt["pages_made"] < rebuilt["pages_reused"] / 3, rebuilt
    # Only the shards of the changed documents are indexed again.
    assert 0 < rebuilt["shards_reused"] < shards - 1, rebuilt


def organ_with_documents(tmp_path: Path, count: int) -> Path:
    """One organ's site of `count` documents of some 600 words each, published on days apart."""
    days = {n: f"2024-{4 + n // 28:02d}-{1 + n % 28:02d}" for n in range(1, count + 1)}
    documents = {
        f"2024/{n:05d}.md": document(n, body=f"第{n}号事项的内容。" * 60, 成文日期=day, 发布日期=day)
        for n, day in days.items()
    }
    return make_project(tmp_path, documents).root


# About three documents a shard: the organ's index is built in some ten shards, then merged.
SMALL_SHARDS = 2000


def test_an_organs_index_is_the_same_however_its_shards_are_cut(tmp_path, caplog):
    root = organ_with_documents(tmp_path, 30)
    build_site(root, caplog, cache=False)  # one shard
    shutil.copytree(root / "site", tmp_path / "one")
    build_site(root, caplog, cache=False, shard_tokens=SMALL_SHARDS)
    assert len(list((root / "site" / "pagefind" / "fragment").iterdir())) == 30
    assert files_of(root / "site" / "pagefind") == files_of(tmp_path / "one" / "pagefind")


def test_an_organs_rebuild_after_an_addition_an_edit_a_withholding_and_a_repeal_is_a_clean_build(tmp_path, caplog):
    root = organ_with_documents(tmp_path, 30)
    first = build_site(root, caplog, shard_tokens=SMALL_SHARDS)
    shards = len([p for p in (root / ".cache" / "gongkai" / "search").iterdir() if p.is_dir()])
    assert first["shards_reused"] == 0 and shards >= 8

    # The newest document: its shard is the newest one.
    (root / "content/wj/2024/00031.md").write_text(document(31, 成文日期="2024-12-20", 发布日期="2024-12-20"), "utf-8")
    edit(root, "content/wj/2024/00005.md", "第5号事项的内容。", "第5号事项修改后的内容。")
    edit(root, "content/wj/2024/00009.md", "公开属性: 主动公开", "公开属性: 依申请公开")
    # A repeal: 00012 becomes 已废止, in its record and on its page.
    repeal = document(32, 成文日期="2024-12-21", 发布日期="2024-12-21", 废止=f"[{ORGAN_CODE}/2024-00012]")
    (root / "content/wj/2024/00032.md").write_text(repeal, "utf-8")
    rebuilt = build_site(root, caplog, shard_tokens=SMALL_SHARDS)

    shutil.rmtree(root / ".cache")
    shutil.copytree(root / "site", tmp_path / "rebuilt")
    build_site(root, caplog, cache=False, shard_tokens=SMALL_SHARDS)
    assert_same_site(tmp_path / "rebuilt", root / "site")
    assert "已废止" in (root / "site" / "wj/2024/00012/index.html").read_text("utf-8")
    assert not (root / "site" / "wj/2024/00009").exists()
    # The shards of the changed documents are indexed again, the others taken from the cache.
    assert shards - 5 <= rebuilt["shards_reused"] < shards - 1, rebuilt


def test_a_page_that_links_to_another_file_is_made_every_time(project):
    project.write("content/about.md", "# 关于本站\n")
    project.add_document("2024/00001.md", document(1, body="见[关于本站](../../about.md)。"))
    project.add_document("2024/00002.md", document(2, body="见[国务院网站](https://www.gov.cn/)。"))
    project.build()
    cache = BuildCache(project.root / ".cache" / "gongkai")
    records = list((cache.root / "pages").rglob("*.json"))  # one per document page kept
    assert len(records) == 1  # the page with a web link only

    project.content.joinpath("about.md").unlink()
    with pytest.raises(Abort):  # strict: the link, now dangling, is found and fails the build
        project.build()


def members(count: int, tokens: int = 10, first_year: int = 2000) -> list[Member]:
    return [Member(f"wj/{n}/", f"{first_year + n // 100}-01-01 {n:05d}", tokens) for n in range(count)]


def test_shards_are_cut_from_the_oldest_document_and_shard_0_is_the_newest():
    plan = plan_shards(members(25), shard_tokens=100)
    assert [len(shard) for shard in plan.shards] == [5, 10, 10]
    assert plan.shards[0][0] == "wj/24/" and plan.shards[-1][-1] == "wj/0/"  # newest first throughout
    assert plan.starts == [members(25)[n].order for n in (0, 10, 20)]


def test_a_new_document_changes_the_newest_shard_only():
    before = plan_shards(members(25), shard_tokens=100)
    after = plan_shards(members(26), shard_tokens=100, previous_starts=before.starts)
    assert after.shards[1:] == before.shards[1:]
    assert after.shards[0] == ["wj/25/", *before.shards[0]]


def test_an_edited_document_keeps_the_cuts_until_its_shard_grows_past_twice_its_size():
    previous = plan_shards(members(30), shard_tokens=100)
    edited = members(30)
    edited[3] = Member(edited[3].url, edited[3].order, 50)  # now 140 words in the oldest shard
    kept = plan_shards(edited, shard_tokens=100, previous_starts=previous.starts)
    assert kept.shards == previous.shards  # a plain cut from scratch would move every later cut

    edited[4] = Member(edited[4].url, edited[4].order, 150)  # 280 words: past twice the size
    recut = plan_shards(edited, shard_tokens=100, previous_starts=previous.starts)
    assert recut.shards != previous.shards
    assert recut == plan_shards(edited, shard_tokens=100)


def test_a_full_newest_shard_is_cut_and_emptied_spans_go():
    previous = plan_shards(members(30), shard_tokens=100)
    grown = plan_shards(members(45), shard_tokens=100, previous_starts=previous.starts)
    assert [len(shard) for shard in grown.shards] == [5, 10, 10, 10, 10]
    gone = [m for m in members(30) if not 10 <= int(m.url.split("/")[1]) < 20]
    shrunk = plan_shards(gone, shard_tokens=100, previous_starts=previous.starts)
    assert [len(shard) for shard in shrunk.shards] == [10, 10]


def test_a_large_site_gets_larger_shards_and_keeps_their_size_till_it_doubles():
    """A merge takes a step per word of each shard: past MOST_SHARDS the size doubles, and only then."""
    assert shard_size(MOST_SHARDS * 100, 100) == 100
    assert shard_size(MOST_SHARDS * 100 + 1, 100) == 200
    sizes = [shard_size(tokens, 100) for tokens in range(MOST_SHARDS * 100, MOST_SHARDS * 800, 97)]
    assert sizes == sorted(sizes) and set(sizes) == {100, 200, 400, 800}
    for tokens in (MOST_SHARDS * 100 + 1, MOST_SHARDS * 399):
        assert tokens / shard_size(tokens, 100) <= MOST_SHARDS
    # bench.synthetic's 50,000 documents (about 220 million words): 28 shards of 8 million words.
    assert shard_size(220_000_000, 1_000_000) == 8_000_000


def test_the_cache_keeps_only_what_the_last_build_used(tmp_path):
    cache = BuildCache(tmp_path)
    for key in ("a" * 64, "b" * 64):
        cache.put_record(key, "{}")
        cache.put_html(key, f"<html>{key[0]}</html>")
    cache.put_record("c" * 64, "{}")  # a build stopped before it wrote the page
    (tmp_path / "pages" / "aa" / ".tmp-left-by-an-interrupted-build").write_text("<ht")
    assert not BuildCache(tmp_path).has_page("c" * 64)

    next_build = BuildCache(tmp_path)
    assert next_build.has_page("a" * 64)
    next_build.link_page("a" * 64, tmp_path / "site" / "a" / "index.html")
    assert (tmp_path / "site" / "a" / "index.html").read_text() == "<html>a</html>"
    assert next_build.page_record("a" * 64) == "{}"
    assert next_build.prune() == 4
    assert sorted(p.name for p in (tmp_path / "pages").rglob("*") if p.is_file()) == [
        f"{'a' * 64}.html",
        f"{'a' * 64}.json",
    ]


def test_with_another_plugin_nothing_is_kept(project, caplog):
    """A kept page is not rendered: a plugin reading pages (Material's search here) would see it empty."""
    project.write(
        "mkdocs.yml", project.root.joinpath("mkdocs.yml").read_text().replace("plugins:\n", "plugins:\n  - search\n")
    )
    project.add_document("2024/00001.md", document(1))
    with caplog.at_level(logging.INFO):
        project.build()
    assert "构建缓存未启用：还有插件 material/search 处理页面（缓存的页面不经渲染）" in caplog.text
    assert not (project.root / ".cache").exists()


def test_a_new_newest_document_updates_the_dates_of_pages_that_do_not_list_it(tmp_path, caplog):
    # The search page and a parent column list no documents of their own: their PubDate is the newest
    # document's, which the page's view does not hold; a kept page must not keep the old date.
    project = sample_project(tmp_path / "project")
    build_site(project, caplog)
    (project / "content/zwgk/xzf/wj/2026/00099.md").write_text(
        "---\n标题: 示例县统计局关于2026年11月主要经济指标的公告\n索引号: 11330521MB1C00001X/2026-00099\n"
        "发文机关: 示例县统计局\n成文日期: 2026-11-23\n发布日期: 2026-11-23\n主题分类: 综合政务\\政务公开\n"
        "文种: 公告\n公开属性: 主动公开\n栏目: [tjxx]\n内容概述: 公布2026年11月主要经济指标。\n---\n\n正文。\n",
        "utf-8",
    )
    build_site(project, caplog)

    shutil.rmtree(project / ".cache")
    shutil.copytree(project / "site", tmp_path / "rebuilt")
    build_site(project, caplog, cache=False)
    assert_same_site(tmp_path / "rebuilt", project / "site")
