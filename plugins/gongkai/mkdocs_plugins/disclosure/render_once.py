"""`gongkai_once`, a template global: a block rendered once per key and build, then reused.

    {% call gongkai_once(key) %} … {% endcall %}

With key `none` the block is rendered every time. The key must hold everything the block's output
depends on: partials/nav.html uses it for the navigation of pages that are not in it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from markupsafe import Markup


class RenderOnce:
    def __init__(self) -> None:
        self._rendered: dict[Hashable, Markup] = {}

    def __call__(self, key: Hashable | None, caller: Callable[[], Markup]) -> Markup:
        if key is None:
            return caller()
        if key not in self._rendered:
            self._rendered[key] = caller()
        return self._rendered[key]
