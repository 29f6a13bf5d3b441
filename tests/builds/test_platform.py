"""A platform (集约化): a government, its departments and towns, each with its column, on one site."""

import csv
import io
import json
import subprocess

import pytest

from gongkai.checks.runner import check_project
from gongkai.cli import main
from gongkai.project import load_project
from helpers import (
    AS_OF,
    PLATFORM_ORGANS,
    make_platform,
    organ_document,
    platform_documents,
    search_records,
    texts,
)


@pytest.fixture(scope="module")
def platform(tmp_path_factory):
    project = make_platform(tmp_path_factory.mktemp("platform"), platform_documents())
    project.build()
    return project


def test_the_portal_lists_the_organs_by_type_with_their_counts(platform):
    page = platform.html("zwgk/")
    assert texts(page, "h1") == ["政府信息公开"]
    assert texts(page, "section h2")[:3] == ["人民政府", "政府部门", "乡镇街道"]
    tables = page.css("table.gk-organs")
    rows = [[texts(row, "td") for row in table.css("tbody tr")] for table in tables]
    assert rows[0] == [["测试县人民政府", "1 条", "2026-03-02"]]
    assert [r[0] for r in rows[1]] == ["测试县教育局", "测试县司法局"]
    assert rows[1][0][1] == "3 条"
    assert [r[0] for r in rows[2]] == ["测试县城关镇人民政府", "测试县红梁镇人民政府"]
    links = [a.attributes["href"] for a in tables[1].css("a")]
    assert links == ["jyj/", "sfj/"]


def test_each_organ_has_its_own_column_from_its_type_template(platform):
    jyj = platform.html("zwgk/jyj/")
    assert texts(jyj, "h1") == ["测试县教育局"]
    assert texts(jyj, ".gk-breadcrumbs li") == ["首页", "政府信息公开", "测试县教育局"]
    tree = texts(jyj, "#gk-tree ~ * a, section[aria-labelledby=gk-tree] a")
    assert "招生考试" in tree and "规划计划" in tree  # its own addition, and the template's
    sfj_tree = texts(platform.html("zwgk/sfj/"), "section[aria-labelledby=gk-tree] a")
    assert "规划计划" not in sfj_tree and "行政规范性文件" in sfj_tree  # removed from its tree only
    assert (platform.site / "zwgk/csz/jgzn/index.html").is_file()
    assert not (platform.site / "zwgk/xzf/jgzn").exists()


def test_a_document_is_published_under_its_organ_with_the_portal_in_its_breadcrumbs(platform):
    page = platform.html("zwgk/jyj/wj/2026/00003/")
    assert texts(page, ".gk-breadcrumbs li") == [
        "首页", "政府信息公开", "测试县教育局", "法定主动公开内容", "招生考试", "测试县教育局关于2026年中考招生的通知",
    ]  # fmt: skip
    listing = platform.html("zwgk/jyj/fdzdgknr/zsks/")
    assert "测试县教育局关于2026年中考招生的通知" in texts(listing, "table.gk-list a")


def test_a_government_decision_repeals_a_departments_document(platform):
    page = platform.html("zwgk/jyj/wj/2022/00001/")
    banner = " ".join(texts(page, ".gk-validity"))
    assert "已废止" in banner or "废止" in banner
    hrefs = [a.attributes["href"] for a in page.css(".gk-validity a")]
    assert "../../../../xzf/wj/2026/00001/" in hrefs  # from zwgk/jyj/wj/2022/00001/
    # The department's library lists it among the ended ones, the government's page names what it repealed.
    ended = platform.html("zwgk/jyj/fdzdgknr/gfxwj/fzsx/")
    assert "测试县教育局关于中小学收费管理的规定" in texts(ended, "a")
    assert "测试县教育局关于中小学收费管理的规定" in texts(platform.html("zwgk/xzf/wj/2026/00001/"), "a")


def test_what_is_not_public_reaches_no_organ_no_list_and_no_index(platform):
    assert not (platform.site / "zwgk/xzf/wj/2026/00002").exists()
    for path in platform.site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".csv", ".xml"):
            assert "内部事项的批复" not in path.read_text("utf-8"), path


