"""Validity (有效性) of regulations and normative documents, computed, never typed.

An editor does not mark an old document repealed: its state follows from its
own dates (施行日期, 有效期至, 废止日期), from the relations that newer
documents declare (修改, 废止, 替代) and from 清理 decisions. States are
computed as of a given day, so a build is reproducible and the annual report
can ask for the state at the end of any year.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from .problems import ProblemList, Severity
from .rules import CLEANUP_MISMATCH, EXPIRING


class State(StrEnum):
    NOT_YET_EFFECTIVE = "尚未生效"
    IN_FORCE = "有效"
    AMENDED = "已修改"
    REPEALED = "已废止"
    EXPIRED = "失效"


class RelationKind(StrEnum):
    """Declared by the newer document; the inverse is derived."""

    AMENDS = "修改"
    REPEALS = "废止"
    REPLACES = "替代"

    @property
    def inverse(self) -> str:
        return {"修改": "修改于", "废止": "废止于", "替代": "被替代"}[self.value]


# Relations that make the target an older version of the same regulation.
VERSION_RELATIONS = (RelationKind.AMENDS, RelationKind.REPLACES)

# 发文字号 as users type them: [2024], 【2024】, (2024), （2024） all mean 〔2024〕.
_BRACKETS = re.compile(r"[\[【（(](\d{4})[\]】）)]")


def normalise_reference(reference: str) -> str:
    return _BRACKETS.sub(r"〔\1〕", reference.strip()).replace("號", "号")


@dataclass(frozen=True)
class Relation:
    kind: RelationKind
    target: str  # 索引号 or 发文字号 of the older document, as written
    line: int | None = None


@dataclass(frozen=True)
class ValidityFacts:
    """What a document's own front matter says about its validity."""

    effective: dt.date | None = None  # 施行日期
    expires: dt.date | None = None  # 有效期至
    period_years: int | None = None  # 有效期（年），counted from the 施行日期
    repealed_on: dt.date | None = None  # 废止日期
    relations: tuple[Relation, ...] = ()
    lines: dict[str, int] = field(default_factory=dict)  # field name -> line, for messages

    @property
    def is_empty(self) -> bool:
        return not (self.effective or self.expires or self.period_years or self.repealed_on or self.relations)

    def line(self, name: str) -> int | None:
        return self.lines.get(name)


@dataclass(frozen=True)
class Instrument:
    """One document as the validity rules see it."""

    key: str  # 索引号
    title: str
    doc_number: str | None
    written: dt.date  # 成文日期
    published: dt.date  # 发布日期
    source_path: str
    category: str | None = None  # 规章 / 行政规范性文件, from the library column it is filed in
    facts: ValidityFacts = field(default_factory=ValidityFacts)

    @property
    def effective(self) -> dt.date:
        """A document without a 施行日期 takes effect when published."""
        return self.facts.effective or self.published


@dataclass(frozen=True)
class Policy:
    """Default validity periods: local rules, configured in catalog.yaml, not national law."""

    years_by_category: dict[str, int] = field(default_factory=lambda: {"行政规范性文件": 5})
    provisional_years: int = 2  # 试行 / 暂行
    reminder_months: int = 6

    def default_years(self, instrument: Instrument) -> int | None:
        years = self.years_by_category.get(instrument.category or "")
        if years is not None and ("试行" in instrument.title or "暂行" in instrument.title):
            return min(years, self.provisional_years)
        return years


class EventKind(StrEnum):
    AMENDED = "修改"
    REPEALED = "废止"
    EXPIRED = "失效"


@dataclass(frozen=True)
class Event:
    """Something that ends a document's being in force, from a given day on."""

    kind: EventKind
    day: dt.date
    by: str | None = None  # key of the newer document
    cleanup: str | None = None  # key of the 清理 record
    relation: RelationKind | None = None


@dataclass(frozen=True)
class CleanupDecision:
    """A 清理 decision, as the rules need it (see cleanup.py for the record)."""

    record: str  # the record's key
    target: str
    decision: str  # 继续有效 / 修改 / 废止 / 宣布失效
    reviewed_on: dt.date  # 清理日期
    takes_effect: dt.date  # when a 废止 or 宣布失效 applies
    source_path: str
    line: int | None


