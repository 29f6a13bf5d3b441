"""The rules of `gongkai check`: a stable code, a title and a default level each.

They live at the bottom of the model, beside the problems they name: the model reports its own findings
(an orphan file, an expiring document) by code, and the checks above it implement the rest.

Codes never change meaning, so that tools and catalog.yaml can name them; the
titles are the words inspectors use. catalog.yaml may change a rule's level
under 检查: 级别 (by code or title), except for rules marked fixed: a site
whose input cannot be read cannot be built.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Level(StrEnum):
    ERROR = "错误"  # stops the build
    WARNING = "警告"  # printed; stops a --strict build
    OFF = "关闭"  # not checked


@dataclass(frozen=True)
class Rule:
    code: str
    title: str
    level: Level
    explanation: str
    fixed: bool = False  # its level cannot be changed


SCHEMA = "GK100"
ORPHAN_FILE = "GK101"
EXPIRING = "GK102"
CLEANUP_MISMATCH = "GK103"
BLANK_COLUMN = "GK201"
STALE_COLUMN = "GK202"
NO_PUBLICATION_DATE = "GK203"
LATE_PUBLICATION = "GK204"
CALENDAR_UNCOVERED = "GK205"
MISSING_INTERPRETATION = "GK301"
DANGLING_INTERPRETATION = "GK302"
PERSONAL_DATA = "GK401"
BROKEN_LINK = "GK501"
LINK_TO_UNPUBLISHED = "GK502"
UNSAFE_HTML = "GK503"
REPORT_NUMBERS = "GK601"
REPORT_SECTIONS = "GK602"
REPORT_MISSING = "GK603"
SHORT_CONSULTATION = "GK701"
FEEDBACK_MISSING = "GK702"
CONSULTATION_LINK = "GK703"
GAZETTE_ITEM = "GK711"
CARRIED_TWICE = "GK712"
ISSUE_SEQUENCE = "GK713"
ISSUE_TOO_EARLY = "GK714"
NOT_IN_GAZETTE = "GK715"
STANDARD_ITEM_STALE = "GK721"

RULES = [
    Rule(SCHEMA, "内容格式", Level.ERROR, "catalog.yaml、文件或清理记录的格式错误：缺字段、日期无效等", fixed=True),
    Rule(ORPHAN_FILE, "未引用的文件", Level.WARNING, "文件目录中没有被任何文件的「附件」引用的文件，不会发布"),
    Rule(EXPIRING, "即将到期", Level.WARNING, "行政规范性文件的有效期即将届满，需要评估"),
    Rule(CLEANUP_MISMATCH, "清理结论不符", Level.WARNING, "清理结论「继续有效」，但文件当时已不再有效"),
    Rule(BLANK_COLUMN, "空白栏目", Level.WARNING, "栏目没有任何已发布的文件，或单页栏目的页面没有内容"),
    Rule(STALE_COLUMN, "栏目不更新", Level.WARNING, "栏目最新一份文件的发布日期超出了它的更新频率"),
    Rule(NO_PUBLICATION_DATE, "缺少发布日期", Level.ERROR, "发布的页面没有发布日期（检查中按未更新计）"),
    Rule(LATE_PUBLICATION, "发布时限", Level.WARNING, "发布日期晚于成文日期（有施行日期时为施行日期）后 20 个工作日"),
    Rule(CALENDAR_UNCOVERED, "工作日无法计算", Level.WARNING, "日期超出节假日日历收录的年份，无法检查发布时限"),
    Rule(MISSING_INTERPRETATION, "缺少政策解读", Level.WARNING, "需要解读的栏目中的文件没有已发布的政策解读（三同步）"),
    Rule(DANGLING_INTERPRETATION, "解读对象不存在", Level.ERROR, "政策解读的「解读对象」没有对应的文件"),
    Rule(PERSONAL_DATA, "个人信息", Level.ERROR, "发布的文字中有身份证号、手机号码或银行卡号"),
    Rule(BROKEN_LINK, "链接失效", Level.ERROR, "正文中指向本站文件或附件的链接没有目标"),
    Rule(LINK_TO_UNPUBLISHED, "链接到不公开的文件", Level.ERROR, "发布的页面链接了非主动公开的文件（它不会发布）"),
    Rule(UNSAFE_HTML, "不安全的网页代码", Level.ERROR, "正文有脚本、事件属性、javascript: 链接或从其他主机加载的资源"),
    Rule(REPORT_NUMBERS, "年报数字不符", Level.ERROR, "年度报告表格的数字不合勾稽关系，或与上年结转不符", fixed=True),
    Rule(REPORT_SECTIONS, "年报缺少部分", Level.ERROR, "年度报告缺少规定的六个部分之一，或某部分没有内容", fixed=True),
    Rule(REPORT_MISSING, "年报未按时发布", Level.WARNING, "上一年度的年度报告过了法定期限（第四十九条）仍未发布"),
    Rule(SHORT_CONSULTATION, "征求意见期过短", Level.WARNING, "征求意见期短于栏目的最短征集天数，且未说明理由"),
    Rule(FEEDBACK_MISSING, "未公布采纳情况", Level.WARNING, "征求意见截止超过栏目的反馈期限，仍未公布采纳情况"),
    Rule(CONSULTATION_LINK, "征求意见关联无效", Level.ERROR, "采纳情况或征求意见稿指向的文件不存在、不公开或不符"),
    Rule(GAZETTE_ITEM, "公报条目无效", Level.ERROR, "公报目录中的「文件」没有对应的文件，或不是主动公开的文件"),
    Rule(CARRIED_TWICE, "重复刊登", Level.ERROR, "同一份文件刊登在公报的两期（或一期的两处）"),
    Rule(ISSUE_SEQUENCE, "期号不连续", Level.ERROR, "同一年的公报期号重复、缺号，或出版日期与期号顺序不符"),
    Rule(ISSUE_TOO_EARLY, "公报早于文件", Level.ERROR, "公报的出版日期早于它所刊登文件的发布日期"),
    Rule(NOT_IN_GAZETTE, "未按时刊登公报", Level.WARNING, "规范性文件、规章发布后超过栏目的刊登时限（工作日）仍未刊登"),
    Rule(STANDARD_ITEM_STALE, "标准目录未按时限公开", Level.WARNING, "标准目录事项的发布栏目为空，或未按公开时限发布"),
]  # fmt: skip

RULES_BY_CODE = {rule.code: rule for rule in RULES}
RULES_BY_NAME = RULES_BY_CODE | {rule.title: rule for rule in RULES}
