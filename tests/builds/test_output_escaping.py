"""Every value from content, catalog.yaml and mkdocs.yml is written escaped exactly once.

A hostile site carries PAYLOAD (a script, an image with a handler, both quotes, an ampersand, a closing
</title> and a literal "&amp;") after the label of every free-text field: a document's fields, a 解读,
an attachment's name, the organ, the guide's texts and contacts, the columns, a 清理 record, the site's
name, a page's headings. A clean build of the same site (each field its label only) says which scripts
the pages have by design. Read with a parser, the hostile site runs nothing of its content and shows
every value exactly as written; the downloads, feeds and sitemap read back the same.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from helpers import FIXTURES, MKDOCS_YML, ORGAN_CODE, Project, document, make_project, texts

PAYLOAD = (
    "<script>alert(1)</script>甲\"乙 A & B 丙'丁<img src=x onerror=alert(2)></title><script>alert(3)</script>&amp;字面"
)
# What PAYLOAD asks for literally, escaped once in HTML and XML: the only "&amp;amp;" an output may hold.
LITERAL_ONCE = "&amp;amp;字面"
# An & in site_url: every absolute address (canonical link, Url, feeds, sitemap) carries one.
SITE = "https://test.example.gov.cn/a&b/"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

# The labels of the fields; the hostile site writes each followed by PAYLOAD.
SITE_NAME = "测试县人民政府门户网站"
ORGAN = "测试县人民政府"
WEBSITE = "https://test.example.gov.cn/?来源="
OFFICE = {
    "名称": "测试县人民政府办公室",
    "地址": "测试县人民路1号205室",
    "办公时间": "工作日 8:30—17:30",
    "电话": "0571-80000086",
    "传真": "0571-80000087",
    "电子邮箱": "gk@test.example.gov.cn",
}
GUIDE = {
    "编制说明": "本指南依据条例编制。",
    "公开范围": "条例第二十条规定的信息。",
    "公开方式": "本网站。",
    "公开时限": "20个工作日内。",
    "受理机构": "测试县人民政府办公室受理",
    "申请方式": "当面、邮寄、网上申请。",
    "处理程序": "20个工作日内答复。",
    "收费": "不收取费用。",
    "监督和救济": "可以投诉、举报，申请行政复议或者提起行政诉讼。",
}
ROOT = "政府信息公开"
ROOT_DESCRIPTION = "本机关主动公开的政府信息。"
ZN, FDZDGKNR, JGZN, GFXWJ, WJK, GKML = (
    "政府信息公开指南", "法定主动公开内容", "机构职能", "行政规范性文件", "规范性文件库", "政府信息公开目录",
)  # fmt: skip
GFXWJ_BASIS, GFXWJ_DESCRIPTION, GFXWJ_UNIT = "第二十条第（一）项", "规范性文件。", "司法局"
ICP, POLICE = "浙ICP备00000000号", "浙公网安备00000000000000号"
TITLE = "测试县人民政府关于第1号事项的通知"
ISSUER = "测试县司法局"
SUMMARY = "关于第1号事项的通知。"
KEYWORDS = ["规范性文件", "备案审查"]
ATTACHMENT = "实施细则"
READING = "《第1号事项的通知》政策解读"
CLEANUP, CLEANUP_BASIS, CLEANUP_NOTE, CLEANUP_REASON = "2024年文件清理", "省政府规定", "文件清理。", "仍然适用"
HEADING, PARAGRAPH = "主要职能", "负责全县行政工作。"
ABOUT = "关于本站"

DOCUMENT_URL = "wj/2024/00001/"
READING_URL = "wj/2024/00002/"
HTML_PAGES = 17


def hostile(label: str) -> str:
    return label + PAYLOAD


def plain(label: str) -> str:
    return label


def quoted(text: str) -> str:
    """`text` as a YAML scalar (a JSON string is a double-quoted YAML one)."""
    return json.dumps(text, ensure_ascii=False)


def markdown_text(text: str) -> str:
    """Markdown that reads as `text`."""
    return html.escape(text, quote=False)


def catalog_yaml(value: Callable[[str], str]) -> str:
    catalog = yaml.safe_load((FIXTURES / "catalog.yaml").read_text("utf-8"))
    organ = catalog["机关"]
    organ["名称"] = value(ORGAN)
    organ["网站"] = value(WEBSITE)
    organ["信息公开工作机构"].update({key: value(text) for key, text in OFFICE.items()})
    guide = catalog["公开指南"]
    guide["编制说明"] = value(GUIDE["编制说明"])
    guide["主动公开"] = {key: value(GUIDE[key]) for key in ("公开范围", "公开方式", "公开时限")}
    guide["依申请公开"] = {key: value(GUIDE[key]) for key in ("受理机构", "申请方式", "处理程序", "收费")}
    guide["监督和救济"] = value(GUIDE["监督和救济"])
    catalog["网站"] = {"ICP备案号": value(ICP), "公安备案号": value(POLICE)}
    root = catalog["专栏"]
    root["名称"], root["说明"] = value(ROOT), value(ROOT_DESCRIPTION)
    columns = {}
    for column in root["栏目"]:
        columns[column["代码"]] = column
        columns.update((child["代码"], child) for child in column.get("子栏目", []))
    for code, name in {"zn": ZN, "fdzdgknr": FDZDGKNR, "jgzn": JGZN, "gfxwj": GFXWJ, "wjk": WJK, "gkml": GKML}.items():
        assert columns[code]["名称"] == name
        columns[code]["名称"] = value(name)
    gfxwj = columns["gfxwj"]
    gfxwj["依据"], gfxwj["说明"], gfxwj["责任单位"] = value(GFXWJ_BASIS), value(GFXWJ_DESCRIPTION), value(GFXWJ_UNIT)
    return yaml.safe_dump(catalog, allow_unicode=True, sort_keys=False)


def write_site(project: Project, value: Callable[[str], str]) -> Project:
    """The test site with `value(label)` in every free-text field."""
    # Material's partials that show page titles: tabs, path and the footer's previous/next links.
    features = "  features: [navigation.tabs, navigation.indexes, navigation.path, navigation.footer]\n"
    config = MKDOCS_YML.replace("site_name: 测试县人民政府\n", f"site_name: {quoted(value(SITE_NAME))}\n")
    config = config.replace("  font: false\n", "  font: false\n" + features)
    # mkdocs.yml's copyright is HTML by Material's design: written as it is.
    copyright = "copyright: '主办：<a href=\"https://test.example.gov.cn/\">测试县 &amp; 办公室</a>'\n"
    project.write("mkdocs.yml", f"site_url: {SITE}\n{copyright}{config}")
    project.write("catalog.yaml", catalog_yaml(value))
    attachment = "{文件: 00001-fj1.csv, 名称: " + quoted(value(ATTACHMENT)) + "}"
    policy = document(
        1, 标题=quoted(value(TITLE)), 发文机关=quoted(value(ISSUER)), 内容概述=quoted(value(SUMMARY)),
        栏目=["gfxwj", "wjk"], 关键词=[quoted(value(k)) for k in KEYWORDS], 附件=[attachment],
    )  # fmt: skip
    project.add_document("2024/00001.md", policy)
    project.add_document("2024/00001-fj1.csv", "\ufeff项目,金额\n预算,100\n")
    reading = document(2, 标题=quoted(value(READING)), 栏目=["czxx"], 发文字号=None, 解读对象=["测政发〔2024〕1号"])
    project.add_document("2024/00002.md", reading)
    record = (
        f"标题: {quoted(value(CLEANUP))}\n清理日期: 2024-11-01\n发布日期: 2024-11-05\n"
        f"依据: {quoted(value(CLEANUP_BASIS))}\n说明: {quoted(value(CLEANUP_NOTE))}\n"
        f"决定:\n  - 文件: 测政发〔2024〕1号\n    结论: 继续有效\n    理由: {quoted(value(CLEANUP_REASON))}\n"
    )
    project.write("content/qingli/2024.yaml", record)
    single = f"## {markdown_text(value(HEADING))}\n\n{markdown_text(value(PARAGRAPH))}\n"
    project.write("content/pages/jgzn.md", f"---\n发布日期: 2024-01-02\n---\n\n{single}")
    # A page outside the column, titled by its first heading.
    project.write("content/about.md", f"# {markdown_text(value(ABOUT))}\n\n本站简介。\n")
    return project


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, Project]:
    """The hostile site and the clean one, built."""
    built = []
    for name, value in (("hostile", hostile), ("clean", plain)):
        project = write_site(make_project(tmp_path_factory.mktemp(name)), value)
        project.build()
        built.append(project)
    return built[0], built[1]


@pytest.fixture(scope="module")
def site(sites: tuple[Project, Project]) -> Project:
    return sites[0]


def html_pages(site_dir: Path) -> list[str]:
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))


def whole_payloads_removed(value: str) -> str:
    """`value` without each whole PAYLOAD it holds: what is left of a broken one."""
    return value.replace(PAYLOAD, "")


def scripts(tree: HTMLParser) -> Counter[str]:
    """The scripts of a page: the address of each external one, the text of each inline one."""
    return Counter(node.attributes.get("src") or node.text() for node in tree.css("script"))


def text(tree: HTMLParser, selector: str) -> str:
    (node,) = tree.css(selector)
    return node.text(strip=True)


def metadata(tree: HTMLParser) -> dict[str, str]:
    """A table of label and value pairs (a document's metadata, the guide's contacts): label → value."""
    cells = {}
    for th in tree.css("table.gk-meta th"):
        assert th.next is not None and th.next.tag == "td"
        cells[th.text(strip=True)] = th.next.text(strip=True)
    return cells


def meta_tags(tree: HTMLParser) -> dict[str, str | None]:
    return {node.attributes["name"] or "": node.attributes["content"] for node in tree.css("meta[name]")}


# -- nothing runs ------------------------------------------------------------------------------------------


def test_no_page_has_a_script_or_handler_from_content(sites):
    hostile_site, clean_site = (project.site for project in sites)
    pages = html_pages(hostile_site)
    assert pages == html_pages(clean_site)
    assert len(pages) == HTML_PAGES
    for page in pages:
        tree = HTMLParser((hostile_site / page).read_text("utf-8"))
        assert scripts(tree) == scripts(HTMLParser((clean_site / page).read_text("utf-8"))), page
        elements = list(tree.root.traverse())
        assert [(n.tag, name) for n in elements for name in n.attributes if name.lower().startswith("on")] == [], page
        assert [n.tag for n in tree.css("img") if n.attributes.get("src") == "x"] == [], page
        for node in elements:
            for name, value in node.attributes.items():
                assert "alert(" not in name, (page, node.tag, name)
                # A value holding part of the payload holds all of it: no quote ended the attribute early.
                assert "alert(" not in whole_payloads_removed(value or ""), (page, node.tag, name, value)
        for node in tree.root.traverse(include_text=True):
            if node.tag == "-text" and "alert(" in (node.text_content or ""):
                assert node.parent is not None and node.parent.tag not in ("script", "style"), page
                assert "alert(" not in whole_payloads_removed(node.text_content or ""), (page, node.text_content)


# -- each value exactly once ---------------------------------------------------------------------------------


def test_a_document_page_shows_each_value_as_written(site):
    page = site.html(DOCUMENT_URL)
    title = hostile(TITLE)
    assert page.css_first("title").text() == f"{title} - {hostile(SITE_NAME)}"
    assert texts(page, ".md-header__topic .md-ellipsis") == [hostile(SITE_NAME), title]
    assert texts(page, ".gk-breadcrumbs li") == ["首页", hostile(ROOT), hostile(FDZDGKNR), hostile(GFXWJ), title]
    assert text(page, "h1#gk-main") == title
    meta = metadata(page)
    assert meta["标题"] == title
    assert meta["发文机关"] == hostile(ISSUER)
    assert meta["内容概述"] == hostile(SUMMARY)
    assert meta["关键词"] == "；".join(hostile(k) for k in KEYWORDS)
    assert meta["所属栏目"] == f"{hostile(GFXWJ)}、{hostile(WJK)}"
    assert texts(page, ".gk-attachments a") == [hostile(ATTACHMENT)]
    assert page.css_first(".gk-attachments a").attributes["href"] == "../00001-fj1.csv"
    (reading,) = page.css("nav.gk-interpretation a")
    assert (reading.text(strip=True), reading.attributes["href"]) == (hostile(READING), "../00002/")
    (interpreted,) = site.html(READING_URL).css("nav.gk-interpretation a")
    assert (interpreted.text(strip=True), interpreted.attributes["href"]) == (title, "../00001/")

    tags = meta_tags(page)
    expected = {
        "SiteName": hostile(SITE_NAME),
        "SiteDomain": "test.example.gov.cn",
        "ColumnName": hostile(GFXWJ),
        "ColumnDescription": hostile(GFXWJ_DESCRIPTION),
        "ColumnKeywords": ",".join(hostile(name) for name in (ROOT, FDZDGKNR, GFXWJ)),
        "ColumnType": "政府信息公开",
        "ArticleTitle": title,
        "PubDate": "2024-03-02 00:00",
        "ContentSource": hostile(ISSUER),
        "Keywords": ",".join(hostile(k) for k in KEYWORDS),
        "Author": hostile(ISSUER),
        "Description": hostile(SUMMARY),
        "Url": f"{SITE}{DOCUMENT_URL}",
    }
    assert {name: tags.get(name) for name in expected} == expected
    assert page.css_first('link[rel="canonical"]').attributes["href"] == f"{SITE}{DOCUMENT_URL}"
    feeds = [(n.attributes["title"], n.attributes["href"]) for n in page.css('link[type="application/atom+xml"]')]
    whole = f"{hostile(ORGAN)} · {hostile(ROOT)}"
    assert feeds == [
        (whole, "../../../zwgk/atom.xml"),
        (f"{whole} · {hostile(GFXWJ)}", "../../../zwgk/fdzdgknr/gfxwj/atom.xml"),
    ]
    qr = page.css_first("svg.gk-qr__code").attributes["aria-label"]
    assert qr == f"本页网址的二维码：{SITE}{DOCUMENT_URL}"


def test_lists_show_each_title_as_written(site):
    title = hostile(TITLE)
    column = site.html("zwgk/fdzdgknr/gfxwj/")
    assert text(column, "h1#gk-main") == hostile(GFXWJ)
    (row,) = column.css("table.gk-list tbody tr")
    assert [td.text(strip=True) for td in row.css("td")] == [f"{title}有效", "测政发〔2024〕1号", "2024-03-02"]
    assert texts(row, "td a") == [title]
    assert text(column, ".gk-column-info p") == hostile(GFXWJ_DESCRIPTION)
    assert texts(column, ".gk-column-info dd") == [hostile(GFXWJ_BASIS), "实时", hostile(GFXWJ_UNIT)]

    directory = site.html("zwgk/gkml/")
    rows = [[td.text(strip=True) for td in tr.css("td")] for tr in directory.css("table.gk-directory tbody tr")]
    assert rows == [
        [f"{ORGAN_CODE}/2024-00002", hostile(READING), "关于第2号事项的通知。", "2024-03-01", "财政预决算"],
        [f"{ORGAN_CODE}/2024-00001", title, hostile(SUMMARY), "2024-03-01", f"{hostile(GFXWJ)}、{hostile(WJK)}"],
    ]

    library = site.html("zwgk/fdzdgknr/wjk/")
    assert texts(library, "#gk-library-table tbody td a") == [title]
    assert texts(library, 'select[name="issuer"] option') == ["全部", hostile(ISSUER)]
    assert library.css('select[name="issuer"] option')[1].attributes.get("value") is None  # its text is its value

    landing = site.html("zwgk/")
    assert text(landing, "h1#gk-main") == hostile(ROOT)
    assert texts(landing, ".gk-card strong") == [hostile(ZN), hostile(FDZDGKNR)]
    assert texts(landing, ".gk-tree a") == [
        hostile(ZN), hostile(FDZDGKNR), hostile(JGZN), hostile(GFXWJ), "财政预决算", hostile(WJK), "清理结果",
        hostile(GKML),
    ]  # fmt: skip
    assert texts(landing, "table.gk-list tbody td a") == [hostile(READING), title]


def test_navigation_tabs_path_and_footer_show_column_names_as_written(site):
    landing = site.html("zwgk/")
    assert texts(landing, ".md-tabs__link") == ["首页", hostile(ROOT), "一网通查"]
    links = [name for name in texts(landing, "nav.md-nav--primary .md-nav__link") if name]
    assert links == [
        "首页", hostile(ROOT), hostile(ROOT), hostile(ZN), hostile(FDZDGKNR), hostile(FDZDGKNR), hostile(JGZN),
        hostile(GFXWJ), "财政预决算", hostile(WJK), hostile(WJK), "废止和失效", "清理结果", hostile(GKML), "一网通查",
    ]  # fmt: skip
    assert texts(landing, "nav.md-nav--primary > .md-nav__title") == [hostile(SITE_NAME)]
    logo = landing.css_first("nav.md-nav--primary .md-logo").attributes
    assert (logo["title"], logo["aria-label"]) == (hostile(SITE_NAME), hostile(SITE_NAME))

    column = site.html("zwgk/fdzdgknr/gfxwj/")
    assert texts(column, ".md-path__link") == ["首页", hostile(ROOT), hostile(FDZDGKNR)]
    assert texts(column, ".md-footer__title .md-ellipsis") == [hostile(JGZN), "财政预决算"]
    labels = [n.attributes["aria-label"] for n in column.css(".md-footer__link")]
    assert labels == [f"上一页: {hostile(JGZN)}", "下一页: 财政预决算"]
    # The footer: mkdocs.yml's copyright is HTML, as Material documents it; catalog.yaml's filing numbers are text.
    (owner,) = column.css(".md-copyright__highlight a")
    assert (owner.text(), owner.attributes["href"]) == ("测试县 & 办公室", "https://test.example.gov.cn/")
    assert texts(column, ".gk-site-ids li") == [hostile(ICP), hostile(POLICE)]


def test_the_guide_shows_the_catalog_texts_as_written(site):
    guide = site.html("zwgk/zn/")
    assert text(guide, "h1#gk-main") == hostile(ORGAN) + hostile(ZN)
    paragraphs = [node.text(strip=True) for node in guide.css("article > p")]
    for key, label in GUIDE.items():
        assert paragraphs.count(hostile(label)) == 1, key
    assert metadata(guide) == {
        "名称": hostile(OFFICE["名称"]),
        "办公地址": hostile(OFFICE["地址"]),
        "办公时间": hostile(OFFICE["办公时间"]),
        "联系电话": hostile(OFFICE["电话"]),
        "传真": hostile(OFFICE["传真"]),
        "电子邮箱": hostile(OFFICE["电子邮箱"]),
        "网站": hostile(WEBSITE),
    }
    assert text(guide, "table.gk-contact caption") == hostile(OFFICE["名称"])
    email = guide.css_first("table.gk-contact a")
    assert email.attributes["href"] == "mailto:" + hostile(OFFICE["电子邮箱"])


def test_headings_and_titles_from_markdown_read_as_written(site):
    single = site.html("zwgk/fdzdgknr/jgzn/")
    assert texts(single, ".gk-body h2") == [hostile(HEADING)]
    assert texts(single, ".gk-body p") == [hostile(PARAGRAPH)]
    # Its table of contents, in the navigation (it is the active page) and beside the page.
    assert texts(single, "nav.md-nav--secondary a") == [hostile(HEADING), hostile(HEADING)]
    assert single.css_first("title").text() == f"{hostile(JGZN)} - {hostile(SITE_NAME)}"

    about = site.html("about/")
    assert about.css_first("title").text() == f"{hostile(ABOUT)} - {hostile(SITE_NAME)}"
    assert texts(about, ".md-header__topic .md-ellipsis") == [hostile(SITE_NAME), hostile(ABOUT)]
    assert meta_tags(about)["ArticleTitle"] == hostile(ABOUT)
    assert texts(about, "article h1") == [hostile(ABOUT)]

    missing = site.html("404.html")
    assert missing.css_first("title").text() == hostile(SITE_NAME)


def test_a_cleanup_record_shows_its_texts_as_written(site):
    index = site.html("zwgk/fdzdgknr/qljg/")
    assert texts(index, "table.gk-cleanups tbody td a") == [hostile(CLEANUP)]
    record = site.html("zwgk/fdzdgknr/qljg/2024/")
    assert text(record, "h1#gk-main") == hostile(CLEANUP)
    assert record.css_first("title").text() == f"{hostile(CLEANUP)} - {hostile(SITE_NAME)}"
    assert texts(record, ".gk-cleanup-facts dt") == ["清理日期", "发布日期", "清理依据"]
    assert texts(record, ".gk-cleanup-facts dd") == ["2024-11-01", "2024-11-05", hostile(CLEANUP_BASIS)]
    assert texts(record, "article > p")[0] == hostile(CLEANUP_NOTE)
    (row,) = record.css("table.gk-cleanup tbody tr")
    cells = [td.text(strip=True) for td in row.css("td")]
    assert cells[1:4] == [f"{hostile(TITLE)}（测政发〔2024〕1号）", "继续有效", hostile(CLEANUP_REASON)]


def test_no_output_is_escaped_twice(site):
    """Raw bytes: "&amp;" escaped again shows as "&amp;amp;"; only PAYLOAD's literal "&amp;" may be written so."""
    twice = re.compile(r"&amp;(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);", re.IGNORECASE)
    checked = []
    for path in sorted(site.site.rglob("*")):
        if path.suffix not in (".html", ".xml", ".json", ".csv") or "pagefind" in path.parts:
            continue
        data = path.read_text("utf-8")
        if path.suffix in (".html", ".xml"):
            data = data.replace(LITERAL_ONCE, "")
        assert twice.findall(data) == [], path.relative_to(site.site)
        checked.append(path.suffix)
    assert Counter(checked) == {".html": HTML_PAGES, ".xml": 6, ".json": 2, ".csv": 2}


