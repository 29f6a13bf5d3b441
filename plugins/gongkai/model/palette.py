"""Colours every reader can read: the contrast of the theme's palette, and shades that reach WCAG.

Material's named colours are bright: white on its red header is 3.4:1, below WCAG AA's 4.5:1, and so are
red links on white. gongkai keeps each named colour's hue and moves its lightness away from what stands on
it (or what it stands on) until the pair reaches the ratio: 4.5:1 in the normal view, 7:1 in the 关怀版.
A site that chooses its own colours (`primary: custom`, with Material's CSS variables in extra_css) is
checked, not changed: each pair that falls short is a problem naming the file, line, colour and ratio.
"""

from __future__ import annotations

import colorsys
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

NORMAL_RATIO = 4.5  # WCAG 2.1 AA, 1.4.3, for body-size text
CARE_RATIO = 7.0  # WCAG 2.1 AAA, 1.4.6: the 关怀版's "high contrast"
CUSTOM = "custom"
# Shades are made a little past the ratio: browsers and checkers round colours their own way.
_MARGIN = 0.1

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")
_DECLARATION = re.compile(r"(--md-[a-z-]+)\s*:\s*([^;}\n]+)")
_RULE = re.compile(r"([^{}]*)\{([^{}]*)\}")  # a selector and its declarations (inside @media too)
_SCHEME = re.compile(r"data-md-color-scheme\s*=\s*[\"']?([\w-]+)")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)


