"""What in a Markdown body a browser would run, or load from another host.

Python-Markdown passes HTML through as written wherever it is not code, and puts
the URL of a link, an image or an attr_list attribute (`{ onclick=… }`) into the
page unchecked. This module reads a body that way and says what it finds: an
element that runs or embeds something (<script>, <iframe> …), an event handler
attribute, a javascript:, vbscript: or non-image data: URL, and every resource
loaded from an absolute URL with its host. Whether a host is allowed is the
rule's business (raw_html.py).

URLs are read as browsers read them: tabs and line breaks removed, leading
control characters and spaces ignored, `\\` as `/`, entities decoded. Where
Markdown and a browser could read the source differently (a '<' that Markdown
shows as text, a tag inside a quoted attribute value, a <style> inside SVG) both
readings are scanned: the scan may report too much, never too little.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from html.parser import HTMLParser

from .markdown_code import MARKUP, mask_code


class Kind(Enum):
    ELEMENT = "element"  # an element that runs or embeds something
    HANDLER = "handler"  # an on… event attribute
    SCRIPT_URL = "script URL"  # javascript:, vbscript:
    DATA_URL = "data URL"  # data: other than a raster image
    LOADED = "loaded"  # a resource loaded from an absolute URL


@dataclass(frozen=True)
class Unsafe:
    line: int  # from 0, in the text scanned
    kind: Kind
    text: str  # the element or attribute name, or the URL
    host: str = ""  # LOADED: the host it loads from


# Elements that run script, embed another document or change how the page loads.
ELEMENTS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link"}
# Attributes that hold a URL; those in LOADING load it with the page.
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "data", "background",
                  "ping", "cite", "longdesc", "lowsrc", "dynsrc", "codebase", "archive", "manifest", "icon",
                  "classid", "usemap", "to", "from", "by", "values"}  # fmt: skip
LOADING = {"src", "srcset", "poster", "data", "background", "ping", "lowsrc", "dynsrc"}
SVG_LOADING = {"image", "use", "feimage"}  # SVG elements whose href loads a file
_MAX_DEPTH = 3  # HTML within an attribute value within … : deeper is not read

_MAYBE_UNSAFE = re.compile(r"<|\]\(|\]:|\{")
_IGNORED = "".join(chr(c) for c in range(0x21))  # browsers ignore control characters and spaces around a URL
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
_RASTER_DATA = re.compile(r"data:image/(?:png|gif|jpeg|webp)[;,]")
_TAG_NAME = re.compile(r"<([a-zA-Z][^\t\n\r\f />\x00]*)(?:\s|/(?!>))*")
_ATTRIBUTE = re.compile(  # as html.parser reads attributes
    r"""((?<=['"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?(?:\s|/(?!>))*"""
)
_SRCSET_CANDIDATE = re.compile(r"[\s,]*(\S+)(?:(?<!,)\s[^,]*)?")
_CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.DOTALL)
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})[ \t\n\r\f]?|(.))", re.DOTALL)
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))|@import\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_CSS_IMAGE_SET = re.compile(r"image-set\(((?:[^()]|\([^()]*\))*)\)", re.IGNORECASE)
_CSS_STRING = re.compile(r""""([^"]*)"|'([^']*)'""")
# Markdown: the end of an inline link or image, a reference definition, an image reference, an attr_list.
_LINK_TARGET = re.compile(r"\]\(\s*(?:<([^<>\n]*)>|((?:[^\s()]|\((?:[^\s()]|\([^\s()]*\))*\))*))")
_DEFINITION = re.compile(r"^[ ]{0,3}\[([^\[\]]*)\]:[ ]*\n?[ ]*(\S+)", re.MULTILINE)
_IMAGE_REFERENCE = re.compile(r"!\[((?:[^\[\]]|\[[^\[\]]*\])*)\](?:[ ]?\n?[ ]*\[([^\[\]]*)\]|(?!\())")
_BRACKET = re.compile(r"\[|\]|\n[ \t]*\n")
_ATTRIBUTE_LIST = re.compile(r"\{:?[ ]*(?=[^}\n ])")
_ATTRIBUTE_PAIR = re.compile(r"""([^ ={}]+)=(?:"(.*?)"|'(.*?)'|([^ =}]+))""")


def find_unsafe_html(body: str) -> list[Unsafe]:
    """Everything unsafe in a Markdown body, in the order of its lines."""
    if not _MAYBE_UNSAFE.search(body):
        return []
    text = mask_code(body)
    found = [*_html(text, 0, 0), *_markdown_urls(text), *_attribute_lists(text)]
    return sorted(found, key=lambda unsafe: unsafe.line)


