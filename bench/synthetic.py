"""A deterministic synthetic collection of a county's disclosure documents, at any size.

The sample's county government as a one-organ site (mkdocs.yml, its catalog and pages) with N
generated documents in content/wj/: the same seed and N always give the same
files. The documents look like a county's: titles, 发文字号 and 文种 of real
notices, bodies of numbered items whose length follows a log-normal law
(median about 3,000 characters, a few past 40,000), dates over 2010–2026,
one or two columns each, 替代/修改/废止 between the 行政规范性文件 of the
library, 施行日期 and 有效期 on them, about 2% in traditional script and 1%
依申请公开 (which must not be published).

    .venv/bin/python -m bench.synthetic /tmp/site-10k 10000
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
AS_OF = "2026-11-23"

ORGANS = [
    ("示例县人民政府", "示政发"), ("示例县人民政府办公室", "示政办发"), ("示例县发展和改革局", "示发改"),
    ("示例县财政局", "示财"), ("示例县教育局", "示教"), ("示例县卫生健康局", "示卫健"),
    ("示例县自然资源和规划局", "示资规"), ("示例县住房和城乡建设局", "示建"), ("示例县农业农村局", "示农"),
    ("示例县市场监督管理局", "示市监"), ("示例县人力资源和社会保障局", "示人社"), ("示例县民政局", "示民"),
    ("示例县交通运输局", "示交"), ("示例县应急管理局", "示应急"), ("示例县生态环境分局", "示环"),
]  # fmt: skip
TOPICS = [
    "农村人居环境整治", "城乡居民基本医疗保险", "义务教育阶段学校招生", "老旧小区改造", "高标准农田建设",
    "中小企业纾困解难", "安全生产专项整治", "生活垃圾分类", "农村饮用水安全", "养老服务体系建设",
    "困难群众基本生活保障", "政务服务“一网通办”", "河湖长制", "森林防火", "重点项目建设", "营商环境优化",
    "就业创业扶持", "耕地保护", "城市管理综合执法", "消防安全隐患排查", "残疾人两项补贴", "住房公积金缴存",
    "冬春农田水利建设", "食品安全监督抽检", "乡村振兴示范村创建", "企业职工基本养老保险", "集体经营性建设用地入市",
    "新能源汽车充电设施", "电动自行车安全管理", "校外培训机构治理", "基层医疗卫生服务能力", "文物保护利用",
]  # fmt: skip
ACTIONS = ["印发", "进一步加强", "做好", "开展", "调整", "实施", "规范", "推进", "公布", "下达"]
SUFFIXES = ["工作方案", "实施意见", "管理办法", "实施细则", "考核办法", "专项行动方案", "若干措施", "工作要点"]
KINDS = ["通知", "通知", "通知", "意见", "决定", "公告", "通告", "通报", "批复", "函", "报告", "其他"]
SUBJECTS = [
    "各乡镇人民政府", "各街道办事处", "县政府各部门", "各村（社区）", "相关企业", "县级各有关单位", "牵头部门",
    "责任单位", "各级医疗机构", "各中小学校", "行业主管部门", "属地乡镇", "县财政", "执法人员", "申请人",
]  # fmt: skip
VERBS = [
    "应当加强", "要切实落实", "负责统筹", "按规定做好", "进一步完善", "依法规范", "定期开展", "严格执行",
    "及时上报", "全面推进", "组织实施", "加大力度推进", "建立健全", "统一部署", "协同配合做好", "依申请办理",
]  # fmt: skip
OBJECTS = [
    "监督检查", "资金拨付和使用管理", "台账登记", "信息公开", "风险隐患排查", "绩效评价", "宣传引导",
    "人员培训", "应急值守", "档案管理", "数据统计报送", "项目验收", "补贴发放", "政策解读", "服务窗口建设",
    "考核评估", "问题整改", "长效管理机制", "联席会议制度", "资格审核", "举报投诉处理", "日常巡查",
]  # fmt: skip
TAILS = [
    "确保各项工作落到实处", "切实维护群众合法权益", "提高服务质量和效率", "形成工作合力", "防止出现推诿扯皮",
    "做到应保尽保", "每季度末报送进展情况", "所需经费由县财政统筹安排", "自发布之日起施行",
    "对工作不力的予以通报批评", "逐步实现全覆盖", "按照属地管理原则落实责任",
]  # fmt: skip
NUMERALS = "一二三四五六七八九十"
# Characters of place, road and company names: each document names its own, as real ones do.
NAME_CHARACTERS = (
    "安宝北滨昌长城崇春大德东枫丰福港高广海和河红宏华环嘉江金锦京景康兰蓝乐利莲良林临龙隆鹿茂梅民明南宁平"
    "浦齐启青清庆泉仁荣瑞山上盛石顺松台泰塘天田通桐湾万旺文西溪霞祥新星兴秀旭阳杨耀永友玉裕源远岳云泽樟"
    "正中舟竹紫柏翠丹凤桂禾鸿湖虹徽佳建骏峻坤朗黎丽联灵柳隆麓罗满美敏沐楠鹏琪沁秋榕润三森善尚韶圣曙双水"
)
NAME_SUFFIXES = ["村", "社区", "路", "街", "桥", "小区", "有限公司", "专业合作社", "水库", "工业园区", "中学", "卫生院"]
# The sample catalog's listing columns; most documents are 其他文件, then 行政规范性文件.
LISTING_COLUMNS = [
    "qtwj", "gfxwj", "zcjd", "tjxx", "czxx", "ghxx", "xzxk", "xzcf", "zfcg", "zdjsxm", "msbz", "yjgl",
    "jdjc", "gwyzk", "zd", "zdjcygk", "jytabl", "xzzfgs", "sfxm", "szjs", "ggfw", "shjz", "tdzs", "fwzs",
]  # fmt: skip


@dataclass
class _Document:
    year: int
    sequence: int
    published: dt.date
    columns: list[str]
    library: bool
    relations: dict[str, list[str]] = field(default_factory=dict)
    index_no: str = ""


def _write_settings(project: Path) -> None:
    """An empty `project` (emptied first) with the sample's mkdocs.yml, as of AS_OF, and overrides."""
    if project.exists():
        shutil.rmtree(project)
    (project / "content").mkdir(parents=True)
    config = (REPO / "mkdocs.yml").read_text("utf-8")
    config, replaced = re.subn(r'(?m)^      as_of: "[0-9-]+"$', f'      as_of: "{AS_OF}"', config)
    assert replaced == 1, "the sample's mkdocs.yml gives the plugin an as_of"
    (project / "mkdocs.yml").write_text(config, "utf-8")
    shutil.copytree(REPO / "overrides", project / "overrides")


