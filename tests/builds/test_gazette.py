"""政府公报: issues as data with their 目录 and PDF, the column of years and issues, an issue's page, the
document page saying where it was carried, the 公报 facet, and the rules (GK711-GK715)."""

from __future__ import annotations

import pytest

from helpers import ORGAN_CODE, add_top_column, check_findings, document, search_records, texts

GAZETTE_COLUMN = """\
    - 代码: zfgb
      名称: 政府公报
      依据: 第二十三条
      说明: 公报电子版和历史公报。
      更新频率: 按需
      责任单位: 办公室
      类型: 政府公报
      刊名: 测试县人民政府公报
      目录栏目: [政府文件, 人事任免, 其他]
"""
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _as_of(monkeypatch):
    monkeypatch.setenv("GONGKAI_AS_OF", "2026-11-23")


def with_gazette_column(project, settings: str = "") -> None:
    add_top_column(project, GAZETTE_COLUMN + settings)


def issue(project, key: str, year: int, number: int, published: str, *items: str, pdf: bool = True, **extra) -> None:
    """content/gongbao/<key>.yaml; `items`: the lines of its 目录, each indented as a list of sections."""
    lines = [f"年份: {year}", f"期号: {number}", f"出版日期: {published}"]
    lines += [f"{k}: {v}" for k, v in extra.items()]
    if pdf:
        project.write(f"content/gongbao/{key}.pdf", PDF)
        lines.append(f"全文: {key}.pdf")
    lines += ["目录:", *items]
    project.write(f"content/gongbao/{key}.yaml", "\n".join(lines) + "\n")


def carrying(*references: str, section: str = "政府文件") -> tuple[str, ...]:
    return (f"  - 栏目: {section}", "    条目:", *(f"      - 文件: {r}" for r in references))


def findings(project, capsys) -> tuple[int, list[str]]:
    return check_findings(project, capsys)


APPOINTMENTS = (
    "  - 栏目: 人事任免",
    "    条目:",
    "      - 标题: 测试县人民政府关于王建国等同志职务任免的通知",
    "        页码: 10-11",
    "        正文: |",
    "          经县人民政府研究决定：",
    "          任命王建国为测试县发展和改革局副局长。",
    "      - 标题: 测试县2025年统计公报",
    "        页码: 12",
)


def test_the_gazette_lists_its_years_and_issues_and_each_issue_its_contents(project, capsys):
    with_gazette_column(project)
    project.add_document("2026/00001.md", document(1, 2026, 成文日期="2026-01-20", 发布日期="2026-01-20"))
    project.add_document(
        "2026/00002.md", document(2, 2026, 发文字号=None, 成文日期="2026-01-21", 发布日期="2026-01-21")
    )
    project.add_document(
        "2025/00001.md", document(1, 2025, 栏目=["czxx"], 成文日期="2025-05-06", 发布日期="2025-05-06")
    )
    issue(project, "2025-01", 2025, 1, "2025-05-16", *carrying("测政发〔2025〕1号", section="其他"), 总期号=11)
    issue(project, "2026-01", 2026, 1, "2026-02-06", *carrying("测政发〔2026〕1号", f"{ORGAN_CODE}/2026-00002"),
          *APPOINTMENTS, 总期号=12)  # fmt: skip
    assert findings(project, capsys) == (0, [])
    project.build()

    column = project.html("zwgk/zfgb/")
    assert texts(column, "section h2") == ["2026年", "2025年"]
    assert texts(column, "table.gk-gazette caption") == [
        "《测试县人民政府公报》2026年共 1 期",
        "《测试县人民政府公报》2025年共 1 期",
    ]
    first = column.css_first("table.gk-gazette tbody tr")
    assert [td.text(strip=True) for td in first.css("td")] == [
        "2026年第1号（总第12号）", "2026-02-06", "4 项", "PDF：2026年第1号全文",
    ]  # fmt: skip
    assert first.css_first("a").attributes["href"] == "2026-01/"
    assert (project.site / "gongbao/2026-01.pdf").read_bytes() == PDF  # published as it is
    assert not (project.site / "gongbao/2026-01.yaml").exists()  # data, rendered as the page

    page = project.html("zwgk/zfgb/2026-01/")
    assert texts(page, "h1") == ["测试县人民政府公报 2026年第1号"]
    toc = page.css_first("section.gk-gazette-toc")
    assert texts(toc, "h3") == ["政府文件", "人事任免"]
    assert texts(toc, "li") == [
        "测试县人民政府关于第1号事项的通知（测政发〔2026〕1号）",
        "测试县人民政府关于第2号事项的通知",
        "测试县人民政府关于王建国等同志职务任免的通知第10—11页",
        "测试县2025年统计公报全文 PDF 第12页",
    ]
    assert [a.attributes["href"] for a in toc.css("li a")] == [
        "../../../wj/2026/00001/", "../../../wj/2026/00002/", "#gk-item-3", "../../../gongbao/2026-01.pdf#page=12",
    ]  # fmt: skip
    appointment = page.css_first("section.gk-gazette-text")
    assert texts(appointment, "h2") == ["测试县人民政府关于王建国等同志职务任免的通知"]
    assert texts(appointment, "p") == ["经县人民政府研究决定：", "任命王建国为测试县发展和改革局副局长。"]

    carried = project.html("wj/2026/00001/").css_first(".gk-carried")
    assert carried.text(strip=True) == "刊登于《测试县人民政府公报》2026年第1号"
    assert carried.css_first("a").attributes["href"] == "../../../zwgk/zfgb/2026-01/"
    gazettes = {r["url"].split("/wj/")[1]: r["filters"].get("公报") for r in search_records(project.site)}
    assert gazettes == {"2026/00001/": ["2026年第1号"], "2026/00002/": ["2026年第1号"], "2025/00001/": ["2025年第1号"]}


