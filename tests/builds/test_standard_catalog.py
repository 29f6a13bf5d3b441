"""基层政务公开事项标准目录: one YAML file a domain, a page a domain with the official table, the whole
catalog as CSV and JSON, errors naming line and field, and the check of each item's columns (GK721)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from helpers import add_top_column, check_findings, document, texts

STANDARD_COLUMN = """\
    - 代码: bzml
      名称: 基层政务公开标准目录
      依据: 国办发〔2019〕54号
      说明: 标准目录。
      更新频率: 按需
      责任单位: 办公室
      类型: 标准目录
"""
ITEM = {
    "一级事项": "政策文件",
    "二级事项": "最低生活保障政策",
    "公开内容": "[保障标准, 申请条件]",
    "公开依据": "《社会救助暂行办法》",
    "公开时限": "信息形成或者变更之日起20个工作日内",
    "公开主体": "县民政局",
    "公开渠道": "[政府网站, 便民服务站]",
    "公开对象": "全社会",
    "公开方式": "主动",
    "公开层级": "[县级, 乡级]",
}


@pytest.fixture(autouse=True)
def _as_of(monkeypatch):
    monkeypatch.setenv("GONGKAI_AS_OF", "2026-11-23")


def domain(project, key: str, name: str, *items: dict[str, object]) -> None:
    """content/bzml/<key>.yaml; the first item's 一级事项 is line 4, each item 11 lines or more."""
    lines = [f"领域: {name}", "事项:"]
    for item in items:
        fields = [f"{k}: {v}" for k, v in item.items() if v is not None]
        lines += [f"  - {fields[0]}", *(f"    {field}" for field in fields[1:])]
    project.write(f"content/bzml/{key}.yaml", "\n".join(lines) + "\n")


def test_each_domain_is_a_table_linking_to_its_columns_and_the_catalog_downloads(project, capsys):
    add_top_column(project, STANDARD_COLUMN)
    project.add_document(
        "2026/00001.md", document(1, 2026, 栏目=["czxx"], 成文日期="2026-02-10", 发布日期="2026-02-13")
    )
    domain(
        project,
        "shjz",
        "社会救助",
        {**ITEM, "栏目": "[czxx]"},
        {**ITEM, "二级事项": "特困人员救助供养", "公开渠道": "[政府网站]"},
    )
    domain(project, "ywjy", "义务教育", {**ITEM, "一级事项": "招生入学", "二级事项": "招生政策"})
    assert check_findings(project, capsys) == (0, [])
    project.build()

    column = project.html("zwgk/bzml/")
    # In the order of the pilot domains (gongkai/data/standard_catalog.yaml): 义务教育 before 社会救助.
    assert [[td.text(strip=True) for td in tr.css("td")] for tr in column.css("tbody tr")] == [
        ["义务教育", "1 项"], ["社会救助", "2 项"],
    ]  # fmt: skip
    page = project.html("zwgk/bzml/shjz/")
    assert texts(page, "h1") == ["社会救助领域基层政务公开标准目录"]
    assert texts(page, "table.gk-standard thead th") == [
        "序号", "一级事项", "二级事项", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
        "公开对象", "公开方式", "公开层级", "发布栏目",
    ]  # fmt: skip
    first = page.css_first("table.gk-standard tbody tr")
    cells = [td.text(strip=True) for td in first.css("td")]
    assert cells[:7] == ["1", "政策文件", "最低生活保障政策", "保障标准；申请条件", "《社会救助暂行办法》",
                         "信息形成或者变更之日起20个工作日内", "县民政局"]  # fmt: skip
    assert texts(first, ".gk-standard__channels li") == ["✓政府网站", "✓便民服务站"]
    assert cells[8:] == ["全社会", "主动", "县级、乡级", "财政预决算最新2026-02-13"]
    assert first.css_first("td:last-child a").attributes["href"] == "../../fdzdgknr/czxx/"

    table = list(csv.reader(io.StringIO((project.site / "zwgk/bzml/bzml.csv").read_text("utf-8-sig"))))
    assert table[0][:8] == [
        "领域",
        "序号",
        "一级事项",
        "二级事项",
        "公开内容（要素）",
        "公开依据",
        "公开时限",
        "公开主体",
    ]
    assert table[0][8] == "公开渠道和载体：政府网站" and table[0][-4:] == [
        "公开对象",
        "公开方式",
        "公开层级",
        "发布栏目",
    ]
    assert [row[:4] for row in table[1:]] == [
        ["义务教育", "1", "招生入学", "招生政策"], ["社会救助", "1", "政策文件", "最低生活保障政策"],
        ["社会救助", "2", "政策文件", "特困人员救助供养"],
    ]  # fmt: skip
    channels = table[0].index("公开渠道和载体：便民服务站")
    assert [row[channels] for row in table[1:]] == ["√", "√", ""]
    data = json.loads((project.site / "zwgk/bzml/bzml.json").read_text("utf-8"))
    assert [d["名称"] for d in data["领域"]] == ["义务教育", "社会救助"]
    assert data["领域"][1]["事项"][0]["公开渠道和载体"] == ["政府网站", "便民服务站"]


