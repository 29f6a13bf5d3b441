"""What one 主动公开 document contributes to the 一网通查 index.

A record is rendered as a small HTML page for Pagefind (template
`gongkai/search-record.html`): the title and 发文字号 as weighted token streams,
the body as a token stream, and the filters, sort key and display metadata.
The pages the public reads are not indexed themselves: what is searchable is
decided here, from the domain, not by scraping the site.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser

from jinja2 import Environment, PackageLoader, select_autoescape

from ..model.document import Document
from ..model.site import DisclosureSite
from . import FILTERS, GAZETTE_FILTER, ORGAN_FILTER
from .text import tokens

SORT_KEY = "发布日期"
# Word positions the title and the 发文字号 take in every record, whatever their length: they are
# padded with words Pagefind does not index. search.js then tells from where a query matched whether
# it matched a title, a 发文字号 or a body, with no download. Titles in the corpus run to 57 words.
TITLE_SLOTS = 128
NUMBER_SLOTS = 32
PAD = "·"  # advances Pagefind's word position, is not a word itself
# Every meta field a record may give Pagefind (search-record.html; "title" is its h1), in Pagefind's order.
META_FIELDS = sorted(("title", "wh", "标题", "发文字号", "发布日期", "有效性"))


@dataclass(frozen=True)
class SearchRecord:
    url: str  # the document page, relative to the site root, as MkDocs writes it
    title: str
    doc_number: str | None
    published: dt.date
    state: str | None  # 有效性, for documents of a 文件库
    filters: dict[str, list[str]] = field(default_factory=dict)
    text: str = ""  # the body as plain text

    # Each text is cut once: the streams, the padding and the word counts of the bundle all use the cut.
    @cached_property
    def title_tokens(self) -> list[str]:
        return tokens(self.title)

    @cached_property
    def number_tokens(self) -> list[str]:
        return tokens(self.doc_number or "")

    @cached_property
    def text_tokens(self) -> list[str]:
        return tokens(self.text)

    @property
    def title_stream(self) -> str:
        return " ".join(self.title_tokens)

    @property
    def title_padding(self) -> str:
        return _padding(TITLE_SLOTS - len(self.title_tokens))

    @property
    def number_stream(self) -> str:
        return " ".join(self.number_tokens)

    @property
    def number_padding(self) -> str:
        return _padding(NUMBER_SLOTS - len(self.number_tokens))

    @property
    def text_stream(self) -> str:
        return " ".join(self.text_tokens)


def record_json(record: SearchRecord) -> str:
    """The record for the build cache: its text as cut, which is all the index needs of it."""
    return json.dumps(
        {
            "url": record.url, "title": record.title, "doc_number": record.doc_number,
            "published": record.published.isoformat(), "state": record.state, "filters": record.filters,
            "cut": [record.title_stream, record.number_stream, record.text_stream],
        },
        ensure_ascii=False,
    )  # fmt: skip


def record_from_json(text: str) -> SearchRecord:
    """A record from the build cache, with its text cut already (tokens hold no whitespace)."""
    data = json.loads(text)
    record = SearchRecord(
        url=data["url"], title=data["title"], doc_number=data["doc_number"],
        published=dt.date.fromisoformat(data["published"]), state=data["state"], filters=data["filters"],
    )  # fmt: skip
    # Filled in as the cached properties would be: the text itself is not kept.
    for name, stream in zip(("title_tokens", "number_tokens", "text_tokens"), data["cut"], strict=True):
        record.__dict__[name] = stream.split(" ") if stream else []
    return record


def _padding(words: int) -> str:
    return " ".join([PAD] * max(0, words))


# Elements whose start and end break the text, so that cells and paragraphs don't run together.
_BLOCKS = frozenset((
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
))  # fmt: skip
_SKIPPED = frozenset(("script", "style", "template"))


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def text_of_html(html: str) -> str:
    """The text of a rendered body, with block boundaries kept as line breaks (so cells don't run together)."""
    parser = _TextOf()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


_environment = Environment(
    loader=PackageLoader("gongkai", "templates"),
    autoescape=select_autoescape(default=True),
    keep_trailing_newline=True,
)


def record_page(record: SearchRecord) -> str:
    """The HTML page Pagefind indexes for `record`."""
    template = _environment.get_template("gongkai/search-record.html")
    return template.render(record=record, sort_key=SORT_KEY)


def record_of(site: DisclosureSite, document: Document, url: str, body_html: str) -> SearchRecord:
    """The record of a published document: its metadata, columns and validity, and its rendered body."""
    validity = site.state(document)
    state = validity.value if validity else None
    consultation = site.consultation_state(document)
    values = {
        ORGAN_FILTER: [site.catalog.organ.name] if site.catalog.organ_key else [],
        "栏目": [column.name for column in site.columns_of(document)],
        "主题分类": [document.subject.split("\\")[0]],
        "发文机关": [document.issuer],
        "文种": [document.kind],
        "年份": [str(document.published.year)],
        "有效性": [state] if state else [],
        "征集状态": [consultation.value] if consultation else [],
        GAZETTE_FILTER: [carriage.issue for carriage in site.carried_in(document)],
    }
    filters = {name: values[name] for name in FILTERS if values[name]}
    return SearchRecord(
        url=url,
        title=document.title,
        doc_number=document.doc_number,
        published=document.published,
        state=state,
        filters=filters,
        text=text_of_html(body_html),
    )