# -- downloads written by libraries --------------------------------------------------------------------------


def test_the_directory_and_library_downloads_read_back_the_values(site):
    gkml = site.site / "zwgk/gkml"
    data = json.loads((gkml / "gkml.json").read_text("utf-8"))
    assert data["机关"] == hostile(ORGAN)
    reading, policy = data["条目"]
    assert reading["名称"] == hostile(READING)
    assert [policy[key] for key in ("名称", "内容概述", "发文机关")] == [
        hostile(TITLE),
        hostile(SUMMARY),
        hostile(ISSUER),
    ]
    assert policy["栏目"] == [hostile(GFXWJ), hostile(WJK)]

    text = (gkml / "gkml.csv").read_bytes().decode("utf-8")
    assert text.startswith("\ufeff")
    header, *rows = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    assert len(rows) == 2
    policy_row = dict(zip(header, rows[1], strict=True))
    assert policy_row["名称"] == hostile(TITLE)
    assert policy_row["内容概述"] == hostile(SUMMARY)
    assert policy_row["发文机关"] == hostile(ISSUER)
    assert policy_row["栏目"] == f"{hostile(GFXWJ)}；{hostile(WJK)}"
    assert dict(zip(header, rows[0], strict=True))["名称"] == hostile(READING)

    library = json.loads((site.site / "zwgk/fdzdgknr/wjk/wjk.json").read_text("utf-8"))
    assert library["栏目"] == hostile(WJK)
    (row,) = library["条目"]
    assert (row["标题"], row["发文机关"], row["网址"]) == (hostile(TITLE), hostile(ISSUER), DOCUMENT_URL)


