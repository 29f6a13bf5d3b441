"""The theme's colours at WCAG contrast (gongkai.model.palette), on plain Python: no MkDocs."""

from __future__ import annotations

import colorsys
from importlib import resources

import pytest
import yaml

from gongkai.model.palette import (
    BLACK,
    CARE_RATIO,
    NORMAL_RATIO,
    WHITE,
    Colour,
    ContrastProblem,
    PaletteChoice,
    accessible_colours,
    contrast,
    custom_variables,
    palette_choices,
    shade,
)

# Material's named colours as gongkai records them: the list every named palette is tested against.
NAMED = yaml.safe_load((resources.files("gongkai") / "data" / "palette.yaml").read_text("utf-8"))
PRIMARIES = list(NAMED["primary"])
ACCENTS = list(NAMED["accent"])
SCHEMES = ["default", "slate"]


def colour(text: str) -> Colour:
    parsed = Colour.parse(text)
    assert parsed is not None, text
    return parsed


def hue(c: Colour) -> float:
    return colorsys.rgb_to_hls(*(channel / 255 for channel in c.rgb))[0]


def hue_distance(a: Colour, b: Colour) -> float:
    """How far apart two hues are on the colour wheel, in degrees."""
    d = abs(hue(a) - hue(b)) % 1
    return min(d, 1 - d) * 360


# -- contrast and colours ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("foreground", "background", "expected"),
    [
        ("#ffffff", "#000000", 21.0),
        ("#000000", "#ffffff", 21.0),  # the order of the pair does not matter
        ("#ffffff", "#ffffff", 1.0),
        ("#777777", "#ffffff", 4.48),  # the classic grey that just fails AA
        ("#767676", "#ffffff", 4.54),  # ... and the one that just passes
        ("#4051b5", "#ffffff", 6.86),  # Material's indigo header under white text
        ("#ef5552", "#ffffff", 3.45),  # Material's red: below AA
    ],
)
def test_contrast_gives_the_wcag_ratio(foreground, background, expected):
    assert contrast(colour(foreground), colour(background)) == pytest.approx(expected, abs=0.005)


def test_the_aa_threshold_lies_between_the_two_greys():
    assert contrast(colour("#777777"), WHITE) < NORMAL_RATIO < contrast(colour("#767676"), WHITE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#abc", Colour(0xAA, 0xBB, 0xCC)),
        ("#ABCDEF", Colour(0xAB, 0xCD, 0xEF)),
        ("#ef5552", Colour(0xEF, 0x55, 0x52)),
        ("  #ffffff\t", WHITE),  # as a declaration's value comes, with blanks around
        ("#11223344", Colour(0x11, 0x22, 0x33, 0x44 / 255)),
        ("#000000de", Colour(0, 0, 0, 0xDE / 255)),
        ("#abcd", Colour(0xAA, 0xBB, 0xCC, 0xDD / 255)),
    ],
)
def test_parse_reads_hex_colours(text, expected):
    assert Colour.parse(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "hsl(0, 50%, 50%)",
        "hsla(var(--md-hue), 15%, 9%, 1)",
        "var(--md-primary-fg-color)",
        "rgb(255, 0, 0)",
        "red",
        "#12",
        "#12345",
        "#1234567",
        "#gggggg",
        "ffffff",
        "",
    ],
)
def test_parse_rejects_what_is_not_a_hex_colour(text):
    assert Colour.parse(text) is None


def test_hex_writes_six_lower_case_digits_without_alpha():
    assert colour("#ABC").hex == "#aabbcc"
    assert colour("#000000de").hex == "#000000"


def test_over_blends_a_translucent_colour_onto_its_background():
    # Material's dark header text, black at 87 %, as painted on white.
    assert colour("#000000de").over(WHITE) == Colour(33, 33, 33)
    assert colour("#ff000080").over(colour("#0000ff")) == Colour(128, 0, 127)
    # Opaque colours hide what is under them; transparent ones show it.
    assert colour("#ef5552").over(BLACK) == colour("#ef5552")
    assert colour("#ef555200").over(colour("#123456")) == colour("#123456")


# -- shades ------------------------------------------------------------------------------------------------


def test_shade_keeps_a_colour_that_already_reaches_the_ratio():
    indigo = colour("#4051b5")
    assert shade(indigo, WHITE, NORMAL_RATIO) is indigo


