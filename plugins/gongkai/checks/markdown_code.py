"""The code in a Markdown body: what Markdown shows as text, however much it looks like HTML.

`mask_code` blanks it (same length, same lines) so that a scan for HTML finds only
what reaches the page as HTML. It follows Python-Markdown, which MkDocs runs:
fenced blocks (``` or ~~~ at the left margin, closed by the same fence),
indented blocks (four spaces or a tab after a blank line, not inside a list or an admonition) and
code spans. Inside a raw HTML block (a line that starts with a tag, up to its end
tag) Markdown leaves the text alone, so there only a fence is code. Where unsure,
text is left as it is: a scan may then report too much, never too little.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

# Python-Markdown's fenced_code: the fence, an optional {attributes} or language, the code, the same fence.
_FENCE = re.compile(
    r"""^(?P<fence>~{3,}|`{3,})[ ]*(?:\{[^\n]*\}|\.?[\w#.+-]*[ ]*(?:hl_lines=(["'])[^\n]*?\2[ ]*)?)\n"""
    r"(?P<code>.*?)(?<=\n)(?P=fence)[ ]*$",
    re.MULTILINE | re.DOTALL,
)
# A comment, or a tag as an HTML parser reads it: quoted attribute values may hold '<' and '>'.
MARKUP = re.compile(r"""<!--(?!-?>).*?--!?>|</?[A-Za-z](?:=\s*+(?:"[^"]*+"|'[^']*+')|[^<>])*+>""", re.DOTALL)
_LINE_TAG = re.compile(r"^[ ]{0,3}<([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])", re.MULTILINE)
_INDENTED = re.compile(r"^(?: {4}|\t)", re.MULTILINE)
# A line whose block goes on in indented lines: a list item, an admonition (!!!, ???), a tab (===), a footnote.
_CONTAINER = re.compile(r"[ ]{0,3}(?:(?:[*+-]|\d+\.)[ \t]+|!!!|\?\?\?|===|\[\^[^\]]*\]:|:[ \t])")
# Python-Markdown's code span: a run of backticks, text within one paragraph, the same run.
_CODE_SPAN = re.compile(r"(?<!\\)(`+)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.DOTALL)
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                 "track", "wbr"}  # fmt: skip

Span = tuple[int, int]


def mask_code(text: str) -> str:
    """The text with every code block and code span blanked, line breaks kept."""
    if "`" not in text and "~~~" not in text and not _INDENTED.search(text):
        return text
    text = blank(text, (m.span("code") for m in _FENCE.finditer(text)))
    raw = _raw_blocks(text)
    tags = [m.span() for m in MARKUP.finditer(text)] if "<" in text else []
    spans = [*_indented_code(text, raw)]
    for span in _CODE_SPAN.finditer(text):
        if not _inside(raw, span.start()) and not _inside(tags, span.start()):
            spans.append(span.span(2))
    return blank(text, spans)


def blank(text: str, spans: Iterable[Span]) -> str:
    """The text with each span's characters but line breaks replaced by spaces."""
    pieces, at = [], 0
    for start, end in sorted(spans):
        if start < at:
            start = at
        pieces += [text[at:start], re.sub(r"[^\n]", " ", text[start:end])]
        at = max(at, end)
    return "".join(pieces) + text[at:]


def _raw_blocks(text: str) -> list[Span]:
    """From each line that starts with a tag to its end tag (or the end of the text): Markdown leaves it alone."""
    blocks: list[Span] = []
    for match in _LINE_TAG.finditer(text):
        if blocks and match.start() < blocks[-1][1]:
            continue
        blocks.append((match.start(), _element_end(text, match.group(1).lower(), match.start(1) - 1)))
    return blocks


def _element_end(text: str, name: str, start: int) -> int:
    tag_end = text.find(">", start) + 1 or len(text)
    if name in VOID_ELEMENTS or text[start:tag_end].endswith("/>"):
        return tag_end
    depth = 0
    for match in re.compile(rf"<(/?){re.escape(name)}(?=[\s/>])[^>]*>?", re.IGNORECASE).finditer(text, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.end()
    return len(text)


def _indented_code(text: str, raw: list[Span]) -> Iterable[Span]:
    """Indented code blocks: four spaces or a tab after a blank line, where no list or admonition goes on."""
    at, after_blank, in_container, in_code = 0, True, False, False
    for line in text.splitlines(keepends=True):
        start, at = at, at + len(line)
        if not line.strip():
            after_blank = True
            continue
        indented = line.startswith(("    ", "\t"))
        if _inside(raw, start):
            in_code = in_container = False
        elif indented and (in_code or (after_blank and not in_container)):
            in_code = True
            yield start, at
        elif not indented:
            in_code = False
            if _CONTAINER.match(line):
                in_container = True
            elif after_blank:
                in_container = False
        after_blank = False


def _inside(spans: list[Span], offset: int) -> bool:
    """Whether the offset falls inside one of the sorted, non-overlapping spans."""
    index = bisect_right(spans, offset, key=lambda span: span[0]) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]
