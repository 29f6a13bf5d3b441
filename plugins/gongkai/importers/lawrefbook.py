"""The LawRefBook corpus of laws and regulations, read as validity instruments.

The corpus (``index.jsonl`` and ``docs/<id>.md``, see its README) records a
status for each entry but no relations between entries. This module derives
the relations from the corpus' own data, by two rules, and returns everything
it could not use with the reason.

Versions. Entries with the same title and level are successive versions when
they are dated apart: the newer one 替代 the older one only if its version date
(发布日期, else its latest dated header line that is not an entry into force)
is later than every date the older one records (发布, 施行, header lines).
Entries that are not dated apart are copies or parts of one version (one 解释
listed twice, a day apart, with the same header lines; the eight 编 of the
民法典, which share a title and dates): they are reported, never chained. Each
version 替代 every entry of the version just before it.

Repeal clauses. A sentence of a body that ends in 废止 (同时/即行/予以/一并废止)
or starts with 废止《…》 repeals the documents it names in 《》. A name resolves
to the newest corpus version of that title (or short title) dated before the
repealing entry: 反间谍法 (2014) repeals the 1993 国家安全法, not the 2015 one.
When the clause dates the named text ("1993年2月22日…通过的《…》"), the version
must record one of those dates, because later versions keep their
predecessors' clauses (the 2023 专利法实施细则 still says that the 1992 细则 is
repealed). A name followed by 中有关…的规定 or 第…条 is a partial repeal, and
one followed by 修正/修订 is the decision in the repealed text's history:
neither repeals a whole entry. "…以前发布的司法解释与本解释不一致的，不再适用"
names nothing and is not a repeal clause.

Dates. An instrument's 成文日期 is the 发布日期, else the earliest header line;
its 发布日期 is the version date; its 施行日期 is the recorded one unless it
precedes the version date (then it is an earlier version's, and reported), else
a 施行 header line dated on or after the version date. An entry with neither a
发布日期 nor a dated header line cannot be dated and is returned as undated.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..model.validity import Instrument, Relation, RelationKind, ValidityFacts

SAME_TITLE = "同标题的较新版本"


@dataclass(frozen=True)
class HeaderLine:
    """A dated line of an entry's header: 通过, 公布, 修正, 施行 …"""

    day: dt.date
    text: str


@dataclass(frozen=True)
class CorpusEntry:
    """One line of index.jsonl, typed; ``body`` is relative to the corpus folder."""

    id: str
    title: str
    short_title: str | None
    level: str
    category: str | None
    issuer: str | None
    doc_number: str | None
    published: dt.date | None
    effective: dt.date | None
    status: str
    events: tuple[HeaderLine, ...]
    body: str
    source_path: str

    @property
    def version_date(self) -> dt.date | None:
        """The date of this version: 发布日期, else the latest header line that is not an entry into force."""
        if self.published:
            return self.published
        made = [e.day for e in self.events if not _is_entry_into_force(e.text)]
        days = made or [e.day for e in self.events]
        return max(days) if days else None

    @property
    def dates(self) -> frozenset[dt.date]:
        """Every date the entry records."""
        days = {e.day for e in self.events} | {self.published, self.effective}
        return frozenset(d for d in days if d is not None)


@dataclass(frozen=True)
class DerivedRelation:
    """A relation the newer entry (source) declares on the older one (target)."""

    kind: RelationKind
    source: str
    target: str
    evidence: str  # SAME_TITLE and the dates, or the clause as written
    line: int | None = None  # the clause's line in the source's body


@dataclass(frozen=True)
class LeftOut:
    """Something not used: an entry, a clause (or one name in it), a date."""

    entry: str
    reason: str
    text: str = ""
    line: int | None = None


@dataclass
class CorpusImport:
    instruments: list[Instrument]
    relations: list[DerivedRelation]
    undated: list[LeftOut]  # entries with no date at all: not instruments
    clauses_left_out: list[LeftOut]  # names in repeal clauses that resolve to no entry
    dates_left_out: list[LeftOut]  # 施行日期 values that are not the version's own
    same_version: list[tuple[str, ...]]  # entries of one title and version: copies or parts, never chained


