"""YAML that remembers where each key was written.

Dates stay strings (the schema parses them, so '2024-13-01' gets a message
that names the field instead of a YAML traceback), and duplicate keys are
reported instead of silently keeping the last one.
"""

from __future__ import annotations

import re
from typing import Any

import yaml


class Mapping(dict):
    """A dict with the 1-based source line of the mapping and of each key."""

    line: int
    key_lines: dict[str, int]
    duplicate_keys: list[tuple[str, int]]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


# libyaml's parser when PyYAML has it (its wheels do): reading 3,000 documents' front matter takes a
# quarter of the time. The pure-Python one reports the same lines.
_SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):  # type: ignore[misc,valid-type]
    line_offset = 0


# No implicit timestamps: dates are validated by the schema, with a message. Numbers as YAML 1.2 reads
# them: YAML 1.1 takes 19:05 for 1145 minutes (sexagesimal) and 0305210001 for an octal number, so a time
# or a code with a leading zero would reach the schema as a number that is not what the editor wrote.
_NUMBERS = ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _NUMBERS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$"),
    list("-+0123456789."),
)


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Mapping:
    loader.flatten_mapping(node)
    mapping = Mapping()
    mapping.line = node.start_mark.line + 1 + loader.line_offset
    mapping.key_lines = {}
    mapping.duplicate_keys = []
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        key = str(key)
        line = key_node.start_mark.line + 1 + loader.line_offset
        if key in mapping:
            mapping.duplicate_keys.append((key, line))
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = line
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class YamlError(Exception):
    """Broken YAML, with the 1-based file line where the parser stopped."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def load_yaml(text: str, line_offset: int = 0) -> Any:
    """Parse YAML; raise YamlError with the file line of the fault."""
    loader = _Loader(text)
    loader.line_offset = line_offset
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 + line_offset if mark else None
        problem = e.problem or str(e)
        context = f"{e.context}, " if e.context else ""
        raise YamlError(line, f"{context}{problem}") from e
    except yaml.YAMLError as e:
        raise YamlError(None, str(e)) from e
    finally:
        loader.dispose()


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (front matter YAML or None, body, line number where the body starts)."""
    if not text.startswith("---"):
        return None, text, 1
    # The front matter is looked for in the text's head, a longer one until it is found: splitting a whole
    # document into lines (a law: a million characters) only to find the few at its top took longer
    # than reading it. A head's last line may be cut short: it is read again in the longer one.
    limit = _HEAD
    while True:
        whole = limit >= len(text)
        lines = text[:limit].splitlines(keepends=True)
        if not whole and len(lines) < 2:  # not even the first line whole
            limit *= 8
            continue
        if lines[0].strip() != "---":
            return None, text, 1
        for index in range(1, len(lines) if whole else len(lines) - 1):
            if lines[index].strip() in ("---", "..."):
                body_start = sum(map(len, lines[: index + 1]))
                return "".join(lines[1:index]), text[body_start:], index + 2
        if whole:
            raise YamlError(1, "front matter 以 --- 开始但没有结束的 ---")
        limit *= 8


_HEAD = 8192


def merged(base: Mapping, override: Mapping) -> Mapping:
    """`override` laid over `base` key by key, mappings within them too; each key keeps the line it came from
    (both must come from one file for the lines to mean anything)."""
    result = Mapping(base)
    result.line = override.line
    result.key_lines = dict(base.key_lines)
    result.duplicate_keys = [*base.duplicate_keys, *override.duplicate_keys]
    for key, value in override.items():
        below = base.get(key)
        result[key] = merged(below, value) if isinstance(below, Mapping) and isinstance(value, Mapping) else value
        result.key_lines[key] = override.line_of(key)
    return result
