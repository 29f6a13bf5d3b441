"""The published site model: what is shown, what is withheld, what is refused."""

import datetime as dt
from pathlib import Path

import pytest

from gongkai.model.problems import InvalidInput
from gongkai.model.site import load_site
from helpers import AS_OF, ORGAN_CODE, document, make_project


def load(project):
    return load_site(project.root / "catalog.yaml", project.content, "wj", project.root, as_of=AS_OF)


def errors(project) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        load(project)
    return [str(p) for p in caught.value.problems]


def test_only_public_documents_are_published_newest_first(tmp_path: Path):
    project = make_project(
        tmp_path,
        {
            "2024/00001.md": document(1, 发布日期="2024-03-02"),
            "2024/00002.md": document(2, 发布日期="2024-05-02"),
            "2024/00003.md": document(3, 公开属性="依申请公开", 附件=["00003-fj1.pdf"]),
            "2024/00004.md": document(4, 公开属性="不予公开"),
        },
    )
    project.add_document("2024/00003-fj1.pdf", "%PDF-1.4")
    site = load(project)
    assert [d.index_no[-5:] for d in site.documents] == ["00002", "00001"]
    assert {d.index_no[-5:] for d in site.withheld} == {"00003", "00004"}
    assert {"wj/2024/00003.md", "wj/2024/00003-fj1.pdf", "wj/2024/00004.md"} <= site.unpublished_files
    assert "pages/jgzn.md" in site.unpublished_files  # rendered at its column's URL instead


def test_pagination_and_counts(tmp_path: Path):
    docs = {f"2024/{n:05d}.md": document(n) for n in range(1, 8)}
    docs["2024/00008.md"] = document(8, 栏目=["czxx", "gfxwj"])
    site = load(make_project(tmp_path, docs))
    gfxwj = site.catalog.column("gfxwj")
    pages = site.pages_of(site.documents_in(gfxwj))
    assert [len(p.documents) for p in pages] == [3, 3, 2]
    assert pages[0].has_next and not pages[0].has_previous
    parent = site.catalog.column("fdzdgknr")
    assert site.count_in_tree(parent) == 8  # the document in two sub-columns counts once
    assert site.is_empty(site.catalog.column("czxx")) is False


def test_each_bad_field_is_reported_with_file_line_found_and_expected(tmp_path: Path):
    bad = document(
        1,
        索引号="11330000TEST00001X/2024-1",
        成文日期="2024-13-01",
        主题分类="卫生\\医药管理",
        文种="便函",
        栏目=["nope"],
        发文字号="测政发[2024]1号",
        来源="县政府办",
    )
    project = make_project(tmp_path, {"2024/00001.md": bad})
    assert errors(project) == [
        "content/wj/2024/00001.md:3: 索引号: '11330000TEST00001X/2024-1' 不符合索引号规则；"
        f"应为：匹配 ^{{机构代码}}/\\d{{4}}-\\d{{5}}$（{{机构代码}} 为 {ORGAN_CODE}）",
        "content/wj/2024/00001.md:5: 发文字号: '测政发[2024]1号' 的年份用了错误的括号；应为：六角括号〔〕，如 示政发〔2024〕3号",
        "content/wj/2024/00001.md:6: 成文日期: '2024-13-01' 不是有效日期；应为：YYYY-MM-DD 格式的日期，如 2024-03-01",
        "content/wj/2024/00001.md:8: 主题分类: '卫生\\医药管理'：一级分类「卫生」不在国务院主题分类中；"
        "应为：国务院主题分类中的「一级\\二级」，如 卫生、体育\\医药管理",
        "content/wj/2024/00001.md:9: 文种: '便函' 不在可选值中；应为：以下之一：决议、决定、命令、令、公报、公告、通告、意见、通知、通报、报告、请示、批复、议案、函、纪要、其他",
        "content/wj/2024/00001.md:13: 来源: 未知字段「来源」；应为：以下字段之一：标题、索引号、发文机关、成文日期、发布日期、主题分类、文种、公开属性、栏目、内容概述、发文字号、发布时间、关键词、附件、解读对象、年报数据、意见征集、征求意见稿、施行日期、有效期至、有效期、废止日期、修改、废止、替代",
    ]


def test_unknown_column_is_an_error_after_the_fields_are_valid(tmp_path: Path):
    project = make_project(tmp_path, {"2024/00001.md": document(1, 栏目=["nope", "jgzn"])})
    found = errors(project)
    assert len(found) == 2
    assert (
        "content/wj/2024/00001.md:11: 栏目: 栏目代码 'nope' 在 catalog.yaml 中不存在；"
        "应为：以下栏目代码之一：fdzdgknr、gfxwj、czxx、wjk"
    ) in found
    assert any("栏目 'jgzn'（机构职能）的类型是单页，不列出文件" in m for m in found)


def test_missing_required_field_and_broken_yaml_in_two_files_are_reported_together(tmp_path: Path):
    project = make_project(
        tmp_path,
        {
            "2024/00001.md": document(1, 内容概述=None),
            "2024/00002.md": "---\n标题: 通知\n索引号: [未闭合\n---\n正文\n",
        },
    )
    found = errors(project)
    assert found[0] == "content/wj/2024/00001.md:2: 内容概述: 缺少必填字段；应为：填写「内容概述」"
    assert found[1].startswith("content/wj/2024/00002.md:4: front matter 的 YAML 语法错误")