def read_index(corpus_dir: Path) -> list[CorpusEntry]:
    entries = []
    with (corpus_dir / "index.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                entries.append(entry_of(json.loads(line)))
    return entries


def import_corpus(corpus_dir: Path, entries: list[CorpusEntry] | None = None) -> CorpusImport:
    """Instruments with derived relations for every dated entry; the rest with reasons."""
    entries = read_index(corpus_dir) if entries is None else entries
    dated = [e for e in entries if e.version_date is not None]
    undated = [
        LeftOut(e.id, "没有发布日期，也没有带日期的题注：无法确定日期", e.title)
        for e in entries
        if e.version_date is None
    ]
    titles = _TitleIndex(entries)
    relations, same_version = version_relations(titles)
    repeals, clauses_left_out = repeal_relations(corpus_dir, dated, titles)
    relations += repeals
    by_source: dict[str, list[DerivedRelation]] = defaultdict(list)
    for relation in relations:
        by_source[relation.source].append(relation)
    instruments, dates_left_out = [], []
    for entry in dated:
        effective, why = own_effective_date(entry)
        if why:
            dates_left_out.append(LeftOut(entry.id, why, str(entry.effective)))
        instruments.append(_instrument(entry, effective, by_source[entry.id]))
    return CorpusImport(instruments, relations, undated, clauses_left_out, dates_left_out, same_version)


# -- entries --------------------------------------------------------------------------------------

_ENTRY_INTO_FORCE = re.compile(r"^(自.*)?起?(施行|实施|生效|执行)[）)]?$")


def _is_entry_into_force(text: str) -> bool:
    return bool(_ENTRY_INTO_FORCE.match(text.strip()))


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def entry_of(row: dict) -> CorpusEntry:
    """One index.jsonl row, typed; raises KeyError or ValueError on a row that is not one."""
    events = tuple(HeaderLine(dt.date.fromisoformat(e["date"]), e["text"]) for e in row.get("events") or ())
    return CorpusEntry(
        id=row["id"],
        title=row["title"],
        short_title=row.get("short_title"),
        level=row["level"],
        category=row.get("category"),
        issuer=row.get("issuer"),
        doc_number=row.get("doc_number"),
        published=_date(row.get("published")),
        effective=_date(row.get("effective")),
        status=row["status"],
        events=tuple(sorted(events, key=lambda e: e.day)),  # a few are out of order in the corpus
        body=row["body"],
        source_path=row["source_path"],
    )


def own_effective_date(entry: CorpusEntry) -> tuple[dt.date | None, str | None]:
    """The version's own 施行日期, and why a recorded 施行日期 was not used.

    The corpus sometimes keeps the first version's 施行日期 on an amended version
    (施行 2015, 发布 2018); used as is, it would put the amendment in force
    before it was made. Without a 施行日期, a 施行 header line dated on or
    after the version date is the version's own.
    """
    version = entry.version_date
    assert version is not None
    if entry.effective is not None:
        if entry.effective < version:
            return None, f"施行日期 {entry.effective} 早于本版本日期 {version}：视为较早版本的施行日期，未采用"
        return entry.effective, None
    own = [e.day for e in entry.events if _is_entry_into_force(e.text) and e.day >= version]
    return (max(own) if own else None), None


def _instrument(entry: CorpusEntry, effective: dt.date | None, relations: list[DerivedRelation]) -> Instrument:
    published = entry.version_date
    assert published is not None
    written = entry.published or min(e.day for e in entry.events)
    facts = ValidityFacts(
        effective=effective,
        relations=tuple(Relation(r.kind, r.target, r.line) for r in relations),
    )
    return Instrument(
        key=entry.id,
        title=entry.title,
        doc_number=entry.doc_number,
        written=written,
        published=published,
        source_path=entry.body,  # clause line numbers refer to the body
        category=entry.level,
        facts=facts,
    )


_ORGAN = r"(?:人民代表大会常务委员会|人民代表大会|国务院|人民政府|人民法院|人民检察院|委员会|总局|部|局|署|办公厅)"
_ISSUER_IN_HEADER = re.compile(rf"^由?(.+?{_ORGAN})(?:第.+?次)?.*?(?:会议|审议|通过|公布|发布)")
_ISSUER_IN_TITLE = re.compile(
    rf"^((?:最高人民法院|最高人民检察院|国务院|[^关于、《]+?{_ORGAN})(?:、[^关于、《]+?{_ORGAN})*)关于"
)


def issuer_of(entry: CorpusEntry) -> tuple[str | None, str]:
    """The issuer the corpus leaves out: from a header line (…常务委员会第十二次会议通过) or the title (…关于)."""
    for event in reversed(entry.events):
        if match := _ISSUER_IN_HEADER.match(event.text):
            return match.group(1), f"题注「{event.text}」"
    if match := _ISSUER_IN_TITLE.match(entry.title):
        return match.group(1), "标题"
    return None, ""


# -- titles and versions --------------------------------------------------------------------------

_BRACKETS = str.maketrans({"〈": "《", "〉": "》", "<": "《", ">": "》", "(": "（", ")": "）"})


def normalise_title(title: str) -> str:
    return re.sub(r"\s+", "", title).translate(_BRACKETS)


class _TitleIndex:
    """Entries by title; the dated ones grouped into versions per title and level, oldest first."""

    def __init__(self, entries: list[CorpusEntry]) -> None:
        self.titles: set[str] = set()
        self.short: dict[str, set[str]] = defaultdict(set)
        groups: dict[tuple[str, str], list[CorpusEntry]] = defaultdict(list)
        for entry in entries:
            title = normalise_title(entry.title)
            self.titles.add(title)
            if entry.short_title:
                self.short[normalise_title(entry.short_title)].add(title)
            if entry.version_date is not None:
                groups[(title, entry.level)].append(entry)
        self.chains = {key: _versions(group) for key, group in groups.items()}
        self.by_title: dict[str, list[list[CorpusEntry]]] = defaultdict(list)
        for (title, _level), chain in self.chains.items():
            self.by_title[title] += chain

    def __contains__(self, title: str) -> bool:
        return title in self.titles

    def versions(self, title: str) -> list[list[CorpusEntry]]:
        """The dated versions of a title, whatever their level, oldest first."""
        return sorted(self.by_title.get(title, []), key=_newest)

    def resolve(self, name: str, before: str) -> tuple[str | None, str | None]:
        """The corpus title a name in a clause stands for, or why there is none.

        Clauses use full titles, short titles (《反不正当竞争法》), titles without
        "中华人民共和国", and titles whose issuer stands before the 《
        (最高人民法院、最高人民检察院《关于…的解释》).
        """
        name = normalise_title(name)
        if name in self:
            return name, None
        titles = self.short.get(name, set())
        if len(titles) > 1:
            return None, f"简称《{name}》对应多个标题：{'、'.join(sorted(titles))}"
        if titles:
            return next(iter(titles)), None
        if "中华人民共和国" + name in self:
            return "中华人民共和国" + name, None
        for length in range(1, min(30, len(before)) + 1):
            if normalise_title(before[-length:] + name) in self:
                return normalise_title(before[-length:] + name), None
        return None, f"《{name}》不在语料中"


def _newest(version: list[CorpusEntry]) -> dt.date:
    return max(e.version_date for e in version if e.version_date)


def _versions(group: list[CorpusEntry]) -> list[list[CorpusEntry]]:
    """Entries of one title and level, grouped into versions that are dated apart."""
    versions: list[list[CorpusEntry]] = []
    latest_known = dt.date.min
    for entry in sorted(group, key=lambda e: (e.version_date, e.id)):
        assert entry.version_date is not None
        if versions and entry.version_date <= latest_known:
            versions[-1].append(entry)  # not dated apart: a copy or a part of the same version
        else:
            versions.append([entry])
        latest_known = max(latest_known, *entry.dates)
    return versions


def version_relations(titles: _TitleIndex) -> tuple[list[DerivedRelation], list[tuple[str, ...]]]:
    """Each version 替代 the entries of the version just before it."""
    relations, same_version = [], []
    for versions in titles.chains.values():
        for older, newer in zip(versions, versions[1:], strict=False):
            for new in newer:
                for old in older:
                    evidence = f"{SAME_TITLE}（{new.version_date} 晚于 {old.version_date}）"
                    relations.append(DerivedRelation(RelationKind.REPLACES, new.id, old.id, evidence))
        same_version += [tuple(e.id for e in v) for v in versions if len(v) > 1]
    return relations, same_version


# -- repeal clauses -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Clause:
    line: int  # 1-based line in the body
    text: str


@dataclass(frozen=True)
class Named:
    """One 《title》 in a repeal clause, with what the clause says about it."""

    title: str
    before: str  # the clause text just before the 《, for titles that start outside it
    dates: tuple[tuple[int, int | None, int | None], ...]  # dates the clause gives the named text
    role: str  # "repealed", "partial" or "history"


_REPEAL_AT_END = re.compile(r"(同时|即行|予以|一并|自行)?废止[。；;]?$")
_REPEAL_AT_START = re.compile(r"^([一二三四五六七八九十]+、)?废止《")


def repeal_clauses(body: str) -> Iterator[Clause]:
    """Sentences that repeal named documents: "…《甲》、《乙》同时废止。" or "废止《甲》（…）"."""
    for number, line in enumerate(body.splitlines(), start=1):
        if "废止" not in line:
            continue
        for sentence in re.split(r"(?<=[。；;])", line):
            sentence = sentence.strip()
            if "《" in sentence and (_REPEAL_AT_END.search(sentence) or _REPEAL_AT_START.match(sentence)):
                yield Clause(number, sentence)


def _spans(text: str) -> list[tuple[int, int]]:
    """The outermost 《…》 spans (titles may nest: 《关于修改〈…〉的决定》)."""
    spans, depth, start = [], 0, 0
    for i, char in enumerate(text):
        if char == "《":
            depth, start = depth + 1, (i if depth == 0 else start)
        elif char == "》" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    return spans


_PARENTHESIS = re.compile(r"^\s*[（(]([^（）()]|[（(][^（）()]*[）)])*[）)]")


def named_documents(clause: str) -> list[Named]:
    named = []
    spans = _spans(clause)
    verb = _REPEAL_AT_END.search(clause)
    for i, (start, end) in enumerate(spans):
        segment_start = spans[i - 1][1] if i else 0
        segment_end = spans[i + 1][0] if i + 1 < len(spans) else (verb.start() if verb else len(clause))
        after = clause[end:segment_end]
        note = _PARENTHESIS.match(after)  # （法释〔2009〕4号） or （1992年9月19日…通过）
        rest = after[note.end() :] if note else after
        if re.match(r"\s*(中|第[一二三四五六七八九十百零〇\d]+条)", rest):
            role = "partial"
        elif re.match(r"\s*(第[一二三四五六七八九十\d]+次)?(修正|修订|修改)", rest):
            role = "history"
        else:
            role = "repealed"
        said = clause[segment_start:start] + (note.group(0) if note else "")
        named.append(Named(clause[start + 1 : end - 1], clause[segment_start:start], stated_dates(said), role))
    return named


_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "０": 0}
_CN = "〇零○一二三四五六七八九十"
_STATED = re.compile(rf"(\d{{4}}|[{_CN}]{{4}})年(\d{{1,2}}|[{_CN}]{{1,3}})月(?:(\d{{1,2}}|[{_CN}]{{1,3}})日)?")


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if len(text) == 4 and "十" not in text:  # a year: 一九八四
        return int("".join(str(_DIGITS[c]) for c in text))
    tens, _, units = text.partition("十")
    if "十" not in text:
        return _DIGITS[text]
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[units] if units else 0)


