"""`gongkai import`: a JSON Lines collection into content/, idempotent, reported, never overwriting edits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.cli import main
from gongkai.importers.collection import chinese_number, first_paragraph
from helpers import ORGAN_CODE, document, texts

MAPPING = """\
名称: 旧系统
标识字段: uid
正文字段: file
字段:
  标题: name
  发文机关: organ
  发文字号: number
  成文日期: signed
  发布日期: issued
  内容概述: abstract
对照:
  栏目:
    字段: type
    值: {规范性文件: gfxwj, 财政: czxx}
  文种:
    字段: type
    值: {规范性文件: 通知}
    其他: 其他
固定:
  公开属性: 主动公开
  主题分类: 综合政务\\政务公开
缺省:
  发文机关: 测试县人民政府办公室
内容概述取正文: true
关系:
  替代: replaces
"""


def record(uid: str, **overrides: object) -> dict:
    fields: dict[str, object] = {
        "uid": uid, "name": f"测试县人民政府关于{uid}的通知", "organ": "测试县人民政府",
        "number": None, "signed": "2023-05-04", "issued": "2023-05-06", "abstract": f"关于{uid}。",
        "type": "规范性文件", "file": f"bodies/{uid}.md",
    }  # fmt: skip
    fields.update(overrides)
    return fields


@pytest.fixture
def source(project) -> Path:
    folder = project.root.parent / "export"
    (folder / "bodies").mkdir(parents=True)
    rows = [
        record("a1", number="测政发〔2023〕7号"),
        record("a2", organ=None, abstract=None, number="测试县人民政府令第十二号", replaces=["a1"]),
        record("a3", type="财政", issued="2023-02-30"),  # no such day
        record("a4", type="会议纪要"),  # not in the 栏目 table, which has no 其他
        record("a5", file="bodies/missing.md"),
        record("a1"),  # the same id again
        record("a6", replaces="a3", issued="2024-01-02", signed="2024-01-02"),  # a3 is skipped
    ]
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    lines.insert(3, "{not json")
    (folder / "export.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    for uid in ("a1", "a2", "a3", "a4", "a6"):
        (folder / "bodies" / f"{uid}.md").write_text(f"# 标题\n\n各单位：现将{uid}的有关事项通知如下。\n", "utf-8")
    (project.root / "map.yaml").write_text(MAPPING, "utf-8")
    return folder / "export.jsonl"


def run_import(project, source: Path, capsys, *extra: str) -> list[str]:
    config = ["-f", str(project.root / "mkdocs.yml")]
    assert main([*config, "import", str(source), "-m", str(project.root / "map.yaml"), *extra]) == 0
    return capsys.readouterr().out.splitlines()


def test_import_writes_documents_the_build_publishes(project, source, capsys):
    project.add_document("2023/00001.md", document(1, year=2023))
    out = run_import(project, source, capsys)
    assert (
        out[-1]
        == "导入 3 条（新增 3，更新 0，未变 0），其中修补 2 条；跳过 5 条（其中已编辑未覆盖 0 条）；来源中已没有、保留原文件 0 个"
    )
    # Numbers continue after the 2023 document already there, in date order; a6 is dated 2024.
    a1 = (project.content / "wj/2023/00002.md").read_text("utf-8")
    assert a1.startswith("---\n# 导入：旧系统 记录 a1 校验 ")
    assert f"索引号: {ORGAN_CODE}/2023-00002\n" in a1 and "发文字号: 测政发〔2023〕7号\n" in a1
    a2 = (project.content / "wj/2023/00003.md").read_text("utf-8")
    assert "发文机关: 测试县人民政府办公室\n" in a2  # the default
    assert "发文字号: 测试县人民政府令第12号\n" in a2  # repaired
    assert "内容概述: 各单位：现将a2的有关事项通知如下。\n" in a2  # from the body
    assert f"替代: [{ORGAN_CODE}/2023-00002]\n" in a2
    a6 = (project.content / "wj/2024/00001.md").read_text("utf-8")
    assert "替代" not in a6.split("---")[1]

    report = "\n".join(out)
    assert (
        "export.jsonl:2 记录 a2 → content/wj/2023/00003.md：新增（修补：发文机关：来源没有，取缺省值 测试县人民政府办公室；修补：发文字号：'测试县人民政府令第十二号' 的序号写成阿拉伯数字 '测试县人民政府令第12号'）"
        in report
    )
    assert (
        "export.jsonl:3 记录 a3：跳过（发布日期：'2023-02-30' 不是有效日期；应为：YYYY-MM-DD 格式的日期，如 2024-03-01）"
        in report
    )
    assert (
        "export.jsonl:4 记录 第 4 行：跳过（不是合法的 JSON（第 2 列：Expecting property name enclosed in double quotes））"
        in report
    )
    assert "export.jsonl:5 记录 a4：跳过（栏目：type 的值 '会议纪要' 不在对照表中，对照表也没有「其他」）" in report
    assert "export.jsonl:6 记录 a5：跳过（正文文件 'bodies/missing.md' 不存在）" in report
    assert "export.jsonl:7 记录 a1：跳过（标识 a1 与第 1 行重复）" in report
    assert (
        "export.jsonl:8 记录 a6 → content/wj/2024/00001.md：新增（修补：替代：目标记录 a3 未导入，这条关系未写入）"
        in report
    )

    site = project.build()
    page = project.html("wj/2023/00003/")
    assert "测试县人民政府关于a2的通知" in texts(page, "h1")[0]
    assert (site / "wj/2024/00001/index.html").is_file()


def test_a_second_import_changes_nothing(project, source, capsys):
    run_import(project, source, capsys)
    before = {p: p.read_bytes() for p in project.content.rglob("*.md")}
    out = run_import(project, source, capsys)
    assert out[-1].startswith("导入 3 条（新增 0，更新 0，未变 3）")
    assert {p: p.read_bytes() for p in project.content.rglob("*.md")} == before


def test_an_edited_document_is_kept_unless_forced(project, source, capsys):
    run_import(project, source, capsys)
    edited = project.content / "wj/2023/00001.md"
    text = edited.read_text("utf-8").replace("关于a1。", "关于a1，已由编辑补充。")
    edited.write_text(text, "utf-8")
    out = run_import(project, source, capsys)
    assert (
        "content/wj/2023/00001.md：已编辑，未覆盖（文件在导入后被编辑过，未覆盖；确需用来源覆盖时加 --force）"
        in "\n".join(out)
    )
    assert edited.read_text("utf-8") == text
    out = run_import(project, source, capsys, "--force")
    assert "content/wj/2023/00001.md：更新" in "\n".join(out)
    assert "已由编辑补充" not in edited.read_text("utf-8")


def test_a_changed_source_record_updates_its_file_and_a_removed_one_is_kept(project, source, capsys):
    run_import(project, source, capsys)
    lines = source.read_text("utf-8").splitlines()
    lines[0] = lines[0].replace("关于a1。", "关于a1（更新）。")
    source.write_text("\n".join(line for line in lines if '"a6"' not in line) + "\n", "utf-8")
    out = run_import(project, source, capsys)
    assert "记录 a1 → content/wj/2023/00001.md：更新" in "\n".join(out)
    assert "content/wj/2024/00001.md：来源中已没有这条记录，文件保留未动" in out
    assert (project.content / "wj/2024/00001.md").is_file()


def test_dry_run_writes_nothing(project, source, capsys):
    out = run_import(project, source, capsys, "--dry-run")
    assert out[-2].startswith("导入 3 条（新增 3")
    assert not (project.content / "wj").exists()


def test_a_broken_mapping_is_reported_with_line_and_field(project, source, capsys):
    (project.root / "map.yaml").write_text(MAPPING.replace("  标题: name", "  题目: name"), "utf-8")
    config = ["-f", str(project.root / "mkdocs.yml")]
    assert main([*config, "import", str(source), "-m", str(project.root / "map.yaml")]) == 1
    err = capsys.readouterr().err
    assert "map.yaml:5: 字段.题目: 未知字段「题目」" in err


def test_numbers_and_summaries():
    assert [chinese_number(t) for t in ("三", "十二", "七十三", "一百零五", "二千")] == [3, 12, 73, 105, 2000]
    assert chinese_number("第三") is None
    body = "## 第一章 总则\n\n最高人民法院\n\n第一条 为了规范管理，制定本规定。\n"
    assert first_paragraph(body) == "为了规范管理，制定本规定。"
    assert first_paragraph("## 只有标题\n") is None


def test_a_template_or_site_the_import_cannot_use_is_reported(project, source, capsys):
    (project.root / "map.yaml").write_text(MAPPING + "索引号: '{机构代码}/{年份}-{序号}'\n", "utf-8")
    config = ["-f", str(project.root / "mkdocs.yml")]
    assert main([*config, "import", str(source), "-m", str(project.root / "map.yaml")]) == 1
    assert "索引号: '{机构代码}/{年份}-{序号}' 中的 '年份' 无法替换" in capsys.readouterr().err
    (project.root / "plain.yml").write_text("site_name: x\ndocs_dir: content\n", "utf-8")
    assert (
        main(["-f", str(project.root / "plain.yml"), "import", str(source), "-m", str(project.root / "map.yaml")]) == 1
    )
    assert "plain.yml: plugins: plugins 中没有 gongkai/disclosure" in capsys.readouterr().err
