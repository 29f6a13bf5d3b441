import pytest

from gongkai.model import yamlsource
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


def _split_line_by_line(text: str) -> tuple[str | None, str, int]:
    """What split_front_matter gives, by its definition: every line of the text, in turn."""
    lines = text.splitlines(keepends=True)
    if not text.startswith("---") or lines[0].strip() != "---":
        return None, text, 1
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    raise YamlError(1, "unclosed")


@pytest.mark.parametrize("head", [1, 3, 5, 16, 8192])
def test_front_matter_is_found_in_the_head_of_a_long_text_as_line_by_line(monkeypatch, head):
    """The head looked in grows until the front matter is in it: however a line or a CRLF is cut."""
    monkeypatch.setattr(yamlsource, "_HEAD", head)
    texts = [
        "---\r\n标题: 通知\r\n---\r\n正文\r\n" + "第一条 " * 200_000,
        "---\n" + "摘要: " + "长" * 20_000 + "\n...\n正文",
        "---   \n a: 1\n ---  \n",
        "---" + " " * 40 + "x\n---\n正文",  # a first line that is not the marker
        "---\na: 1\n----\n--\n---",
        "---\n",
        "---\na: 1\n正文\n" * 3000,  # never closed
    ]
    for text in texts:
        try:
            expected = _split_line_by_line(text)
        except YamlError:
            with pytest.raises(YamlError):
                split_front_matter(text)
        else:
            assert split_front_matter(text) == expected


def test_unclosed_front_matter_is_an_error():
    with pytest.raises(YamlError):
        split_front_matter("---\na: 1\n正文\n")
