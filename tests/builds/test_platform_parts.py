"""A platform built in parts (gongkai build --organ, one per organ) and assembled (gongkai assemble) is the
platform built in one go: page for page, file for file, search record for search record."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from gongkai.cli import main
from gongkai.model.parts import MANIFEST, SEARCH_PAGES
from gongkai.search.merge import SUMMARY_FILE
from helpers import (
    AS_OF,
    JYJ_RULE,
    PLATFORM_ORGANS,
    make_platform,
    pagefind_index,
    platform_documents,
    search_records,
)

SITE_URL = "https://test.example.gov.cn/"


def files_of(site: Path) -> dict[str, bytes]:
    """Every file of a built site, the search index's too."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def gongkai(project, *args: str) -> int:
    return main(["-f", str(project.root / "mkdocs.yml"), *args])


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The fixture platform with a site URL: built in one go, and as five parts assembled."""
    project = make_platform(tmp_path_factory.mktemp("parts"), platform_documents())
    project.write("mkdocs.yml", (project.root / "mkdocs.yml").read_text("utf-8") + f"site_url: {SITE_URL}\n")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GONGKAI_AS_OF", "2026-11-23")
        assert gongkai(project, "build", "-d", str(project.root / "whole")) == 0
        for organ in PLATFORM_ORGANS:
            assert gongkai(project, "build", "--organ", organ) == 0
        parts = sorted(str(p) for p in (project.root / "parts").iterdir())
        assert gongkai(project, "assemble", *parts, "-d", str(project.root / "assembled")) == 0
    return project


def test_the_assembled_site_is_the_site_built_in_one_go(built):
    whole, assembled = files_of(built.root / "whole"), files_of(built.root / "assembled")
    assert sorted(whole) == sorted(assembled)
    different = [path for path in whole if whole[path] != assembled[path]]
    assert different == []
    assert len([p for p in whole if p.endswith("index.html")]) == 39  # every organ's pages and the portal's
    assert len(search_records(built.root / "assembled")) == 7
    assert not [p for p in whole if p.startswith((".gongkai-shards", "pagefind-"))]  # one index, nothing left


def test_the_platforms_search_is_its_organs_indexes_merged_into_the_one_pagefind_builds(built, tmp_path):
    """In one go and assembled alike, each organ's records are indexed on their own and merged into one
    index, organ after organ (tests/unit/test_search_merge.py: the index Pagefind builds of them all)."""
    merged = pagefind_index(built.root / "assembled" / "pagefind")
    pages = [json.loads(merged["fragments"][name]) for name, _ in merged["meta"]["pages"]]
    organs = [page["filters"]["公开单位"][0] for page in pages]
    order = [name for name, _ in PLATFORM_ORGANS.values()]
    assert sorted(organs, key=order.index) == organs  # organ after organ, in the catalog's order
    assert set(merged["filters"]["公开单位"][1]) == set(organs) and len(set(organs)) > 2
    # Every word lists exactly the pages whose indexed text holds it.
    for word in ("收费", "法律", "援助", "规定"):
        listed, number = set(), 0
        for step, _, _ in merged["words"][word]:
            number += step
            listed.add(pages[number]["url"])
        holding = {page["url"] for page in pages if word in page["content"].split()}
        assert holding <= listed and all(word in pages[n]["content"] for n, p in enumerate(pages) if p["url"] in listed)


def test_the_assembled_search_index_is_the_one_pagefind_builds_in_one_go(built):
    """The parts' indexes merged: every word, page number, position, filter, sort and fragment as Pagefind
    wrote them over all the records at once; and search.js's word list from the same counts."""
    whole, assembled = built.root / "whole" / "pagefind", built.root / "assembled" / "pagefind"
    merged = pagefind_index(assembled)
    assert merged == pagefind_index(whole)
    assert merged["entry"]["languages"]["zxx"]["page_count"] == 7
    assert set(merged["filters"]["公开单位"][1]) == {name for name, _ in PLATFORM_ORGANS.values()}
    for name in ("gongkai-words.json", "gongkai-fold.json", "pagefind.js", "wasm.unknown.pagefind"):
        assert (whole / name).read_bytes() == (assembled / name).read_bytes(), name


def test_a_part_holds_its_organs_pages_its_manifest_and_its_records(built):
    part = built.root / "parts" / "jyj"
    assert sorted(p.name for p in (part / "zwgk").iterdir()) == ["jyj"]  # no other organ's pages
    assert not (part / "index.html").exists() and not (part / "zwgk" / "index.html").exists()
    manifest = json.loads((part / MANIFEST).read_text("utf-8"))
    assert (manifest["organ"], manifest["site_url"], manifest["as_of"]) == ("jyj", SITE_URL, "2026-11-23")
    assert [d["title"] for d in manifest["portal"]["documents"]][-1] == "测试县教育局关于中小学收费管理的规定"
    listing = json.loads((part / SEARCH_PAGES).read_text("utf-8"))
    documents = manifest["portal"]["documents"]
    assert list(listing["sizes"]) == [d["url"] for d in documents] and all(listing["sizes"].values())
    # Its own index of its own records, newest first, ready to be merged.
    summary = json.loads((part / "pagefind" / SUMMARY_FILE).read_text("utf-8"))
    assert summary["pages"] == [[d["url"], {"发布日期": d["published"]}, "测试县教育局"] for d in documents]
    assert pagefind_index(part / "pagefind")["entry"]["languages"]["zxx"]["page_count"] == len(documents)