def test_shade_darkens_on_a_light_background_and_lightens_on_a_dark_one():
    red = colour("#ef5552")
    darker = shade(red, WHITE, NORMAL_RATIO)
    assert colorsys.rgb_to_hls(*(c / 255 for c in darker.rgb))[1] < colorsys.rgb_to_hls(*(c / 255 for c in red.rgb))[1]
    slate = colour(NAMED["background"]["slate"])
    lighter = shade(colour("#4051b5"), slate, NORMAL_RATIO)
    assert sum(lighter.rgb) > sum(colour("#4051b5").rgb)
    assert contrast(lighter, slate) >= NORMAL_RATIO


@pytest.mark.parametrize("ratio", [NORMAL_RATIO, CARE_RATIO])
@pytest.mark.parametrize("background", ["#ffffff", NAMED["background"]["slate"]])
@pytest.mark.parametrize("text", sorted({v["颜色"] for v in NAMED["primary"].values()} | set(NAMED["accent"].values())))
def test_shade_keeps_the_hue_and_reaches_the_ratio(text, background, ratio):
    original, against = colour(text), colour(background)
    shaded = shade(original, against, ratio)
    assert contrast(shaded, against) >= ratio
    saturation = colorsys.rgb_to_hls(*(c / 255 for c in original.rgb))[2]
    if saturation > 0:  # a grey has no hue to keep
        assert shaded not in (WHITE, BLACK)
        assert hue_distance(shaded, original) < 3, (original.hex, shaded.hex)


def test_shade_ends_at_black_or_white_when_no_shade_of_the_hue_is_enough():
    # White on white: only darkening helps, and 21:1 is beyond any grey.
    assert shade(WHITE, WHITE, 21) == BLACK
    assert shade(BLACK, BLACK, 21) == WHITE


@pytest.mark.parametrize(("start", "against"), [(WHITE, WHITE), (BLACK, BLACK)])
def test_shade_of_white_or_black_is_the_nearest_grey_that_reaches_the_ratio(start, against):
    shaded = shade(start, against, NORMAL_RATIO)
    assert NORMAL_RATIO <= contrast(shaded, against) < NORMAL_RATIO + 0.5


# -- named palettes ----------------------------------------------------------------------------------------


def shown(choice: PaletteChoice, variables: dict[str, str]) -> dict[str, str]:
    """What a page shows: Material's colours of the choice, with those gongkai writes over them."""
    named = NAMED["primary"][choice.primary]
    link = named["链接"] if "链接" in named and choice.scheme != "slate" else named["颜色"]
    material = {
        "--md-primary-fg-color": named["颜色"],
        "--md-typeset-a-color": link,
        "--md-accent-fg-color": NAMED["accent"][choice.accent],
    }
    return material | variables


def check_named(choice: PaletteChoice, variables: dict[str, str], ratio: float) -> None:
    """Header text on the header, links and the accent on the page: each at `ratio` at least."""
    variables = shown(choice, variables)
    page = colour(NAMED["background"][choice.scheme])
    header_text = colour(NAMED["primary"][choice.primary]["文字"])
    for name in ("--md-primary-fg-color", "--md-primary-fg-color--dark"):
        if name not in variables:  # Material's own --dark, where the header was left as it is
            continue
        header = colour(variables[name])
        # The header's text is painted on the header: a translucent one is blended onto it.
        assert contrast(header_text.over(header), header) >= ratio, (name, variables[name])
    assert contrast(colour(variables["--md-typeset-a-color"]), page) >= ratio, variables
    assert contrast(colour(variables["--md-accent-fg-color"]), page) >= ratio, variables


@pytest.mark.parametrize("primary", PRIMARIES)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_named_primary_reaches_aa_and_the_care_view_aaa(scheme, primary):
    choice = PaletteChoice(scheme=scheme, primary=primary, accent="indigo")
    colours, problems = accessible_colours(choice, {})
    assert problems == []
    assert colours.choice == choice
    # The 关怀版 sets every colour; the normal view only those that fall short of AA.
    assert {"--md-primary-fg-color", "--md-typeset-a-color", "--md-accent-fg-color"} <= set(colours.care)
    assert set(colours.normal) <= set(colours.care)
    check_named(choice, colours.normal, NORMAL_RATIO)
    check_named(choice, colours.care, CARE_RATIO)


