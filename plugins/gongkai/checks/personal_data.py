"""Personal data in text meant for publication: 身份证号, mobile numbers, bank card numbers.

Personal information must be de-identified before it is published (seed 001 §七(四)).
Each number is recognised by its structure, so that the many other numbers of a
government text (索引号, 统一社会信用代码, amounts, hotlines) do not trigger:
- a 身份证号 (GB 11643) has 18 characters: a 6-digit area code, a real birth date,
  a 3-digit sequence and a check character computed from the other 17;
- a mobile number has 11 digits starting 13–19, written whole or as 3-4-4;
- a bank card number has 16 to 19 digits (written whole or in groups of four)
  whose last digit is the Luhn check of the others.
A number inside a longer run of digits or letters is not one of these.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from ..model.digits import ASCII_DIGITS


class Kind(StrEnum):
    ID_CARD = "身份证号"
    MOBILE = "手机号码"
    BANK_CARD = "银行卡号"


@dataclass(frozen=True)
class Found:
    kind: Kind
    text: str  # as written in the text
    start: int  # its offset in the text


# Full-width digits and X are read as ASCII: one character for one, so offsets stay.
_ALONE_BEFORE = r"(?<![0-9A-Za-z])"
_ALONE_AFTER = r"(?![0-9A-Za-z])"
_ID_CARD = re.compile(rf"{_ALONE_BEFORE}[1-9]\d{{5}}(?:18|19|20)\d{{2}}\d{{4}}\d{{3}}[0-9Xx]{_ALONE_AFTER}")
_MOBILE = re.compile(rf"{_ALONE_BEFORE}(?:\+?86[ -]?)?1[3-9]\d(?:\d{{8}}|[ -]\d{{4}}[ -]\d{{4}}){_ALONE_AFTER}")
_BANK_CARD = re.compile(rf"{_ALONE_BEFORE}(?:\d{{16,19}}|\d{{4}}(?:[ -]\d{{4}}){{3}}(?:[ -]\d{{1,3}})?){_ALONE_AFTER}")

# Where a number may be: a run of at least 11 digits, spaces and hyphens (a plus sign first). The
# patterns above run only on these runs: read from the start of each, not at every character of a
# text that is mostly Chinese, they take a seventh of the time.
_CANDIDATE = re.compile(r"[+0-9][0-9 \-]{9,}[0-9Xx]")
_FULL_WIDTH = re.compile("[\uff10-\uff19\uff38\uff58]")

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def find_personal_data(text: str) -> list[Found]:
    """Every 身份证号, mobile number and bank card number in `text`, in the order they come."""
    ascii_text = text.translate(ASCII_DIGITS) if _FULL_WIDTH.search(text) else text
    found: list[Found] = []
    for candidate in _CANDIDATE.finditer(ascii_text):
        # One character either side, for the patterns' "not inside a longer run" checks.
        start, end = max(0, candidate.start() - 1), candidate.end() + 1
        found.extend(_find_in(text, ascii_text, start, end))
    return found


def _find_in(text: str, ascii_text: str, start: int, end: int) -> list[Found]:
    found: list[Found] = []
    taken: list[range] = []
    for kind, pattern, valid in (
        (Kind.ID_CARD, _ID_CARD, is_id_card_number),
        (Kind.MOBILE, _MOBILE, lambda _: True),
        # Shaped like a 身份证号 but for its check character: a mistyped one, not a card.
        (Kind.BANK_CARD, _BANK_CARD, lambda number: is_bank_card_number(number) and not _ID_CARD.fullmatch(number)),
    ):
        for match in pattern.finditer(ascii_text, start, end):
            span = range(match.start(), match.end())
            # A 身份证号 whose digits pass the Luhn check too is reported once, as what it is.
            if valid(match.group()) and not any(span.start in other or other.start in span for other in taken):
                found.append(Found(kind, text[match.start() : match.end()], match.start()))
                taken.append(span)
    return sorted(found, key=lambda f: f.start)


def is_id_card_number(number: str) -> bool:
    """An 18-character 身份证号 with a real birth date and the right check character."""
    number = number.upper()
    if len(number) != 18 or not number[:17].isdigit():
        return False
    try:
        dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    total = sum(int(digit) * weight for digit, weight in zip(number[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == number[17]


def is_bank_card_number(number: str) -> bool:
    """16 to 19 digits (separators aside) whose last is their Luhn check digit."""
    digits = [int(char) for char in number if char.isdigit()]
    if not 16 <= len(digits) <= 19:
        return False
    total = 0
    for position, digit in enumerate(reversed(digits)):
        if position % 2 == 1:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0