def test_what_an_issue_names_must_be_published_once_and_not_after_the_issue(project, capsys):
    with_gazette_column(project)
    project.add_document("2026/00001.md", document(1, 2026, 成文日期="2026-01-20", 发布日期="2026-01-20"))
    project.add_document("2026/00002.md", document(2, 2026, 公开属性="依申请公开"))
    project.add_document("2026/00003.md", document(3, 2026, 成文日期="2026-03-02", 发布日期="2026-03-02"))
    issue(
        project,
        "2026-01",
        2026,
        1,
        "2026-02-06",
        *carrying("测政发〔2026〕1号", "测政发〔2026〕2号", "测政发〔2026〕9号"),
    )
    issue(project, "2026-02", 2026, 2, "2026-02-27", *carrying("测政发〔2026〕1号", "测政发〔2026〕3号"))
    code, lines = findings(project, capsys)
    assert code == 1
    assert lines == [
        "错误  content/gongbao/2026-01.yaml:9: 文件: '测政发〔2026〕2号' 不是主动公开的文件，不能刊登在公开的公报目录中；"
        "应为：主动公开文件的索引号或发文字号  [GK711 公报条目无效]",
        "错误  content/gongbao/2026-01.yaml:10: 文件: '测政发〔2026〕9号' 没有对应的文件；"
        "应为：本站已有文件的索引号或发文字号  [GK711 公报条目无效]",
        "错误  content/gongbao/2026-02.yaml:8: 文件: '测政发〔2026〕1号' 已刊登于 2026年第1号（content/gongbao/2026-01.yaml:8）；"
        "应为：每份文件只刊登一次  [GK712 重复刊登]",
        "错误  content/gongbao/2026-02.yaml:9: 文件: 2026年第2号出版于 2026-02-27，早于所刊登文件的发布日期 2026-03-02；"
        "应为：不早于文件发布日期的一期  [GK714 公报早于文件]",
    ]


def test_a_years_issues_are_numbered_from_one_in_the_order_they_came_out(project, capsys):
    with_gazette_column(project)
    project.add_document("2026/00001.md", document(1, 2026, 成文日期="2026-01-20", 发布日期="2026-01-20"))
    issue(project, "2026-01", 2026, 1, "2026-02-06", *carrying("测政发〔2026〕1号"))
    issue(project, "2026-03", 2026, 3, "2026-04-03", *APPOINTMENTS)  # no 第2号
    issue(project, "2026-04", 2026, 4, "2026-03-20", *APPOINTMENTS)  # before 第3号
    issue(project, "2026-04b", 2026, 4, "2026-05-08", *APPOINTMENTS)  # 第4号 again
    code, lines = findings(project, capsys)
    assert lines == [
        "错误  content/gongbao/2026-03.yaml:2: 期号: 2026 年的期号从 1 跳到 3（缺第2号）；"
        "应为：2026 年的期号从第1号起依次编排  [GK713 期号不连续]",
        "错误  content/gongbao/2026-04.yaml:2: 期号: 2026年第4号出版于 2026-03-20，早于2026年第3号（2026-04-03）；"
        "应为：期号大的一期不早于期号小的一期出版  [GK713 期号不连续]",
        "错误  content/gongbao/2026-04b.yaml:2: 期号: 2026年第4号与 content/gongbao/2026-04.yaml 的期号相同；"
        "应为：2026 年内每期一个期号  [GK713 期号不连续]",
    ]