def generate(project: Path, count: int, seed: int = 1, code: str = "11330521MB1C00001X") -> None:
    """Write the sample site's settings and `count` documents into `project` (emptied first)."""
    _write_settings(project)
    (project / "catalog.yaml").write_text(one_organ_catalog(), "utf-8")
    (project / "content" / "index.md").write_text(HOME_PAGE, "utf-8")
    shutil.copytree(REPO / "content" / "zwgk" / "xzf" / "pages", project / "content" / "pages")
    rng = random.Random(seed)
    _write_documents(rng, project / "content" / "wj", _plan(rng, count, code))


def _write_documents(rng: random.Random, folder: Path, documents: list[_Document]) -> None:
    traditional = _traditional()
    for document in documents:
        text = _render(rng, document)
        if rng.random() < 0.02:
            text = _to_traditional(traditional, text)
        path = folder / str(document.year) / f"{document.sequence:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")


# The listing columns of the sample's department and town templates (catalog.yaml 栏目模板).
DEPARTMENT_COLUMNS = ["ghjh", "gfxwj", "zd", "czyjs"]
TOWN_COLUMNS = ["tzgg", "czyjs"]


def generate_platform(project: Path, organs: int, per_organ: int, seed: int = 1) -> None:
    """The sample platform's settings with `organs` organs (the county government, then departments and
    towns, two to one, from the sample's templates), each with `per_organ` documents and its pages."""
    import yaml

    _write_settings(project)
    (project / "content" / "index.md").write_text(HOME_PAGE, "utf-8")
    data = yaml.safe_load((REPO / "catalog.yaml").read_text("utf-8"))
    government, department, town = (data["公开单位"][i] for i in (0, 1, 7))
    rng = random.Random(seed)
    entries = []
    for n in range(organs):
        kind = "政府部门" if n and n % 3 else ("人民政府" if n == 0 else "乡镇街道")
        model, listing = {"人民政府": (government, LISTING_COLUMNS), "政府部门": (department, DEPARTMENT_COLUMNS),
                          "乡镇街道": (town, TOWN_COLUMNS)}[kind]  # fmt: skip
        key = "xzf" if n == 0 else f"dw{n:03d}"
        code = f"11330521MB{n + 1:07d}X"
        name = model["名称"] if n == 0 else f"示例县第{n}{'局' if kind == '政府部门' else '镇人民政府'}"
        entries.append({**model, "代码": key, "类型": kind, "名称": name, "机构代码": code})
        folder = project / "content" / "zwgk" / key
        pages = REPO / "content" / "zwgk" / ("xzf" if n == 0 else model["代码"]) / "pages"
        shutil.copytree(pages, folder / "pages")
        _write_documents(rng, folder / "wj", _plan(rng, per_organ, code, listing))
    data["公开单位"] = entries
    (project / "catalog.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


HOME_PAGE = "# 示例县人民政府\n\n本站设[政府信息公开](zwgk/index.md)专栏。\n"


def one_organ_catalog() -> str:
    """The sample platform's county government (its first organ) as the catalog.yaml of a one-organ site."""
    import yaml

    data = yaml.safe_load((REPO / "catalog.yaml").read_text("utf-8"))
    organ = {k: v for k, v in data["公开单位"][0].items() if k not in ("代码", "类型")}
    guide = data["公开指南"]
    guide["依申请公开"].setdefault("受理机构", organ["信息公开工作机构"]["名称"])
    portal = data["平台"]
    column = {"名称": portal["名称"], "路径": portal["路径"], "说明": portal["说明"], "每页条数": portal["每页条数"]}
    catalog = {
        "机关": organ, "网站": data["网站"], "索引号规则": data["索引号规则"], "公开指南": guide,
        "文件效力": data["文件效力"], **({"检查": data["检查"]} if "检查" in data else {}),
        "专栏": {**column, "栏目": data["栏目模板"]["人民政府"]},
    }  # fmt: skip
    return yaml.safe_dump(catalog, allow_unicode=True, sort_keys=False)


def _plan(rng: random.Random, count: int, code: str, listing: list[str] = LISTING_COLUMNS) -> list[_Document]:
    """Dates, numbers, columns and relations: older documents first, so relations point back in time."""
    years = list(range(2010, 2027))
    weights = [1 + i * 0.15 for i in range(len(years))]  # a growing output, as real sites show
    per_year: dict[int, int] = {}
    documents = []
    days = sorted(
        (dt.date(y, 1, 1) + dt.timedelta(days=rng.randrange(365)))
        for y in rng.choices(years, weights=weights, k=count)
    )  # fmt: skip
    days = [min(d, dt.date(2026, 11, 20)) for d in days]
    library: list[_Document] = []
    targeted: set[str] = set()
    column_weights = ([20, 10] + [3] * (len(listing) - 2))[: len(listing)]
    for day in days:
        per_year[day.year] = per_year.get(day.year, 0) + 1
        columns = rng.choices(listing, weights=column_weights, k=1)
        if rng.random() < 0.1:
            columns.append(rng.choice(listing))
        columns = list(dict.fromkeys(columns))
        document = _Document(day.year, per_year[day.year], day, columns, "gfxwj" in columns)
        document.index_no = f"{code}/{day.year}-{document.sequence:05d}"
        if document.library and library and rng.random() < 0.12:
            kind = rng.choices(["替代", "修改", "废止"], weights=[6, 2, 2])[0]
            target = rng.choice(library[-200:])
            if target.index_no not in targeted and target.published < day:
                targeted.add(target.index_no)
                document.relations[kind] = [target.index_no]
        if document.library:
            library.append(document)
        documents.append(document)
    return documents


def _render(rng: random.Random, document: _Document) -> str:
    organ, prefix = rng.choice(ORGANS)
    topic = rng.choice(TOPICS)
    kind = rng.choice(KINDS)
    suffix = rng.choice(SUFFIXES)
    subject = f"{rng.choice(ACTIONS)}示例县{document.year}年{topic}{suffix}"
    title = f"{organ}关于{subject}的{kind}" if kind != "其他" else f"示例县{document.year}年{topic}{suffix}"
    written = document.published - dt.timedelta(days=rng.randrange(0, 8))
    lines = [
        "---",
        f"标题: {title}",
        f"索引号: {document.index_no}",
        f"发文机关: {organ}",
    ]
    if rng.random() < 0.6:
        lines.append(f"发文字号: {prefix}〔{document.year}〕{rng.randrange(1, 120)}号")
    lines += [f"成文日期: {written}", f"发布日期: {document.published}"]
    if document.library:
        lines.append(f"施行日期: {document.published + dt.timedelta(days=rng.randrange(0, 31))}")
        if rng.random() < 0.5:
            lines.append(f"有效期: {rng.choice([2, 3, 5])}")
    lines += [
        f"主题分类: {rng.choice(_SUBJECT_CLASSES)}",
        f"文种: {kind}",
        f"公开属性: {'依申请公开' if rng.random() < 0.01 else '主动公开'}",
        f"栏目: [{', '.join(document.columns)}]",
        f"内容概述: 明确{topic}的工作目标、主要任务、职责分工和保障措施。",
        f"关键词: [{topic}, {suffix}]",
    ]
    lines += [f"{kind}: [{', '.join(targets)}]" for kind, targets in document.relations.items()]
    lines += ["---", "", "、".join(rng.sample(SUBJECTS, 2)) + "：", ""]
    lines.append(f"为{rng.choice(VERBS)}{topic}{rng.choice(OBJECTS)}，经研究，现就有关事项明确如下：")
    target = int(math.exp(rng.gauss(math.log(3000), 0.8)))
    written_chars, item = 0, 0
    while written_chars < min(target, 60000):
        item += 1
        paragraph = _paragraph(rng, topic, item)
        lines += ["", paragraph]
        written_chars += len(paragraph)
    lines += ["", organ, "", f"{written.year}年{written.month}月{written.day}日", ""]
    return "\n".join(lines)


def _paragraph(rng: random.Random, topic: str, item: int) -> str:
    heading = f"{_numeral(item)}、{rng.choice(VERBS)}{rng.choice(OBJECTS)}。" if item < 100 else ""
    sentences = []
    for _ in range(rng.randrange(2, 7)):
        amount = rng.choice(["", f"按每人每月{rng.randrange(50, 900)}元的标准", f"在{rng.randrange(3, 30)}个工作日内"])
        place = "".join(rng.choices(NAME_CHARACTERS, k=rng.randrange(2, 4))) + rng.choice(NAME_SUFFIXES)
        sentences.append(
            f"{rng.choice(SUBJECTS)}{amount}对{place}{rng.choice(VERBS)}{topic}{rng.choice(OBJECTS)}，"
            f"{rng.choice(VERBS)}{rng.choice(OBJECTS)}，{rng.choice(TAILS)}。"
        )
    return heading + "".join(sentences)


def _numeral(n: int) -> str:
    if n <= 10:
        return NUMERALS[n - 1]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else NUMERALS[tens - 1]) + "十" + (NUMERALS[units - 1] if units else "")


