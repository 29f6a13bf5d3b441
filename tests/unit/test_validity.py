"""Validity states computed from dates, relations and 清理 decisions; bad input named by file and line."""

import datetime as dt

import pytest

from gongkai.model.problems import InvalidInput, ProblemList
from gongkai.model.site import load_site
from gongkai.model.validity import (
    CleanupDecision,
    Instrument,
    Policy,
    Relation,
    RelationKind,
    State,
    ValidityFacts,
    YearCounts,
    build_register,
)
from helpers import AS_OF, ORGAN_CODE, document, make_project

D = dt.date


def instrument(key, written, *, category="行政规范性文件", title=None, number=None, **facts):
    relations = tuple(Relation(RelationKind(kind), target) for kind, target in facts.pop("relations", []))
    return Instrument(
        key=key, title=title or f"文件{key}", doc_number=number, written=written, published=written,
        source_path=f"{key}.md", category=category, facts=ValidityFacts(relations=relations, **facts),
    )  # fmt: skip


def register(*instruments, cleanups=(), as_of=AS_OF, policy=None):
    problems = ProblemList()
    result = build_register(instruments, as_of, policy, cleanups, problems)
    return result, problems


def test_each_state_follows_from_dates_and_relations():
    reg, problems = register(
        instrument("pending", D(2026, 11, 1), effective=D(2027, 1, 1)),
        instrument("old", D(2022, 5, 1)),
        instrument("new", D(2026, 1, 10), relations=[("替代", "old")]),
        instrument("gone", D(2023, 3, 1)),
        instrument("repealer", D(2026, 2, 1), category=None, relations=[("废止", "gone")]),
        instrument("trial", D(2023, 6, 1), title="暂行办法"),  # 2 years by default
        instrument("current", D(2024, 6, 1)),
    )
    assert problems.errors == problems.warnings == []
    states = {r.key: reg.state(r.key) for r in reg}
    assert states == {
        "pending": State.NOT_YET_EFFECTIVE, "old": State.AMENDED, "new": State.IN_FORCE, "gone": State.REPEALED,
        "repealer": State.IN_FORCE, "trial": State.EXPIRED, "current": State.IN_FORCE,
    }  # fmt: skip
    # The same facts on other days: states are a function of the day.
    assert reg.state("pending", D(2027, 1, 1)) is State.IN_FORCE
    assert reg.state("old", D(2026, 1, 9)) is State.IN_FORCE
    assert reg.state("gone", D(2026, 1, 31)) is State.IN_FORCE
    assert reg.state("trial", D(2025, 5, 31)) is State.IN_FORCE
    assert reg.state("trial", D(2025, 6, 1)) is State.EXPIRED
    assert reg["trial"].expires == D(2025, 5, 31)
    assert reg["gone"].incoming == [(RelationKind.REPEALS, "repealer")]
    assert reg["repealer"].outgoing == [(RelationKind.REPEALS, "gone")]


def test_versions_form_a_chain_in_time_order_and_the_newest_in_force_is_current():
    reg, problems = register(
        instrument("v2022", D(2022, 1, 5)),
        instrument("v2016", D(2016, 3, 1), category=None),
        instrument("v2019", D(2019, 7, 1), category=None, relations=[("修改", "v2016")]),
        instrument("v2022b", D(2022, 1, 5), relations=[("替代", "v2019")]),
        instrument("v2027", D(2026, 10, 1), effective=D(2027, 1, 1), relations=[("替代", "v2022b")]),
    )
    assert problems.errors == []
    assert reg["v2016"].versions == ["v2016", "v2019", "v2022b", "v2027"]
    assert reg.current_version("v2016") == "v2022b"  # v2027 is not in force yet
    assert reg.current_version("v2016", D(2027, 1, 1)) == "v2027"
    assert reg["v2022"].versions == []


def test_default_periods_come_from_the_policy_and_explicit_ones_win():
    policy = Policy(years_by_category={"行政规范性文件": 3}, provisional_years=1, reminder_months=6)
    reg, _ = register(
        instrument("a", D(2024, 2, 29)),
        instrument("b", D(2024, 3, 1), title="试行办法"),
        instrument("c", D(2020, 1, 1), expires=D(2030, 12, 31)),
        instrument("d", D(2020, 1, 1), period_years=10),
        instrument("e", D(2010, 1, 1), category="规章"),  # no default for 规章
        policy=policy,
    )
    assert reg["a"].expires == D(2027, 2, 28)
    assert reg["b"].expires == D(2025, 2, 28)
    assert reg["c"].expires == D(2030, 12, 31) and not reg["c"].expiry_is_default
    assert reg["d"].expires == D(2029, 12, 31)
    assert reg["e"].expires is None and reg.state("e") is State.IN_FORCE


