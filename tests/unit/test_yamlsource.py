import pytest

from gongkai.model.yamlsource import Mapping, YamlError, load_yaml, split_front_matter


def test_remembers_the_line_of_each_key_with_offset():
    data = load_yaml("标题: 通知\n索引号: x\n附件:\n  - 文件: a.pdf\n", line_offset=1)
    assert isinstance(data, Mapping)
    assert data.line_of("标题") == 2
    assert data.line_of("索引号") == 3
    assert data["附件"][0].line_of("文件") == 5


def test_dates_stay_text_so_the_schema_can_explain_a_bad_one():
    data = load_yaml("成文日期: 2024-13-01\n发布日期: 2024-01-05\n")
    assert data["成文日期"] == "2024-13-01"
    assert data["发布日期"] == "2024-01-05"


def test_duplicate_keys_are_recorded_not_silently_overwritten():
    data = load_yaml("标题: 一\n标题: 二\n")
    assert data.duplicate_keys == [("标题", 2)]


def test_broken_yaml_names_the_line():
    with pytest.raises(YamlError) as caught:
        load_yaml("标题: 通知\n索引号: [未闭合\n发文机关: x\n", line_offset=1)
    assert caught.value.line == 4


def test_split_front_matter():
    front, body, body_line = split_front_matter("---\na: 1\n---\n正文\n")
    assert front == "a: 1\n"
    assert body == "正文\n"
    assert body_line == 4
    assert split_front_matter("正文")[0] is None


def test_unclosed_front_matter_is_an_error():
    with pytest.raises(YamlError):
        split_front_matter("---\na: 1\n正文\n")
