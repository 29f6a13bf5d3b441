"""Pagefind's index files, read and written as Pagefind 1.5 writes them (for gongkai.search.merge).

A bundle has, for its one language, beside Pagefind's scripts:
- `pagefind-entry.json`: the version, and per language the name of its meta file and its page count;
- `pagefind.<hash>.pf_meta`: [version, pages [[fragment, word count]…], index chunks [[first word, last
  word, name]…], filters [[filter, name]…], sorts [[sort, [page…]]…], meta fields [field…]];
- `index/<name>.pf_index`: [[[word, [[page, positions, meta field positions]…], variants]…]];
- `filter/<name>.pf_filter`: [filter, [[value, [page…]]…]];
- `fragment/<name>.pf_fragment`: a page's JSON (url, content, meta, filters …).

Each is gzip of `pagefind_dcd` and CBOR (a fragment: JSON). Pages are numbered from 0 in the order they
were added. A file is named "<language>_" and the first 7 hex digits of its content's SHA-1, longer where
two names collide (`unique_name`). The layout is Pagefind's own, not a published format: pyproject.toml
pins the minor version it was read from, and `check_version` refuses any other.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

import cbor2

SUPPORTED_VERSIONS = ("1.5.",)  # the layout above was read from these versions' output
ENTRY = "pagefind-entry.json"
MAGIC = b"pagefind_dcd"
# Pagefind closes an index chunk once its words hold this many positions (and one per page).
CHUNK_POSITIONS = 20_000
HASH_DIGITS = 7
PAGEFIND_VERSION = "1.5.2"  # what an index of no page says, when no source says otherwise
WORD_CHARACTERS = ("_", "‿", "⁀", "⁔", "︳", "︴", "﹍", "﹎", "﹏", "＿")  # Pagefind's, in every entry


class PagefindFormatError(ValueError):
    pass


def check_version(version: str, where: Path) -> None:
    if not version.startswith(SUPPORTED_VERSIONS):
        raise PagefindFormatError(
            f"{where}: Pagefind {version} 的索引；应为：Pagefind {' / '.join(v + 'x' for v in SUPPORTED_VERSIONS)}"
        )


def read_data(path: Path) -> bytes:
    """The content of a Pagefind file (gzip, then the marker)."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(MAGIC):
        raise PagefindFormatError(f"{path}: 不是 Pagefind 的索引文件（缺少 {MAGIC.decode()}）")
    return data[len(MAGIC) :]


def read_cbor(path: Path) -> Any:
    return cbor2.loads(read_data(path))


def write_data(path: Path, content: bytes, level: int = 9) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(MAGIC + content, compresslevel=level, mtime=0))


def encode(value: Any) -> bytes:
    """CBOR as Pagefind's encoder writes it: definite lengths, the shortest form of every number."""
    return cbor2.dumps(value)


# CBOR's major types that the merge writes heads of.
UINT = 0
ARRAY = 4


def head(major: int, argument: int) -> bytes:
    """The head of a CBOR item: its major type and the number (a uint's value, an array's length) in the
    fewest bytes, as every CBOR encoder here writes it."""
    if argument < 24:
        return bytes([major << 5 | argument])
    for extra, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if argument < 1 << (8 * size):
            return bytes([major << 5 | extra]) + argument.to_bytes(size, "big")
    raise ValueError(f"{argument}: 超出 CBOR 的范围")


def full_hash(content: bytes) -> str:
    # Pagefind writes each byte of the SHA-1 as `{:x?}`: without a leading zero.
    return "".join(format(byte, "x") for byte in hashlib.sha1(content).digest())


def unique_name(language: str, content_hash: str, taken: dict[str, str], step: int) -> str:
    """The name Pagefind gives content of `content_hash` (`full_hash`) among the names `taken` (name -> its
    full hash), added to them.

    On a collision Pagefind lengthens a fragment's name by one digit and an index or filter's by two (`step`);
    content already named keeps its name."""
    full = f"{language}_{content_hash}"
    name = full[: len(language) + 1 + HASH_DIGITS]
    while name in taken and taken[name] != full and len(name) < len(full):
        name = full[: len(name) + step]
    taken[name] = full
    return name


def meta_name(language: str, content: bytes) -> str:
    return f"{language}_{full_hash(content)[: len(language) + 1 + HASH_DIGITS]}"


def read_entry(folder: Path) -> dict[str, Any]:
    path = folder / ENTRY
    try:
        entry = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as e:
        raise PagefindFormatError(f"{path}: 无法读取 Pagefind 的索引入口（{e}）") from None
    check_version(str(entry.get("version")), path)
    return dict(entry)


def entry_json(
    version: str, language: str | None, meta: str, wasm: str | None, pages: int, characters: list[str]
) -> str:
    """pagefind-entry.json, as Pagefind writes it; with no language, an index of no page."""
    languages = {language: {"hash": meta, "wasm": wasm, "page_count": pages}} if language else {}
    entry = {"version": version, "languages": languages, "include_characters": characters}
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":"))


def chunk_bounds(first_words: list[str], last_words: list[str]) -> list[tuple[str, str]]:
    """The words each chunk is named by in the meta: the shortest prefixes that still tell it from its
    neighbours, as Pagefind shortens them."""
    bounds = [[first, last] for first, last in zip(first_words, last_words, strict=True)]
    for left, right in zip(bounds, bounds[1:], strict=False):
        a, b = left[1], right[0]
        common = 0
        while common < min(len(a), len(b)) and a[common] == b[common]:
            common += 1
        left[1], right[0] = a[: common + 1], b[: common + 1]
    return [(first, last) for first, last in bounds]