def test_a_document_expiring_within_the_window_is_a_warning_for_editors():
    _, problems = register(
        instrument("soon", D(2022, 3, 1), effective=D(2022, 4, 1), period_years=5, lines={"有效期": 7}),
        instrument("later", D(2024, 3, 1)),
        instrument("default", D(2021, 12, 1)),
    )
    assert [str(p) for p in problems.warnings] == [
        "default.md: 有效期至: 按默认有效期（5 年）将于 2026-11-30 届满（7 天后）；"
        "应为：到期前评估：发布修改或延续有效期的文件，或在清理中宣布失效",
        "soon.md:7: 有效期至: 按有效期将于 2027-03-31 届满（128 天后）；"
        "应为：到期前评估：发布修改或延续有效期的文件，或在清理中宣布失效",
    ]


def test_cleanup_decisions_repeal_and_expire_and_a_stale_keep_is_a_warning():
    def decision(target, what, line):
        return CleanupDecision("2025", target, what, D(2025, 12, 1), D(2026, 1, 10), "content/qingli/2025.yaml", line)

    reg, problems = register(
        instrument("a", D(2023, 1, 1)),
        instrument("b", D(2023, 1, 1)),
        instrument("c", D(2023, 1, 1)),
        instrument("d", D(2025, 11, 1), relations=[("修改", "c")]),
        cleanups=[decision("a", "废止", 4), decision("b", "宣布失效", 6), decision("c", "继续有效", 8)],
    )
    assert reg.state("a") is State.REPEALED and reg["a"].ending(AS_OF).cleanup == "2025"
    assert reg.state("b") is State.EXPIRED and reg["b"].ending(AS_OF).day == D(2026, 1, 10)
    assert problems.errors == []
    assert [str(p) for p in problems.warnings] == [
        "content/qingli/2025.yaml:8: 结论: 「继续有效」，但 c 在清理日期 2025-12-01 时已被 d 修改；"
        "应为：与文件的实际效力一致的结论（修改、废止或宣布失效），或删去这一项"
    ]


def test_annual_report_counts_for_a_year_and_a_kind():
    reg, _ = register(
        instrument("a", D(2023, 5, 1)),
        instrument("b", D(2024, 2, 1)),
        instrument("c", D(2024, 8, 1), relations=[("废止", "a")]),
        instrument("d", D(2024, 9, 1), title="暂行规定", period_years=None),
        instrument("e", D(2024, 9, 1), category="规章"),
        instrument("f", D(2020, 6, 1)),  # expires 2025-05-31 by the 5-year default
    )
    assert reg.counts(2024, "行政规范性文件") == YearCounts(3, 1, 4)  # b c d issued; a repealed; b c d f in force
    assert reg.counts(2025, "行政规范性文件") == YearCounts(0, 1, 3)  # f expired in 2025
    assert reg.counts(2024, "规章") == YearCounts(1, 0, 1)


def test_a_relation_names_its_target_by_doc_number_with_any_brackets():
    reg, problems = register(
        instrument("old", D(2020, 1, 1), number="示政发〔2020〕1号"),
        instrument("new", D(2024, 1, 1), relations=[("废止", "示政发[2020]1号")]),
    )
    assert problems.errors == []
    assert reg.state("old") is State.REPEALED


# -- bad input, through the site loader: file, line, field, found, expected ----------------


def load_errors(project) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        load_site(project.root / "catalog.yaml", project.content, "wj", project.root, as_of=AS_OF)
    return [str(p) for p in caught.value.problems]


def key(seq, year=2024):
    return f"{ORGAN_CODE}/{year}-{seq:05d}"


def test_relation_errors_name_the_file_and_line(tmp_path):
    project = make_project(
        tmp_path,
        {
            "2024/00001.md": document(1, 栏目=["wjk"], 废止=["测政发〔2019〕9号"]),
            "2024/00002.md": document(2, 栏目=["wjk"], 修改=[key(2)]),
            "2024/00003.md": document(3, 栏目=["wjk"], 修改=[key(4)]),
            "2024/00004.md": document(4, 栏目=["wjk"], 替代=[key(3)]),
            "2024/00005.md": document(5, 成文日期="2024-01-01", 发布日期="2024-01-02", 废止=[key(6)]),
            "2024/00006.md": document(6, 成文日期="2024-02-01"),
        },
    )
    assert load_errors(project) == [
        "content/wj/2024/00001.md:13: 废止: '测政发〔2019〕9号' 没有对应的文件；应为：已有文件的索引号或发文字号",
        "content/wj/2024/00002.md:13: 修改: '11330000TEST00001X/2024-00002' 是本文件自己；应为：另一份（更早的）文件",
        "content/wj/2024/00004.md:13: 替代: 文件之间的修改/废止/替代关系构成循环："
        f"{key(4)} → {key(3)} → {key(4)}；应为：只由较新的文件指向较早的文件",
        "content/wj/2024/00005.md:13: 废止: 废止日期 2024-01-02（本文件的发布日期）早于被废止文件 "
        f"{key(6)} 的成文日期 2024-02-01；应为：不早于 2024-02-01 的日期",
    ]