@pytest.mark.parametrize("accent", ACCENTS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_named_accent_reaches_aa_and_the_care_view_aaa(scheme, accent):
    choice = PaletteChoice(scheme=scheme, primary="indigo", accent=accent)
    colours, problems = accessible_colours(choice, {})
    assert problems == []
    check_named(choice, colours.normal, NORMAL_RATIO)
    check_named(choice, colours.care, CARE_RATIO)
    original = colour(NAMED["accent"][accent])
    for variables in (shown(choice, colours.normal), colours.care):
        shaded = colour(variables["--md-accent-fg-color"])
        assert hue_distance(shaded, original) < 3, (accent, shaded.hex)


def test_a_named_colour_that_passes_is_left_as_material_has_it():
    colours, _ = accessible_colours(PaletteChoice(primary="indigo", accent="indigo"), {})
    assert colours.normal == {"--md-accent-fg-color": "#4863fe"}  # the header and links stay Material's
    assert colours.changes == ["--md-accent-fg-color #526cfe → #4863fe"]


def test_changes_name_each_variable_made_darker_with_its_old_and_new_value():
    colours, _ = accessible_colours(PaletteChoice(primary="red", accent="red"), {})
    new_red = colours.normal["--md-primary-fg-color"]
    assert colours.changes == [
        f"--md-primary-fg-color #ef5552 → {new_red}",
        f"--md-typeset-a-color #ef5552 → {new_red}",
        f"--md-accent-fg-color #ff1a47 → {colours.normal['--md-accent-fg-color']}",
    ]
    assert contrast(colour(new_red), WHITE) >= NORMAL_RATIO


def test_an_unknown_name_falls_back_to_indigo():
    colours, problems = accessible_colours(PaletteChoice(primary="turquoise", accent="mauve"), {})
    indigo, _ = accessible_colours(PaletteChoice(), {})
    assert problems == []
    assert colours.normal == indigo.normal


# -- custom palettes ---------------------------------------------------------------------------------------


def test_custom_variables_finds_the_last_declaration_with_its_file_and_line():
    stylesheets = {
        "content/css/a.css": ":root {\n  --md-primary-fg-color: #111111;\n  --md-accent-fg-color: #222222;\n}\n",
        "content/css/b.css": "/* the brand */\n\n:root{--md-primary-fg-color:#333333;--md-primary-fg-color--dark: #444444 }\n",
    }
    assert custom_variables(stylesheets) == {
        "--md-primary-fg-color": ("#333333", "content/css/b.css:3"),
        "--md-accent-fg-color": ("#222222", "content/css/a.css:3"),
        "--md-primary-fg-color--dark": ("#444444", "content/css/b.css:3"),
    }


def test_custom_variables_within_one_file_the_later_line_wins():
    css = ":root {\n  --md-typeset-a-color: #111111;\n}\n.x {\n  --md-typeset-a-color: #0000aa;\n}\n"
    assert custom_variables({"content/extra.css": css}) == {
        "--md-typeset-a-color": ("#0000aa", "content/extra.css:5"),
    }


def test_custom_variables_ignores_uses_and_other_properties():
    css = ":root {\n  --brand: #ff0000;\n  color: var(--md-primary-fg-color);\n}\n"
    assert custom_variables({"content/extra.css": css}) == {}


CUSTOM = PaletteChoice(primary="custom", accent="indigo")
LIGHT_RED = {"--md-primary-fg-color": ("#ff8080", "content/css/extra.css:2")}


def test_a_too_light_custom_header_is_a_problem_naming_file_line_colours_and_ratio():
    colours, problems = accessible_colours(CUSTOM, LIGHT_RED)
    ratio = contrast(colour("#ff8080"), WHITE)
    assert f"{ratio:.2f}" == "2.43"
    header, link = problems  # links take the header's colour when the site sets none
    assert header == ContrastProblem(
        "content/css/extra.css:2", "页眉颜色 #ff8080 与页眉文字 #ffffff（mkdocs.yml theme.palette）", ratio, 4.5
    )
    assert str(header) == (
        "content/css/extra.css:2: 页眉颜色 #ff8080 与页眉文字 #ffffff（mkdocs.yml theme.palette）的对比度为 2.43:1；"
        "应为：不低于 4.5:1（WCAG 2.1 AA）"
    )
    assert str(link).endswith("链接颜色 #ff8080 与页面背景 #ffffff的对比度为 2.43:1；应为：不低于 4.5:1（WCAG 2.1 AA）")
    # The site's own colours are reported, not replaced: nothing for the normal view, nothing in the log.
    assert colours.normal == {}
    assert colours.changes == []
    # The 关怀版 still gets shades of the site's colour that reach 7:1.
    care = colours.care
    assert contrast(colour(care["--md-primary-fg-color"]), WHITE) >= CARE_RATIO
    assert contrast(colour(care["--md-typeset-a-color"]), WHITE) >= CARE_RATIO
    assert hue_distance(colour(care["--md-primary-fg-color"]), colour("#ff8080")) < 3


def test_a_custom_header_text_colour_is_named_with_its_own_file_and_line():
    custom = {
        "--md-primary-fg-color": ("#ffec3d", "content/css/extra.css:2"),
        "--md-primary-bg-color": ("#ffffff", "content/css/extra.css:3"),
        "--md-typeset-a-color": ("#3f51b5", "content/css/extra.css:4"),
    }
    _, problems = accessible_colours(CUSTOM, custom)
    (problem,) = problems
    assert str(problem) == (
        "content/css/extra.css:2: 页眉颜色 #ffec3d 与页眉文字 #ffffff（content/css/extra.css:3）的对比度为 1.21:1；"
        "应为：不低于 4.5:1（WCAG 2.1 AA）"
    )


def test_a_custom_link_and_accent_are_checked_on_the_scheme_background():
    custom = {
        "--md-primary-fg-color": ("#1a237e", "content/css/extra.css:2"),
        "--md-typeset-a-color": ("#3949ab", "content/css/extra.css:3"),
        "--md-accent-fg-color": ("#536dfe", "content/css/extra.css:4"),
    }
    choice = PaletteChoice(scheme="slate", primary="custom", accent="custom")
    _, problems = accessible_colours(choice, custom)
    found = [str(p) for p in problems]
    link = contrast(colour("#3949ab"), colour("#1e2029"))
    accent = contrast(colour("#536dfe"), colour("#1e2029"))
    assert found == [
        f"content/css/extra.css:3: 链接颜色 #3949ab 与页面背景 #1e2029的对比度为 {link:.2f}:1；"
        "应为：不低于 4.5:1（WCAG 2.1 AA）",
        f"content/css/extra.css:4: 强调色（鼠标悬停的链接）#536dfe 与页面背景 #1e2029的对比度为 {accent:.2f}:1；"
        "应为：不低于 4.5:1（WCAG 2.1 AA）",
    ]


def test_a_custom_palette_that_passes_has_no_problems_and_keeps_its_colours():
    custom = {
        "--md-primary-fg-color": ("#1a237e", "content/css/extra.css:2"),
        "--md-accent-fg-color": ("#283593", "content/css/extra.css:3"),
    }
    colours, problems = accessible_colours(PaletteChoice(primary="custom", accent="custom"), custom)
    assert problems == []
    assert colours.changes == []
    assert colours.normal == {}  # the site's own colours, as its stylesheet has them


def test_a_custom_value_that_is_not_a_hex_colour_leaves_the_named_default():
    custom = {"--md-primary-fg-color": ("var(--brand)", "content/css/extra.css:2")}
    colours, problems = accessible_colours(CUSTOM, custom)
    assert problems == []
    assert "--md-primary-fg-color" not in colours.normal  # Material's default indigo reaches AA


# -- mkdocs.yml theme.palette ------------------------------------------------------------------------------


def test_palette_choices_reads_a_mapping():
    assert palette_choices({"scheme": "slate", "primary": "light blue", "accent": "deep orange"}) == [
        PaletteChoice(scheme="slate", primary="light-blue", accent="deep-orange")
    ]
    assert palette_choices({"primary": "red"}) == [PaletteChoice(scheme="default", primary="red", accent="indigo")]


def test_palette_choices_reads_a_toggle_list():
    palette = [
        {"media": "(prefers-color-scheme: light)", "scheme": "default", "primary": "red", "toggle": {"name": "暗色"}},
        {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "primary": "red", "toggle": {"name": "亮色"}},
        "not a mapping",
    ]
    assert palette_choices(palette) == [
        PaletteChoice("default", "red", "indigo"),
        PaletteChoice("slate", "red", "indigo"),
    ]


@pytest.mark.parametrize("palette", [None, {}, [], "red"])
def test_palette_choices_without_a_palette_is_materials_default(palette):
    # Material writes no data-md-color-* on <body> then: the rules go on body itself.
    assert palette_choices(palette) == [PaletteChoice("default", "indigo", "indigo", configured=False)]


def test_the_selector_names_scheme_primary_and_accent():
    assert PaletteChoice("slate", "red", "pink").selector == (
        '[data-md-color-scheme="slate"][data-md-color-primary="red"][data-md-color-accent="pink"]'
    )
