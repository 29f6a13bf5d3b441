"""The regulation library on built sites: banners, versions, library lists, 清理 pages."""

import json
import logging
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from helpers import ORGAN_CODE, document, make_project, scan_output, texts

LIBRARY = "zwgk/xzf/fdzdgknr/fgwj/gfxwj"


def html(site: Path, url_path: str) -> HTMLParser:
    return HTMLParser((site / url_path / "index.html").read_text("utf-8"))


def banner(tree: HTMLParser) -> tuple[str, str, list[str]]:
    """The banner region's accessible name (its heading), its text and its link targets."""
    region = tree.css_first("section.gk-validity")
    assert region is not None, "no validity banner"
    heading = tree.css_first("#" + region.attributes["aria-labelledby"])
    links = [a.attributes["href"] for a in region.css("a")]
    return heading.text(strip=True), region.text(separator=" ", strip=True), links


def metadata(tree: HTMLParser) -> dict[str, str]:
    cells = tree.css("table.gk-meta th, table.gk-meta td")
    return {th.text(strip=True): td.text(strip=True) for th, td in zip(cells[::2], cells[1::2], strict=True)}


# -- the sample site, as of 2026-11-23 (conftest.SAMPLE_AS_OF) ------------------------------


def test_a_repealed_document_names_its_repealing_document_and_the_cleanup(sample_site: Path):
    tree = html(sample_site, "zwgk/xzf/wj/2021/00008")
    heading, text, links = banner(tree)
    assert heading == "!本文件已废止"
    assert "本文件已于 2026-01-23 废止。" in text
    assert "示例县人民政府关于修改和废止部分行政规范性文件的决定 （示政发〔2026〕2号）" in text
    assert links == ["../../2026/00001/", "../../../fdzdgknr/fgwj/qljg/2025/"]
    assert metadata(tree)["有效性"] == "已废止"
    assert metadata(tree)["废止日期"] == "2026-01-23"
    # The banner comes before the body.
    article = tree.css_first("article").html
    assert article.index("gk-validity") < article.index("gk-body")
    # And the repealing document links back, with the derived relation.
    back = html(sample_site, "zwgk/xzf/wj/2026/00001")
    relations = texts(back, ".gk-relations li")
    assert "废止：示例县人民政府关于加快发展电子商务的若干意见（示政发〔2021〕8号）" in relations
    assert back.css_first("section.gk-validity") is None  # in force: no banner


def test_an_amended_document_links_to_the_current_version_and_lists_the_versions(sample_site: Path):
    tree = html(sample_site, "zwgk/xzf/wj/2022/00004")
    heading, text, links = banner(tree)
    assert heading == "!本文件已修改"
    assert "本文件已于 2026-01-23 被 示例县农村住房建设管理办法（2026年修订） 替代。" in text
    assert links[0] == "../../2026/00002/"
    versions = tree.css("ol.gk-versions li")
    assert [v.text(separator=" ", strip=True).split(" ")[0] for v in versions] == [
        "示例县人民政府办公室关于印发《示例县农村住房建设管理办法》的通知",
        "示例县人民政府关于修改和废止部分行政规范性文件的决定",
        "示例县农村住房建设管理办法（2026年修订）",
    ]
    assert versions[0].css_first("[aria-current=page]") is not None
    assert texts(tree, "ol.gk-versions .gk-state") == ["已修改", "有效", "有效"]
    current = html(sample_site, "zwgk/xzf/wj/2026/00002")
    assert texts(current, ".gk-relations li") == [
        "替代：示例县人民政府办公室关于印发《示例县农村住房建设管理办法》的通知（示政办发〔2022〕18号）"
    ]


def test_pending_and_expired_documents_say_when(sample_site: Path):
    heading, text, _ = banner(html(sample_site, "zwgk/xzf/wj/2026/00045"))
    assert heading == "!本文件尚未生效"
    assert "本文件自 2027-01-01 起施行，截至 2026-11-23 尚未生效。" in text
    heading, text, _ = banner(html(sample_site, "zwgk/xzf/wj/2021/00015"))
    assert heading == "!本文件已失效"
    assert "本文件有效期至 2023-03-11 ，已于 2023-03-12 失效。" in text
    heading, text, links = banner(html(sample_site, "zwgk/xzf/wj/2022/00040"))
    assert "经 示例县2025年度行政规范性文件清理结果 宣布自 2026-01-23 起失效" in text
    assert links == ["../../../fdzdgknr/fgwj/qljg/2025/"]


def test_library_lists_current_pending_and_ended_documents(sample_site: Path):
    tree = html(sample_site, LIBRARY)
    summary = tree.css_first(".gk-library-summary").text(strip=True)
    assert summary == "截至2026-11-23，现行有效行政规范性文件8件；已公布尚未施行 1 件；已废止、失效或已修改 4 件。"
    tables = tree.css("table.gk-library")
    assert [t.css_first("caption").text(strip=True) for t in tables] == [
        "共 1 件，施行后列入现行有效",
        "共 8 件，按施行日期从新到旧排列",
    ]
    current = tables[1]
    assert [h.text(strip=True) for h in current.css("thead th")] == ["标题", "发文字号", "施行日期", "有效性"]
    assert set(texts(current, "tbody td:nth-child(4)")) == {"有效"}
    dates = texts(current, "tbody td:nth-child(3)")
    assert dates == sorted(dates, reverse=True)
    ended = html(sample_site, LIBRARY + "/fzsx")
    assert texts(ended, "table.gk-library tbody td:nth-child(4)") == ["失效", "已修改", "已废止", "失效"]
    # The filter form works on the library's JSON, which holds every document with its state.
    form = tree.css_first("form.gk-filter")
    assert form.attributes["data-src"] == "wjk.json"
    data = json.loads((sample_site / LIBRARY / "wjk.json").read_text("utf-8"))
    assert data["截至"] == "2026-11-23"
    assert sorted(r["有效性"] for r in data["条目"]) == sorted(
        ["有效"] * 8 + ["尚未生效", "失效", "已修改", "已废止", "失效"]
    )
    assert [o.text(strip=True) for o in form.css("select[name=year] option")][:3] == ["全部", "2026", "2025"]