@dataclass
class Validity:
    """The validity of one document over time."""

    instrument: Instrument
    expires: dt.date | None  # last day in force by its own period, given or by default
    expiry_is_default: bool
    events: list[Event] = field(default_factory=list)  # sorted by day
    outgoing: list[tuple[RelationKind, str]] = field(default_factory=list)
    incoming: list[tuple[RelationKind, str]] = field(default_factory=list)
    versions: list[str] = field(default_factory=list)  # keys of the version chain in time order; [] if alone
    cleanups: list[CleanupDecision] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.instrument.key

    @property
    def effective(self) -> dt.date:
        return self.instrument.effective

    @property
    def applies(self) -> bool:
        """Whether the document has a validity worth showing (a regulation, or dates/relations of its own)."""
        i = self.instrument
        return bool(i.category or not i.facts.is_empty or self.incoming or self.outgoing or self.cleanups)

    def ending(self, day: dt.date) -> Event | None:
        """The event that ended the document's force by `day`: repeal first, then amendment, then expiry."""
        happened = [e for e in self.events if e.day <= day]
        if self.expires is not None and day > self.expires:
            happened.append(Event(EventKind.EXPIRED, self.expires + dt.timedelta(days=1)))
        for kind in (EventKind.REPEALED, EventKind.AMENDED, EventKind.EXPIRED):
            found = [e for e in happened if e.kind is kind]
            if kind is EventKind.AMENDED and found:
                # The latest amendment; on one day a new text (替代) says more than an amending decision.
                return max(found, key=lambda e: (e.day, e.relation is RelationKind.REPLACES))
            if found:
                return min(found, key=lambda e: e.day)  # a repeal or expiry counts from its first day
        return None

    def state_on(self, day: dt.date) -> State:
        event = self.ending(day)
        if event is not None:
            return {
                EventKind.REPEALED: State.REPEALED,
                EventKind.AMENDED: State.AMENDED,
                EventKind.EXPIRED: State.EXPIRED,
            }[event.kind]
        return State.NOT_YET_EFFECTIVE if day < self.effective else State.IN_FORCE


@dataclass(frozen=True)
class YearCounts:
    """The numbers the annual report gives for one kind of document (表二, 第二十条第（一）项)."""

    issued: int  # 本年制发: 成文日期 in the year
    repealed: int  # 本年废止: repealed or expired during the year
    in_force: int  # 现行有效 at the year's end


class Register:
    """The validity of every document, resolved; ask it for states on any day."""

    def __init__(self, records: dict[str, Validity], as_of: dt.date) -> None:
        self.records = records
        self.as_of = as_of
        self.by_number: dict[str, list[str]] = defaultdict(list)
        for key, record in records.items():
            if record.instrument.doc_number:
                self.by_number[normalise_reference(record.instrument.doc_number)].append(key)

    def lookup(self, reference: str) -> tuple[str | None, str | None]:
        """The key a reference (索引号 or 发文字号) names, or why it names none."""
        reference = normalise_reference(reference)
        if reference in self.records:
            return reference, None
        keys = self.by_number.get(reference, [])
        if len(keys) == 1:
            return keys[0], None
        if keys:
            return None, f"发文字号 '{reference}' 对应多份文件（{'、'.join(sorted(keys))}），请改用索引号"
        return None, f"'{reference}' 没有对应的文件"

    def __getitem__(self, key: str) -> Validity:
        return self.records[key]

    def get(self, key: str) -> Validity | None:
        return self.records.get(key)

    def __iter__(self) -> Iterator[Validity]:
        return iter(self.records.values())

    def state(self, key: str, day: dt.date | None = None) -> State:
        return self.records[key].state_on(day or self.as_of)

    def current_version(self, key: str, day: dt.date | None = None) -> str:
        """The newest version in force on `day` of the regulation `key` belongs to."""
        day = day or self.as_of
        record = self.records[key]
        in_force = [k for k in record.versions if self.records[k].state_on(day) is State.IN_FORCE]
        return in_force[-1] if in_force else (record.versions[-1] if record.versions else key)

    def counts(self, year: int, category: str, keys: Collection[str] | None = None) -> YearCounts:
        """The year's figures of a category, over the documents of `keys` (one organ's) or all."""
        end, previous_end = dt.date(year, 12, 31), dt.date(year - 1, 12, 31)
        gone = (State.REPEALED, State.EXPIRED)
        issued = repealed = in_force = 0
        for record in self.records.values():
            if record.instrument.category != category or (keys is not None and record.key not in keys):
                continue
            issued += record.instrument.written.year == year
            repealed += record.state_on(end) in gone and record.state_on(previous_end) not in gone
            in_force += record.state_on(end) is State.IN_FORCE
        return YearCounts(issued, repealed, in_force)

    def expiring(self, within_days: int) -> list[Validity]:
        """Documents in force today whose own period ends within the window, soonest first."""
        horizon = self.as_of + dt.timedelta(days=within_days)
        found = [
            r
            for r in self.records.values()
            if r.expires is not None and self.as_of <= r.expires <= horizon and r.state_on(self.as_of) is State.IN_FORCE
        ]
        return sorted(found, key=lambda r: (r.expires, r.key))


