"""Government page metadata (SiteIDCode, ColumnName … PubDate) and the site's identifiers, in real builds."""

from __future__ import annotations

import pytest

from helpers import MKDOCS_YML, Project, document, make_project, texts

SITE_URL = "https://www.test.example.gov.cn/"
REQUIRED = [
    "SiteName",
    "SiteDomain",
    "SiteIDCode",
    "ColumnName",
    "ColumnDescription",
    "ColumnKeywords",
    "ColumnType",
    "ArticleTitle",
    "PubDate",
    "ContentSource",
]
OPTIONAL = ["Keywords", "Author", "Description", "Image", "Url"]
WEBSITE = "网站:\n  标识码: '3305210001'\n  ICP备案号: 浙ICP备00000000号\n  公安备案号: 浙公网安备 33000002000001号\n"
ROOT_DESCRIPTION = "测试县人民政府依法公开的政府信息。"
TIME_EXPECTED = "HH:MM 格式的 24 小时制时间，如 09:30"
SITE_ID_EXPECTED = (
    "政府网站标识码：10 位，地方网站为 6 位行政区划代码加 4 位顺序号（如 3305210001），"
    "国务院部门为 bm 加 8 位数字（如 bm01000001）"
)


def with_site_url(project: Project) -> Project:
    project.write("mkdocs.yml", MKDOCS_YML.replace("docs_dir: content\n", f"docs_dir: content\nsite_url: {SITE_URL}\n"))
    return project


def edit_catalog(project: Project, old: str, new: str) -> None:
    path = project.root / "catalog.yaml"
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), "utf-8")


def add_website(project: Project, section: str) -> None:
    """A 网站 section, before 专栏."""
    edit_catalog(project, "\n专栏:\n", f"\n{section}专栏:\n")


def set_root(project: Project, fields: str) -> None:
    """Fields of 专栏 itself, after its 路径."""
    edit_catalog(project, "  路径: zwgk\n", f"  路径: zwgk\n{fields}")