def test_each_organs_directory_lists_its_own_and_the_platforms_lists_all(platform):
    own = texts(platform.html("zwgk/xzf/gkml/"), "table.gk-directory tbody td:nth-child(2)")
    assert own == ["测试县人民政府关于废止部分规范性文件的决定"]
    rows = list(csv.DictReader(io.StringIO((platform.site / "zwgk/gkml/gkml.csv").read_text("utf-8-sig"))))
    assert len(rows) == 7
    assert {r["公开单位"] for r in rows} == {name for name, _ in PLATFORM_ORGANS.values()}
    assert [r["发布日期"] for r in rows] == sorted((r["发布日期"] for r in rows), reverse=True)
    data = json.loads((platform.site / "zwgk/gkml/gkml.json").read_text("utf-8"))
    assert data["条目数"] == 7
    assert [o["公开单位"] for o in data["公开单位"]] == [name for name, _ in PLATFORM_ORGANS.values()]
    first = platform.html("zwgk/gkml/")
    assert texts(first, "h1") == ["政府信息公开目录"]
    assert texts(first, "table.gk-directory tbody td[data-label=公开单位]")[:1] == ["测试县红梁镇人民政府"]
    assert (platform.site / "zwgk/gkml/2/index.html").is_file()  # 3 a page


def test_the_guide_of_an_organ_has_its_own_office_and_the_platforms_texts(platform):
    guide = platform.html("zwgk/jyj/zn/").body.text()
    assert "测试县教育局办公室" in guide and "0571-80000201" in guide
    assert "不收取费用" in guide  # its own text, laid over the platform's
    assert "20个工作日内答复" in guide  # the platform's
    assert "测试县教育局办公室" not in platform.html("zwgk/sfj/zn/").body.text()


def test_search_records_carry_the_organ_as_a_filter(platform):
    records = search_records(platform.site)
    organs = sorted(r["filters"]["公开单位"][0] for r in records)
    assert organs == sorted([name for name, _ in PLATFORM_ORGANS.values()] + ["测试县教育局"] * 2)
    search = platform.html("search/")
    filters = json.loads(search.css_first("[data-filters]").attributes["data-filters"])
    assert filters[0] == "公开单位"


def test_the_navigation_holds_the_portal_and_the_organs_not_their_trees(platform):
    page = platform.html("zwgk/csz/tzgg/")
    nav = texts(page, "nav.md-nav--primary a")
    assert "测试县城关镇人民政府" in nav and "政府信息公开目录" in nav
    assert "招生考试" not in nav  # a column of another organ


def test_an_incomplete_town_is_counted_on_its_own(tmp_path):
    documents = platform_documents()
    del documents["hlz/wj/2026/00006.md"]
    project = make_platform(tmp_path, documents)
    report = check_project(load_project(project.root / "mkdocs.yml"), AS_OF)
    blank = [f for f in report.findings if f.code == "GK201"]
    assert [f.field for f in blank] == ["公开单位 hlz 栏目 tzgg"]
    assert "通知公告" in blank[0].found


@pytest.mark.parametrize(
    ("placed", "found"),
    [
        ("zwgk/xyz/wj/2026/00001.md", "content/zwgk/xyz: 「xyz」不是 catalog.yaml 中任何公开单位的代码"),
        ("wj/2026/00001.md", "content/wj: 平台站点的文件不放在这个文件夹中"),
    ],
)
def test_a_document_outside_every_organs_folder_is_an_error(tmp_path, caplog, placed, found):
    project = make_platform(tmp_path, platform_documents())
    project.write(f"content/{placed}", organ_document("xzf", 9))
    errors = "\n".join(project.build_errors(caplog))
    assert found in errors
    assert "content/zwgk/<公开单位代码>/" in errors


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        ("    删除栏目: [ghjh]", "    删除栏目: [nosuch]", "删除栏目: 栏目代码 'nosuch' 不在本单位的栏目中"),
        ("      - 上级栏目: fdzdgknr", "      - 上级栏目: nosuch", "上级栏目: 栏目代码 'nosuch' 不在本单位的栏目中"),
        (
            "    机构代码: 11330000TEST00003X",
            "    机构代码: 11330000TEST00002X",
            "机构代码: 机构代码 '11330000TEST00002X' 重复",
        ),
        ("  - 代码: sfj", "  - 代码: jyj", "代码: 公开单位代码 'jyj' 重复"),
        ("  - 代码: sfj", "  - 代码: gkml", "代码: 'gkml'（平台的公开目录已使用）"),
        (
            "    类型: 政府部门\n    名称: 测试县司法局",
            "    类型: 其他\n    名称: 测试县司法局",
            "类型「其他」没有栏目模板",
        ),
    ],
)
def test_a_wrong_organ_entry_names_its_line_and_field(tmp_path, caplog, old, new, found):
    project = make_platform(tmp_path, platform_documents())
    catalog = project.root / "catalog.yaml"
    text = catalog.read_text("utf-8")
    assert text.count(old) == 1
    catalog.write_text(text.replace(old, new), "utf-8")
    errors = "\n".join(project.build_errors(caplog))
    assert "catalog.yaml:" in errors and found in errors, errors