def build_register(
    instruments: Iterable[Instrument],
    as_of: dt.date,
    policy: Policy | None = None,
    cleanups: Iterable[CleanupDecision] = (),
    problems: ProblemList | None = None,
) -> Register:
    """Resolve relations and 清理 decisions into a Register; every problem goes to `problems`."""
    problems = problems if problems is not None else ProblemList()
    builder = _RegisterBuilder(list(instruments), as_of, policy or Policy(), problems)
    builder.resolve_relations()
    builder.apply_cleanups(list(cleanups))
    builder.check_cycles()
    builder.derive_inverses()
    builder.collect_events()
    builder.link_versions()
    builder.warn_stale_cleanups()
    builder.warn_expiring()
    return builder.register


class _RegisterBuilder:
    def __init__(self, instruments: list[Instrument], as_of: dt.date, policy: Policy, problems: ProblemList) -> None:
        self.policy = policy
        self.problems = problems
        self.records: dict[str, Validity] = {}
        for instrument in instruments:
            if instrument.key in self.records:
                first = self.records[instrument.key].instrument
                problems.add(
                    instrument.source_path, None, "索引号", f"'{instrument.key}' 与 {first.source_path} 重复",
                    "每份文件唯一的索引号",
                )  # fmt: skip
                continue
            years = instrument.facts.period_years
            default = years is None and instrument.facts.expires is None
            if default:
                years = policy.default_years(instrument)
            expires = instrument.facts.expires or (_add_years(instrument.effective, years) if years else None)
            self.records[instrument.key] = Validity(instrument, expires, default and expires is not None)
        self.register = Register(self.records, as_of)
        self.lookup = self.register.lookup
        # (relation kind, source key, target key, line)
        self.edges: list[tuple[RelationKind, str, str, int | None]] = []
        self.cleanup_decisions: list[CleanupDecision] = []

    def resolve_relations(self) -> None:
        for record in self.records.values():
            source = record.instrument
            for relation in source.facts.relations:
                target, why = self.lookup(relation.target)
                where = (source.source_path, relation.line, relation.kind.value)
                if target is None:
                    self.problems.add(*where, why or "", "已有文件的索引号或发文字号")
                    continue
                if target == source.key:
                    self.problems.add(*where, f"'{relation.target}' 是本文件自己", "另一份（更早的）文件")
                    continue
                old = self.records[target].instrument
                if source.effective < old.written:
                    which = "施行日期" if source.facts.effective else "发布日期"
                    self.problems.add(
                        *where,
                        f"{relation.kind.value}日期 {source.effective}（本文件的{which}）早于"
                        f"被{relation.kind.value}文件 {old.key} 的成文日期 {old.written}",
                        f"不早于 {old.written} 的日期",
                    )
                    continue
                self.edges.append((relation.kind, source.key, target, relation.line))

    def apply_cleanups(self, decisions: list[CleanupDecision]) -> None:
        for decision in decisions:
            target, why = self.lookup(decision.target)
            if target is None:
                self.problems.add(decision.source_path, decision.line, "文件", why or "", "已有文件的索引号或发文字号")
                continue
            old = self.records[target].instrument
            if decision.decision in ("废止", "宣布失效") and decision.takes_effect < old.written:
                self.problems.add(
                    decision.source_path, decision.line, "日期",
                    f"{decision.decision}日期 {decision.takes_effect} 早于文件 {old.key} 的成文日期 {old.written}",
                    f"不早于 {old.written} 的日期",
                )  # fmt: skip
                continue
            self.records[target].cleanups.append(decision)
            self.cleanup_decisions.append(decision)

    def check_cycles(self) -> None:
        """A document cannot, through any chain of relations, amend or repeal itself."""
        graph: dict[str, list[tuple[str, int | None]]] = defaultdict(list)
        for _kind, source, target, line in self.edges:
            graph[source].append((target, line))
        colour: dict[str, int] = {}  # 1: on the current path, 2: done
        reported: set[frozenset[str]] = set()
        cyclic_edges: set[tuple[str, str]] = set()
        for start in sorted(graph):
            if colour.get(start):
                continue
            path: list[str] = []
            stack: list[tuple[str, Iterator[tuple[str, int | None]]]] = [(start, iter(graph[start]))]
            colour[start] = 1
            path.append(start)
            while stack:
                node, children = stack[-1]
                for child, line in children:
                    if colour.get(child) == 1:
                        cycle = path[path.index(child) :]  # child … node
                        cyclic_edges.update(zip(cycle, [*cycle[1:], child], strict=True))
                        if frozenset(cycle) not in reported:
                            reported.add(frozenset(cycle))
                            self._report_cycle(node, line, [node, *cycle[:-1], node])
                    elif not colour.get(child):
                        colour[child] = 1
                        path.append(child)
                        stack.append((child, iter(graph[child])))
                        break
                else:
                    colour[node] = 2
                    path.pop()
                    stack.pop()
        # A relation on a cycle is reported and takes no part in the states, the versions or the pages.
        self.edges = [e for e in self.edges if (e[1], e[2]) not in cyclic_edges]

    def derive_inverses(self) -> None:
        """Each relation is typed once, by the newer document; the older one learns of it here."""
        for kind, source, target, _ in self.edges:
            self.records[source].outgoing.append((kind, target))
            self.records[target].incoming.append((kind, source))

    def _report_cycle(self, node: str, line: int | None, cycle: list[str]) -> None:
        source = self.records[node].instrument
        kinds = {kind.value for kind, s, t, _ in self.edges if s == node and t == cycle[1]}
        self.problems.add(
            source.source_path, line, "、".join(sorted(kinds)) or "关联",
            "文件之间的修改/废止/替代关系构成循环：" + " → ".join(cycle),
            "只由较新的文件指向较早的文件",
        )  # fmt: skip

    def collect_events(self) -> None:
        repeals: dict[str, list[tuple[Event, str, int | None, str]]] = defaultdict(list)
        for kind, source, target, line in self.edges:
            day = self.records[source].effective
            if kind is RelationKind.REPEALS:
                event = Event(EventKind.REPEALED, day, by=source, relation=kind)
                path = self.records[source].instrument.source_path
                repeals[target].append((event, path, line, f"{source} 的「废止」"))
            else:
                self.records[target].events.append(Event(EventKind.AMENDED, day, by=source, relation=kind))
        for record in self.records.values():
            facts = record.instrument.facts
            if facts.repealed_on is not None:
                event = Event(EventKind.REPEALED, facts.repealed_on)
                repeals[record.key].append((event, record.instrument.source_path, facts.line("废止日期"), "废止日期"))
        for decision in self.cleanup_decisions:
            decided, _ = self.lookup(decision.target)
            assert decided is not None  # unresolved decisions were left out in apply_cleanups
            if decision.decision == "废止":
                event = Event(EventKind.REPEALED, decision.takes_effect, cleanup=decision.record)
                repeals[decided].append((event, decision.source_path, decision.line, f"清理记录 {decision.record}"))
            elif decision.decision == "宣布失效":
                event = Event(EventKind.EXPIRED, decision.takes_effect, cleanup=decision.record)
                self.records[decided].events.append(event)
        for target, found in repeals.items():
            first_event, first_path, first_line, first_what = min(found, key=lambda f: (f[0].day, f[1]))
            for event, path, line, what in found:
                if event.day != first_event.day:
                    self.problems.add(
                        path, line, "废止",
                        f"{what}于 {event.day} 废止 {target}，而 {first_what}（{first_path}:{first_line or ''}）"
                        f"于 {first_event.day} 废止它",
                        "同一文件只有一个废止日期",
                    )  # fmt: skip
            # One repeal, named by everything that declares it: the repealing document and the 清理 record.
            same_day = [f[0] for f in found if f[0].day == first_event.day]
            by = next((e.by for e in same_day if e.by), None)
            cleanup = next((e.cleanup for e in same_day if e.cleanup), None)
            relation = RelationKind.REPEALS if by else None
            self.records[target].events.append(Event(EventKind.REPEALED, first_event.day, by, cleanup, relation))
        for record in self.records.values():
            record.events.sort(key=lambda e: (e.day, e.kind))

    def link_versions(self) -> None:
        """Documents joined by 修改 or 替代 are versions of one regulation."""
        neighbours: dict[str, set[str]] = defaultdict(set)
        for kind, source, target, _ in self.edges:
            if kind in VERSION_RELATIONS:
                neighbours[source].add(target)
                neighbours[target].add(source)
        seen: set[str] = set()
        for start in sorted(neighbours):
            if start in seen:
                continue
            chain, todo = [], [start]
            while todo:
                key = todo.pop()
                if key in seen:
                    continue
                seen.add(key)
                chain.append(key)
                todo.extend(neighbours[key] - seen)
            chain.sort(key=lambda k: (self.records[k].effective, self.records[k].instrument.written, k))
            for key in chain:
                self.records[key].versions = chain

    def warn_stale_cleanups(self) -> None:
        """A 继续有效 decision about a document that was no longer in force on the 清理日期."""
        for decision in self.cleanup_decisions:
            if decision.decision != "继续有效":
                continue
            target, _ = self.lookup(decision.target)
            assert target is not None
            record = self.records[target]
            event = record.ending(decision.reviewed_on)
            if event is None:
                continue
            because = f"已被 {event.by} {event.kind.value}" if event.by else f"已于 {event.day} {event.kind.value}"
            self.problems.add(
                decision.source_path, decision.line, "结论",
                f"「继续有效」，但 {target} 在清理日期 {decision.reviewed_on} 时{because}",
                "与文件的实际效力一致的结论（修改、废止或宣布失效），或删去这一项",
                Severity.WARNING, CLEANUP_MISMATCH,
            )  # fmt: skip

    def warn_expiring(self) -> None:
        register = self.register
        for record in expiring_soon(register, self.policy):
            instrument = record.instrument
            if record.expiry_is_default:
                how = f"按默认有效期（{self.policy.default_years(instrument)} 年）"
            else:
                how = "按有效期"
            line = (
                instrument.facts.line("有效期至")
                or instrument.facts.line("有效期")
                or instrument.facts.line("施行日期")
            )
            self.problems.add(
                instrument.source_path, line, "有效期至",
                f"{how}将于 {record.expires} 届满（{(record.expires - register.as_of).days} 天后）",  # type: ignore[operator]
                "到期前评估：发布修改或延续有效期的文件，或在清理中宣布失效",
                Severity.WARNING, EXPIRING,
            )  # fmt: skip


def _add_years(day: dt.date, years: int) -> dt.date:
    """The last day of a period of whole years starting on `day`."""
    try:
        end = day.replace(year=day.year + years)
    except ValueError:  # 29 February
        end = day.replace(year=day.year + years, day=28) + dt.timedelta(days=1)
    return end - dt.timedelta(days=1)


def expiring_soon(register: Register, policy: Policy) -> list[Validity]:
    """Documents in force whose period ends within the policy's reminder window, soonest first."""
    return register.expiring(_months_in_days(register.as_of, policy.reminder_months))


def _months_in_days(day: dt.date, months: int) -> int:
    """Days from `day` to the same day `months` later."""
    return (add_months(day, months) - day).days


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day if it is shorter: 31 January + 1 is 28 or 29 February)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
