"""The theme's colours in real builds: a named palette is shaded to WCAG contrast, a custom one is checked."""

from __future__ import annotations

import logging

import pytest

from gongkai.cli import main
from gongkai.model.palette import PaletteChoice, accessible_colours
from helpers import MKDOCS_YML

PALETTE_CSS = "assets/gongkai/palette.css"
HEADER_PROBLEM = (
    "配色对比度不足：content/css/extra.css:2: 页眉颜色 #ff8080 与页眉文字 #ffffff（mkdocs.yml theme.palette）"
    "的对比度为 2.43:1；应为：不低于 4.5:1（WCAG 2.1 AA）"
)


@pytest.fixture(autouse=True)
def _as_of(monkeypatch):
    monkeypatch.setenv("GONGKAI_AS_OF", "2026-11-23")


def set_theme(project, palette: str, extra_css: list[str] | None = None) -> None:
    """mkdocs.yml with `palette` (YAML lines indented under theme:) and the site's own stylesheets."""
    text = MKDOCS_YML.replace("  font: false\n", f"  font: false\n{palette}")
    if extra_css:
        text += "extra_css:\n" + "".join(f"  - {path}\n" for path in extra_css)
    project.write("mkdocs.yml", text)


def custom_project(project):
    """primary: custom, with a header too light for its white text; the links are dark enough."""
    set_theme(project, "  palette:\n    primary: custom\n", ["css/extra.css"])
    project.write(
        "content/css/extra.css",
        ":root {\n  --md-primary-fg-color: #ff8080;\n  --md-typeset-a-color: #1a237e;\n}\n",
    )
    return project


def build(project, capsys, *args: str) -> int:
    code = main(["-f", str(project.root / "mkdocs.yml"), "build", "-d", str(project.site), *args])
    capsys.readouterr()
    return code


def logged(caplog, level: int) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == level]


def css_rules(project) -> dict[str, dict[str, str]]:
    """palette.css as selector -> {variable: value}."""
    text = (project.site / PALETTE_CSS).read_text("utf-8")
    assert text.startswith("/* gongkai: the theme's colours at WCAG contrast (gongkai.model.palette). */\n")
    rules = {}
    for line in text.splitlines()[1:]:
        selector, _, body = line.rstrip("}").partition("{")
        rules[selector] = dict(declaration.split(":", 1) for declaration in body.split(";"))
    return rules


# -- a custom palette --------------------------------------------------------------------------------------


def test_a_custom_colour_below_aa_is_a_warning_naming_file_line_colours_and_ratio(project, capsys, caplog):
    custom_project(project)
    caplog.set_level(logging.WARNING, logger="mkdocs")
    assert build(project, capsys) == 0
    assert logged(caplog, logging.WARNING) == [f"gongkai: {HEADER_PROBLEM}"]


def test_a_custom_colour_below_aa_fails_a_strict_build(project, capsys, caplog):
    custom_project(project)
    caplog.set_level(logging.WARNING, logger="mkdocs")
    assert build(project, capsys, "--strict") == 1
    assert f"gongkai: {HEADER_PROBLEM}" in logged(caplog, logging.WARNING)


def test_a_custom_palette_keeps_its_colours_and_only_the_care_view_is_shaded(project, capsys):
    custom_project(project)
    assert build(project, capsys) == 0
    selector = PaletteChoice(primary="custom").selector
    rules = css_rules(project)
    assert list(rules) == [f'html[data-gk-care="on"] {selector}']  # nothing for the normal view
    care = rules[f'html[data-gk-care="on"] {selector}']
    expected, _ = accessible_colours(
        PaletteChoice(primary="custom"),
        {
            "--md-primary-fg-color": ("#ff8080", "content/css/extra.css:2"),
            "--md-typeset-a-color": ("#1a237e", "content/css/extra.css:3"),
        },
    )
    assert care == expected.care
    assert care["--md-typeset-a-color"] == "#1a237e"  # already 7:1 and more
    # The site's own stylesheet is published as it is, and the page names the custom palette.
    assert (project.site / "css/extra.css").read_text("utf-8").count("#ff8080") == 1
    body = project.html("index.html").css_first("body")
    assert body.attributes["data-md-color-primary"] == "custom"


def test_a_custom_palette_that_reaches_aa_builds_strictly_without_warnings(project, capsys, caplog):
    set_theme(project, "  palette:\n    primary: custom\n", ["css/extra.css"])
    project.write("content/css/extra.css", ":root {\n  --md-primary-fg-color: #1a237e;\n}\n")
    caplog.set_level(logging.WARNING, logger="mkdocs")
    assert build(project, capsys, "--strict") == 0
    assert logged(caplog, logging.WARNING) == []


# -- a named palette ---------------------------------------------------------------------------------------


def test_a_named_palette_is_written_shaded_and_the_change_is_logged(project, caplog):
    set_theme(project, "  palette:\n    primary: red\n    accent: red\n")
    caplog.set_level(logging.INFO, logger="mkdocs")
    project.build()  # strict: shading a named colour is no warning

    choice = PaletteChoice(primary="red", accent="red")
    expected, _ = accessible_colours(choice, {})
    assert expected.normal["--md-primary-fg-color"] == "#e71915"
    rules = css_rules(project)
    assert rules == {choice.selector: expected.normal, f'html[data-gk-care="on"] {choice.selector}': expected.care}
    infos = [m for m in logged(caplog, logging.INFO) if "配色" in m]
    assert infos == [
        "gongkai: 配色 red/red：为达到 WCAG 对比度，--md-primary-fg-color #ef5552 → #e71915，"
        f"--md-typeset-a-color #ef5552 → #e71915，--md-accent-fg-color #ff1a47 → {expected.normal['--md-accent-fg-color']}"
    ]
    assert logged(caplog, logging.WARNING) == []

    # Every page loads the stylesheet after Material's, and its body carries the attributes the rules select.
    page = project.html("zwgk/")
    links = [node.attributes["href"] for node in page.css('link[rel="stylesheet"]')]
    assert links[-1] == f"../{PALETTE_CSS}"
    assert links.index("../assets/stylesheets/palette.fb2fffe2.min.css") < links.index(f"../{PALETTE_CSS}")
    assert [node.tag for node in page.css(choice.selector)] == ["body"]


def test_a_palette_toggle_writes_both_schemes(project):
    set_theme(
        project,
        "  palette:\n"
        "    - scheme: default\n      primary: light blue\n      toggle:\n        icon: material/brightness-7\n"
        "        name: 切换到暗色\n"
        "    - scheme: slate\n      primary: light blue\n      toggle:\n        icon: material/brightness-4\n"
        "        name: 切换到亮色\n",
    )
    project.build()
    rules = css_rules(project)
    light, dark = PaletteChoice("default", "light-blue"), PaletteChoice("slate", "light-blue")
    assert list(rules) == [
        light.selector,
        f'html[data-gk-care="on"] {light.selector}',
        dark.selector,
        f'html[data-gk-care="on"] {dark.selector}',
    ]
    assert rules[light.selector] == accessible_colours(light, {})[0].normal
    assert rules[dark.selector] == accessible_colours(dark, {})[0].normal


def test_without_a_palette_the_shades_still_apply(project):
    project.build()
    rules = css_rules(project)
    assert rules  # written for Material's default, indigo/indigo
    page = project.html("zwgk/")
    for selector in rules:
        if not selector.startswith("html"):
            assert page.css_first(selector) is not None, selector