def test_assembly_needs_no_organs_sources(built, tmp_path):
    """The parts and the platform's own files suffice: the organs' folders may be gone."""
    project = built
    sources = project.content / "zwgk"
    moved = tmp_path / "zwgk"
    sources.rename(moved)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("GONGKAI_AS_OF", "2026-11-23")
            parts = sorted(str(p) for p in (project.root / "parts").iterdir())
            assert gongkai(project, "assemble", *parts, "-d", str(tmp_path / "again")) == 0
    finally:
        moved.rename(sources)
    assert files_of(tmp_path / "again") == files_of(project.root / "assembled")


def manifest_edited(part: Path, **changes: str) -> None:
    path = part / MANIFEST
    data = json.loads(path.read_text("utf-8"))
    path.write_text(json.dumps({**data, **changes}, ensure_ascii=False), "utf-8")


@pytest.mark.parametrize(
    ("change", "found"),
    [
        ({"gongkai": "0.0.9"}, "gongkai: gongkai 版本 为 '0.0.9'；应为：与本次组装相同"),
        ({"site_url": "https://other.example.gov.cn/"}, "site_url: site_url 为 'https://other.example.gov.cn/'"),
        ({"as_of": "2026-01-01"}, "as_of: 有效性计算日 为 '2026-01-01'"),
    ],
)
def test_a_part_built_otherwise_is_a_clear_error(built, tmp_path, capsys, change, found):
    parts = tmp_path / "parts"
    shutil.copytree(built.root / "parts", parts)
    manifest_edited(parts / "sfj", **change)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GONGKAI_AS_OF", "2026-11-23")
        code = gongkai(built, "assemble", *sorted(str(p) for p in parts.iterdir()), "-d", str(tmp_path / "site"))
    assert code == 1
    err = capsys.readouterr().err
    assert f"{parts / 'sfj' / MANIFEST}: {found}" in err, err


def test_a_missing_or_foreign_part_is_named(built, tmp_path, capsys):
    stray = tmp_path / "stray"
    stray.mkdir()
    parts = [str(built.root / "parts" / organ) for organ in ("xzf", "jyj", "sfj", "csz")]  # no hlz
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GONGKAI_AS_OF", "2026-11-23")
        assert gongkai(built, "assemble", *parts, str(stray), "-d", str(tmp_path / "site")) == 1
    err = capsys.readouterr().err
    assert "缺少公开单位 hlz 的部分" in err
    assert f"{stray}/{MANIFEST}: 没有 gongkai-part.json" in err


def test_a_part_for_an_organ_the_catalog_lacks_is_refused(built, capsys):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GONGKAI_AS_OF", "2026-11-23")
        assert gongkai(built, "build", "--organ", "nosuch") == 1
    assert (
        "--organ: 'nosuch' 不是公开单位的代码；应为：以下公开单位代码之一：xzf、jyj、sfj、csz、hlz"
        in capsys.readouterr().err
    )


def test_the_example_ci_workflow_builds_a_part_for_every_organ_of_the_sample():
    import yaml

    repo = Path(__file__).parents[2]
    workflow = yaml.safe_load((repo / "examples/ci/gitlab-ci-platform.yml").read_text("utf-8"))
    organs = [o["代码"] for o in yaml.safe_load((repo / "catalog.yaml").read_text("utf-8"))["公开单位"]]
    assert workflow["part"]["parallel"]["matrix"][0]["ORGAN"] == organs
    assert any("gongkai assemble" in line for line in workflow["assemble"]["script"])


def test_a_part_loads_its_organ_and_only_the_documents_linked_with_it(tmp_path):
    from gongkai.model.site import load_platform

    project = make_platform(tmp_path, platform_documents())
    # Another town's document with a fault: not the 教育局's part's concern (gongkai check reports it).
    project.write("content/zwgk/hlz/wj/2026/00009.md", "---\n标题: 缺字段\n---\n")

    def load(organ: str):
        return load_platform(
            project.root / "catalog.yaml", project.content, "wj", project.root, as_of=AS_OF, only_organ=organ
        )

    jyj = load("jyj")
    assert [s.catalog.organ_key for s in jyj.sites] == ["jyj", "xzf"]  # its own, and the government's decision
    assert [d.index_no for d in jyj.site("xzf").documents] == ["11330000TEST00001X/2026-00001"]
    assert jyj.register[JYJ_RULE].state_on(AS_OF).value == "已废止"
    csz = load("csz")
    assert [s.catalog.organ_key for s in csz.sites] == ["csz"] and len(csz.documents) == 1


def test_a_damaged_part_is_named_not_a_traceback(built, tmp_path, capsys):
    parts = tmp_path / "parts"
    shutil.copytree(built.root / "parts", parts)
    manifest = json.loads((parts / "csz" / MANIFEST).read_text("utf-8"))
    del manifest["portal"]["documents"][0]["title"]
    (parts / "csz" / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")
    (parts / "hlz" / SEARCH_PAGES).unlink()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GONGKAI_AS_OF", "2026-11-23")
        code = gongkai(built, "assemble", *sorted(str(p) for p in parts.iterdir()), "-d", str(tmp_path / "site"))
    assert code == 1
    err = capsys.readouterr().err
    assert f"{parts / 'csz' / MANIFEST}: portal: 清单不完整或已损坏（KeyError: 'title'）" in err
    assert f"{parts / 'hlz' / MANIFEST}: 没有 {SEARCH_PAGES}" in err
