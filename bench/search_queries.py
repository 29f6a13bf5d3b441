"""The 一网通查 quality queries: five kinds, each with the documents that must be found.

Queries are drawn from the corpus with a fixed seed, so every run asks the same
ones. A query's expected set is every entry it names (versions of one law share
a title; a 发文字号 can be shared too); a hit is any of them within the kind's
rank limit.

- 标题全称: the full title, as written. Top 3.
- 标题片段: 4 to 6 characters from inside a title that are in at most 5 titles. Top 10.
- 正文词句: 8 characters from a body (Chinese only, no punctuation) found in at most 3 bodies. Top 10.
- 发文字号: the number with its brackets written as [], (), （） or 【】, and 国务院令第N号 without
  the 中华人民共和国 prefix. Top 3.
- 繁体标题: the full title in traditional characters (OpenCC s2t, phrase by phrase). Top 3.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from dataclasses import dataclass

from gongkai.importers.lawrefbook import CorpusEntry

from .corpus_search_site import url_of

KINDS = {"标题全称": 3, "标题片段": 10, "正文词句": 10, "发文字号": 3, "繁体标题": 3}
PER_KIND = 70
SEED = 20261123

_HAN = re.compile(r"[\u4e00-\u9fff]+")
_BRACKETS = (("[", "]"), ("(", ")"), ("（", "）"), ("【", "】"))
_STATE_PREFIX = re.compile(r"^中?中华人民共和国(?=.+令)")


@dataclass(frozen=True)
class Query:
    kind: str
    text: str
    expected: frozenset[str]  # URLs

    @property
    def top(self) -> int:
        return KINDS[self.kind]


def make_queries(entries: list[CorpusEntry], bodies: dict[str, str], seed: int = SEED) -> list[Query]:
    rng = random.Random(seed)
    by_title: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        by_title[e.title].add(url_of(e))
    titled = sorted(by_title)
    queries: list[Query] = []

    for title in rng.sample(titled, PER_KIND):
        queries.append(Query("标题全称", title, frozenset(by_title[title])))

    import opencc

    to_traditional = opencc.OpenCC("s2t")
    picked = 0
    for title in rng.sample(titled, len(titled)):
        traditional = to_traditional.convert(title)
        if traditional != title:
            queries.append(Query("繁体标题", traditional, frozenset(by_title[title])))
            picked += 1
            if picked == PER_KIND:
                break

    picked = 0
    for title in rng.sample(titled, len(titled)):
        runs = [r for r in _HAN.findall(title) if len(r) >= 6]
        if not runs:
            continue
        run = rng.choice(runs)
        size = rng.randint(4, 6)
        start = rng.randint(1, len(run) - size) if len(run) > size else 0
        part = run[start : start + size]
        holders = {t for t in titled if part in t}
        if len(holders) > 5:
            continue
        expected = frozenset(url for t in holders for url in by_title[t])
        queries.append(Query("标题片段", part, expected))
        picked += 1
        if picked == PER_KIND:
            break

    picked = 0
    ids = sorted(bodies)
    urls = {e.id: url_of(e) for e in entries}
    for entry_id in rng.sample(ids, len(ids)):
        runs = [r for r in _HAN.findall(bodies[entry_id]) if len(r) >= 12]
        if not runs:
            continue
        run = rng.choice(runs)
        start = rng.randint(0, len(run) - 8)
        phrase = run[start : start + 8]
        holders = [other for other, text in bodies.items() if phrase in text]
        if len(holders) > 3:
            continue
        queries.append(Query("正文词句", phrase, frozenset(urls[h] for h in holders)))
        picked += 1
        if picked == PER_KIND:
            break

    by_number: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        if e.doc_number:
            by_number[e.doc_number].add(url_of(e))
    numbers = sorted(by_number)
    for number in rng.sample(numbers, min(PER_KIND, len(numbers))):
        text = _STATE_PREFIX.sub("", number)
        if "〔" in text:
            opening, closing = rng.choice(_BRACKETS)
            text = text.replace("〔", opening).replace("〕", closing)
        queries.append(Query("发文字号", text, frozenset(by_number[number])))
    return queries