def test_a_regulation_is_carried_within_the_columns_working_days(project, capsys):
    with_gazette_column(project, "      刊登时限: 10\n")
    library = dict(栏目=["wjk"])  # the test catalog's 文件库: 行政规范性文件
    project.add_document("2026/00001.md", document(1, 2026, 成文日期="2026-01-05", 发布日期="2026-01-05", **library))
    project.add_document("2026/00002.md", document(2, 2026, 成文日期="2026-03-02", 发布日期="2026-03-02", **library))
    project.add_document("2026/00003.md", document(3, 2026, 成文日期="2026-11-16", 发布日期="2026-11-16", **library))
    project.add_document("2025/00001.md", document(1, 2025, 成文日期="2025-06-02", 发布日期="2025-06-02", **library))
    issue(project, "2026-01", 2026, 1, "2026-01-16", *carrying("测政发〔2026〕1号"))  # 9 working days: in time
    # 00002 is not carried (10 working days ended 2026-03-16); 00003 not yet due (2026-11-30);
    # 2025's came out before the gazette's first issue.
    issue(project, "2026-02", 2026, 2, "2026-04-03", *APPOINTMENTS)
    code, lines = findings(project, capsys)
    assert (code, lines) == (0, [
        "警告  content/wj/2026/00002.md:7: 发布日期: 行政规范性文件发布于 2026-03-02，至 2026-11-23 仍未刊登《测试县人民政府公报》；"
        "应为：2026-03-16 前出版的一期公报刊登（10 个工作日内），在其「目录」中写本文件的索引号  [GK715 未按时刊登公报]",
    ])  # fmt: skip
    issue(project, "2026-02", 2026, 2, "2026-04-03", *carrying("测政发〔2026〕2号"))
    code, lines = findings(project, capsys)
    assert lines == [
        "警告  content/wj/2026/00002.md:7: 发布日期: 行政规范性文件发布于 2026-03-02，刊登于 2026年第2号（2026-04-03 出版）；"
        "应为：2026-03-16 前出版的一期公报刊登（10 个工作日内），在其「目录」中写本文件的索引号  [GK715 未按时刊登公报]",
    ]


