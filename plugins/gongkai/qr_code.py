"""A QR code of a page's address, drawn at build time: a reader scans the screen or the printout and
opens the page on a phone (seed pages offer it beside 打印).

The symbol comes from zxing-cpp (its C++ encoder: about a tenth of a millisecond a page, where a pure
Python encoder takes milliseconds, too slow for tens of thousands of documents). The page draws it as
one SVG path (partials/gongkai/qr-code.html); nothing is fetched.
"""

from __future__ import annotations

from dataclasses import dataclass

import zxingcpp

QUIET_ZONE = 4  # modules of white around the symbol, as ISO/IEC 18004 asks


@dataclass(frozen=True)
class QrCode:
    text: str
    size: int  # modules a side, quiet zone included
    path: str  # SVG path data of the dark modules, one unit a module


def qr_code(text: str) -> QrCode:
    """The QR code of `text` at error correction level M (15% of the symbol may be damaged or dirty)."""
    symbol = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = symbol.to_image(scale=1, add_quiet_zones=False)
    rows, width = image.shape  # one byte a module: 0 dark, 255 light
    pixels = memoryview(image).tobytes()  # type: ignore[arg-type]  # the stubs miss its buffer protocol
    parts = []
    for y in range(rows):
        row = pixels[y * width : (y + 1) * width]
        x = 0
        while x < width:
            if row[x] == 0:  # dark
                start = x
                while x < width and row[x] == 0:
                    x += 1
                parts.append(f"M{start + QUIET_ZONE} {y + QUIET_ZONE}h{x - start}v1h{start - x}z")
            else:
                x += 1
    return QrCode(text, width + 2 * QUIET_ZONE, "".join(parts))