def catalog_line(project: Project, text: str) -> int:
    lines = (project.root / "catalog.yaml").read_text("utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if text in line)


def document_line(project: Project, relative: str, key: str) -> int:
    lines = (project.content / "wj" / relative).read_text("utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if line.startswith(f"{key}:"))


def government_meta(project: Project, url_path: str) -> list[tuple[str, str]]:
    """The page's government metadata as (name, content), in document order; names compared as written."""
    names = set(REQUIRED + OPTIONAL)
    return [
        (node.attributes["name"], node.attributes.get("content") or "")
        for node in project.html(url_path).css("head meta[name]")
        if node.attributes["name"] in names
    ]


def meta_value(project: Project, url_path: str, name: str) -> str:
    (value,) = [content for found, content in government_meta(project, url_path) if found == name]
    return value


def build_errors(project: Project, caplog) -> list[str]:
    """The lines of the one error message a failed build logs, after its heading."""
    (message,) = project.build_errors(caplog)
    return message.splitlines()[1:]


# -- every page type, one build ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Project:
    """A site with the 网站 section, a described 专栏 and three documents (two with a 发布时间)."""
    project = make_project(
        tmp_path_factory.mktemp("meta"),
        {
            # 发布日期 2024-03-02; quoted, as the documentation writes it.
            "2024/00001.md": document(1, 发布时间='"09:30"', 发文机关="测试县财政局", 关键词=["预算", "决算"]),
            # 发布日期 2024-03-03; unquoted, which YAML reads as the number 1145.
            "2024/00002.md": document(2, 发布时间="19:05", 栏目=["czxx", "gfxwj"]),
            # 发布日期 2024-03-04, the newest: without 发布时间.
            "2024/00003.md": document(3),
        },
    )
    with_site_url(project)
    add_website(project, WEBSITE)
    set_root(project, f"  说明: {ROOT_DESCRIPTION}\n")
    project.build()
    return project


def site_page(column: str, description: str, keywords: str, title: str, url: str, pub_date: str = "2024-03-04 00:00"):
    """The metadata of a page that is not a document's: the organ is its source, the column's words describe it."""
    return [
        ("SiteName", "测试县人民政府"),
        ("SiteDomain", "test.example.gov.cn"),
        ("SiteIDCode", "3305210001"),
        ("ColumnName", column),
        ("ColumnDescription", description),
        ("ColumnKeywords", keywords),
        ("ColumnType", "政府信息公开"),
        ("ArticleTitle", title),
        ("PubDate", pub_date),
        ("ContentSource", "测试县人民政府"),
        ("Description", description),
        ("Url", SITE_URL + url),
    ]


PAGES = {
    "index.html": site_page("政府信息公开", ROOT_DESCRIPTION, "政府信息公开", "首页", ""),
    "zwgk/": site_page("政府信息公开", ROOT_DESCRIPTION, "政府信息公开", "政府信息公开", "zwgk/"),
    # A column lists its documents: it is as new as the newest of them (00003).
    "zwgk/fdzdgknr/gfxwj/": site_page(
        "行政规范性文件",
        "规范性文件。",
        "政府信息公开,法定主动公开内容,行政规范性文件",
        "行政规范性文件",
        "zwgk/fdzdgknr/gfxwj/",
    ),
    # A single page is as new as its own 发布日期.
    "zwgk/fdzdgknr/jgzn/": site_page(
        "机构职能",
        "机构职能。",
        "政府信息公开,法定主动公开内容,机构职能",
        "机构职能",
        "zwgk/fdzdgknr/jgzn/",
        pub_date="2024-01-02 00:00",
    ),
    "zwgk/zn/": site_page(
        "政府信息公开指南", "指南。", "政府信息公开,政府信息公开指南", "政府信息公开指南", "zwgk/zn/"
    ),
    "zwgk/gkml/": site_page(
        "政府信息公开目录", "目录。", "政府信息公开,政府信息公开目录", "政府信息公开目录", "zwgk/gkml/"
    ),
    "search/": site_page("政府信息公开", ROOT_DESCRIPTION, "政府信息公开", "一网通查", "search/"),
    "wj/2024/00001/": [
        ("SiteName", "测试县人民政府"),
        ("SiteDomain", "test.example.gov.cn"),
        ("SiteIDCode", "3305210001"),
        ("ColumnName", "行政规范性文件"),
        ("ColumnDescription", "规范性文件。"),
        ("ColumnKeywords", "政府信息公开,法定主动公开内容,行政规范性文件"),
        ("ColumnType", "政府信息公开"),
        ("ArticleTitle", "测试县人民政府关于第1号事项的通知"),
        ("PubDate", "2024-03-02 09:30"),
        ("ContentSource", "测试县财政局"),
        ("Keywords", "预算,决算"),
        ("Author", "测试县财政局"),
        ("Description", "关于第1号事项的通知。"),
        ("Url", SITE_URL + "wj/2024/00001/"),
    ],
    # Filed in two columns: its first (财政预决算) names it.
    "wj/2024/00002/": [
        ("SiteName", "测试县人民政府"),
        ("SiteDomain", "test.example.gov.cn"),
        ("SiteIDCode", "3305210001"),
        ("ColumnName", "财政预决算"),
        ("ColumnDescription", "预算决算。"),
        ("ColumnKeywords", "政府信息公开,法定主动公开内容,财政预决算"),
        ("ColumnType", "政府信息公开"),
        ("ArticleTitle", "测试县人民政府关于第2号事项的通知"),
        ("PubDate", "2024-03-03 19:05"),
        ("ContentSource", "测试县人民政府"),
        ("Author", "测试县人民政府"),
        ("Description", "关于第2号事项的通知。"),
        ("Url", SITE_URL + "wj/2024/00002/"),
    ],
}


@pytest.mark.parametrize("url_path", list(PAGES))
def test_each_page_type_carries_the_metadata_once_in_order_with_its_values(site, url_path):
    assert government_meta(site, url_path) == PAGES[url_path]


@pytest.mark.parametrize(
    "url_path",
    [
        *PAGES,
        "404.html",
    ],
)
def test_every_page_has_each_required_tag_exactly_once_in_order(site, url_path):
    names = [name for name, _ in government_meta(site, url_path)]
    assert [name for name in names if name in REQUIRED] == REQUIRED
    assert all(value for name, value in government_meta(site, url_path) if name in REQUIRED)


def test_the_publication_time_quoted_or_not_is_the_pubdate(site):
    assert meta_value(site, "wj/2024/00001/", "PubDate") == "2024-03-02 09:30"  # "09:30"
    assert meta_value(site, "wj/2024/00002/", "PubDate") == "2024-03-03 19:05"  # 19:05, read by YAML as 1145
    assert meta_value(site, "wj/2024/00003/", "PubDate") == "2024-03-04 00:00"  # none given


def test_the_footer_shows_the_site_id_and_both_filing_numbers(site):
    for url_path in ("index.html", "zwgk/", "wj/2024/00001/", "404.html"):
        footer = site.html(url_path).css_first(".md-copyright")
        assert texts(footer, "li") == ["网站标识码：3305210001", "浙ICP备00000000号", "浙公网安备 33000002000001号"]
        (link,) = footer.css("a")
        assert link.attributes["href"] == "https://beian.miit.gov.cn/"
        assert link.text(strip=True) == "浙ICP备00000000号"


# -- 栏目类型 ----------------------------------------------------------------------------------------------


def test_column_type_is_inherited_from_the_nearest_column_that_gives_it(tmp_path):
    project = make_project(
        tmp_path, {"2024/00001.md": document(1), "2024/00002.md": document(2, 栏目=["czxx", "gfxwj"])}
    )
    with_site_url(project)
    edit_catalog(
        project, "      说明: 法定主动公开内容。\n", "      说明: 法定主动公开内容。\n      栏目类型: 法定主动公开\n"
    )
    edit_catalog(project, "          说明: 预算决算。\n", "          说明: 预算决算。\n          栏目类型: 财政信息\n")
    project.build()

    column_type = {url: meta_value(project, url, "ColumnType") for url in (
        "zwgk/fdzdgknr/", "zwgk/fdzdgknr/gfxwj/", "wj/2024/00001/", "zwgk/fdzdgknr/czxx/", "wj/2024/00002/",
        "zwgk/zn/", "zwgk/", "index.html",
    )}  # fmt: skip
    assert column_type == {
        "zwgk/fdzdgknr/": "法定主动公开",  # where it is given
        "zwgk/fdzdgknr/gfxwj/": "法定主动公开",  # a child that gives none
        "wj/2024/00001/": "法定主动公开",  # and that child's document
        "zwgk/fdzdgknr/czxx/": "财政信息",  # a child that gives its own
        "wj/2024/00002/": "财政信息",  # a document whose first column is that child
        "zwgk/zn/": "政府信息公开",  # a column outside: the default
        "zwgk/": "政府信息公开",
        "index.html": "政府信息公开",
    }


def test_the_root_column_type_changes_the_default(tmp_path):
    project = make_project(tmp_path, {"2024/00001.md": document(1)})
    with_site_url(project)
    set_root(project, "  栏目类型: 政务公开\n")
    edit_catalog(project, "          说明: 预算决算。\n", "          说明: 预算决算。\n          栏目类型: 财政信息\n")
    project.build()
    assert meta_value(project, "index.html", "ColumnType") == "政务公开"
    assert meta_value(project, "zwgk/", "ColumnType") == "政务公开"
    assert meta_value(project, "zwgk/zn/", "ColumnType") == "政务公开"
    assert meta_value(project, "wj/2024/00001/", "ColumnType") == "政务公开"
    assert meta_value(project, "zwgk/fdzdgknr/czxx/", "ColumnType") == "财政信息"


# -- 发布时间 errors ---------------------------------------------------------------------------------------


def test_an_impossible_or_malformed_time_is_an_error_naming_file_line_and_field(tmp_path, caplog):
    project = make_project(
        tmp_path,
        {
            "2024/00001.md": document(1, 发布时间='"25:00"'),
            "2024/00002.md": document(2, 发布时间="9点"),
            "2024/00003.md": document(3, 发布时间='"9:3"'),  # MM: two digits
        },
    )
    line = document_line(project, "2024/00001.md", "发布时间")
    assert line == 13
    assert build_errors(project, caplog) == [
        f"  content/wj/2024/00001.md:13: 发布时间: '25:00' 不是有效时间；应为：{TIME_EXPECTED}",
        f"  content/wj/2024/00002.md:13: 发布时间: '9点' 不是有效时间；应为：{TIME_EXPECTED}",
        f"  content/wj/2024/00003.md:13: 发布时间: '9:3' 不是有效时间；应为：{TIME_EXPECTED}",
    ]


def test_an_unquoted_impossible_time_is_quoted_as_written(tmp_path, caplog):
    project = make_project(tmp_path, {"2024/00001.md": document(1, 发布时间="25:00")})
    assert build_errors(project, caplog) == [
        f"  content/wj/2024/00001.md:13: 发布时间: '25:00' 不是有效时间；应为：{TIME_EXPECTED}"
    ]


def test_a_plain_number_is_not_a_time(tmp_path, caplog):
    project = make_project(tmp_path, {"2024/00001.md": document(1, 发布时间="930")})
    assert build_errors(project, caplog) == [
        f"  content/wj/2024/00001.md:13: 发布时间: '930' 不是有效时间；应为：{TIME_EXPECTED}"
    ]


# -- 网站: 标识码, 域名 and the footer ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "site_id",
    [
        "12345",  # too short
        "33052100011",  # too long
        "BM01000001",  # bm is written in lower case
        "bm0100000",  # bm and 7 digits
        "'0305210001'",  # no 行政区划代码 starts with 0 (quoted: YAML reads 0305210001 as an octal number)
    ],
)
def test_a_malformed_site_id_is_an_error_naming_catalog_line_and_field(tmp_path, caplog, site_id):
    project = make_project(tmp_path)
    add_website(project, f"网站:\n  标识码: {site_id}\n")
    line, found = catalog_line(project, "  标识码:"), site_id.strip("'")
    assert build_errors(project, caplog) == [
        f"  catalog.yaml:{line}: 网站.标识码: '{found}' 不是有效的政府网站标识码；应为：{SITE_ID_EXPECTED}"
    ]


def test_the_site_id_error_written_out(tmp_path, caplog):
    project = make_project(tmp_path)
    add_website(project, "网站:\n  标识码: 12345\n")
    assert build_errors(project, caplog) == [
        "  catalog.yaml:28: 网站.标识码: '12345' 不是有效的政府网站标识码；应为：政府网站标识码：10 位，"
        "地方网站为 6 位行政区划代码加 4 位顺序号（如 3305210001），国务院部门为 bm 加 8 位数字（如 bm01000001）"
    ]


@pytest.mark.parametrize("site_id", ["3305210001", "'3305210001'", "bm01000001"])
def test_a_valid_site_id_is_the_site_id_code_and_in_the_footer(tmp_path, site_id):
    project = make_project(tmp_path)
    add_website(project, f"网站:\n  标识码: {site_id}\n")
    project.build()
    expected = site_id.strip("'")
    assert meta_value(project, "index.html", "SiteIDCode") == expected
    footer = project.html("index.html").css_first(".md-copyright")
    assert texts(footer, "li") == [f"网站标识码：{expected}"]  # no filing numbers given, none shown
    assert footer.css("a") == []


def test_the_domain_defaults_to_the_host_of_the_organs_website(project):
    project.build()
    assert meta_value(project, "index.html", "SiteDomain") == "test.example.gov.cn"


def test_a_given_domain_is_used_lower_cased(project):
    add_website(project, "网站:\n  域名: WWW.Test.gov.cn\n")
    project.build()
    assert meta_value(project, "zwgk/", "SiteDomain") == "www.test.gov.cn"


@pytest.mark.parametrize("domain", ["https://www.test.gov.cn/", "www.test.gov.cn/zwgk", "测试.政府"])
def test_an_invalid_domain_is_an_error(tmp_path, caplog, domain):
    project = make_project(tmp_path)
    add_website(project, f"网站:\n  域名: {domain}\n")
    line = catalog_line(project, "  域名:")
    assert build_errors(project, caplog) == [
        f"  catalog.yaml:{line}: 网站.域名: '{domain}' 不是域名；应为：网站的域名，不带 https:// 和路径，如 www.example.gov.cn"
    ]


def test_without_the_section_the_footer_shows_no_identifiers(project):
    project.build()
    for url_path in ("index.html", "zwgk/", "404.html"):
        footer = project.html(url_path).css_first(".md-copyright")
        assert footer.css(".gk-site-ids, li, a") == []
        assert "网站标识码" not in footer.text()
        assert "ICP" not in footer.text()