def test_duplicate_index_number_names_both_files(tmp_path: Path):
    project = make_project(tmp_path, {"2024/00001.md": document(1), "2024/copy.md": document(1)})
    assert errors(project) == [
        f"content/wj/2024/copy.md:3: 索引号: '{ORGAN_CODE}/2024-00001' 与 content/wj/2024/00001.md:3 重复；"
        "应为：每份文件唯一的索引号"
    ]


def test_missing_attachment_and_publication_before_writing(tmp_path: Path):
    project = make_project(tmp_path, {"2024/00001.md": document(1, 发布日期="2024-02-01", 附件=["00001-fj1.pdf"])})
    assert errors(project) == [
        "content/wj/2024/00001.md:7: 发布日期: '2024-02-01' 早于成文日期 '2024-03-01'；应为：不早于成文日期的日期",
        "content/wj/2024/00001.md:13: 附件[1].文件: 附件 '00001-fj1.pdf' 不存在；应为：content/wj/2024/ 下已有的文件",
    ]


def test_a_file_without_front_matter_in_the_documents_folder_is_refused(tmp_path: Path):
    project = make_project(tmp_path, {"2024/notes.md": "随手记的笔记\n"})
    assert errors(project) == [
        "content/wj/2024/notes.md:1: 没有 front matter；应为：以 --- 包围的 YAML 元数据（标题、索引号等）"
    ]


def test_an_attachment_no_document_names_is_withheld_with_a_warning(tmp_path: Path):
    project = make_project(tmp_path, {"2024/00001.md": document(1)})
    project.add_document("2024/stray.pdf", "%PDF-1.4")
    site = load(project)
    assert "wj/2024/stray.pdf" in site.unpublished_files
    assert [str(w) for w in site.warnings] == [
        "content/wj/2024/stray.pdf: 这个文件没有被任何文件的「附件」引用，未发布；应为：在所属文件的 附件 中列出，或删除它"
    ]


def test_attachment_metadata(tmp_path: Path):
    project = make_project(
        tmp_path, {"2024/00001.md": document(1, 附件="\n  - 文件: 00001-fj1.pdf\n    名称: 实施办法全文")}
    )
    project.add_document("2024/00001-fj1.pdf", b"%PDF-1.4\n" + b"0" * 2000)
    (attachment,) = load(project).documents[0].attachments
    assert (attachment.name, attachment.file_type, attachment.size_label) == ("实施办法全文", "PDF 文档", "2.0 KB")
    assert attachment.src_uri == "wj/2024/00001-fj1.pdf"


def test_document_numbers_in_simplified_and_traditional_script_and_orders(tmp_path: Path):
    numbers = ["示政发〔2024〕3号", "示政發〔2024〕3號", "示例县人民政府令第3号"]
    docs = {f"2024/{n:05d}.md": document(n, 发文字号=number) for n, number in enumerate(numbers, start=1)}
    site = load(make_project(tmp_path, docs))
    assert sorted(d.doc_number for d in site.documents) == sorted(numbers)


def test_pager_window_is_bounded_whatever_the_number_of_pages():
    from gongkai.model.site import ListingPage

    assert ListingPage(1, 1, []).window() == [1]
    assert ListingPage(1, 4, []).window() == [1, 2, 3, 4]
    assert ListingPage(1, 100, []).window() == [1, 2, 3, None, 100]
    assert ListingPage(50, 100, []).window() == [1, None, 48, 49, 50, 51, 52, None, 100]
    assert ListingPage(99, 100, []).window() == [1, None, 97, 98, 99, 100]
    assert max(len(ListingPage(n, 1000, []).window()) for n in range(1, 1001)) == 9


def test_a_documents_links_read_from_its_front_matter_alone_are_those_of_the_full_reading():
    """A part reads other organs' documents only for their links (read_link_names): it must find the
    same ones the full reading does, on every document of the sample (relations, 解读对象, 發文字號)."""
    from gongkai.model.document import read_link_names
    from gongkai.model.site import _names, _references, load_platform
    from helpers import REPO, SAMPLE_AS_OF

    platform = load_platform(REPO / "catalog.yaml", REPO / "content", "wj", REPO, dt.date.fromisoformat(SAMPLE_AS_OF))
    everything = [d for site in platform.sites for d in [*site.documents, *site.withheld]]
    assert len(everything) > 80 and any(_references(d) for d in everything)
    for d in everything:
        assert read_link_names(REPO / "content" / d.src_uri) == (_names(d), _references(d)), d.src_uri
    assert read_link_names(REPO / "mkdocs.yml") == (set(), set())  # no front matter: names nothing


def test_links_are_read_from_the_fields_they_are_in_whatever_the_yaml_style(tmp_path: Path):
    from gongkai.model.document import read_link_names

    path = tmp_path / "a.md"
    path.write_text(
        "---\n"
        "标题: 关于印发办法的通知\n"
        "'索引号': 11330000TEST00002X/2026-00003  # a comment\n"
        "内容概述: |\n  废止: 不是字段\n  索引号: 也不是\n"
        "废止:\n- 示政发[2021]8号\n-   示政发〔2022〕1號\n"
        "修改: [示司〔2020〕2号]\n"
        "# 替代: 被注释掉了\n"
        "解读对象: 示教发〔2026〕1号\n"
        "---\n正文\n",
        "utf-8",
    )
    names, references = read_link_names(path)
    assert names == {"11330000TEST00002X/2026-00003"}
    assert references == {"示政发〔2021〕8号", "示政发〔2022〕1号", "示司〔2020〕2号", "示教发〔2026〕1号"}