def stated_dates(text: str) -> tuple[tuple[int, int | None, int | None], ...]:
    """Dates a clause gives a named text, leaving out entry-into-force dates (自2004年1月1日起施行)."""
    found = []
    for match in _STATED.finditer(text):
        if re.match(r"起|施行|实施|生效", text[match.end() :]):
            continue
        year, month, day = match.groups()
        found.append((_number(year), _number(month), _number(day) if day else None))
    return tuple(found)


def _records(entry: CorpusEntry, stated: tuple[int, int | None, int | None]) -> bool:
    year, month, day = stated
    return any(
        d.year == year and (month is None or d.month == month) and (day is None or d.day == day) for d in entry.dates
    )


def repeal_relations(
    corpus_dir: Path, dated: list[CorpusEntry], titles: _TitleIndex
) -> tuple[list[DerivedRelation], list[LeftOut]]:
    relations, left_out = [], []
    for source in dated:
        body = (corpus_dir / source.body).read_text(encoding="utf-8")
        if "废止" not in body:
            continue
        for clause in repeal_clauses(body):
            for named in named_documents(clause.text):
                targets, why = resolve_repeal(source, named, titles)
                if why:
                    left_out.append(LeftOut(source.id, why, clause.text, clause.line))
                for target in targets:
                    relations.append(
                        DerivedRelation(RelationKind.REPEALS, source.id, target.id, clause.text, clause.line)
                    )
    return relations, left_out


