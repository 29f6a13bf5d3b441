"""What search.js needs to know of the index before it asks Pagefind: `gongkai-words.json`,
and the folding table `gongkai-fold.json`, read only when a query needs it.

Pagefind keeps every word's positions in chunks of about 20,000 positions, and a
query downloads the chunk of each of its words. A common bigram (应当, 人民)
fills chunks of its own, hundreds of kilobytes; a rare one shares a chunk. So the
bundle counts the positions of every word as records are added, and tells
search.js which words are heavy: it then asks Pagefind for a query's rarest words
only, and checks from their positions that the query is there as written.
"""

from __future__ import annotations

import base64
import json
from collections import Counter

from .records import NUMBER_SLOTS, TITLE_SLOTS, SearchRecord
from .text import fold_table, indexed_word

# A word with this many positions or more is listed, by powers of two; rarer words are all "light".
HEAVY_POSITIONS = 2048


class WordCounts:
    """Positions per indexed word, over the records added so far."""

    def __init__(self) -> None:
        # Tokens as cut, punctuation and all: counting them is fast; each distinct one is reduced to
        # the word Pagefind indexes once, when the heavy words are asked for.
        self._tokens: Counter[str] = Counter()

    @property
    def tokens(self) -> Counter[str]:
        return self._tokens

    def add(self, record: SearchRecord) -> None:
        for cut in (record.title_tokens, record.number_tokens, record.text_tokens):
            self._tokens.update(cut)

    def merge(self, tokens: Counter[str]) -> None:
        """Add the counts of another set of records (a shard)."""
        self._tokens.update(tokens)

    def heavy(self) -> dict[int, list[str]]:
        """The heavy words by the power of two below their count of positions, each list sorted."""
        classes: dict[int, list[str]] = {}
        for word, count in positions_by_word(self._tokens).items():
            if count >= HEAVY_POSITIONS:
                classes.setdefault(heavy_class(count), []).append(word)
        return {power: sorted(words) for power, words in sorted(classes.items())}


def positions_by_word(tokens: Counter[str]) -> Counter[str]:
    """Positions per word as Pagefind indexes it (gongkai.search.text.indexed_word), from tokens as cut."""
    positions: Counter[str] = Counter()
    for token, count in tokens.items():
        word = indexed_word(token)
        if word:
            positions[word] += count
    return positions


def heavy_class(positions: int) -> int:
    """The power of two a heavy word (HEAVY_POSITIONS or more) is listed under."""
    return positions.bit_length() - 1


def words_json(heavy: dict[int, list[str]], sorts: str | None = None) -> str:
    """The file search.js reads first: which characters fold, the heavy words and the record layout.

    `foldable`: the characters the folding table changes (gongkai.search.text), as a bitmap: bit i
    (byte i // 8, bit i % 8) stands for the character `first` + i, and `bits` is base64. A query of
    none of them, as most are, needs no table;
    `heavy`: {power of two: heavy words with at least that many positions, space-separated};
    `slots`: word positions of the title and the 发文字号 at the head of every record;
    `sorts`: the file of the pages' dates, where a merged index keeps them instead of Pagefind's meta
    (gongkai.search.merge); absent when Pagefind sorts.
    """
    folded = sorted(fold_table())
    first = ord(folded[0])
    bits = bytearray((ord(folded[-1]) - first) // 8 + 1)
    for char in folded:
        offset = ord(char) - first
        bits[offset // 8] |= 1 << (offset % 8)
    return json.dumps(
        {
            "foldable": {"first": first, "bits": base64.b64encode(bits).decode("ascii")},
            "heavy": {str(power): " ".join(words) for power, words in sorted(heavy.items())},
            "slots": {"title": TITLE_SLOTS, "number": NUMBER_SLOTS},
            **({"sorts": sorts} if sorts else {}),
        },
        ensure_ascii=False,
    )


def fold_json() -> str:
    """The folding table, which search.js reads only for a text with a foldable character.

    `to`: what each character of the bitmap in `words_json` folds to, in the order of their code points.
    """
    table = fold_table()
    return json.dumps({"to": "".join(table[char] for char in sorted(table))}, ensure_ascii=False)
