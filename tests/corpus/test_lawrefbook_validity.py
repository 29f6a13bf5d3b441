"""The validity rules against a real corpus: LawRefBook's laws and regulations and their recorded statuses.

The importer derives relations from the corpus' own data (versions of one
title, repeal clauses in the bodies); the register computes every state as of
the corpus snapshot, its newest 发布日期. A computed state that differs from
the corpus status must fall in a named category whose evidence is checked here,
from the corpus itself where possible; any other difference fails the test.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pytest

from gongkai.importers.lawrefbook import (
    SAME_TITLE,
    CorpusEntry,
    CorpusImport,
    DerivedRelation,
    import_corpus,
    normalise_title,
    read_index,
)
from gongkai.model.problems import ProblemList
from gongkai.model.validity import Register, RelationKind, State, Validity, build_register

CORPUS_STATE = {"有效": State.IN_FORCE, "已修改": State.AMENDED, "已废止": State.REPEALED}

# The categories a disagreement may fall in; each has a check below.
NEWER_VERSION = "corpus says 有效, but a newer corpus entry of the same title exists (corpus stale)"
REPEAL_CLAUSE = "corpus says 有效, but a later corpus entry repeals it in a clause (corpus stale)"
REPEALED_BY_NEW_VERSION = "corpus says 已修改, but the newer version's own clause repeals it (corpus imprecise)"
BODY_LATER_THAN_METADATA = (
    "corpus says 已废止 for the text of its 发布日期, but its header lines and body are a later text (corpus mixed up)"
)
REPEAL_NOT_IN_CORPUS = "corpus says 已废止, but nothing in the corpus repeals it (evidence not in the corpus)"
NOT_YET_IN_FORCE = "corpus says 有效, but its 施行日期 is after the snapshot (the corpus has no 尚未生效)"


@dataclass
class Corpus:
    dir: Path
    entries: dict[str, CorpusEntry]
    imported: CorpusImport
    register: Register
    problems: ProblemList
    snapshot: dt.date

    def body_lines(self, key: str) -> list[str]:
        return (self.dir / self.entries[key].body).read_text(encoding="utf-8").splitlines()

    @cached_property
    def incoming(self) -> dict[str, list[DerivedRelation]]:
        found = defaultdict(list)
        for relation in self.imported.relations:
            found[relation.target].append(relation)
        return found

    @cached_property
    def clauses_left_out(self) -> dict[tuple[str, int | None], list[str]]:
        found = defaultdict(list)
        for left in self.imported.clauses_left_out:
            found[(left.entry, left.line)].append(left.reason)
        return found

    @cached_property
    def repeal_sentences(self) -> list[tuple[str, int, str]]:
        """Every sentence of every body that has a 《title》 and 废止: (entry, line, sentence).

        Found without the importer's clause rules, to check that it misses none.
        """
        found = []
        for key in self.entries:
            for number, line in enumerate(self.body_lines(key), start=1):
                if "废止" in line and "《" in line:
                    found += [(key, number, s) for s in re.split(r"(?<=[。；])", line) if "废止" in s and "《" in s]
        return found


@pytest.fixture(scope="module")
def corpus(lawrefbook: Path) -> Corpus:
    entries = read_index(lawrefbook)
    snapshot = max(e.published for e in entries if e.published)
    imported = import_corpus(lawrefbook, entries)
    problems = ProblemList()
    register = build_register(imported.instruments, snapshot, problems=problems)
    return Corpus(lawrefbook, {e.id: e for e in entries}, imported, register, problems, snapshot)


# -- evidence ---------------------------------------------------------------------------------------


def _plain(text: str) -> str:
    return re.sub(r"[《》〈〉<>\s]", "", normalise_title(text))


def _names(clause: str, entry: CorpusEntry) -> bool:
    """Whether a clause names the entry, by title or short title (brackets and an issuer before the 《 aside)."""
    clause = _plain(clause)
    return any(name and _plain(name) in clause for name in (entry.title, entry.short_title))


def _newer_version(corpus: Corpus, old: CorpusEntry, key: str) -> str | None:
    """Evidence that entry `key` is a later version of `old`: same title and level, dated after all old's dates."""
    new = corpus.entries[key]
    assert new.version_date is not None
    same = normalise_title(new.title) == normalise_title(old.title) and new.level == old.level
    if not same or new.version_date <= max(old.dates):
        return None
    return f"{new.title}（{new.version_date}，{new.id}）"


