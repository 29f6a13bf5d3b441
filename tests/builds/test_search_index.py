"""一网通查: the Pagefind index built with the site holds the 主动公开 documents and nothing else."""

from pathlib import Path

from test_sample_site import all_sample_documents, sample_documents

from gongkai.search.text import token_stream
from helpers import ORGAN_CODE, document, make_project, scan_output, search_records


def test_the_sample_index_holds_every_public_document_with_its_filters(sample_site: Path):
    records = search_records(sample_site)
    public = [d for d in all_sample_documents() if d["公开属性"] == "主动公开"]
    assert len(records) == len(public)
    assert len([d for d in sample_documents() if d["公开属性"] == "主动公开"]) == 114  # the county government's
    # Documents only, each under its organ: no column, guide or portal pages.
    assert all(r["url"].split("/")[1:4:2] == ["zwgk", "wj"] for r in records)
    by_url = {r["url"]: r for r in records}
    repealed = by_url["/zwgk/xzf/wj/2021/00008/"]
    assert repealed["meta"]["标题"] == "示例县人民政府关于加快发展电子商务的若干意见"
    assert repealed["meta"]["发文字号"] == "示政发〔2021〕8号"
    assert repealed["meta"]["有效性"] == "已废止"
    assert repealed["filters"] == {
        "公开单位": ["示例县人民政府"], "栏目": ["行政规范性文件"], "主题分类": ["商贸、海关、旅游"], "发文机关": ["示例县人民政府"],
        "文种": ["意见"], "年份": ["2021"], "有效性": ["已废止"],
    }  # fmt: skip
    # The text is the document's, as tokens: title, 发文字号, body; no metadata table, banner or navigation.
    assert repealed["content"].startswith(token_stream("示例县人民政府关于加快发展电子商务的若干意见"))
    assert token_stream("示政发〔2021〕8号") in repealed["content"]
    for boilerplate in ("文件信息", "索引号", "本文件已废止", "首页", "政府信息公开指南"):
        assert token_stream(boilerplate) not in repealed["content"]


def test_the_index_holds_tokens_that_fold_scripts_and_brackets(sample_site: Path):
    (record,) = [r for r in search_records(sample_site) if r["url"] == "/zwgk/xzf/wj/2022/00004/"]
    assert record["meta"]["wh"] == "示政 政办 办发 〔2022〕 18号 号"
    # Pagefind drops the glued punctuation from the indexed word: [2022] and 〔2022〕 are the same word.
    assert token_stream("示政办发[2022]18号").split() == ["示政", "政办", "办发", "[2022]", "18号", "号"]
    assert token_stream("示政辦發（2022）18號") == "示政 政办 办发 （2022） 18号 号"


def test_withheld_documents_never_reach_the_index(tmp_path):
    secret = "测试县人民政府关于内部事项的通知"
    project = make_project(
        tmp_path,
        {
            "2024/00001.md": document(1, 标题=secret, 公开属性="不予公开", body="内部正文词句。"),
            "2024/00002.md": document(2),
        },
    )
    site = project.build()
    assert [r["url"] for r in search_records(site)] == ["/wj/2024/00002/"]
    for needle in (secret, "内部正文词句", f"{ORGAN_CODE}/2024-00001"):
        assert scan_output(site, needle) == []
    assert scan_output(site, "测试县人民政府关于第2号事项的通知") != []  # the decoder does find text
