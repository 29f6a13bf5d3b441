"""The sample site of 示例县 as shipped in content/ and catalog.yaml: a platform of the county government,
six of its departments and four towns."""

from pathlib import Path

import yaml
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from helpers import scan_output

REPO = Path(__file__).parents[2]


def html(site: Path, url_path: str) -> HTMLParser:
    return HTMLParser((site / url_path / "index.html").read_text("utf-8"))


ORGANS = ["xzf", "fgj", "jyj", "czj", "sfj", "zrzyj", "wjj", "cgz", "dhz", "xsx", "nhjd"]


def sample_documents(organ: str = "xzf") -> list[dict]:
    """The documents of one organ of the sample (the county government's by default), each with its organ."""
    result = []
    for path in sorted((REPO / f"content/zwgk/{organ}/wj").rglob("*.md")):
        front = path.read_text("utf-8").split("---")[1]
        result.append({**yaml.safe_load(front), "organ": organ})
    return result


def all_sample_documents() -> list[dict]:
    return [d for organ in ORGANS for d in sample_documents(organ)]


def test_sample_content_meets_the_brief():
    documents = sample_documents()
    public = [d for d in documents if d["公开属性"] == "主动公开"]
    assert len(public) >= 60
    columns = {code for d in public for code in d["栏目"]}
    assert len(columns) >= 10
    assert sum(1 for d in public if "gfxwj" in d["栏目"]) >= 5
    assert any(d["公开属性"] == "依申请公开" for d in documents)
    assert any(d.get("附件") for d in public)
    traditional = [d for d in public if any(ch in d["标题"] for ch in "關於書縣區開條規辦務證業發")]
    assert len(traditional) >= 2


def test_every_public_document_has_a_page_listed_in_its_column(sample_site: Path):
    documents = [d for d in all_sample_documents() if d["公开属性"] == "主动公开"]
    directory = html(sample_site, "zwgk/gkml")
    assert f"本目录共 {len(documents)} 条" in directory.body.text()
    government = [d for d in documents if d["organ"] == "xzf"]
    assert f"本目录共 {len(government)} 条" in html(sample_site, "zwgk/xzf/gkml").body.text()
    for document in documents:
        year, seq = document["索引号"].split("/")[1].split("-")
        page = html(sample_site, f"zwgk/{document['organ']}/wj/{year}/{seq}")
        assert page.css_first("h1").text(strip=True) == document["标题"]


def test_the_sample_is_a_platform_of_the_government_six_departments_and_four_towns(sample_site: Path):
    portal = html(sample_site, "zwgk")
    groups = [
        (table.css_first("caption").text(strip=True), [a.text(strip=True) for a in table.css("tbody a")])
        for table in portal.css("table.gk-organs")
    ]
    assert [caption for caption, _ in groups] == [
        "人民政府（1 个公开单位）", "政府部门（6 个公开单位）", "乡镇街道（4 个公开单位）",
    ]  # fmt: skip
    assert groups[2][1] == [
        "示例县城关镇人民政府",
        "示例县东湖镇人民政府",
        "示例县西山乡人民政府",
        "示例县南湖街道办事处",
    ]
    # The towns' columns come from one template.
    towns = [[a.text(strip=True) for a in html(sample_site, f"zwgk/{t}").css("#gk-tree ~ ul a")] for t in ORGANS[7:]]
    assert all(tree == towns[0] for tree in towns) and "通知公告" in towns[0]


def test_a_government_decision_repeals_a_departments_regulation(sample_site: Path):
    page = html(sample_site, "zwgk/sfj/wj/2021/00009")
    banner = page.css_first(".gk-validity").text(strip=True)
    assert "本文件已于2026-01-23废止" in banner
    assert "示例县人民政府关于修改和废止部分行政规范性文件的决定" in banner
    ended = html(sample_site, "zwgk/sfj/fdzdgknr/gfxwj/fzsx")
    assert "示例县司法局关于印发《示例县人民调解员补贴管理办法》的通知" in ended.body.text()


def test_a_department_publishes_its_annual_report_counted_from_its_own_library(sample_site: Path):
    reports = [d for d in sample_documents("jyj") if d.get("年报数据")]
    assert len(reports) == 1
    year, seq = reports[0]["索引号"].split("/")[1].split("-")
    page = html(sample_site, f"zwgk/jyj/wj/{year}/{seq}")
    assert page.css("table")  # the report's tables
    text = page.body.text()
    assert "示例县教育局" in text and "第二十条" in text


