"""The Atom feeds of real builds: what they hold, what they never hold, and the pages that name them."""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

import feedparser
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from helpers import MKDOCS_YML, ORGAN_CODE, Project, document, make_project

SITE = "https://test.example.gov.cn/"
ATOM = "{http://www.w3.org/2005/Atom}"
TITLE = "测试县人民政府 · 政府信息公开"
GFXWJ = "zwgk/fdzdgknr/gfxwj/"
CZXX = "zwgk/fdzdgknr/czxx/"
WJK = "zwgk/fdzdgknr/wjk/"


def feed_project(tmp_path: Path, documents: dict[str, str], entries: int | None = None) -> Project:
    """A test site with site_url (feeds need it), and `feed_entries` when given."""
    project = make_project(tmp_path, documents)
    options = f"      feed_entries: {entries}\n" if entries is not None else ""
    project.write("mkdocs.yml", f"site_url: {SITE}\n{MKDOCS_YML}{options}")
    return project


def read_feed(path: Path) -> feedparser.FeedParserDict:
    feed = feedparser.parse(path.read_bytes())
    assert feed.bozo == 0, (path, feed.get("bozo_exception"))
    return feed


def entry_rows(feed: feedparser.FeedParserDict) -> list[tuple[str, str, str]]:
    return [(e.title, e.link, e.published) for e in feed.entries]


def row(seq: int, day: str, year: int = 2024, time: str = "00:00") -> tuple[str, str, str]:
    """A document of helpers.document as an entry: title, absolute link, 发布日期 and 发布时间 (else 00:00),
    Beijing time."""
    return (f"测试县人民政府关于第{seq}号事项的通知", f"{SITE}wj/{year}/{seq:05d}/", f"{day}T{time}:00+08:00")


def feed_links(tree: HTMLParser, page_url: str) -> list[tuple[str, str]]:
    """(title, absolute address) of each Atom feed the page's head names."""
    links = tree.css('head link[rel="alternate"][type="application/atom+xml"]')
    return [(link.attributes["title"] or "", urljoin(SITE + page_url, link.attributes["href"] or "")) for link in links]


def test_the_site_feed_holds_the_newest_published_documents(tmp_path):
    documents = {f"2024/{n:05d}.md": document(n) for n in range(1, 5)}  # 发布日期 2024-03-02 … 2024-03-05
    documents["2024/00005.md"] = document(5, 发布时间="09:30")  # 2024-03-06
    documents["2024/00006.md"] = document(6, 栏目=["czxx"], 发布日期="2024-03-04")  # the same day as 3: by 索引号
    project = feed_project(tmp_path, documents, entries=4)
    site = project.build()

    feed = read_feed(site / "zwgk/atom.xml")
    assert entry_rows(feed) == [
        row(5, "2024-03-06", time="09:30"),
        row(4, "2024-03-05"),
        row(6, "2024-03-04"),
        row(3, "2024-03-04"),
    ]
    assert feed.feed.title == TITLE
    assert feed.feed.title_detail.language == "zh-CN"
    assert "subtitle" not in feed.feed  # the fixture's 专栏 has no 说明
    assert feed.feed.id == f"{SITE}zwgk/atom.xml"
    assert feed.feed.updated == "2024-03-06T09:30:00+08:00"
    assert [(link.rel, link.href) for link in feed.feed.links] == [
        ("self", f"{SITE}zwgk/atom.xml"),
        ("alternate", f"{SITE}zwgk/"),
    ]
    assert feed.feed.author == "测试县人民政府"
    assert feed.feed.generator == "gongkai"

    first = feed.entries[0]
    # The domain is the host of 机关.网站 (the fixture's catalog has no 网站.域名).
    assert first.id == f"tag:test.example.gov.cn,2024-03-06:{ORGAN_CODE}/2024-00005"
    assert first.updated == "2024-03-06T09:30:00+08:00"
    assert first.summary == "关于第5号事项的通知。"
    assert first.author == "测试县人民政府"
    assert [tag.term for tag in first.tags] == ["综合政务\\政务公开", "通知"]
    # Each entry's link is a page of the site.
    for entry in feed.entries:
        assert (site / entry.link.removeprefix(SITE) / "index.html").is_file()


