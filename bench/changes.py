"""The changes an editor commits, made to a project's documents for `bench.scale` to rebuild after each.

Each works on any project of documents in `content/**/wj/` (the imported corpus, a synthetic one):

- **add**: a new document, the newest of the site (a copy of the newest one, with a 索引号, 发文字号 and
  title of its own);
- **edit**: a paragraph added to the body of a document of the middle of the site's dates;
- **withhold**: a document no other one names turned 依申请公开: it leaves the site and the index;
- **repeal**: a new document that repeals (废止) an older one of the library, whose page, lists and search
  record then say 已废止.

They are chosen by the documents' own fields, not at random: a run changes the same documents.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

RELATIONS = ("替代", "修改", "废止")
_FIELD = re.compile(r"(?m)^(标题|索引号|发文字号|发布日期|成文日期|公开属性|替代|修改|废止|栏目): ?(.*)$")


@dataclass
class _Document:
    path: Path
    text: str

    @property
    def fields(self) -> dict[str, str]:
        head = self.text.split("\n---", 1)[0]
        return {match.group(1): match.group(2).strip() for match in _FIELD.finditer(head)}

    @property
    def published(self) -> str:
        return self.fields.get("发布日期", "").strip("'\"")


def _documents(project: Path) -> list[_Document]:
    """The site's 主动公开 documents, oldest first."""
    documents = []
    for folder in sorted(p for p in (project / "content").rglob("wj") if p.is_dir()):
        for path in sorted(folder.rglob("*.md")):
            document = _Document(path, path.read_text("utf-8"))
            if document.fields.get("公开属性") == "主动公开" and document.published:
                documents.append(document)
    return sorted(documents, key=lambda d: (d.published, d.path.as_posix()))


def _named(documents: list[_Document]) -> set[str]:
    """Every 索引号 or 发文字号 some document names in a relation."""
    names: set[str] = set()
    for document in documents:
        for relation in RELATIONS:
            listed = document.fields.get(relation, "")
            names.update(_listed(listed))
    return names


def _new_document(project: Path, title: str, extra: str = "", columns: str | None = None) -> Path:
    """A copy of the newest document, of its day, with an 索引号, 发文字号 and title of its own (and the
    `columns` given)."""
    newest = _documents(project)[-1]
    fields = newest.fields
    code, _, rest = fields["索引号"].partition("/")
    year = rest[:4]
    taken = {p.stem for p in newest.path.parent.glob("*.md")}
    sequence = next(n for n in range(99999, 0, -1) if f"{n:05d}" not in taken)
    text = newest.text
    replacements = {
        "标题": f"{title}{fields['标题']}",
        "索引号": f"{code}/{year}-{sequence:05d}",
    }
    if columns is not None:
        replacements["栏目"] = columns
    if "发文字号" in fields:
        replacements["发文字号"] = re.sub(r"\d+号$", f"{sequence}号", fields["发文字号"])
    for key, value in replacements.items():
        text = re.sub(rf"(?m)^{key}: .*$", lambda _, k=key, v=value: f"{k}: {v}", text, count=1)
    for relation in RELATIONS:
        text = re.sub(rf"(?m)^{relation}: .*\n", "", text)
    if extra:
        text = text.replace("\n---\n", f"\n{extra}\n---\n", 1)
    path = newest.path.parent / f"{sequence:05d}.md"
    path.write_text(text, "utf-8")
    return path


def add(project: Path) -> str:
    path = _new_document(project, "（基准新增）")
    return path.relative_to(project).as_posix()


def edit(project: Path) -> str:
    documents = _documents(project)
    document = documents[len(documents) // 2]
    document.path.write_text(document.text + "\n（本段为基准测试所加。）\n", "utf-8")
    return document.path.relative_to(project).as_posix()


def withhold(project: Path) -> str:
    documents = _documents(project)
    named = _named(documents)
    candidates = [
        d
        for d in documents[len(documents) // 3 :]
        if not named & {d.fields.get("索引号"), d.fields.get("发文字号")}
        and not any(relation in d.fields for relation in RELATIONS)
    ]
    document = candidates[0]
    document.path.write_text(document.text.replace("公开属性: 主动公开", "公开属性: 依申请公开", 1), "utf-8")
    return document.path.relative_to(project).as_posix()


def repeal(project: Path) -> str:
    """Repeal a document of a library column (文件库) that no document names yet, from the older two thirds."""
    libraries = _library_columns(project)
    documents = _documents(project)
    named = _named(documents)
    target = next(
        d
        for d in reversed(documents[: 2 * len(documents) // 3])
        if libraries & set(_listed(d.fields.get("栏目", "")))
        and not named & {d.fields["索引号"], d.fields.get("发文字号")}
    )
    _new_document(project, "（基准废止）", f"废止: [{target.fields['索引号']}]", target.fields["栏目"])
    return target.path.relative_to(project).as_posix()


def _library_columns(project: Path) -> set[str]:
    """The codes of the catalog's 文件库 columns, at any depth."""
    import yaml

    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            if value.get("类型") == "文件库" and "代码" in value:
                found.add(str(value["代码"]))
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(yaml.safe_load((project / "catalog.yaml").read_text("utf-8")))
    return found


def _listed(value: str) -> list[str]:
    return [name.strip(" '\"") for name in value.strip("[]").split(",") if name.strip()]


CHANGES: dict[str, Callable[[Path], str]] = {"add": add, "edit": edit, "withhold": withhold, "repeal": repeal}