def url_scheme(url: str) -> str:
    """The scheme of a URL as a browser reads it, lower-cased; '' for a relative one."""
    match = _SCHEME.match(_clean(url).lower())
    return match.group(1) if match else ""


def loaded_host(url: str) -> str | None:
    """The host (with its port, lower-cased) an absolute or protocol-relative URL loads from; None for others."""
    url = _clean(url).replace("\\", "/")
    scheme = url_scheme(url)
    rest = url[len(scheme) + 1 :] if scheme else url
    if scheme not in ("http", "https") and not rest.startswith("//"):
        return None  # a path of this site, mailto:, tel:
    authority = re.split(r"[/?#]", rest.lstrip("/"), maxsplit=1)[0]
    return authority.rpartition("@")[2].lower().rstrip(".") or None


# -- HTML -----------------------------------------------------------------------------------------------


class _TagReader(HTMLParser):
    """The start tags of a text (name, line, source) and the content of its <style> elements."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        self.tags: list[tuple[str, int, str]] = []
        self.styles: list[tuple[int, str]] = []
        self._line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self._style_from: int | None = None

    def handle_starttag(self, tag: str, attrs: object) -> None:
        source = self.get_starttag_text() or ""
        self.tags.append((tag, self.getpos()[0] - 1, source))
        if tag == "style":
            self._style_from = self._offset() + len(source)

    def handle_startendtag(self, tag: str, attrs: object) -> None:
        self.handle_starttag(tag, attrs)  # a browser ignores the / of <style/>: its content follows

    def handle_endtag(self, tag: str) -> None:
        if tag == "style" and self._style_from is not None:
            self._end_style(self._offset())

    def close(self) -> None:
        super().close()
        if self._style_from is not None:
            self._end_style(len(self.text))

    def _end_style(self, end: int) -> None:
        assert self._style_from is not None
        line = bisect_right(self._line_starts, self._style_from) - 1
        self.styles.append((line, self.text[self._style_from : end]))
        self._style_from = None

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column


def _html(text: str, first_line: int, depth: int) -> Iterator[Unsafe]:
    if "<" not in text:
        return
    reader = _TagReader(_blank_stray_brackets(text))
    reader.feed(reader.text)
    reader.close()
    for name, line, source in reader.tags:
        yield from _tag(name, source, first_line + line, depth)
    for line, css in reader.styles:
        yield from _css(css, first_line + line)
        if depth < _MAX_DEPTH:  # in SVG or MathML a <style> holds markup, not text
            yield from _html(css, first_line + line, depth + 1)


def _blank_stray_brackets(text: str) -> str:
    """Each '<' that opens no tag or comment becomes a space: Markdown shows it as text, a parser must not read on."""
    pieces, at = [], 0
    for match in MARKUP.finditer(text):
        pieces += [text[at : match.start()].replace("<", " "), match.group()]
        at = match.end()
    return "".join(pieces) + text[at:].replace("<", " ")


def _tag(name: str, source: str, line: int, depth: int) -> Iterator[Unsafe]:
    if name in ELEMENTS:
        yield Unsafe(line, Kind.ELEMENT, name)
        return  # it is to go whole: its attributes are not worth a word more
    tag_name = _TAG_NAME.match(source)
    at = tag_name.end() if tag_name else len(source)
    while attribute := _ATTRIBUTE.match(source, at):
        at = attribute.end()
        raw = attribute.group(3) or ""
        value = html.unescape(raw[1:-1] if raw[:1] in ("'", '"') else raw)
        where = line + source.count("\n", 0, attribute.start())
        found = list(_attribute(name, attribute.group(1).lower(), value, where))
        yield from found
        if not found and "<" in value and depth < _MAX_DEPTH:  # Markdown may read a tag where a parser reads a value
            yield from _html(value, line + source.count("\n", 0, attribute.start(3)), depth + 1)


def _attribute(element: str, name: str, value: str, line: int) -> Iterator[Unsafe]:
    if name.startswith("on") and len(name) > 2:
        yield Unsafe(line, Kind.HANDLER, name)
    elif name == "style":
        yield from _css(value, line)
    elif name in URL_ATTRIBUTES or name.endswith(":href"):
        loads = name in LOADING or (element in SVG_LOADING and name.endswith("href"))
        for url in _urls_of(name, value):
            yield from _url(url, line, loads)


def _urls_of(name: str, value: str) -> list[str]:
    if name == "srcset":
        return [m.group(1).rstrip(",") for m in _SRCSET_CANDIDATE.finditer(value)]
    if name == "ping":
        return value.split()
    if name == "values":  # SVG <animate>: one value after another
        return value.split(";")
    return [value]


def _url(url: str, line: int, loads: bool) -> Iterator[Unsafe]:
    scheme = url_scheme(url)
    if scheme in ("javascript", "vbscript"):
        yield Unsafe(line, Kind.SCRIPT_URL, _clean(url))
    elif scheme == "data" and not _RASTER_DATA.match(_clean(url).lower()):
        yield Unsafe(line, Kind.DATA_URL, _clean(url))
    elif loads and (host := loaded_host(url)):
        yield Unsafe(line, Kind.LOADED, _clean(url), host)


def _clean(url: str) -> str:
    return _TAB_OR_NEWLINE.sub("", url).strip(_IGNORED)


def _css(css: str, first_line: int) -> Iterator[Unsafe]:
    """url(…), @import and image-set() in a style sheet or a style attribute: each loads what it names."""
    css = _CSS_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), css)
    css = _CSS_ESCAPE.sub(_css_character, css)
    strings = [(m.start(), m.groups()) for m in _CSS_URL.finditer(css)]
    for image_set in _CSS_IMAGE_SET.finditer(css):
        candidates = _CSS_URL.sub(lambda m: " " * len(m.group()), image_set.group(1))  # url(…) is read above
        strings += [(image_set.start(1) + m.start(), m.groups()) for m in _CSS_STRING.finditer(candidates)]
    for start, groups in sorted(strings):
        url = next((group for group in groups if group), "")
        yield from _url(url, first_line + css.count("\n", 0, start), loads=True)


def _css_character(escape: re.Match[str]) -> str:
    if escape.group(1) is None:
        return escape.group(2)
    code = int(escape.group(1), 16)
    return chr(code) if 0 < code <= 0x10FFFF else "\ufffd"


# -- Markdown ---------------------------------------------------------------------------------------------


def _markdown_urls(text: str) -> Iterator[Unsafe]:
    """The URL of each inline link and image and of each reference definition; an image's loads."""
    if "](" not in text and "]:" not in text:
        return
    line_of = _line_index(text)
    openings = _openings(text)
    for match in _LINK_TARGET.finditer(text):
        url = match.group(1) if match.group(1) is not None else match.group(2)
        if url:
            opening = openings.get(match.start(), -1)
            image = opening > 0 and text[opening - 1] == "!"
            yield from _url(html.unescape(url), line_of(match.start()), loads=image)
    images = {_label(m.group(2) or m.group(1)) for m in _IMAGE_REFERENCE.finditer(text)}
    for match in _DEFINITION.finditer(text):
        url = match.group(2).lstrip("<").rstrip(">")
        yield from _url(html.unescape(url), line_of(match.start(2)), loads=_label(match.group(1)) in images)