@pytest.mark.parametrize(
    ("items", "extra", "expected"),
    [
        pytest.param(
            ("  - 栏目: 通知公告", "    条目:", "      - 文件: 测政发〔2026〕1号"),
            {},
            "content/gongbao/2026-01.yaml:5: 目录[1].栏目: '通知公告' 不在可选值中；应为：以下之一：政府文件、人事任免、其他",
            id="section-not-in-the-catalog",
        ),
        pytest.param(
            ("  - 栏目: 其他", "    条目:", "      - 页码: 3"),
            {},
            "content/gongbao/2026-01.yaml:7: 目录[1].条目[1].文件: 条目既没有「文件」也没有「标题」；"
            "应为：本站文件的索引号或发文字号；或 标题 加 正文（如人事任免），或 标题 加 页码",
            id="item-of-nothing",
        ),
        pytest.param(
            ("  - 栏目: 其他", "    条目:", "      - 文件: 测政发〔2026〕1号", "        标题: 另一个标题"),
            {},
            "content/gongbao/2026-01.yaml:8: 目录[1].条目[1].标题: 「文件」条目另写了标题或正文；"
            "应为：本站文件只写「文件」（和「页码」），标题和正文取自文件",
            id="document-with-a-title",
        ),
        pytest.param(
            ("  - 栏目: 其他", "    条目:", "      - 标题: 统计公报", "        页码: 9-3"),
            {},
            "content/gongbao/2026-01.yaml:8: 目录[1].条目[1].页码: '9-3'；应为：全文 PDF 的页码或页码范围，如 5 或 5-12",
            id="pages-backwards",
        ),
        pytest.param(
            ("  - 栏目: 其他", "    条目:", "      - 标题: 统计公报"),
            {},
            "content/gongbao/2026-01.yaml:7: 目录[1].条目[1].标题: '统计公报' 没有正文也没有页码；"
            "应为：「正文」，或全文 PDF 中的「页码」，如 20-21",
            id="title-alone",
        ),
        pytest.param(
            carrying("测政发〔2026〕1号"),
            {"出版日期": "2025-12-30"},
            "content/gongbao/2026-01.yaml:3: 出版日期: '2025-12-30' 不在 2026 年；应为：2026 年内的日期（期号按年编排）",
            id="date-outside-the-year",
        ),
        pytest.param(
            carrying("测政发〔2026〕1号"),
            {"全文": "2026-01.docx"},
            "content/gongbao/2026-01.yaml:4: 全文: '2026-01.docx' 不是同一目录下的 PDF 文件；应为：与这一期放在一起的 PDF 文件名，如 2026-03.pdf",
            id="not-a-pdf",
        ),
        pytest.param(
            carrying("测政发〔2026〕1号"),
            {"全文": "2026-09.pdf"},
            "content/gongbao/2026-01.yaml:4: 全文: 文件 '2026-09.pdf' 不存在；应为：gongbao/ 下已有的 PDF 文件",
            id="missing-pdf",
        ),
    ],
)
def test_an_issue_written_wrong_is_an_error_naming_its_line_and_field(project, capsys, items, extra, expected):
    with_gazette_column(project)
    project.add_document("2026/00001.md", document(1, 2026, 成文日期="2026-01-20", 发布日期="2026-01-20"))
    fields = {"年份": 2026, "期号": 1, "出版日期": "2026-02-06", **extra}
    lines = [f"{k}: {v}" for k, v in fields.items()] + ["目录:", *items]
    project.write("content/gongbao/2026-01.yaml", "\n".join(lines) + "\n")
    code, found = findings(project, capsys)
    assert (code, found) == (1, [f"错误  {expected}  [GK100 内容格式]"])


def test_a_stray_file_or_an_issue_without_a_column_is_an_error(project, capsys):
    project.add_document("2026/00001.md", document(1, 2026))
    issue(project, "2026-01", 2026, 1, "2026-04-03", *APPOINTMENTS)
    project.write("content/gongbao/notes.txt", "草稿")
    code, found = findings(project, capsys)
    assert (code, found) == (1, [
        "错误  content/gongbao/2026-01.yaml: 有公报，但没有发布它的栏目；应为：在 catalog.yaml 中加一个类型为「政府公报」的栏目  [GK100 内容格式]",
        "错误  content/gongbao/notes.txt: 'notes.txt' 不是公报的一期，也不是某期的全文；"
        "应为：content/gongbao/ 下只放公报：每期一个 .yaml 文件（如 2026-03.yaml），和它「全文」所写的 PDF  [GK100 内容格式]",
    ])  # fmt: skip


def test_on_a_platform_the_governments_gazette_carries_a_departments_document_even_in_its_part(tmp_path):
    """A part loads the issues of another organ's gazette that carry its documents: its pages say so."""
    from gongkai.model.site import load_platform
    from helpers import AS_OF, make_platform, platform_documents

    project = make_platform(tmp_path, platform_documents())
    catalog = project.root / "catalog.yaml"
    text = catalog.read_text("utf-8")
    at = text.index("  政府部门:")
    catalog.write_text(text[:at] + GAZETTE_COLUMN + text[at:], "utf-8")
    project.write("content/zwgk/xzf/gongbao/2026-01.yaml", "年份: 2026\n期号: 1\n出版日期: 2026-06-05\n目录:\n"
                  + "\n".join(carrying("测jyj发〔2026〕3号", section="其他")) + "\n")  # fmt: skip

    def carried(organ: str) -> list[str]:
        platform = load_platform(catalog, project.content, "wj", project.root, as_of=AS_OF, only_organ=organ)
        jyj = platform.site("jyj")
        document = next(d for d in jyj.documents if d.index_no.endswith("2026-00003"))
        return [f"{c.gazette} {c.issue} {c.uri}" for c in jyj.carried_in(document)]

    assert carried("jyj") == ["测试县人民政府公报 2026年第1号 zwgk/xzf/zfgb/2026-01/index.md"]
    whole = load_platform(catalog, project.content, "wj", project.root, as_of=AS_OF)
    document = next(d for d in whole.site("jyj").documents if d.index_no.endswith("2026-00003"))
    assert [c.issue for c in whole.site("jyj").carried_in(document)] == ["2026年第1号"]
    # The government's part loads the department's document its issue names, to link it.
    xzf = load_platform(catalog, project.content, "wj", project.root, as_of=AS_OF, only_organ="xzf")
    assert [s.catalog.organ_key for s in xzf.sites] == ["xzf", "jyj"]