def _subject_classes() -> list[str]:
    import yaml

    data = yaml.safe_load((REPO / "plugins" / "gongkai" / "data" / "taxonomy.yaml").read_text("utf-8"))
    return [f"{first}\\{second}" for first, seconds in data["主题分类"].items() for second in seconds]


_SUBJECT_CLASSES = _subject_classes()


def _traditional():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("s2t")


def _to_traditional(converter, text: str) -> str:  # type: ignore[no-untyped-def]
    """Title, summary and body in traditional script; field names and codes stay as they are."""
    head, _, body = text.partition("\n---\n")
    converted = []
    for line in head.splitlines():
        name, sep, value = line.partition(": ")
        converted.append(name + sep + converter.convert(value) if name in ("标题", "内容概述", "关键词") else line)
    return "\n".join(converted) + "\n---\n" + converter.convert(body)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project", type=Path, help="the folder to write the site into (emptied first)")
    parser.add_argument("count", type=int, help="how many documents")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--organs", type=int, help="a platform of this many organs, each with COUNT documents")
    args = parser.parse_args()
    if args.organs:
        generate_platform(args.project, args.organs, args.count, args.seed)
        print(f"{args.organs} organs × {args.count} documents in {args.project}/content/zwgk")
    else:
        generate(args.project, args.count, args.seed)
        print(f"{args.count} documents in {args.project}/content/wj")


if __name__ == "__main__":
    main()