def _openings(text: str) -> dict[int, int]:
    """Where each ] is, the [ it closes; brackets do not pair across paragraphs."""
    pairs: dict[int, int] = {}
    open_brackets: list[int] = []
    for bracket in _BRACKET.finditer(text):
        if bracket.group() == "[":
            open_brackets.append(bracket.start())
        elif bracket.group() == "]":
            if open_brackets:
                pairs[bracket.start()] = open_brackets.pop()
        else:
            open_brackets.clear()
    return pairs


def _label(label: str) -> str:
    """A reference label as Markdown matches it: case and runs of spaces do not count."""
    return " ".join(label.split()).lower()


def _attribute_lists(text: str) -> Iterator[Unsafe]:
    """attr_list's `{ key=value }` after an image, a link, a heading or a paragraph sets that attribute.

    Markdown reads a list up to the last } of its line; every pair from the first { to there is read once.
    """
    if "{" not in text:
        return
    for number, line in enumerate(text.split("\n")):
        start, end = _ATTRIBUTE_LIST.search(line), line.rfind("}")
        if start is None or end < start.end():
            continue
        for pair in _ATTRIBUTE_PAIR.finditer(line, start.end(), end):
            value = next((group for group in pair.groups()[1:] if group is not None), "")
            yield from _attribute("", pair.group(1).lstrip(":").lower(), html.unescape(value), number)


def _line_index(text: str) -> Callable[[int], int]:
    """offset -> line (from 0)."""
    line_starts = [m.end() for m in re.finditer("\n", text)]
    return lambda offset: bisect_right(line_starts, offset)