@dataclass(frozen=True)
class Colour:
    r: int
    g: int
    b: int
    alpha: float = 1.0

    @classmethod
    def parse(cls, text: str) -> Colour | None:
        """#rgb, #rgba, #rrggbb or #rrggbbaa; None for anything else (a var(), an hsl())."""
        text = text.strip()
        if not _HEX.match(text):
            return None
        digits = text[1:]
        if len(digits) in (3, 4):
            digits = "".join(d * 2 for d in digits)
        alpha = int(digits[6:8], 16) / 255 if len(digits) == 8 else 1.0
        return cls(int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16), alpha)

    @property
    def hex(self) -> str:
        return f"#{self.r:02x}{self.g:02x}{self.b:02x}"

    def over(self, background: Colour) -> Colour:
        """The opaque colour seen when this one is painted over `background`."""
        a = self.alpha
        return Colour(*(round(c * a + bg * (1 - a)) for c, bg in zip(self.rgb, background.rgb, strict=True)))

    @property
    def rgb(self) -> tuple[int, int, int]:
        return (self.r, self.g, self.b)

    @property
    def luminance(self) -> float:
        """WCAG relative luminance."""

        def linear(channel: int) -> float:
            c = channel / 255
            return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (linear(c) for c in self.rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b


WHITE = Colour(255, 255, 255)
BLACK = Colour(0, 0, 0)


def contrast(a: Colour, b: Colour) -> float:
    """The WCAG contrast ratio of two opaque colours, 1 to 21."""
    light, dark = sorted((a.luminance, b.luminance), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def shade(colour: Colour, against: Colour, ratio: float) -> Colour:
    """`colour` itself if it reaches `ratio` with `against`, else the nearest shade of its hue that does.

    The lightness moves away from `against`: darker on a light background (or under light text), lighter
    on a dark one. Black or white, which reach 21:1 with each other, end the search.
    """
    if contrast(colour, against) >= ratio:
        return colour
    ratio += _MARGIN
    darker = contrast(against, BLACK) >= contrast(against, WHITE)
    hue, lightness, saturation = colorsys.rgb_to_hls(*(c / 255 for c in colour.rgb))
    step = -0.005 if darker else 0.005
    while (lightness > 0) if darker else (lightness < 1):
        lightness = min(1.0, max(0.0, lightness + step))
        candidate = Colour(*(round(c * 255) for c in colorsys.hls_to_rgb(hue, lightness, saturation)))
        if contrast(candidate, against) >= ratio:
            return candidate
    return BLACK if darker else WHITE


@dataclass(frozen=True)
class PaletteChoice:
    """One entry of mkdocs.yml theme.palette."""

    scheme: str = "default"
    primary: str = "indigo"
    accent: str = "indigo"
    configured: bool = True  # False: mkdocs.yml has no palette, and body carries no data-md-color-*

    @property
    def selector(self) -> str:
        if not self.configured:
            return "body"
        return (
            f'[data-md-color-scheme="{self.scheme}"][data-md-color-primary="{self.primary}"]'
            f'[data-md-color-accent="{self.accent}"]'
        )


@dataclass(frozen=True)
class ContrastProblem:
    where: str  # the file and line that set the colour, or mkdocs.yml
    what: str  # which pair, in the words of the message
    found: float
    required: float

    def __str__(self) -> str:
        return (
            f"{self.where}: {self.what}的对比度为 {self.found:.2f}:1；应为：不低于 {self.required:g}:1（WCAG 2.1 AA）"
        )


@dataclass
class AccessibleColours:
    """Material's variables for one palette entry, in the normal view and in the 关怀版."""

    choice: PaletteChoice
    normal: dict[str, str] = field(default_factory=dict)
    care: dict[str, str] = field(default_factory=dict)
    changes: list[str] = field(default_factory=list)  # what was made darker or lighter, for the build log


@dataclass(frozen=True)
class _Named:
    primary: dict[str, tuple[Colour, Colour, Colour | None]]  # name -> (colour, text on it, link colour)
    accent: dict[str, Colour]
    background: dict[str, Colour]


@cache
def _material() -> _Named:
    data = yaml.safe_load((resources.files("gongkai") / "data" / "palette.yaml").read_text("utf-8"))

    def colour(text: str) -> Colour:
        parsed = Colour.parse(text)
        assert parsed is not None, text
        return parsed

    return _Named(
        primary={
            name: (colour(v["颜色"]), colour(v["文字"]), colour(v["链接"]) if "链接" in v else None)
            for name, v in data["primary"].items()
        },
        accent={name: colour(v) for name, v in data["accent"].items()},
        background={name: colour(v) for name, v in data["background"].items()},
    )


def palette_choices(palette: object) -> list[PaletteChoice]:
    """theme.palette as mkdocs.yml gives it: a mapping, a list of mappings (a toggle), or nothing."""
    if not palette:  # Material's base.html writes no data-md-color-* then
        return [PaletteChoice(configured=False)]
    entries = palette if isinstance(palette, list) else [palette] if isinstance(palette, dict) else []
    return [
        PaletteChoice(
            scheme=str(e.get("scheme") or "default"),
            primary=str(e.get("primary") or "indigo").replace(" ", "-"),
            accent=str(e.get("accent") or "indigo").replace(" ", "-"),
        )
        for e in entries
        if isinstance(e, dict)
    ] or [PaletteChoice(configured=False)]


def custom_variables(stylesheets: dict[str, str], scheme: str = "default") -> dict[str, tuple[str, str]]:
    """Material's --md-… variables a site sets in its extra_css for `scheme`: name -> (value, "file:line").

    A rule counts when its selector names no scheme or names this one; the last declaration wins.
    """
    found: dict[str, tuple[str, str]] = {}
    for path, text in stylesheets.items():
        for rule in _RULE.finditer(_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)):
            schemes = _SCHEME.findall(rule.group(1))
            if schemes and scheme not in schemes:
                continue
            for match in _DECLARATION.finditer(rule.group(2)):
                line = text.count("\n", 0, rule.start(2) + match.start()) + 1
                value = match.group(2).replace("!important", "").strip()
                found[match.group(1)] = (value, f"{path}:{line}")
    return found


def accessible_colours(
    choice: PaletteChoice, custom: dict[str, tuple[str, str]]
) -> tuple[AccessibleColours, list[ContrastProblem]]:
    """The colours to use for `choice`, and the problems of a custom palette (a named one is fixed instead)."""
    named = _material()
    background = named.background.get(choice.scheme, WHITE)
    result = AccessibleColours(choice)
    problems: list[ContrastProblem] = []
    header, header_text, named_link = named.primary.get(choice.primary, named.primary["indigo"])
    accent = named.accent.get(choice.accent, named.accent["indigo"])
    link = named_link if named_link is not None and choice.scheme != "slate" else header
    if CUSTOM in (choice.primary, choice.accent):
        header, header_text, link, accent, problems = _custom(choice, custom, background, header, header_text, accent)
    originals = {"--md-primary-fg-color": header, "--md-typeset-a-color": link, "--md-accent-fg-color": accent}
    for ratio, variables in ((NORMAL_RATIO, result.normal), (CARE_RATIO, result.care)):
        shaded_header = shade(header, header_text.over(header), ratio)
        variables["--md-primary-fg-color"] = shaded_header.hex
        variables["--md-typeset-a-color"] = shade(link, background, ratio).hex
        variables["--md-accent-fg-color"] = shade(accent, background, ratio).hex
        if shaded_header != header:  # the darker variant, under the pointer, goes further still
            variables["--md-primary-fg-color--dark"] = shade(header, header_text.over(header), ratio + 1).hex
    # The normal view changes only what falls short; a site's own colours are not changed at all.
    for name, original in originals.items():
        if problems or result.normal[name] == original.hex:
            del result.normal[name]
        else:
            result.changes.append(f"{name} {original.hex} → {result.normal[name]}")
    if problems or "--md-primary-fg-color" not in result.normal:
        result.normal.pop("--md-primary-fg-color--dark", None)
    return result, problems


def _custom(
    choice: PaletteChoice,
    custom: dict[str, tuple[str, str]],
    background: Colour,
    header: Colour,
    header_text: Colour,
    accent: Colour,
) -> tuple[Colour, Colour, Colour, Colour, list[ContrastProblem]]:
    """The colours a custom palette sets in extra_css, and each pair of them that falls short of AA."""

    def variable(name: str, default: Colour) -> tuple[Colour, str]:
        value, where = custom.get(name, ("", "mkdocs.yml theme.palette"))
        return Colour.parse(value) or default, where

    problems = []
    if choice.primary == CUSTOM:
        header, where = variable("--md-primary-fg-color", header)
        header_text, text_where = variable("--md-primary-bg-color", WHITE)
        found = contrast(header_text.over(header), header)
        if found < NORMAL_RATIO:
            problems.append(
                ContrastProblem(
                    where, f"页眉颜色 {header.hex} 与页眉文字 {header_text.hex}（{text_where}）", found, NORMAL_RATIO
                )
            )
    link, where = variable("--md-typeset-a-color", header)
    found = contrast(link, background)
    if found < NORMAL_RATIO:
        problems.append(ContrastProblem(where, f"链接颜色 {link.hex} 与页面背景 {background.hex}", found, NORMAL_RATIO))
    if choice.accent == CUSTOM:
        accent, where = variable("--md-accent-fg-color", accent)
        found = contrast(accent, background)
        if found < NORMAL_RATIO:
            what = f"强调色（鼠标悬停的链接）{accent.hex} 与页面背景 {background.hex}"
            problems.append(ContrastProblem(where, what, found, NORMAL_RATIO))
    return header, header_text, link, accent, problems


def palette_css(colours: list[AccessibleColours]) -> str:
    """The stylesheet that puts the colours in place; the 关怀版's under html[data-gk-care]."""
    rules = []
    for entry in colours:
        for prefix, variables in (("", entry.normal), ('html[data-gk-care="on"] ', entry.care)):
            if variables:
                body = ";".join(f"{name}:{value}" for name, value in variables.items())
                rules.append(f"{prefix}{entry.choice.selector}{{{body}}}")
    return "/* gongkai: the theme's colours at WCAG contrast (gongkai.model.palette). */\n" + "\n".join(rules) + "\n"