def test_an_items_columns_are_published_within_its_deadline(project, capsys):
    add_top_column(project, STANDARD_COLUMN)
    project.add_document(
        "2026/00001.md", document(1, 2026, 栏目=["czxx"], 成文日期="2026-03-02", 发布日期="2026-03-20")
    )
    project.add_document(
        "2026/00002.md", document(2, 2026, 栏目=["gfxwj"], 成文日期="2026-03-02", 发布日期="2026-03-03")
    )
    domain(
        project, "shjz", "社会救助",
        {**ITEM, "公开时限": "信息形成之日起5个工作日内", "栏目": "[czxx]"},  # published after 14 working days
        {**ITEM, "二级事项": "救助情况", "公开时限": "及时公开", "栏目": "[gfxwj]"},  # newest 2026-03-03
        {**ITEM, "二级事项": "资金", "公开时限": "每季度结束后30日内", "栏目": "[gfxwj]"},  # not read: not checked
        {**ITEM, "二级事项": "特困供养", "栏目": "[wjk]"},  # an empty column
    )  # fmt: skip
    code, lines = check_findings(project, capsys)
    assert (code, lines) == (0, [
        "警告  content/bzml/shjz.yaml:3: 栏目: 「政策文件／最低生活保障政策」的发布栏目「财政预决算」有 1 份文件晚于成文日期后 5 个工作日发布："
        "content/wj/2026/00001.md（成文 2026-03-02，发布 2026-03-20）；应为：按公开时限（信息形成之日起5个工作日内）发布  [GK721 标准目录未按时限公开]",
        "警告  content/bzml/shjz.yaml:14: 栏目: 「政策文件／救助情况」的发布栏目「行政规范性文件」最新发布日期 2026-03-03，"
        "到 2026-11-23 已超过六个月未更新；应为：按公开时限（及时公开）及时发布  [GK721 标准目录未按时限公开]",
        "警告  content/bzml/shjz.yaml:36: 栏目: 「政策文件／特困供养」的发布栏目「规范性文件库」没有已发布的文件；"
        "应为：按公开时限（信息形成或者变更之日起20个工作日内）发布  [GK721 标准目录未按时限公开]",
    ])  # fmt: skip


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        pytest.param(
            {"公开渠道": "[政府网站, 微博]"},
            "content/bzml/shjz.yaml:9: 事项[1].公开渠道: '微博' 不是标准目录的公开渠道；应为：以下之一：政府网站、政府公报、两微一端、"
            "发布会/听证会、广播电视、纸质媒体、公开查阅点、政务服务中心、便民服务站、入户/现场、社区/企事业单位/村公示栏（电子屏）、精准推送、其他",
            id="unknown-channel",
        ),
        pytest.param(
            {"公开内容": "[]"},
            "content/bzml/shjz.yaml:5: 事项[1].公开内容: 空的公开内容；应为：公开的要素，如 [招生政策, 招生范围, 招生计划]",
            id="empty-contents",
        ),
        pytest.param(
            {"公开对象": "本村村民"},
            "content/bzml/shjz.yaml:10: 事项[1].公开对象: '本村村民' 不在可选值中；应为：以下之一：全社会、特定群众",
            id="unknown-audience",
        ),
        pytest.param(
            {"栏目": "[jgzn]"},
            "content/bzml/shjz.yaml:13: 事项[1].栏目: 栏目代码 'jgzn' 不是本单位列出文件的栏目；"
            "应为：以下栏目代码之一：czxx、fdzdgknr、gfxwj、wjk",
            id="column-that-lists-nothing",
        ),
        pytest.param(
            {"公开主体": None},
            "content/bzml/shjz.yaml:3: 事项[1].公开主体: 缺少必填字段；应为：填写「公开主体」",
            id="missing-field",
        ),
    ],
)
def test_an_item_written_wrong_is_an_error_naming_its_line_and_field(project, capsys, item, expected):
    add_top_column(project, STANDARD_COLUMN)
    domain(project, "shjz", "社会救助", {**ITEM, **item})
    assert check_findings(project, capsys) == (1, [f"错误  {expected}  [GK100 内容格式]"])


def test_a_duplicate_item_an_unknown_domain_or_a_domain_twice_is_an_error(project, capsys):
    add_top_column(project, STANDARD_COLUMN)
    domain(project, "shjz", "社会救助", ITEM, {**ITEM, "公开主体": "乡镇人民政府"})
    domain(project, "jy1", "就业", ITEM)
    domain(project, "jy2", "就业", ITEM)
    domain(project, "xyz", "校园足球", ITEM)
    code, lines = check_findings(project, capsys)
    assert code == 1
    assert lines[0] == (
        "错误  content/bzml/jy2.yaml:1: 领域: 领域「就业」已有一个文件：content/bzml/jy1.yaml；应为：每个领域一个文件  [GK100 内容格式]"
    )
    assert lines[1] == (
        "错误  content/bzml/shjz.yaml:14: 事项[2].二级事项: 「政策文件／最低生活保障政策」与第 3 行的事项重复；"
        "应为：每个一级事项下的二级事项各不相同  [GK100 内容格式]"
    )
    assert lines[2].startswith(
        "错误  content/bzml/xyz.yaml:1: 领域: '校园足球' 不在可选值中；应为：以下之一：重大建设项目、公共资源交易"
    )
    assert len(lines) == 3


def test_a_site_may_declare_its_own_domains(project, capsys):
    add_top_column(project, STANDARD_COLUMN + "      领域: [校园足球, 社会救助]\n")
    domain(project, "xyzq", "校园足球", ITEM)
    domain(project, "shjz", "社会救助", ITEM)
    assert check_findings(project, capsys) == (0, [])
    project.build()
    assert texts(project.html("zwgk/bzml/"), "tbody a") == ["校园足球", "社会救助"]