def _repeal(corpus: Corpus, old: CorpusEntry, record: Validity) -> tuple[DerivedRelation, str] | None:
    """The relation that repealed `old`, checked against the source's body, and its evidence."""
    event = record.ending(corpus.snapshot)
    assert event is not None and event.by is not None
    source = corpus.entries[event.by]
    for relation in corpus.incoming[old.id]:
        if relation.kind is not RelationKind.REPEALS or relation.source != source.id:
            continue
        assert relation.line is not None
        in_body = relation.evidence in corpus.body_lines(source.id)[relation.line - 1]
        assert source.version_date is not None and old.version_date is not None
        if in_body and _names(relation.evidence, old) and source.version_date > old.version_date:
            where = f"{source.title}（{source.version_date}，{source.body}:{relation.line}）"
            return relation, f"{where}：{relation.evidence}"
    return None


def newer_version(corpus: Corpus, entry: CorpusEntry, record: Validity) -> str | None:
    event = record.ending(corpus.snapshot)
    if event is None or event.by is None:
        return None
    replaced = any(r.kind is RelationKind.REPLACES and r.source == event.by for r in corpus.incoming[entry.id])
    return _newer_version(corpus, entry, event.by) if replaced else None


def repeal_clause(corpus: Corpus, entry: CorpusEntry, record: Validity) -> str | None:
    found = _repeal(corpus, entry, record)
    return found[1] if found else None


def repealed_by_new_version(corpus: Corpus, entry: CorpusEntry, record: Validity) -> str | None:
    found = _repeal(corpus, entry, record)
    if found is None or _newer_version(corpus, entry, found[0].source) is None:
        return None
    return f"同标题的较新版本 {found[1]}"


def repeal_not_in_corpus(corpus: Corpus, entry: CorpusEntry, record: Validity) -> str | None:
    """Nothing repeals or replaces it; a sentence that names it was left out by the importer, with a reason."""
    if corpus.incoming[entry.id]:
        return None
    reasons = []
    for source, line, sentence in corpus.repeal_sentences:
        if not _named_exactly(sentence, entry):
            continue
        left_out = corpus.clauses_left_out.get((source, line))
        if not left_out:
            return None  # named in a sentence the importer neither used nor reported
        reasons.append(f"{corpus.entries[source].title}（{source}:{line}）：{'；'.join(left_out)}")
    return "；".join(reasons) if reasons else "语料中没有文件的废止条款提到它"


def body_later_than_metadata(corpus: Corpus, entry: CorpusEntry, record: Validity) -> str | None:
    """The 发布日期 precedes every dated header line: the metadata are an old text's, the body a newer one's."""
    made = [e.day for e in entry.events if not re.search(r"施行|实施|生效|执行", e.text)]
    if entry.published is None or not made or entry.published >= min(made):
        return None
    if repeal_not_in_corpus(corpus, entry, record) is None:
        return None
    left_out = corpus.imported.clauses_left_out
    own = [left.text for left in left_out if left.entry == entry.id and _named_exactly(left.text, entry)]
    clause = f"；它自己的正文废止同名旧文本：{own[0]}" if own else ""
    return f"发布日期 {entry.published}，题注日期 {min(made)} 至 {max(made)}{clause}"


def _named_exactly(sentence: str, entry: CorpusEntry) -> bool:
    text = normalise_title(sentence)
    return any(name and f"《{normalise_title(name)}》" in text for name in (entry.title, entry.short_title))


def not_yet_in_force(corpus: Corpus, entry: CorpusEntry, record: Validity) -> str | None:
    if record.effective <= corpus.snapshot:
        return None
    return f"施行日期 {record.effective}，快照日期 {corpus.snapshot}"


Check = Callable[[Corpus, CorpusEntry, Validity], str | None]
# (corpus status, computed state) -> the categories that may explain it, tried in order
CATEGORIES: dict[tuple[str, State], list[tuple[str, Check]]] = {
    ("有效", State.AMENDED): [(NEWER_VERSION, newer_version)],
    ("有效", State.REPEALED): [(REPEAL_CLAUSE, repeal_clause)],
    ("已修改", State.REPEALED): [(REPEALED_BY_NEW_VERSION, repealed_by_new_version)],
    ("已废止", State.IN_FORCE): [
        (BODY_LATER_THAN_METADATA, body_later_than_metadata),
        (REPEAL_NOT_IN_CORPUS, repeal_not_in_corpus),
    ],
    ("有效", State.NOT_YET_EFFECTIVE): [(NOT_YET_IN_FORCE, not_yet_in_force)],
}


@dataclass(frozen=True)
class Finding:
    category: str  # a category, "agree", or "UNEXPLAINED"
    entry: CorpusEntry
    computed: State
    evidence: str = ""


def classify(corpus: Corpus) -> list[Finding]:
    findings = []
    for record in corpus.register:
        entry = corpus.entries[record.key]
        computed = record.state_on(corpus.snapshot)
        if computed is CORPUS_STATE[entry.status]:
            findings.append(Finding("agree", entry, computed))
            continue
        for category, check in CATEGORIES.get((entry.status, computed), []):
            evidence = check(corpus, entry, record)
            if evidence:
                findings.append(Finding(category, entry, computed, evidence))
                break
        else:
            findings.append(Finding("UNEXPLAINED", entry, computed))
    return findings


