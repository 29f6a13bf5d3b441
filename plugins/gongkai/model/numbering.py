"""索引号: the year and sequence it ends with, and the next free one of a year.

Both `gongkai import` and `gongkai new` number documents this way, so that a
document written by hand and one imported never take the same number.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

# How a new 索引号 is written: {年} is the year of 发布日期, {序号} the next free number, five digits.
DEFAULT_INDEX_TEMPLATE = "{机构代码}/{年}-{序号}"
INDEX_LINE = re.compile(r"^索引号:\s*(\S+)\s*$", re.M)
_YEAR_AND_SEQUENCE = re.compile(r"(\d{4})\D(\d+)$")


def year_and_sequence(index_no: str) -> tuple[int, int] | None:
    """(2026, 45) for …/2026-00045; None for a 索引号 that does not end so."""
    found = _YEAR_AND_SEQUENCE.search(index_no)
    return (int(found.group(1)), int(found.group(2))) if found else None


def index_number(template: str, organ_code: str, year: int, sequence: int) -> str:
    return template.format(机构代码=organ_code, 年=f"{year:04d}", 序号=f"{sequence:05d}")


def index_no_in(text: str) -> str | None:
    """The 索引号 a document's text declares, read without parsing its YAML (which may be broken)."""
    found = INDEX_LINE.search(text)
    return found.group(1).strip("'\"") if found else None


def used_sequences(root: Path) -> dict[int, set[int]]:
    """The sequence numbers in use under `root`, by year: withheld documents and broken files count too."""
    used: dict[int, set[int]] = defaultdict(set)
    for path in sorted(root.rglob("*.md")) if root.is_dir() else []:
        index_no = index_no_in(path.read_text("utf-8", errors="replace"))
        if index_no and (numbers := year_and_sequence(index_no)):
            used[numbers[0]].add(numbers[1])
    return used