def test_two_repeals_on_different_days_are_an_error(tmp_path):
    project = make_project(
        tmp_path,
        {
            "2024/00001.md": document(1, 成文日期="2024-01-01", 发布日期="2024-01-02"),
            "2024/00002.md": document(2, 成文日期="2024-05-01", 发布日期="2024-05-06", 废止=[key(1)]),
            "2024/00003.md": document(3, 成文日期="2024-06-01", 发布日期="2024-06-03", 废止=[key(1)]),
        },
    )
    assert load_errors(project) == [
        f"content/wj/2024/00003.md:13: 废止: {key(3)} 的「废止」于 2024-06-03 废止 {key(1)}，"
        f"而 {key(2)} 的「废止」（content/wj/2024/00002.md:13）于 2024-05-06 废止它；应为：同一文件只有一个废止日期"
    ]


def test_document_dates_must_be_in_order(tmp_path):
    project = make_project(
        tmp_path,
        {
            "2024/00001.md": document(1, 施行日期="2024-02-01"),  # written 2024-03-01
            "2024/00002.md": document(2, 施行日期="2024-04-01", 有效期至="2024-03-31"),
            "2024/00003.md": document(3, 有效期至="2029-01-01", 有效期=5),
            "2024/00004.md": document(4, 废止日期="2023-12-31"),
            "2024/00005.md": document(5, 有效期="五年"),
        },
    )
    assert load_errors(project) == [
        "content/wj/2024/00001.md:13: 施行日期: '2024-02-01' 早于成文日期 '2024-03-01'；应为：不早于成文日期的日期",
        "content/wj/2024/00002.md:14: 有效期至: '2024-03-31' 早于施行日期 '2024-04-01'；应为：不早于施行日期的日期",
        "content/wj/2024/00003.md:14: 有效期: 同时填写了有效期至（2029-01-01）和有效期（5 年）；应为：二者只填一个",
        "content/wj/2024/00004.md:13: 废止日期: '2023-12-31' 早于成文日期 '2024-03-01'；应为：不早于成文日期的日期",
        "content/wj/2024/00005.md:13: 有效期: '五年'；应为：不小于 1 的整数",
    ]


CLEANUP = """\
标题: 2025年度规范性文件清理结果
清理日期: 2025-12-01
发布日期: 2025-12-10
依据: 国办发〔2018〕37号
决定:
  - 文件: 测政发〔2024〕1号
    结论: 继续有效
  - 文件: 测政发〔2024〕9号
    结论: 废止
  - 文件: 测政发〔2024〕1号
    结论: 修改
  - 文件: 测政发〔2024〕2号
    结论: 作废
  - 文件: 测政发〔2024〕2号
    结论: 继续有效
    日期: 2026-01-01
"""


def test_cleanup_record_errors_name_the_file_and_line(tmp_path):
    project = make_project(tmp_path, {"2024/00001.md": document(1), "2024/00002.md": document(2)})
    project.write("content/qingli/2025.yaml", CLEANUP)
    assert load_errors(project) == [
        "content/qingli/2025.yaml:10: 决定[3].文件: '测政发〔2024〕1号' 在本记录中重复（第 6 行已有）；应为：每份文件一项决定",
        "content/qingli/2025.yaml:13: 决定[4].结论: '作废' 不在可选值中；应为：以下之一：继续有效、修改、废止、宣布失效",
        "content/qingli/2025.yaml:16: 决定[5].日期: 「继续有效」的决定填写了日期；应为：只有废止、宣布失效的决定填写日期",
    ]
    project.write("content/qingli/2025.yaml", CLEANUP.split("  - 文件: 测政发〔2024〕1号\n    结论: 修改")[0])
    assert load_errors(project) == [
        "content/qingli/2025.yaml:8: 文件: '测政发〔2024〕9号' 没有对应的文件；应为：已有文件的索引号或发文字号"
    ]


def test_a_cleanup_announcement_must_exist_and_the_folder_holds_only_records(tmp_path):
    project = make_project(tmp_path, {"2024/00001.md": document(1)})
    record = "标题: 清理\n清理日期: 2025-12-01\n发布日期: 2025-12-10\n依据: 规定\n公告: 测政发〔2025〕1号\n"
    project.write("content/qingli/2025.yaml", record + "决定:\n  - {文件: 测政发〔2024〕1号, 结论: 继续有效}\n")
    project.write("content/qingli/2024.yml", record)
    assert load_errors(project) == [
        "content/qingli/2024.yml: '2024.yml' 不是清理记录；应为：content/qingli/ 下只放清理记录，每次清理一个 .yaml 文件，如 2025.yaml"
    ]
    (project.content / "qingli/2024.yml").unlink()  # relations are checked once the files themselves are sound
    assert load_errors(project) == [
        "content/qingli/2025.yaml:5: 公告: '测政发〔2025〕1号' 没有对应的文件；应为：已有文件的索引号或发文字号"
    ]