def test_the_feeds_and_the_sitemap_read_back_the_values(site):
    root = ET.parse(site.site / "zwgk/atom.xml").getroot()
    assert root.findtext(f"{ATOM}title") == f"{hostile(ORGAN)} · {hostile(ROOT)}"
    assert root.findtext(f"{ATOM}subtitle") == hostile(ROOT_DESCRIPTION)
    assert root.findtext(f"{ATOM}author/{ATOM}name") == hostile(ORGAN)
    assert [link.get("href") for link in root.findall(f"{ATOM}link")] == [f"{SITE}zwgk/atom.xml", f"{SITE}zwgk/"]
    entries = [
        (e.findtext(f"{ATOM}title"), e.findtext(f"{ATOM}summary"), e.findtext(f"{ATOM}author/{ATOM}name"),
         [link.get("href") for link in e.findall(f"{ATOM}link")])
        for e in root.findall(f"{ATOM}entry")
    ]  # fmt: skip
    assert entries == [
        (hostile(READING), "关于第2号事项的通知。", "测试县人民政府", [f"{SITE}{READING_URL}"]),
        (hostile(TITLE), hostile(SUMMARY), hostile(ISSUER), [f"{SITE}{DOCUMENT_URL}"]),
    ]
    column = ET.parse(site.site / "zwgk/fdzdgknr/gfxwj/atom.xml").getroot()
    assert column.findtext(f"{ATOM}title") == f"{hostile(ORGAN)} · {hostile(ROOT)} · {hostile(GFXWJ)}"
    assert column.findtext(f"{ATOM}subtitle") == hostile(GFXWJ_DESCRIPTION)

    sitemap = ET.parse(site.site / "sitemap.xml").getroot()
    addresses = sorted(loc.text or "" for loc in sitemap.iter(f"{SITEMAP}loc"))
    pages = [SITE + page.removesuffix("index.html") for page in html_pages(site.site) if page != "404.html"]
    assert addresses == sorted(pages)
    assert f"{SITE}{DOCUMENT_URL}" in addresses
