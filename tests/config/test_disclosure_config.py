"""The `gongkai/disclosure` plugin's options: defaults and refused values."""

from gongkai.mkdocs_plugins.disclosure.config import DisclosureConfig


def validate(options: dict) -> tuple[DisclosureConfig, list, list]:
    config = DisclosureConfig()
    config.load_dict(options)
    errors, warnings = config.validate()
    return config, errors, warnings


def test_defaults():
    config, errors, warnings = validate({})
    assert errors == [] and warnings == []
    assert config.enabled is True
    assert config.catalog == "catalog.yaml"
    assert config.documents_dir == "wj"
    assert config.progress_steps == 10


def test_options_are_typed():
    for name, value in (("enabled", "yes"), ("catalog", ["a.yaml"]), ("documents_dir", 3), ("progress_steps", "10")):
        _, errors, _ = validate({name: value})
        assert [error_name for error_name, _ in errors] == [name]


def test_unknown_option_is_reported():
    _, _, warnings = validate({"catalogue": "x.yaml"})
    assert [name for name, _ in warnings] == ["catalogue"]


def test_feed_entries_is_a_count_of_at_least_one():
    assert validate({"feed_entries": 10})[0].feed_entries == 10
    for value in (0, -5):
        _, errors, _ = validate({"feed_entries": value})
        assert [(name, str(error)) for name, error in errors] == [("feed_entries", f"'{value}'；应为：不小于 1 的整数")]
