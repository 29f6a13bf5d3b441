"""Real builds of a small project, asserting on the produced HTML."""

import json

from helpers import document, make_project, texts


def test_columns_documents_and_navigation(tmp_path):
    docs = {f"2024/{n:05d}.md": document(n) for n in range(1, 5)}
    docs["2024/00005.md"] = document(5, 栏目=["czxx"], 附件=["00005-fj1.csv"], 关键词=["预算", "决算"])
    project = make_project(tmp_path, docs)
    project.add_document("2024/00005-fj1.csv", "\ufeff项目,金额\n一般公共预算,100\n")
    project.build()

    landing = project.html("zwgk/")
    assert texts(landing, ".gk-card strong") == ["政府信息公开指南", "法定主动公开内容"]
    assert "本专栏共公开政府信息 5 条" in landing.body.text()

    column = project.html("zwgk/fdzdgknr/gfxwj/")
    assert texts(column, "h1") == ["行政规范性文件"]
    assert texts(column, ".gk-breadcrumbs li") == ["首页", "政府信息公开", "法定主动公开内容", "行政规范性文件"]
    rows = column.css("table.gk-list tbody tr")
    assert len(rows) == 3  # 每页条数: 3
    first = [td.text(strip=True) for td in rows[0].css("td")]
    assert first == ["测试县人民政府关于第4号事项的通知", "测政发〔2024〕4号", "2024-03-05"]
    assert texts(column, ".gk-pager li") == ["1", "2", "下一页"]
    assert len(project.html("zwgk/fdzdgknr/gfxwj/2/").css("table.gk-list tbody tr")) == 1

    # The nav holds columns only: no document title appears in it.
    nav_links = texts(column, "nav.md-nav--primary a")
    assert "行政规范性文件" in nav_links
    assert not any("事项的通知" in link for link in nav_links)

    page = project.html("wj/2024/00005/")
    meta = {th.text(strip=True): th.next.text(strip=True) for th in page.css("table.gk-meta th")}
    assert meta["索引号"] == "11330000TEST00001X/2024-00005"
    assert meta["发布日期"] == "2024-03-06"
    assert meta["成文日期"] == "2024-03-01"
    assert meta["内容概述"] == "关于第5号事项的通知。"
    assert meta["主题分类"] == "综合政务\\政务公开"
    assert meta["所属栏目"] == "财政预决算"
    assert meta["关键词"] == "预算；决算"
    (attachment,) = page.css(".gk-attachments a")
    assert attachment.attributes["href"] == "../00005-fj1.csv"
    assert (project.site / "wj/2024/00005-fj1.csv").is_file()
    assert "CSV 表格" in page.css_first(".gk-attachments").text()
    assert page.css_first('meta[name="PubDate"]').attributes["content"] == "2024-03-06 00:00"


def test_empty_column_says_so(project):
    project.add_document("2024/00001.md", document(1))
    project.build()
    czxx = project.html("zwgk/fdzdgknr/czxx/")
    assert czxx.css_first(".gk-empty").text(strip=True) == "本栏目暂无信息。"
    landing = project.html("zwgk/")
    tree = {a.text(strip=True): a.parent.text(strip=True) for a in landing.css(".gk-tree a")}
    assert tree["财政预决算"].endswith("暂无信息")


def test_single_page_and_guide(project):
    project.build()
    single = project.html("zwgk/fdzdgknr/jgzn/")
    assert texts(single, ".gk-body h2") == ["主要职能"]
    assert not (project.site / "pages").exists()  # the source renders only at its column's URL
    guide = project.html("zwgk/zn/")
    body = guide.body.text()
    for element in (
        "测试县人民政府办公室",
        "测试县人民路1号205室",
        "0571-80000086",
        "0571-80000087",
        "gk@test.example.gov.cn",
    ):
        assert element in body
    headings = texts(guide, "h2")
    assert headings[:5] == [
        "一、政府信息的分类与编排体系",
        "二、主动公开",
        "三、依申请公开",
        "四、政府信息公开工作机构",
        "五、监督和救济",
    ]


def test_directory_page_and_downloads(project):
    project.add_document("2024/00001.md", document(1))
    project.add_document("2024/00002.md", document(2, 公开属性="依申请公开", 标题="内部事项"))
    project.build()
    page = project.html("zwgk/gkml/")
    headers = texts(page, "table.gk-directory th")
    assert headers == ["索引号", "名称", "内容概述", "生成日期", "所属栏目"]
    assert len(page.css("table.gk-directory tbody tr")) == 1
    data = json.loads((project.site / "zwgk/gkml/gkml.json").read_text("utf-8"))
    assert data["条目数"] == 1
    assert data["条目"][0]["索引号"] == "11330000TEST00001X/2024-00001"
    assert data["条目"][0]["网址"] == "wj/2024/00001/"
    csv = (project.site / "zwgk/gkml/gkml.csv").read_text("utf-8-sig").splitlines()
    assert csv[0].startswith("索引号,名称,内容概述,生成日期")
    assert len(csv) == 2


def test_errors_stop_the_build_with_every_message(tmp_path, caplog):
    project = make_project(
        tmp_path,
        {"2024/00001.md": document(1, 成文日期="2024-02-30"), "2024/00002.md": document(2, 文种="便函")},
    )
    (message,) = project.build_errors(caplog)
    assert message.startswith("政府信息公开内容有 2 处错误，请修正后重新构建：")
    assert "content/wj/2024/00001.md:6: 成文日期: '2024-02-30' 不是有效日期" in message
    assert "content/wj/2024/00002.md:9: 文种: '便函' 不在可选值中" in message


def test_a_hand_written_page_where_a_column_page_goes_is_refused(project, caplog):
    project.write("content/zwgk/zn/index.md", "# 指南\n")
    (message,) = project.build_errors(caplog)
    assert message.startswith("content/zwgk/zn/index.md: 与生成的栏目页面「政府信息公开指南」路径冲突")


def test_the_navigation_rendered_once_per_folder_is_the_navigation_rendered_for_each_page(tmp_path, monkeypatch):
    """Pages outside the navigation share one rendering of it per folder (partials/nav.html): byte for byte
    what rendering it for each page gives."""
    from gongkai.mkdocs_plugins.disclosure.render_once import RenderOnce

    documents = {f"{year}/{n:05d}.md": document(n, year=year) for year in (2023, 2024) for n in range(1, 8)}
    (tmp_path / "shared").mkdir()
    (tmp_path / "each").mkdir()
    shared = make_project(tmp_path / "shared", documents)
    rendered: list = []
    once = RenderOnce.__call__
    monkeypatch.setattr(
        RenderOnce, "__call__", lambda self, key, caller: once(self, key, lambda: rendered.append(key) or caller())
    )
    shared.build()
    # Once for each folder of pages outside the navigation (wj/2023, wj/2024, later listing pages …).
    assert 2 <= len([key for key in rendered if key]) < 10
    monkeypatch.setattr(RenderOnce, "__call__", lambda self, key, caller: caller())
    each = make_project(tmp_path / "each", documents)
    each.build()
    pages = sorted(p.relative_to(shared.site) for p in shared.site.rglob("*.html"))
    assert len(pages) > 20 and any(str(p).startswith("wj/2023/") for p in pages)
    assert pages == sorted(p.relative_to(each.site) for p in each.site.rglob("*.html"))
    for page in pages:
        assert (shared.site / page).read_bytes() == (each.site / page).read_bytes(), page