@pytest.fixture(scope="module")
def findings(corpus: Corpus) -> list[Finding]:
    return classify(corpus)


# -- tests ------------------------------------------------------------------------------------------


def test_every_disagreement_is_explained(corpus: Corpus, findings: list[Finding]) -> None:
    counts = Counter(f.category for f in findings)
    agree = Counter(f.entry.status for f in findings if f.category == "agree")
    print(f"\nLawRefBook: {len(corpus.entries)} entries, snapshot {corpus.snapshot}")
    print(f"  compared: {len(findings)}; undated, not compared: {len(corpus.imported.undated)}")
    kinds = Counter(r.kind.value for r in corpus.imported.relations)
    print(f"  relations: {', '.join(f'{k} {n}' for k, n in kinds.items())}")
    print(f"  clauses left out: {len(corpus.imported.clauses_left_out)}; "
          f"施行日期 not used: {len(corpus.imported.dates_left_out)}; "
          f"same-version groups: {len(corpus.imported.same_version)}")  # fmt: skip
    print(f"  agree: {counts['agree']} ({', '.join(f'{s} {n}' for s, n in sorted(agree.items()))})")
    for category, _ in (c for checks in CATEGORIES.values() for c in checks):
        print(f"  {counts[category]:4d}  {category}")
    print(f"  {counts['UNEXPLAINED']:4d}  UNEXPLAINED")
    for category in counts:
        if category == "agree":
            continue
        print(f"\n{category}:")
        found = sorted(
            (f for f in findings if f.category == category), key=lambda f: (str(f.entry.published), f.entry.id)
        )
        for f in found:
            print(
                f"  {f.entry.title}（{f.entry.published}）语料 {f.entry.status} / 计算 {f.computed.value}：{f.evidence}"
            )
    unexplained = [f"{f.entry.title}（{f.entry.id}）" for f in findings if f.category == "UNEXPLAINED"]
    assert unexplained == []


def test_every_amended_entry_has_a_newer_version(corpus: Corpus, findings: list[Finding]) -> None:
    """All 已修改 entries are older versions: 已修改, or 已废止 where the newer version's clause says so."""
    amended = [f for f in findings if f.entry.status == "已修改"]
    assert len(amended) == sum(e.status == "已修改" for e in corpus.entries.values())
    for finding in amended:
        replaced_by = [r.source for r in corpus.incoming[finding.entry.id] if r.kind is RelationKind.REPLACES]
        assert any(_newer_version(corpus, finding.entry, key) for key in replaced_by), finding.entry.title
        assert finding.computed is State.AMENDED or finding.category == REPEALED_BY_NEW_VERSION, finding


def test_every_repeal_in_the_corpus_is_computed(corpus: Corpus, findings: list[Finding]) -> None:
    """A 已废止 entry whose repealer is in the corpus is computed 已废止."""
    repealed = [f for f in findings if f.entry.status == "已废止"]
    with_repealer = [f for f in repealed if any(r.kind is RelationKind.REPEALS for r in corpus.incoming[f.entry.id])]
    assert with_repealer
    assert all(f.computed is State.REPEALED for f in with_repealer)
    assert all(f.category in ("agree", BODY_LATER_THAN_METADATA, REPEAL_NOT_IN_CORPUS) for f in repealed)


def test_derived_relations_raise_no_problems(corpus: Corpus) -> None:
    assert [str(p) for p in corpus.problems.errors] == []
    assert [str(p) for p in corpus.problems.warnings] == []


def test_nothing_is_dropped_silently(corpus: Corpus) -> None:
    imported = corpus.imported
    assert len(imported.instruments) + len(imported.undated) == len(corpus.entries)
    for left in imported.undated:
        entry = corpus.entries[left.entry]
        assert entry.published is None and not entry.events and left.reason
    for left in imported.clauses_left_out:
        assert left.reason and left.line is not None
        assert left.text in corpus.body_lines(left.entry)[left.line - 1]
    for relation in imported.relations:
        if relation.kind is RelationKind.REPLACES:
            assert relation.evidence.startswith(SAME_TITLE)
            assert _newer_version(corpus, corpus.entries[relation.target], relation.source)


def test_copies_and_parts_of_one_version_are_not_chained(corpus: Corpus) -> None:
    """Entries sharing a title and a version (the 民法典's eight 编, one 解释 listed twice) keep one state."""
    groups = corpus.imported.same_version
    assert any(len(g) == 8 and corpus.entries[g[0]].title == "中华人民共和国民法典" for g in groups)
    for group in groups:
        assert len({corpus.register.state(key) for key in group}) == 1
        chained = {r.source for key in group for r in corpus.incoming[key]}
        assert not chained & set(group)