def test_a_gazettes_own_text_is_published_and_checked_for_personal_data(project, capsys):
    with_gazette_column(project)
    items = (
        "  - 栏目: 人事任免",
        "    条目:",
        "      - 标题: 任免通知",
        "        正文: 任命王建国（身份证号 11010519491231002X）为副局长。",
    )
    issue(project, "2026-01", 2026, 1, "2026-04-03", *items, pdf=False)
    code, found = findings(project, capsys)
    assert (code, found) == (1, [
        "错误  content/gongbao/2026-01.yaml:8: 目录: 身份证号 '110*************2X'；"
        "应为：删去或去标识化后发布；确需公开的号码（如办公电话），在 catalog.yaml 检查: 公开号码 中登记并写明理由  [GK401 个人信息]",
    ])  # fmt: skip


GAZETTE_MAPPING = """\
名称: 旧公报库
类型: 公报
标识字段: id
字段: {年份: year, 期号: number, 总期号: total, 出版日期: date, 全文: pdf, 目录: toc}
目录字段: {栏目: section, 文件: doc, 标题: title, 正文: text, 页码: pages}
"""


def test_historical_issues_are_imported_from_json_lines_once_and_edits_are_kept(project, capsys):
    import json

    from gongkai.cli import main

    with_gazette_column(project)
    project.add_document("2024/00001.md", document(1, 2024, 成文日期="2024-03-01", 发布日期="2024-03-04"))
    project.write("import/gongbao.yaml", GAZETTE_MAPPING)
    project.write("import/pdf/2024-1.pdf", PDF)
    records = [
        # Sections nested, as a CMS export holds them.
        {"id": "gb-2024-1", "year": 2024, "number": 1, "total": 7, "date": "2024-03-15", "pdf": "pdf/2024-1.pdf",
         "toc": [{"section": "政府文件", "条目": [{"doc": "测政发〔2024〕1号", "pages": "2-5"}]}]},
        # A flat list of entries, each naming its section.
        {"id": "gb-2024-2", "year": 2024, "number": 2, "date": "2024-06-14",
         "toc": [{"section": "人事任免", "title": "关于王建国同志任职的通知", "text": "任命王建国为副局长。"}]},
        {"id": "gb-2024-3", "year": 2024, "number": 3, "date": "2024-09-13", "toc": [{"section": "通知公告", "title": "某通知", "text": "正文"}]},
        {"id": "gb-2024-4", "year": 2024, "number": 4, "date": "2024-12-13", "pdf": "pdf/missing.pdf", "toc": []},
    ]  # fmt: skip
    project.write("import/gongbao.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    command = ["-f", str(project.root / "mkdocs.yml"), "import", str(project.root / "import/gongbao.jsonl")]
    command += ["-m", str(project.root / "import/gongbao.yaml")]

    assert main(command) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "import/gongbao.jsonl:3 记录 gb-2024-3 → content/gongbao/2024-03.yaml：跳过（目录[1].栏目：'通知公告' 不在可选值中；"
        "应为：以下之一：政府文件、人事任免、其他）"
    )
    assert out[1] == "import/gongbao.jsonl:4 记录 gb-2024-4：跳过（全文 'pdf/missing.pdf' 不是已有的 PDF 文件）"
    assert out[-1].startswith("导入 2 条（新增 2，更新 0，未变 0）")
    assert (project.content / "gongbao/2024-01.pdf").read_bytes() == PDF
    assert check_findings(project, capsys) == (0, [])
    project.build()
    assert texts(project.html("zwgk/zfgb/2024-02/"), "section.gk-gazette-text p") == ["任命王建国为副局长。"]

    assert main(command) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("导入 2 条（新增 0，更新 0，未变 2）")
    edited = project.content / "gongbao/2024-02.yaml"
    edited.write_text(edited.read_text("utf-8").replace("副局长", "局长"), "utf-8")
    assert main(command) == 0
    assert "记录 gb-2024-2 → content/gongbao/2024-02.yaml：已编辑，未覆盖" in capsys.readouterr().out
    assert "局长" in edited.read_text("utf-8")
