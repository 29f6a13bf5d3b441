"""The sample site of 示例县人民政府 as shipped in content/ and catalog.yaml."""

from pathlib import Path

import yaml
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from helpers import scan_output

REPO = Path(__file__).parents[2]


def html(site: Path, url_path: str) -> HTMLParser:
    return HTMLParser((site / url_path / "index.html").read_text("utf-8"))


def sample_documents() -> list[dict]:
    result = []
    for path in sorted((REPO / "content/wj").rglob("*.md")):
        front = path.read_text("utf-8").split("---")[1]
        result.append(yaml.safe_load(front))
    return result


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
    documents = [d for d in sample_documents() if d["公开属性"] == "主动公开"]
    directory = html(sample_site, "zwgk/gkml")
    assert f"本目录共 {len(documents)} 条" in directory.body.text()
    for document in documents:
        year, seq = document["索引号"].split("/")[1].split("-")
        page = html(sample_site, f"wj/{year}/{seq}")
        assert page.css_first("h1").text(strip=True) == document["标题"]


def test_non_public_sample_documents_reach_no_output_file(sample_site: Path):
    withheld = [d for d in sample_documents() if d["公开属性"] != "主动公开"]
    assert withheld
    for document in withheld:
        assert scan_output(sample_site, document["标题"]) == [], document["标题"]
        assert scan_output(sample_site, document["索引号"]) == [], document["索引号"]


def test_landing_page_shows_the_four_mandated_columns_first(sample_site: Path):
    landing = html(sample_site, "zwgk")
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
