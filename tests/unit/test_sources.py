"""Sources read once while a build loads and checks them (gongkai.model.sources)."""

import pytest

from gongkai.model.sources import read_source, sources_read_once


def test_a_source_is_read_once_within_a_build_and_afresh_outside_one(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("第一版", "utf-8")
    with sources_read_once():
        assert read_source(path) == "第一版"
        path.write_text("第二版", "utf-8")
        assert read_source(path) == read_source(path, errors="replace") == "第一版"
    assert read_source(path) == "第二版"
    with sources_read_once():
        assert read_source(path) == "第二版"


def test_a_file_that_is_not_utf8_fails_as_read_text_does_and_is_not_kept(tmp_path):
    path = tmp_path / "gbk.md"
    path.write_bytes("公开".encode("gbk"))
    with sources_read_once():
        with pytest.raises(UnicodeDecodeError):
            read_source(path)
        assert read_source(path, errors="replace") == path.read_text("utf-8", errors="replace")
        path.write_text("公开", "utf-8")
        assert read_source(path) == "公开"  # nothing kept of the broken one
