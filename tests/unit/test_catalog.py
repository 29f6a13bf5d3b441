from pathlib import Path

import pytest

from gongkai.model.catalog import ColumnKind, load_catalog
from gongkai.model.problems import InvalidInput

FIXTURE = Path(__file__).parents[1] / "fixtures" / "catalog.yaml"


def write_catalog(tmp_path: Path, text: str) -> Path:
    (tmp_path / "content" / "pages").mkdir(parents=True, exist_ok=True)
    (tmp_path / "content" / "pages" / "jgzn.md").write_text("机构职能", "utf-8")
    path = tmp_path / "catalog.yaml"
    path.write_text(text, "utf-8")
    return path


def messages(tmp_path: Path, text: str) -> list[str]:
    path = write_catalog(tmp_path, text)
    with pytest.raises(InvalidInput) as caught:
        load_catalog(path, "catalog.yaml", tmp_path / "content")
    return [str(p) for p in caught.value.problems]


def test_loads_the_tree_with_codes_slugs_and_kinds(tmp_path):
    path = write_catalog(tmp_path, FIXTURE.read_text("utf-8"))
    catalog = load_catalog(path, "catalog.yaml", tmp_path / "content")
    assert [c.code for c in catalog.columns] == ["zn", "fdzdgknr", "gkml"]
    gfxwj = catalog.column("gfxwj")
    assert gfxwj.kind is ColumnKind.DOCUMENT_LIST
    assert gfxwj.slug_path == "fdzdgknr/gfxwj"
    assert [c.name for c in gfxwj.ancestors] == ["法定主动公开内容"]
    assert catalog.index_pattern.match("11330000TEST00001X/2024-00001")
    assert not catalog.index_pattern.match("11330000TEST00001X/2024-1")
    assert catalog.organ.office.fax == "0571-80000087"


def test_a_missing_guide_element_is_named(tmp_path):
    text = FIXTURE.read_text("utf-8").replace("    传真: 0571-80000087\n", "")
    assert messages(tmp_path, text) == ["catalog.yaml:10: 机关.信息公开工作机构.传真: 缺少必填字段；应为：填写「传真」"]


def test_unknown_key_duplicate_code_and_bad_frequency_reported_together(tmp_path):
    text = FIXTURE.read_text("utf-8")
    text = text.replace("    - 代码: gkml\n", "    - 代码: zn\n", 1)
    text = text.replace(
        "      更新频率: 每年\n      责任单位: 办公室\n      类型: 公开指南",
        "      更新频率: 每天\n      责任单位: 办公室\n      类型: 公开指南",
    )
    text = text.replace("  每页条数: 3\n", "  每页条数: 3\n  颜色: 红\n")
    found = messages(tmp_path, text)
    assert (
        "catalog.yaml:31: 专栏.颜色: 未知字段「颜色」；应为：以下字段之一：名称、路径、说明、每页条数、栏目类型、栏目"
        in found
    )
    assert any("专栏.栏目[1].更新频率: '每天' 不在可选值中" in m for m in found)
    assert any("专栏.栏目[3].代码: 栏目代码 'zn' 重复" in m for m in found)
    assert len(found) == 3


def test_single_page_column_needs_its_file(tmp_path):
    text = FIXTURE.read_text("utf-8").replace("页面: pages/jgzn.md", "页面: pages/missing.md")
    found = messages(tmp_path, text)
    assert found == [
        "catalog.yaml:56: 专栏.栏目[2].子栏目[1].页面: 文件 content/pages/missing.md 不存在；应为：content/ 下已有的 Markdown 文件"
    ]


def test_broken_yaml(tmp_path):
    found = messages(tmp_path, "机关:\n  名称: [未闭合\n专栏: x\n")
    assert len(found) == 1
    assert found[0].startswith("catalog.yaml:3: YAML 语法错误")


def test_invalid_index_rule(tmp_path):
    text = FIXTURE.read_text("utf-8").replace("'^{机构代码}/\\d{4}-\\d{5}$'", "'^{机构代码}/(\\d{4}'")
    found = messages(tmp_path, text)
    assert len(found) == 1 and found[0].startswith(
        "catalog.yaml:16: 索引号规则: '^{机构代码}/(\\d{4}' 不是合法的正则表达式"
    )