def test_a_column_feed_holds_what_its_list_shows(tmp_path):
    project = feed_project(
        tmp_path,
        {
            "2023/00001.md": document(1, 2023, 栏目=["wjk"], 有效期至="2025-01-31"),  # expired: 废止和失效
            "2024/00001.md": document(1, 栏目=["gfxwj"]),
            "2024/00002.md": document(2, 栏目=["czxx", "gfxwj"]),
            "2024/00003.md": document(3, 栏目=["czxx"]),
            "2024/00004.md": document(4, 栏目=["wjk"]),
        },
    )
    site = project.build()

    gfxwj = read_feed(site / GFXWJ / "atom.xml")
    assert entry_rows(gfxwj) == [row(2, "2024-03-03"), row(1, "2024-03-02")]
    assert gfxwj.feed.title == f"{TITLE} · 行政规范性文件"
    assert gfxwj.feed.subtitle == "规范性文件。"
    assert gfxwj.feed.id == f"{SITE}{GFXWJ}atom.xml"
    assert [(link.rel, link.href) for link in gfxwj.feed.links] == [
        ("self", f"{SITE}{GFXWJ}atom.xml"),
        ("alternate", f"{SITE}{GFXWJ}"),
    ]
    assert entry_rows(read_feed(site / CZXX / "atom.xml")) == [row(3, "2024-03-04"), row(2, "2024-03-03")]
    # A library's page lists what is in force; the expired one is on its 废止和失效 page, not in its feed.
    assert entry_rows(read_feed(site / WJK / "atom.xml")) == [row(4, "2024-03-05")]
    assert row(1, "2023-03-02", 2023) in entry_rows(read_feed(site / "zwgk/atom.xml"))
    # A column with no documents of its own has a valid, empty feed, as of the build's day.
    empty = read_feed(site / "zwgk/fdzdgknr/atom.xml")
    assert empty.entries == []
    assert empty.feed.updated == "2026-11-23T00:00:00+08:00"
    # Only columns that list documents have one.
    feeds = sorted(p.relative_to(site).as_posix() for p in site.rglob("atom.xml"))
    assert feeds == [
        "zwgk/atom.xml",
        "zwgk/fdzdgknr/atom.xml",
        "zwgk/fdzdgknr/czxx/atom.xml",
        "zwgk/fdzdgknr/gfxwj/atom.xml",
        "zwgk/fdzdgknr/wjk/atom.xml",
    ]


def test_a_withheld_document_is_in_no_feed(tmp_path):
    secret = "测试县人民政府关于内部请示事项的请示"
    project = feed_project(
        tmp_path,
        {
            "2024/00001.md": document(1),
            "2024/00002.md": document(2, 标题=secret, 公开属性="依申请公开", 栏目=["gfxwj", "wjk"]),
            "2024/00003.md": document(3, 公开属性="不予公开", 内容概述="不予公开的概述"),
        },
    )
    site = project.build()
    files = sorted(site.rglob("*.xml"))
    assert site / "zwgk/fdzdgknr/gfxwj/atom.xml" in files
    for path in files:
        data = path.read_bytes()
        for needle in (secret, "不予公开的概述", f"{ORGAN_CODE}/2024-00002", f"{ORGAN_CODE}/2024-00003"):
            assert needle.encode("utf-8") not in data, (path, needle)
    assert entry_rows(read_feed(site / GFXWJ / "atom.xml")) == [row(1, "2024-03-02")]


def test_titles_round_trip_exactly(tmp_path):
    awkward = '测试县关于<甲>&"乙"事项的通知'
    project = feed_project(tmp_path, {"2024/00001.md": document(1, 标题=awkward), "2024/00002.md": document(2)})
    site = project.build()
    data = (site / GFXWJ / "atom.xml").read_bytes()
    text = data.decode("utf-8")  # strict: the feed is valid UTF-8
    assert "测试县人民政府关于第2号事项的通知" in text  # Chinese as characters, not as character references
    assert [e.title for e in read_feed(site / GFXWJ / "atom.xml").entries] == [
        "测试县人民政府关于第2号事项的通知",
        awkward,
    ]
    # And as an XML parser reads it, with no help from feedparser's leniency.
    root = ET.fromstring(data)
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-CN"
    assert [e.findtext(f"{ATOM}title") for e in root.iter(f"{ATOM}entry")][1] == awkward


