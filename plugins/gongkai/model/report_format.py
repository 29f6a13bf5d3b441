"""The official formats of the 政府信息公开工作年度报告, as data: sections, tables, rows, columns.

Two formats exist. The 2021 format (国办公开办函〔2021〕30号) is used for the
reports of 2021 and later; the trial format (国办公开办函〔2019〕60号) for 2019
and 2020. The year of a report picks its format. Labels are the official
wording, row and column order the official order: the tables are printed from
these lists and the YAML keys are the labels without their numbering.
"""

from __future__ import annotations

from dataclasses import dataclass

SECTIONS = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)
# The sections whose table the report prints after their text.
TABLE_SECTIONS = (1, 2, 3)

APPLICANTS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
APPLICANT_TOTAL = "总计"
CORNER_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

REVIEW_RESULTS = ("结果维持", "结果纠正", "其他结果", "尚未审结")
REVIEW_TOTAL = "总计"
REVIEW_ROWS = ("行政复议", "未经复议直接起诉", "复议后起诉")


@dataclass(frozen=True)
class ItemTable:
    """One 第二十条第（x）项 block of section 二's table."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[str, ...]
    computed: bool = False  # 第（一）项: counted from the regulation library
    signed: tuple[int, ...] = ()  # columns that may be negative (本年增/减)
    decimal: tuple[int, ...] = ()  # columns that may have decimals (amounts)


@dataclass(frozen=True)
class ResultGroup:
    """A row of 三、本年度办理结果: one row, or a group of numbered sub-rows."""

    key: str  # the YAML key
    label: str  # as printed
    items: tuple[str, ...] = ()  # the sub-rows' keys (labels are numbered when printed)


@dataclass(frozen=True)
class ReportFormat:
    name: str
    basis: str
    items: tuple[ItemTable, ...]
    results: tuple[ResultGroup, ...]

    def item(self, row: str) -> ItemTable | None:
        return next((item for item in self.items if row in item.rows), None)

    @property
    def library_item(self) -> ItemTable:
        return next(item for item in self.items if item.computed)


_WITHHELD = ResultGroup("不予公开", "（三）不予公开", (
    "属于国家秘密", "其他法律行政法规禁止公开", "危及“三安全一稳定”", "保护第三方合法权益",
    "属于三类内部事务信息", "属于四类过程性信息", "属于行政执法案卷", "属于行政查询事项",
))  # fmt: skip
_UNAVAILABLE = ResultGroup("无法提供", "（四）无法提供", (
    "本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确",
))  # fmt: skip
_NOT_HANDLED = ResultGroup("不予处理", "（五）不予处理", (
    "信访举报投诉类申请", "重复申请", "要求提供公开出版物", "无正当理由大量反复申请",
    "要求行政机关确认或重新出具已获取信息",
))  # fmt: skip
_DISCLOSED = ResultGroup("予以公开", "（一）予以公开")
_PARTLY = ResultGroup("部分公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
RESULTS_TOTAL = ResultGroup("总计", "（七）总计")

FORMAT_2021 = ReportFormat(
    name="2021 年格式",
    basis="国办公开办函〔2021〕30号",
    items=(
        ItemTable("第二十条第（一）项", ("本年制发件数", "本年废止件数", "现行有效件数"), ("规章", "行政规范性文件"),
                  computed=True),
        ItemTable("第二十条第（五）项", ("本年处理决定数量",), ("行政许可",)),
        ItemTable("第二十条第（六）项", ("本年处理决定数量",), ("行政处罚", "行政强制")),
        ItemTable("第二十条第（八）项", ("本年收费金额（单位：万元）",), ("行政事业性收费",), decimal=(0,)),
    ),
    results=(
        _DISCLOSED, _PARTLY, _WITHHELD, _UNAVAILABLE, _NOT_HANDLED,
        ResultGroup("其他处理", "（六）其他处理", (
            "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "其他",
        )),
        RESULTS_TOTAL,
    ),
)  # fmt: skip

_COUNTS_2019 = ("上一年项目数量", "本年增/减", "处理决定数量")
FORMAT_2019 = ReportFormat(
    name="2019 年试行格式",
    basis="国办公开办函〔2019〕60号",
    items=(
        ItemTable("第二十条第（一）项", ("本年新制作数量", "本年新公开数量", "对外公开总数量"), ("规章", "规范性文件"),
                  computed=True),
        ItemTable("第二十条第（五）项", _COUNTS_2019, ("行政许可", "其他对外管理服务事项"), signed=(1,)),
        ItemTable("第二十条第（六）项", _COUNTS_2019, ("行政处罚", "行政强制"), signed=(1,)),
        ItemTable("第二十条第（八）项", ("上一年项目数量", "本年增/减"), ("行政事业性收费",), signed=(1,)),
        ItemTable("第二十条第（九）项", ("采购项目数量", "采购总金额"), ("政府集中采购",), decimal=(1,)),
    ),
    results=(
        _DISCLOSED, _PARTLY, _WITHHELD, _UNAVAILABLE, _NOT_HANDLED,
        ResultGroup("其他处理", "（六）其他处理"),
        RESULTS_TOTAL,
    ),
)  # fmt: skip

# A 第（一）项 row and the library category it counts.
LIBRARY_CATEGORIES = {"规章": "规章", "行政规范性文件": "行政规范性文件", "规范性文件": "行政规范性文件"}


def format_for(year: int) -> ReportFormat:
    return FORMAT_2021 if year >= 2021 else FORMAT_2019


def numbered(keys: tuple[str, ...]) -> list[str]:
    """Sub-row labels as printed: 1.属于国家秘密 …"""
    return [f"{n}.{key}" for n, key in enumerate(keys, start=1)]
