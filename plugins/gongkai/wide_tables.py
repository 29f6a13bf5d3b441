"""A Python-Markdown extension: every table of a body scrolls inside its own box.

A table wider than a phone would push the page sideways. Wrapped in a box that scrolls, it leaves the
page as wide as the screen; the box is a named region the keyboard can reach (WCAG 2.1.1: a scrolling
area must be scrollable without a pointer), and gongkai.css shades the edge that has more to show.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


class _WrapTables(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag != "table" or parent.get("class") == "gk-table-scroll":
                    continue
                box = etree.Element("div", {"class": "gk-table-scroll", "role": "region", "tabindex": "0"})
                caption = child.find("caption")
                label = "".join(caption.itertext()).strip() if caption is not None else ""
                box.set("aria-label", label or "表格（可左右滚动）")
                box.tail, child.tail = child.tail, None
                parent.remove(child)
                box.append(child)
                parent.insert(index, box)


class WideTablesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # After the tables extension builds them, before the raw HTML is put back.
        md.treeprocessors.register(_WrapTables(md), "gongkai_wide_tables", 5)
