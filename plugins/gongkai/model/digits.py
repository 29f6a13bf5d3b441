"""Numbers as people write them: full-width digits, spaces, hyphens, a +86 before a mobile number."""

from __future__ import annotations

# Full-width digits and the 身份证号's check character X, as typed with a Chinese input method.
ASCII_DIGITS = str.maketrans({chr(0xFF10 + n): str(n) for n in range(10)} | {"Ｘ": "X", "ｘ": "x"})


def digits_of(text: str) -> str:
    """The digits of a number as written, to compare two ways of writing it (spaces, hyphens, full-width
    digits and the +86 of a mobile aside)."""
    digits = "".join(ch for ch in text.translate(ASCII_DIGITS) if ch.isascii() and ch.isalnum()).upper()
    return digits[2:] if len(digits) == 13 and digits.startswith("86") else digits