def test_listings_and_the_directory_show_the_state(sample_site: Path):
    column = html(sample_site, "zwgk/xzf/fdzdgknr/fgwj")  # the parent column lists nothing itself
    assert column.css_first("table.gk-list") is None
    shjz = html(sample_site, "zwgk/xzf/fdzdgknr/shjz")
    row = next(r for r in shjz.css("table.gk-list tbody tr") if "最低生活保障实施办法" in r.text())
    assert row.css_first(".gk-state").text(strip=True) == "有效"
    directory = json.loads((sample_site / "zwgk/xzf/gkml/gkml.json").read_text("utf-8"))["条目"]
    states = {e["索引号"]: e["有效性"] for e in directory}
    assert states[f"{'11330521MB1C00001X'}/2021-00008"] == "已废止"


def test_cleanup_column_and_record_pages(sample_site: Path):
    index = html(sample_site, "zwgk/xzf/fdzdgknr/fgwj/qljg")
    row = index.css_first("table.gk-cleanups tbody tr")
    assert [c.text(strip=True) for c in row.css("td")] == [
        "示例县2025年度行政规范性文件清理结果", "2025-12-15", "2026-01-23", "5", "1", "1", "1",
    ]  # fmt: skip
    record = html(sample_site, "zwgk/xzf/fdzdgknr/fgwj/qljg/2025")
    assert record.css_first("h1").text(strip=True) == "示例县2025年度行政规范性文件清理结果"
    decisions = texts(record, "table.gk-cleanup tbody td:nth-child(3)")
    assert decisions == ["继续有效"] * 5 + ["修改", "废止", "宣布失效"]
    assert "清理结果公告" in record.css_first(".gk-cleanup-facts").text()
    assert not (sample_site / "zwgk/xzf/qingli").exists()  # the YAML is data, not a download


# -- small sites: withheld targets, warnings, errors through the build -------------------------


def test_a_withheld_document_is_never_named_by_relations_or_cleanups(tmp_path, caplog):
    secret = "测试县人民政府关于内部事项的通知"
    project = make_project(
        tmp_path,
        {
            "2023/00001.md": document(1, 2023, 标题=secret, 公开属性="依申请公开", 栏目=["wjk"]),
            "2024/00002.md": document(2, 栏目=["wjk"], 废止=[f"{ORGAN_CODE}/2023-00001"]),
            "2024/00003.md": document(3, 栏目=["wjk"]),
        },
    )
    project.write(
        "content/qingli/2024.yaml",
        "标题: 2024年清理\n清理日期: 2024-11-01\n发布日期: 2024-11-05\n依据: 规定\n决定:\n"
        "  - 文件: 测政发〔2023〕1号\n    结论: 废止\n    日期: 2024-03-03\n"
        "  - 文件: 测政发〔2024〕3号\n    结论: 继续有效\n",
    )
    site = project.build()
    for needle in (secret, f"{ORGAN_CODE}/2023-00001", "测政发〔2023〕1号"):
        assert scan_output(site, needle) == []
    record = project.html("zwgk/fdzdgknr/qljg/2024/")
    assert len(record.css("table.gk-cleanup tbody tr")) == 1
    assert record.css_first(".gk-note").text(strip=True) == "另有 1 件非主动公开文件的清理结论未在此列出。"
    assert project.html("wj/2024/00002/").css_first(".gk-history") is None


def test_a_period_ending_soon_is_a_warning_that_strict_builds_stop_on(tmp_path, caplog):
    project = make_project(tmp_path, {"2022/00001.md": document(1, 2022, 栏目=["wjk"], 有效期至="2027-01-31")})
    caplog.set_level(logging.WARNING, logger="mkdocs")
    with pytest.raises(Abort):
        project.build()
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings[0] == (
        "gongkai: content/wj/2022/00001.md:13: 有效期至: 按有效期将于 2027-01-31 届满（69 天后）；"
        "应为：到期前评估：发布修改或延续有效期的文件，或在清理中宣布失效  [GK102 即将到期]"
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"废止": ["测政发〔2020〕5号"]}, "content/wj/2024/00001.md:13: 废止: '测政发〔2020〕5号' 没有对应的文件"),
        ({"施行日期": "2024-01-01"}, "content/wj/2024/00001.md:13: 施行日期: '2024-01-01' 早于成文日期 '2024-03-01'"),
    ],
)
def test_bad_validity_input_stops_the_build_with_file_and_line(tmp_path, caplog, fields, message):
    project = make_project(tmp_path, {"2024/00001.md": document(1, 栏目=["wjk"], **fields)})
    errors = project.build_errors(caplog)
    assert any(message in e for e in errors), errors