def resolve_repeal(source: CorpusEntry, named: Named, titles: _TitleIndex) -> tuple[list[CorpusEntry], str | None]:
    """The entries a named title in a clause of `source` repeals, or why none."""
    if named.role == "partial":
        return [], f"《{named.title}》只是部分规定被废止，不是整份文件"
    if named.role == "history":
        return [], f"《{named.title}》是被废止文件沿革中的修改决定，不是被废止的文件"
    title, why = titles.resolve(named.title, named.before)
    if title is None:
        return [], why
    versions = titles.versions(title)
    if not versions:
        return [], f"语料中《{title}》的条目都没有日期"
    assert source.version_date is not None
    older = [[e for e in v if e.version_date and e.version_date < source.version_date] for v in versions]
    older = [v for v in older if v]
    if not older and all(e.id == source.id for v in versions for e in v):
        return [], f"《{title}》是本文件自己的标题：被废止的是语料中没有的更早版本"
    if not older:
        dates = "、".join(str(_newest(v)) for v in versions)
        why = f"语料中《{title}》的版本（{dates}）都不早于废止它的文件（{source.version_date}）"
        return [], why + "：被废止的是语料中没有的更早版本"
    if named.dates:
        older = [[e for e in v if any(_records(e, d) for d in named.dates)] for v in older]
        older = [v for v in older if v]
        if not older:
            said = "、".join("-".join(str(p) for p in d if p) for d in named.dates)
            return [], f"条文写明被废止文本的日期（{said}），语料中较早的《{title}》版本都没有这一日期"
    return older[-1], None