def test_the_government_consults_on_its_drafts_open_awaiting_feedback_and_answered(sample_site: Path):
    column = html(sample_site, "zwgk/xzf/zdjcygk")
    rows = [(row.css_first("a").text(strip=True), [s.text(strip=True) for s in row.css(".gk-state")])
            for row in column.css("table.gk-list tbody tr")]  # fmt: skip
    assert rows[0] == (
        "示例县商务局关于公开征求《示例县农贸市场布局规划（2026—2035年）（征求意见稿）》意见的公告",
        ["征集中"],
    )
    states = [state for _, states in rows for state in states]
    assert states.count("已截止（待反馈）") == 1 and states.count("已反馈") == 3
    answered = html(sample_site, "zwgk/xzf/wj/2025/00020").css_first("section.gk-consultation")
    links = [a.text(strip=True) for a in answered.css("p a")]
    assert links == [
        "示例县人民政府关于城关镇老街片区旧城改造项目房屋征收补偿方案征求意见情况和根据公众意见修改情况的公告",
        "示例县人民政府关于城关镇老街片区旧城改造项目国有土地上房屋征收决定的公告",
    ]
    inline = html(sample_site, "zwgk/xzf/wj/2026/00009").css_first("section.gk-consultation")
    assert "征求意见期间共收到意见 26 条，采纳 17 条，部分采纳 4 条，未采纳 5 条。" in inline.text()


def test_the_governments_gazette_has_three_years_of_issues_with_their_contents_and_pdfs(sample_site: Path):
    column = html(sample_site, "zwgk/xzf/zfgb")
    assert [h.text(strip=True) for h in column.css("section h2")] == ["2026年", "2025年", "2024年"]
    assert len(column.css("table.gk-gazette tbody tr")) == 6
    issue = html(sample_site, "zwgk/xzf/zfgb/2026-01")
    sections = [h.text(strip=True) for h in issue.css("section.gk-gazette-toc h3")]
    assert sections == ["政府文件", "人事任免"]
    assert "示例县人民政府关于修改和废止部分行政规范性文件的决定" in issue.css_first("section.gk-gazette-toc").text()
    assert (
        issue.css_first("section.gk-gazette-text h2").text(strip=True) == "示例县人民政府关于赵立新等同志职务任免的通知"
    )
    assert (sample_site / "zwgk/xzf/gongbao/2026-01.pdf").read_bytes()[:5] == b"%PDF-"
    # A department's document carried by the county's gazette says so on its page.
    carried = html(sample_site, "zwgk/jyj/wj/2026/00014").css_first(".gk-carried").text(strip=True)
    assert carried == "刊登于《示例县人民政府公报》2026年第2号"


def test_the_standard_catalog_has_four_domains_whose_items_point_at_the_governments_columns(sample_site: Path):
    column = html(sample_site, "zwgk/xzf/bzml")
    domains = [a.text(strip=True) for a in column.css("tbody a")]
    assert domains == ["重大建设项目", "财政预决算", "国有土地上房屋征收与补偿", "社会救助"]
    for key in ("zdjsxm", "czyjs", "fwzs", "shjz"):
        rows = html(sample_site, f"zwgk/xzf/bzml/{key}").css("table.gk-standard tbody tr")
        assert rows and all(row.css_first("td:last-child a") for row in rows)  # every item names its column
    assert (sample_site / "zwgk/xzf/bzml/bzml.csv").read_bytes().count(b"\r\n") == 11  # header + 10 items


def test_non_public_sample_documents_reach_no_output_file(sample_site: Path):
    withheld = [d for d in all_sample_documents() if d["公开属性"] != "主动公开"]
    assert withheld
    for document in withheld:
        assert scan_output(sample_site, document["标题"]) == [], document["标题"]
        assert scan_output(sample_site, document["索引号"]) == [], document["索引号"]


def test_landing_page_shows_the_four_mandated_columns_first(sample_site: Path):
    landing = html(sample_site, "zwgk/xzf")
    cards = [n.text(strip=True) for n in landing.css(".gk-card strong")]
    assert cards == ["政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报"]


def test_no_page_loads_anything_from_another_host(sample_site: Path):
    for page in sample_site.rglob("*.html"):
        tree = HTMLParser(page.read_text("utf-8"))
        for node in tree.css("script[src], link[href], img[src], iframe[src]"):
            url = node.attributes.get("src") or node.attributes.get("href") or ""
            rel = node.attributes.get("rel") or ""
            if node.tag == "link" and rel in ("canonical", "alternate"):
                continue  # not fetched by the browser
            assert not url.startswith(("http:", "https:", "//")), f"{page}: {url}"