def test_a_town_without_its_page_is_an_error_naming_the_file(tmp_path, caplog):
    project = make_platform(tmp_path, platform_documents())
    (project.content / "zwgk/hlz/pages/jgzn.md").unlink()
    errors = "\n".join(project.build_errors(caplog))
    assert "文件 content/zwgk/hlz/pages/jgzn.md 不存在" in errors


def test_new_writes_for_the_organ_it_is_told_with_its_code_and_folder(tmp_path, capsys):
    project = make_platform(tmp_path, platform_documents())
    config = str(project.root / "mkdocs.yml")
    assert main(["-f", config, "new", "zsks", "--organ", "jyj", "--date", "2026-05-06"]) == 0
    assert "已新建 content/zwgk/jyj/wj/2026/00008.md（索引号 11330000TEST00002X/2026-00008）" in capsys.readouterr().out
    text = (project.content / "zwgk/jyj/wj/2026/00008.md").read_text("utf-8")
    assert "发文机关: 测试县教育局" in text
    # Without --organ, or with one the catalog does not have, it names the organs to choose from.
    assert main(["-f", config, "new", "zsks"]) == 1
    assert (
        "平台站点要写明为哪个公开单位；应为：以下公开单位代码之一：xzf（测试县人民政府）、jyj（测试县教育局）"
        in capsys.readouterr().err
    )
    assert main(["-f", config, "new", "zsks", "--organ", "sfj"]) == 1  # not a column of the 司法局
    assert "'zsks' 不存在" in capsys.readouterr().err


def test_review_names_the_organ_of_each_change(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("GONGKAI_AS_OF", "2026-11-23")
    project = make_platform(tmp_path, platform_documents())

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(project.root), *args], capture_output=True, check=True)

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("-c", "user.name=编辑", "-c", "user.email=editor@example.gov.cn", "commit", "-q", "-m", "第一版")
    project.write("content/zwgk/sfj/wj/2026/00008.md", organ_document("sfj", 8, 2026, 栏目=["gfxwj"]))
    project.write(
        "content/zwgk/csz/wj/2026/00005.md",
        organ_document("csz", 5, 2026, 栏目=["tzgg"], 标题="城关镇关于秋季防火的通告（修订）",
                       发布日期="2026-10-20", 成文日期="2026-10-19"),
    )  # fmt: skip
    assert main(["-f", str(project.root / "mkdocs.yml"), "review", "--base", "main"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("## 政府信息公开：本次改动（与 main（")
    organs = [line for line in out.splitlines() if line.startswith("### ")]
    assert organs == ["### 测试县司法局（sfj）", "### 测试县城关镇人民政府（csz）"]  # the others did not change
    sfj = out.split("### 测试县司法局（sfj）")[1].split("### 测试县城关镇")[0]
    assert "#### 新增文件" in sfj and "测试县司法局关于第8号事项的通知" in sfj
    csz = out.split("### 测试县城关镇人民政府（csz）")[1]
    assert "#### 修改的文件" in csz and "标题、正文" not in csz and "：标题" in csz


def test_import_writes_into_the_organs_folder_with_its_code(tmp_path, capsys):
    project = make_platform(tmp_path, platform_documents())
    export = tmp_path / "export"
    (export / "bodies").mkdir(parents=True)
    (export / "bodies" / "a1.md").write_text("第一条 为了规范收费，制定本规定。\n", "utf-8")
    row = {"uid": "a1", "name": "测试县司法局关于公证收费的通知", "signed": "2026-05-04", "issued": "2026-05-08"}
    (export / "rows.jsonl").write_text(json.dumps({**row, "file": "bodies/a1.md"}, ensure_ascii=False) + "\n", "utf-8")
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(
        "名称: 旧系统\n标识字段: uid\n正文字段: file\n字段: {标题: name, 成文日期: signed, 发布日期: issued}\n"
        "固定: {公开属性: 主动公开, 主题分类: 综合政务\\政务公开, 栏目: gfxwj, 文种: 通知, 发文机关: 测试县司法局}\n"
        "内容概述取正文: true\n",
        "utf-8",
    )
    config = str(project.root / "mkdocs.yml")
    assert main(["-f", config, "import", str(export / "rows.jsonl"), "-m", str(mapping), "--organ", "sfj"]) == 0
    written = sorted((project.content / "zwgk/sfj/wj/2026").glob("*.md"))
    texts_written = [p.read_text("utf-8") for p in written]
    assert any("索引号: 11330000TEST00003X/2026-" in t and "公证收费" in t for t in texts_written), capsys.readouterr()
    project.build()  # the organ's new document builds into its column
    assert "测试县司法局关于公证收费的通知" in project.html("zwgk/sfj/fdzdgknr/gfxwj/").body.text()