def test_every_page_names_the_site_feed_and_column_pages_their_own(tmp_path):
    documents = {f"2024/{n:05d}.md": document(n) for n in range(1, 5)}  # 4 in gfxwj: two pages of 3
    documents["2024/00005.md"] = document(5, 栏目=["czxx", "gfxwj"])
    documents["2024/00006.md"] = document(6, 栏目=["wjk"])
    project = feed_project(tmp_path, documents)
    site = project.build()

    whole = (TITLE, f"{SITE}zwgk/atom.xml")
    column_feeds = {
        GFXWJ: (f"{TITLE} · 行政规范性文件", f"{SITE}{GFXWJ}atom.xml"),
        CZXX: (f"{TITLE} · 财政预决算", f"{SITE}{CZXX}atom.xml"),
        WJK: (f"{TITLE} · 规范性文件库", f"{SITE}{WJK}atom.xml"),
    }
    expected = {
        "": [whole],
        "zwgk/": [whole],
        "zwgk/zn/": [whole],
        "zwgk/gkml/": [whole],
        "search/": [whole],
        GFXWJ: [whole, column_feeds[GFXWJ]],
        f"{GFXWJ}2/": [whole, column_feeds[GFXWJ]],
        WJK: [whole, column_feeds[WJK]],
        f"{WJK}fzsx/": [whole, column_feeds[WJK]],
        "wj/2024/00001/": [whole, column_feeds[GFXWJ]],
        "wj/2024/00005/": [whole, column_feeds[CZXX]],  # its first column
        "wj/2024/00006/": [whole, column_feeds[WJK]],
    }
    for page_url, links in expected.items():
        assert feed_links(project.html(page_url or "index.html"), page_url) == links, page_url
    for path in site.rglob("*.html"):
        page_url = path.relative_to(site).as_posix().removesuffix("index.html")
        assert whole in feed_links(HTMLParser(path.read_text("utf-8")), page_url), page_url


def test_without_site_url_there_are_no_feeds(project, caplog):
    project.add_document("2024/00001.md", document(1))
    caplog.set_level(logging.INFO, logger="mkdocs")
    site = project.build()
    assert list(site.rglob("atom.xml")) == []
    assert feed_links(project.html("wj/2024/00001/"), "wj/2024/00001/") == []
    notes = [r for r in caplog.records if "Atom 订阅源" in r.getMessage()]
    assert [(r.levelno, r.getMessage()) for r in notes] == [
        (logging.INFO, "gongkai: 未生成 Atom 订阅源：订阅源中的网址须是绝对网址，需在 mkdocs.yml 中设置 site_url")
    ]


def test_the_sample_site_feeds_are_valid_and_newest_first(sample_site: Path):
    feeds = sorted(sample_site.rglob("atom.xml"))
    assert sample_site / "zwgk/xzf/atom.xml" in feeds and sample_site / "zwgk/jyj/atom.xml" in feeds
    for path in feeds:
        feed = read_feed(path)
        dates = [entry.published for entry in feed.entries]
        assert dates == sorted(dates, reverse=True), path
        assert len({entry.id for entry in feed.entries}) == len(feed.entries), path
        for entry in feed.entries:
            assert entry.id.startswith("tag:www.example-county.gov.cn,"), entry.id  # catalog.yaml 网站.域名
            page = entry.link.removeprefix("https://www.example-county.gov.cn/")
            assert (sample_site / page / "index.html").is_file(), entry.link
    assert len(read_feed(sample_site / "zwgk/xzf/atom.xml").entries) == 50  # feed_entries' default
    # Each organ of the platform has its feeds, titled by the organ.
    department = read_feed(sample_site / "zwgk/jyj/atom.xml")
    assert department.feed.title == "示例县教育局"
    assert {e.link.split("/zwgk/")[1].split("/")[0] for e in department.entries} == {"jyj"}
