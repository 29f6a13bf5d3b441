"""The scale benchmark's smoke run (bench.scale on small synthetic corpora), as CI makes it.

The figures are printed, never asserted on time: machines here are shared. What is
checked is that both builds succeed on the same content, that gongkai publishes every
主动公开 document and nothing else, and that a document page's HTML around the document
does not grow with the number of documents.
"""

from __future__ import annotations

import statistics
from pathlib import Path

from bench import changes, scale, synthetic
from selectolax.lexbor import LexborHTMLParser as HTMLParser


def test_the_smoke_run_builds_both_sites_and_prints_the_figures(tmp_path, capsys):
    results = scale.run(real=False, sizes=[120], work=tmp_path, rebuild=True)
    with capsys.disabled():
        print("\n" + "\n".join(line for r in results for line in r.lines()))
    [result] = results
    assert result.baseline.document_pages == 120  # plain MkDocs publishes every file, withheld or not
    assert 0 < result.gongkai.document_pages < 120  # gongkai leaves out the 依申请公开 ones
    assert result.gongkai.peak_mib > 0 and result.gongkai.pagefind_peak_mib > 0
    assert list(result.rebuilds) == ["add", "edit", "withhold", "repeal"]


def test_the_benchmarks_changes_add_edit_withhold_and_repeal_documents(tmp_path):
    project = tmp_path / "project"
    synthetic.generate(project, 120)
    changed = {name: change(project) for name, change in changes.CHANGES.items()}
    scale.build_gongkai(project)

    site = project / "site"
    page = lambda relative: site / relative.removeprefix("content/").removesuffix(".md") / "index.html"  # noqa: E731
    added = page(changed["add"]).read_text("utf-8")
    assert "（基准新增）" in added
    assert "（本段为基准测试所加。）" in page(changed["edit"]).read_text("utf-8")
    assert not page(changed["withhold"]).exists()
    assert "已废止" in HTMLParser(page(changed["repeal"]).read_text("utf-8")).css_first("article").text()


def test_synthetic_documents_are_deterministic_and_varied(tmp_path):
    synthetic.generate(tmp_path / "a", 60, seed=3)
    synthetic.generate(tmp_path / "b", 60, seed=3)
    files = sorted((tmp_path / "a" / "content" / "wj").rglob("*.md"))
    assert len(files) == 60
    for path in files:
        assert path.read_bytes() == (tmp_path / "b" / path.relative_to(tmp_path / "a")).read_bytes()
    texts = [p.read_text("utf-8") for p in files]
    assert any("依申请公开" in t for t in synthetic_texts(tmp_path, 400))  # some are withheld
    assert len({len(t) // 1000 for t in texts}) > 3  # lengths vary


def synthetic_texts(tmp_path: Path, count: int) -> list[str]:
    synthetic.generate(tmp_path / "many", count, seed=1)
    return [p.read_text("utf-8") for p in (tmp_path / "many" / "content" / "wj").rglob("*.md")]


def test_a_document_page_does_not_grow_with_the_number_of_documents(tmp_path):
    """The page minus the document's own text (metadata, body) is the same at 40 and at 400 documents."""
    around = {}
    for count in (40, 400):
        project = tmp_path / f"site-{count}"
        synthetic.generate(project, count)
        scale.build_gongkai(project)
        sizes = []
        for page in (project / "site" / "wj").rglob("index.html"):
            html = page.read_text("utf-8")
            article = HTMLParser(html).css_first("article")
            sizes.append(len(html) - len(article.html or ""))
        around[count] = statistics.median(sizes)
    assert abs(around[400] - around[40]) <= 0.01 * around[40], around


def test_the_platform_smoke_run_builds_every_organs_documents(tmp_path, capsys):
    results = scale.run(real=False, sizes=[], work=tmp_path, rebuild=False, platforms=((4, 15),))
    with capsys.disabled():
        print("\n" + "\n".join(line for r in results for line in r.lines()))
    [result] = results
    assert result.baseline.document_pages == 60
    assert 0 < result.gongkai.document_pages <= 60  # each organ's 主动公开 documents, under zwgk/<代码>/wj/


def test_a_synthetic_platform_has_its_organs_folders_and_catalog(tmp_path):
    synthetic.generate_platform(tmp_path / "p", 5, 8)
    organs = sorted(p.name for p in (tmp_path / "p" / "content" / "zwgk").iterdir())
    assert organs == ["dw001", "dw002", "dw003", "dw004", "xzf"]
    assert all(len(list((tmp_path / "p" / "content" / "zwgk" / o / "wj").rglob("*.md"))) == 8 for o in organs)
    catalog = (tmp_path / "p" / "catalog.yaml").read_text("utf-8")
    assert catalog.count("类型: 乡镇街道") == 1 and catalog.count("类型: 政府部门") == 3


def test_the_parts_smoke_run_builds_one_part_per_organ_and_assembles_them(tmp_path, capsys, browser):
    [result] = scale.run(
        real=False, sizes=[], work=tmp_path, rebuild=False, platforms=((3, 8),), in_parts=True, browser=browser
    )
    assert isinstance(result, scale.PartsComparison)
    with capsys.disabled():
        print("\n" + "\n".join(result.lines()))
    assert sorted(result.parts) == ["dw001", "dw002", "xzf"]
    assert result.whole.failure is None and result.assembly.failure is None
    assert all(run.failure is None and run.document_pages <= 8 for run in result.parts.values())
    assert result.assembly.document_pages == result.whole.document_pages  # every organ's pages, copied
    # The first query of the merged search, in a fresh browser: the engine, the index's meta, word chunks
    # and the results' fragments.
    assert len(result.first_query_kib) >= 5 and all(kib > 50 for kib in result.first_query_kib.values())
