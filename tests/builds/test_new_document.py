"""`gongkai new`: a document to fill in, with the next free 索引号, that the build refuses until filled in."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from gongkai.cli import main
from gongkai.model.document import PLACEHOLDER
from gongkai.model.problems import InvalidInput
from gongkai.scaffold import NewDocument, write_new
from helpers import ORGAN_CODE, document, texts


def new(project, *args: str) -> int:
    return main(["-f", str(project.root / "mkdocs.yml"), "new", *args])


def front_matter(path) -> dict:
    return yaml.safe_load(path.read_text("utf-8").split("---\n")[1])


def test_new_writes_every_required_field_with_the_next_free_index_number(project, capsys):
    project.add_document("2024/00001.md", document(1))
    project.add_document("2024/00007.md", document(7, 公开属性="依申请公开"))  # withheld: its number is taken too
    assert new(project, "gfxwj", "--date", "2024-05-06", "--kind", "通知") == 0

    path = project.content / "wj/2024/00008.md"
    assert (
        capsys.readouterr().out.splitlines()[0] == f"已新建 content/wj/2024/00008.md（索引号 {ORGAN_CODE}/2024-00008）"
    )
    fields = front_matter(path)
    assert fields["索引号"] == f"{ORGAN_CODE}/2024-00008"
    assert fields["发文机关"] == "测试县人民政府"
    assert fields["成文日期"] == fields["发布日期"] == dt.date(2024, 5, 6)
    assert (fields["文种"], fields["公开属性"], fields["栏目"]) == ("通知", "主动公开", ["gfxwj"])
    assert fields["标题"].startswith(PLACEHOLDER) and fields["内容概述"].startswith(PLACEHOLDER)


def test_a_new_year_starts_at_one_and_the_date_defaults_to_today(project):
    project.add_document("2024/00001.md", document(1))
    assert new(project, "gfxwj") == 0
    today = dt.date.today()
    fields = front_matter(project.content / f"wj/{today.year}/00001.md")
    assert fields["索引号"] == f"{ORGAN_CODE}/{today.year}-00001" and fields["发布日期"] == today


def test_the_build_refuses_a_scaffold_until_it_is_filled_in(project, caplog):
    assert new(project, "gfxwj", "--date", "2024-05-06", "--title", "测试县人民政府关于试行的通知") == 0
    path = project.content / "wj/2024/00001.md"

    errors = project.build_errors(caplog)
    assert errors[0].splitlines()[1:] == [
        f"  content/wj/2024/00001.md:5: 发文字号: 还是模板的待填写内容：{PLACEHOLDER}如 示政发〔2024〕1号；"
        f"没有发文字号的文件删去这一行；应为：实际内容（删去「{PLACEHOLDER}」和提示）",
        f"  content/wj/2024/00001.md:8: 主题分类: 还是模板的待填写内容：{PLACEHOLDER}国务院主题分类「一级\\二级」，"
        f"如 综合政务\\政务公开；应为：实际内容（删去「{PLACEHOLDER}」和提示）",
        f"  content/wj/2024/00001.md:9: 文种: 还是模板的待填写内容：{PLACEHOLDER}法定文种，如 通知；"
        f"应为：实际内容（删去「{PLACEHOLDER}」和提示）",
        f"  content/wj/2024/00001.md:12: 内容概述: 还是模板的待填写内容：{PLACEHOLDER}一两句话说明文件的主要内容；"
        f"应为：实际内容（删去「{PLACEHOLDER}」和提示）",
        f"  content/wj/2024/00001.md:16: 正文: 还是模板的待填写内容；应为：文件正文（删去「{PLACEHOLDER}」和提示）",
    ]

    filled = {
        "发文字号": "测政发〔2024〕9号", "主题分类": "综合政务\\政务公开", "文种": "通知",
        "内容概述": "试行有关事项。", "正文": "现将有关事项通知如下。",
    }  # fmt: skip
    lines = path.read_text("utf-8").splitlines()
    for n, line in enumerate(lines):
        for name, value in filled.items():
            if line.startswith(f"{name}: {PLACEHOLDER}"):
                lines[n] = f"{name}: {value}"
        if line.startswith(PLACEHOLDER):
            lines[n] = filled["正文"]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    project.build()
    assert texts(project.html("wj/2024/00001/"), "h1") == ["测试县人民政府关于试行的通知"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nosuch"], "新建失败：政府信息公开内容有 1 处错误，请修正后重新构建：\n  栏目: 'nosuch' 不存在；应为：catalog.yaml 中列出文件的栏目代码之一："),
        (["jgzn"], "  栏目: 'jgzn'（机构职能）不列出文件；应为：catalog.yaml 中列出文件的栏目代码之一：fdzdgknr（法定主动公开内容）、gfxwj（行政规范性文件）"),
        (["gfxwj", "--kind", "便函"], "  --kind: '便函' 不是法定文种；应为：以下之一：决议、决定"),
        (["gfxwj", "--date", "2024-02-30"], "--date: '2024-02-30' 不是有效日期；应为：YYYY-MM-DD 格式的日期，如 2026-01-01"),
    ],
)  # fmt: skip
def test_bad_arguments_write_nothing_and_say_what_is_expected(project, capsys, args, message):
    assert new(project, *args) == 1
    assert message in capsys.readouterr().err
    assert not (project.content / "wj").exists()


def test_an_existing_file_is_never_overwritten(project):
    path = project.add_document("2024/00001.md", document(1))
    before = path.read_text("utf-8")
    with pytest.raises(InvalidInput, match=rf"文件已存在（{ORGAN_CODE}/2024-00001）；应为：一个新文件"):
        write_new(NewDocument(path, f"{ORGAN_CODE}/2024-00001", "---\n标题: 新\n---\n"))
    assert path.read_text("utf-8") == before


def test_a_placeholder_left_in_a_body_fails_the_build_at_its_line(project, caplog):
    text = document(1, body=f"第一段。\n\n附表：{PLACEHOLDER}")
    project.add_document("2024/00001.md", text)
    line = text.splitlines().index(f"附表：{PLACEHOLDER}") + 1
    errors = project.build_errors(caplog)
    assert f"content/wj/2024/00001.md:{line}: 正文: 还是模板的待填写内容" in errors[0]
