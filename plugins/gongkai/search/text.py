"""How 一网通查 reads Chinese: one folding and one token stream, at index time and at query time.

Pagefind's extended build segments Chinese with jieba when indexing but with the
browser's Intl.Segmenter when querying, and the two disagree (Pagefind issue
#1237); it also matches only word prefixes. So the index is not left to either
segmenter: text is folded and cut into overlapping CJK bigrams here, as Lucene's
CJK analyzer does, the bigrams are indexed as plain space-separated words, and
`search.js` cuts a query the same way. A phrase is then the run of its bigrams
at consecutive positions, which search.js checks from the positions Pagefind returns.

The browser gets the folding table as JSON (gongkai.search.vocabulary) and implements
`tokens` in `search.js`; a test runs both over the same strings.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Characters OpenCC folds to another one that are also standard simplified characters
# (乾坤, 哪吒, 蒜薹 …): a simplified text that uses them must stay as written.
SIMPLIFIED_IN_THEIR_OWN_RIGHT = frozenset("乾吒薹袷榘醣麴")

_CJK_BLOCKS = (
    (0x3400, 0x4DBF),  # Extension A
    (0x4E00, 0x9FFF),  # Unified Ideographs
    (0xF900, 0xFAFF),  # Compatibility Ideographs
    (0x20000, 0x3FFFF),  # Extensions B and later
)
_CJK_CLASS = "".join(f"{chr(low)}-{chr(high)}" for low, high in _CJK_BLOCKS)
# A text read as runs: CJK characters, other letters and digits (JS: [\p{L}\p{N}]), whitespace, or one
# other character (punctuation, symbols).
_RUNS = re.compile(rf"([{_CJK_CLASS}]+)|([^\W_{_CJK_CLASS}]+)|(\s+)|(.)", re.DOTALL)


@lru_cache(maxsize=1)
def fold_table() -> dict[str, str]:
    """Single characters folded before indexing and querying.

    Traditional (including Taiwan and Hong Kong variant) characters map to
    simplified ones, character by character, by OpenCC's own tables; full-width
    ASCII maps to ASCII. A character-level map is enough for search because it is
    applied to both sides: what matters is that a traditional query and the
    simplified document fold to the same string.
    """
    import opencc  # only index builds need it; importing the package must stay cheap

    table: dict[str, str] = {}
    converters = [opencc.OpenCC(name) for name in ("t2s", "tw2s", "hk2s")]
    for low, high in _CJK_BLOCKS[:3]:
        for code in range(low, high + 1):
            char = chr(code)
            if char in SIMPLIFIED_IN_THEIR_OWN_RIGHT:
                continue
            for converter in converters:
                folded = converter.convert(char)
                if folded != char and len(folded) == 1:
                    table[char] = folded
                    break
    # Full-width letters and digits; full-width punctuation stays as written (it is never part of a word).
    for low, high in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)):
        for code in range(low, high + 1):
            table[chr(code)] = chr(code - 0xFEE0)
    table["\u3000"] = " "  # ideographic space
    return table


@lru_cache(maxsize=1)
def _translation() -> dict[int, str]:
    return {ord(k): v for k, v in fold_table().items()}


def fold(text: str) -> str:
    """Fold `text` character by character: the result has the same length, position for position."""
    return text.translate(_translation())


def tokens(text: str) -> list[str]:
    """The words Pagefind indexes for `text`, each with the punctuation that follows it.

    A run of CJK characters gives its overlapping bigrams (one character alone
    gives itself); a run of other letters and digits is one word, which takes
    along the ideograph right after it (第3号: 令第 3号 号), because Pagefind
    matches words by prefix and "3" alone would match 30 and 300. Punctuation is
    glued to a word: opening brackets and quotes (and whatever follows them) to
    the next one, the rest to the one before. Pagefind keeps it in the stored text, which keeps excerpts
    readable, but drops it from the indexed word, so 〔〕, [], () and 【】 in a
    发文字号 all give the same words. Whitespace only separates.
    """
    words: list[str] = []
    opening = ""  # opening punctuation waiting for the next word
    after_letters = False  # the last run was letters or digits, with nothing between it and this one
    for cjk, word, _space, other in _RUNS.findall(fold(text)):
        if cjk and after_letters:
            words[-1] += cjk[0]
        after_letters = bool(word)
        if cjk or word:
            first = len(words)
            if len(cjk) > 1:
                words.extend([cjk[i : i + 2] for i in range(len(cjk) - 1)])
            else:
                words.append(cjk or word)
            if opening:
                words[first] = opening + words[first]
                opening = ""
        elif other:
            if opening or not words or unicodedata.category(other) in ("Ps", "Pi"):
                opening += other
            else:
                words[-1] += other
    if opening:  # punctuation with no word after it
        words.append(opening)
    return words


def token_stream(text: str) -> str:
    """`tokens` as the text Pagefind is given: words separated by spaces."""
    return " ".join(tokens(text))


def indexed_word(token: str) -> str:
    """What Pagefind indexes of a token: its letters, digits and ideographs, lower-cased ("" for punctuation)."""
    return "".join(char for char in token if char.isalnum()).lower()
