"""一网通查: the Pagefind index of 主动公开 documents and how it reads Chinese.

- `text`: folding (traditional to simplified, full-width to half-width) and the
  token stream (overlapping CJK bigrams) shared by the index and the browser.
- `records`: what one document contributes to the index, as a page for Pagefind.
- `bundle`: runs Pagefind over those pages and writes the bundle into the site.
- `merge`, `pagefind_files`: one index from several (a platform's parts), as Pagefind writes it.
- `part_search`: a part's own index, and what the assembly merges it by.
"""

# The filters of 一网通查 (DOMAIN.md §7; 征集状态: 重大决策预公开; 公报), in the order the search page shows
# them. 公开单位 only on a platform of many organs: a one-organ site has one.
ORGAN_FILTER = "公开单位"
GAZETTE_FILTER = "公报"  # the issues carrying a document: 2026年第3号
FILTERS = (ORGAN_FILTER, "栏目", "主题分类", "发文机关", "文种", "年份", "有效性", "征集状态", GAZETTE_FILTER)
