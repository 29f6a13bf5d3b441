"""`gongkai review --base REF` on a real temporary git repository with several commits."""

from __future__ import annotations

import subprocess

import pytest
from test_annual_report import add_report

from gongkai.cli import main
from helpers import ORGAN_CODE, document

SITE = "https://test.example.gov.cn"


def git(project, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(project.root), *args], capture_output=True, text=True, check=True)
    return result.stdout.strip()


def commit(project, message: str) -> None:
    git(project, "add", "-A")
    git(project, "-c", "user.name=编辑", "-c", "user.email=editor@example.gov.cn", "commit", "-q", "-m", message)


def review(project, capsys, *args: str) -> tuple[int, list[str], str]:
    code = main(["-f", str(project.root / "mkdocs.yml"), "review", *args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


@pytest.fixture
def repository(project, monkeypatch):
    monkeypatch.setenv("GONGKAI_AS_OF", "2026-11-23")
    with (project.root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write(f"site_url: {SITE}/\n")
    project.add_document("2024/00001.md", document(1))
    project.add_document("2024/00002.md", document(2))
    project.add_document("2024/00003.md", document(3, 栏目=["czxx"]))
    project.add_document("2024/00004.md", document(4, 栏目=["wjk"]))
    project.add_document("2024/00006.md", document(6))
    git(project, "init", "-q", "-b", "main")
    commit(project, "第一版")
    git(project, "tag", "v1")
    return project


def test_an_unchanged_tree_says_so(repository, capsys):
    code, out, _ = review(repository, capsys, "--base", "v1")
    commit_id = git(repository, "rev-parse", "v1")[:10]
    assert code == 0
    assert out[:3] == [f"## 政府信息公开专栏：本次改动（与 v1（{commit_id}） 比较）", "", "没有影响专栏的改动。"]


def test_committed_and_uncommitted_changes_are_reported_in_plain_words(repository, capsys):
    project = repository
    project.add_document("2024/00001.md", document(1, 标题="测试县人民政府关于第1号事项的通知（修订）"))
    project.add_document("2024/00002.md", document(2, 公开属性="依申请公开"))
    project.add_document("2024/00003.md", document(3, 栏目=["gfxwj"]))
    project.add_document("2024/00005.md", document(5, 栏目=["wjk"], 废止=["测政发〔2024〕4号"]))
    (project.content / "wj/2024/00006.md").unlink()
    catalog = project.root / "catalog.yaml"
    text = catalog.read_text("utf-8")
    text = text.replace(
        "    栏目不更新: 关闭\n", "    栏目不更新: 关闭\n  公开号码:\n    - 号码: 13800138000\n      理由: 县长热线\n"
    )
    catalog.write_text(text, "utf-8")
    commit(project, "第二版")
    # Not committed: the working tree is what is compared.
    project.add_document("2024/00007.md", document(7, 成文日期="2024-02-01", 发布日期="2024-03-06"))

    code, out, _ = review(project, capsys, "--base", "v1")
    text = "\n".join(out)

    assert code == 0
    assert "**文件**：新增 2 份，修改 1 份，撤下 2 份，调整栏目 1 份" in out
    assert (
        f"| 2024-03-06 | [测试县人民政府关于第7号事项的通知]({SITE}/wj/2024/00007/) | {ORGAN_CODE}/2024-00007 | 行政规范性文件 |"
        in out
    )
    assert (
        f"- [测试县人民政府关于第1号事项的通知（修订）]({SITE}/wj/2024/00001/)（{ORGAN_CODE}/2024-00001）：标题" in out
    )
    assert f"- [测试县人民政府关于第3号事项的通知]({SITE}/wj/2024/00003/)：财政预决算 → 行政规范性文件" in out
    assert f"- 测试县人民政府关于第2号事项的通知（{ORGAN_CODE}/2024-00002）：改为依申请公开，不再发布" in out
    assert f"- 测试县人民政府关于第6号事项的通知（{ORGAN_CODE}/2024-00006）：文件已删除" in out
    assert (
        f"- [测试县人民政府关于第4号事项的通知]({SITE}/wj/2024/00004/)：有效 → **已废止**（自 2024-03-06 起），"
        f"废止文件：[测试县人民政府关于第5号事项的通知]({SITE}/wj/2024/00005/)"
    ) in out
    assert "- **新增公开号码，请审核**：13800138000（理由：县长热线）" in out
    assert "改动后共 0 个错误、1 个警告；本次新出现 1 个（其中错误 0 个），修正 0 个。" in out
    assert "[GK204 发布时限]" in text.split("**新出现**")[1]


def test_a_new_error_is_called_out(repository, capsys):
    repository.add_document("2024/00001.md", document(1, body="联系人身份证号：11010519491231002X。"))
    code, out, _ = review(repository, capsys, "--base", "v1")
    assert code == 0
    assert "改动后共 1 个错误、0 个警告；本次新出现 1 个（其中错误 1 个），修正 0 个。" in out
    assert out[-1] == "有错误时网站不能构建：请先修正。"


def test_a_base_before_the_site_existed_lists_everything_as_new(repository, capsys):
    empty_tree = git(repository, "hash-object", "-t", "tree", "-w", "/dev/null")
    who = ("-c", "user.name=编辑", "-c", "user.email=editor@example.gov.cn")
    git(repository, "branch", "empty", git(repository, *who, "commit-tree", empty_tree, "-m", "空仓库"))
    code, out, err = review(repository, capsys, "--base", "empty")
    assert (code, err) == (0, "")
    assert "**文件**：新增 5 份" in out


@pytest.mark.parametrize("ref", ["no-such-branch", "broken", "-x"])
def test_a_base_that_cannot_be_read_is_a_clear_error(repository, capsys, ref):
    # A damaged ref: the file of a branch holding no commit id.
    (repository.root / ".git/refs/heads/broken").write_text("not a commit id\n")
    code, out, err = review(repository, capsys, f"--base={ref}")
    assert code == 2 and out == []
    assert err.startswith(f"无法读取基准版本 '{ref}'：")
    assert err.rstrip().endswith("应为：这个 git 仓库中的分支、标签或提交，如 origin/main")
    assert "Traceback" not in err


def test_a_change_to_an_annual_reports_numbers_is_listed(repository, capsys):
    add_report(repository, 2025, seq=8)
    commit(repository, "2025 年度报告")
    git(repository, "tag", "v2")
    data = repository.content / "wj/2026/00008-nb.yaml"
    data.write_text("# 核对后更正\n" + data.read_text("utf-8").replace("行政许可: 120", "行政许可: 121"), "utf-8")
    code, out, _ = review(repository, capsys, "--base", "v2")
    assert (
        f"- [测试县人民政府2025年政府信息公开工作年度报告]({SITE}/wj/2026/00008/)（{ORGAN_CODE}/2026-00008）：年报数据"
        in out
    )
