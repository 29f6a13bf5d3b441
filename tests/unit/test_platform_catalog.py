"""catalog.yaml of a platform: organs from type templates, each with its own tree and guide."""

from pathlib import Path

import pytest

from gongkai.model.catalog import OrganKind
from gongkai.model.platform_catalog import load_platform_catalog
from gongkai.model.problems import InvalidInput
from gongkai.model.yamlsource import load_yaml, merged

FIXTURES = Path(__file__).parents[1] / "fixtures"


def platform(tmp_path: Path, text: str | None = None):
    for town in ("csz", "hlz"):
        page = tmp_path / "content" / "zwgk" / town / "pages" / "jgzn.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text("机构职能", "utf-8")
    path = tmp_path / "catalog.yaml"
    path.write_text(text or (FIXTURES / "platform" / "catalog.yaml").read_text("utf-8"), "utf-8")
    return load_platform_catalog(path, "catalog.yaml", tmp_path / "content")


def test_each_organ_gets_its_own_copy_of_its_types_template(tmp_path):
    catalog = platform(tmp_path)
    assert catalog.is_platform and [c.organ_key for c in catalog.organs] == ["xzf", "jyj", "sfj", "csz", "hlz"]
    jyj, sfj = catalog.organ("jyj"), catalog.organ("sfj")
    assert jyj is not None and sfj is not None
    assert [c.code for c in jyj.column("fdzdgknr").children] == ["gfxwj", "ghjh", "zsks"]  # type: ignore[union-attr]
    assert [c.code for c in sfj.column("fdzdgknr").children] == ["gfxwj"]  # type: ignore[union-attr]
    assert jyj.column("gfxwj") is not sfj.column("gfxwj")
    assert jyj.column("zsks").parent is jyj.column("fdzdgknr")  # type: ignore[union-attr]
    assert (jyj.root_slug, jyj.organ.kind) == ("zwgk/jyj", OrganKind.DEPARTMENT)
    # A template's page is each organ's own file.
    towns = [catalog.organ(key) for key in ("csz", "hlz")]
    assert [t.column("jgzn").page_source for t in towns] == [  # type: ignore[union-attr]
        "zwgk/csz/pages/jgzn.md", "zwgk/hlz/pages/jgzn.md",
    ]  # fmt: skip


def test_an_organs_guide_lies_over_the_platforms_and_its_office_receives_requests(tmp_path):
    catalog = platform(tmp_path)
    jyj, sfj = catalog.organ("jyj"), catalog.organ("sfj")
    assert jyj is not None and sfj is not None
    assert jyj.guide.request_fees == "不收取费用。" and sfj.guide.request_fees is None
    assert jyj.guide.request_how == sfj.guide.request_how == "当面、邮寄、网上申请。"
    assert (jyj.guide.request_office, sfj.guide.request_office) == ("测试县教育局办公室", "测试县司法局办公室")
    assert jyj.index_pattern.match("11330000TEST00002X/2026-00001")
    assert not jyj.index_pattern.match("11330000TEST00001X/2026-00001")  # the government's code


def test_a_catalog_without_organs_is_a_platform_of_one_without_a_portal(tmp_path):
    (tmp_path / "content" / "pages").mkdir(parents=True)
    (tmp_path / "content" / "pages" / "jgzn.md").write_text("机构职能", "utf-8")
    path = tmp_path / "catalog.yaml"
    path.write_text((FIXTURES / "catalog.yaml").read_text("utf-8"), "utf-8")
    catalog = load_platform_catalog(path, "catalog.yaml", tmp_path / "content")
    assert not catalog.is_platform and len(catalog.organs) == 1
    assert catalog.first.organ_key is None and catalog.first.root_slug == "zwgk"
    assert catalog.organ_folder(catalog.first) == ""


def test_a_fault_of_the_shared_guide_is_reported_once_not_once_per_organ(tmp_path):
    text = (FIXTURES / "platform" / "catalog.yaml").read_text("utf-8")
    text = text.replace(
        "    公开范围: 条例第二十条规定的信息。\n", "    公开范围: 条例第二十条规定的信息。\n    公开期限: 20日\n"
    )
    with pytest.raises(InvalidInput) as caught:
        platform(tmp_path, text)
    unknown = [(p.field, p.line) for p in caught.value.problems if "未知字段「公开期限」" in p.found]
    # Once for the organs that take the platform's texts as they are; the 教育局, which lays its own over
    # them, meets it in its own guide.
    assert unknown == [("公开单位[2].公开指南.主动公开.公开期限", 13), ("公开指南.主动公开.公开期限", 13)]


def test_merged_mappings_keep_the_line_of_each_key():
    data = load_yaml("a:\n  x: 1\n  y: 2\nb:\n  y: 3\n  z: 4\n")
    both = merged(data["a"], data["b"])
    assert both == {"x": 1, "y": 3, "z": 4}
    assert [both.line_of(k) for k in ("x", "y", "z")] == [2, 5, 6]
