"""Draw the application icon with Qt and write resources/icons/tit-desktop.png and .ico.

    QT_QPA_PLATFORM=offscreen python packaging/make_icon.py

The .ico holds PNG images (16 to 256 pixels), which Windows reads since Vista; it is
written here byte by byte, so no imaging library is needed. The files are committed; run
this again only to change the icon.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int, family: str) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    margin = size * 0.04
    square = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#1f5f99"))  # a municipal blue
    painter.drawRoundedRect(square, size * 0.18, size * 0.18)
    # three woven threads (the programme is "Tessiture"): a band across the lower part
    painter.setBrush(QColor("#f2b134"))
    band = size * 0.09
    for i in range(3):
        y = size * 0.66 + i * band * 1.25
        painter.drawRoundedRect(QRectF(size * 0.18, y, size * 0.64, band * 0.8), band, band)
    painter.setPen(QColor("white"))
    font = QFont(family)
    font.setBold(True)
    font.setPixelSize(max(6, int(size * (0.42 if size >= 32 else 0.5))))
    painter.setFont(font)
    text_box = QRectF(0, size * 0.08, size, size * 0.56)
    painter.drawText(text_box, Qt.AlignmentFlag.AlignCenter, "TIT" if size >= 32 else "T")
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: list[tuple[int, bytes]]) -> bytes:
    """ICONDIR + one ICONDIRENTRY per image + the PNG data."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries = b""
    for size, data in images:
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + entries + b"".join(data for _, data in images)


def main() -> int:
    app = QGuiApplication(sys.argv)
    font_id = QFontDatabase.addApplicationFont(
        str(ROOT / "resources" / "fonts" / "DejaVuSans-Bold.ttf")
    )
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    ICONS.mkdir(parents=True, exist_ok=True)
    images = [(size, png_bytes(draw(size, family))) for size in SIZES]
    (ICONS / "tit-desktop.png").write_bytes(images[-1][1])
    (ICONS / "tit-desktop.ico").write_bytes(ico_bytes(images))
    print(f"written {ICONS / 'tit-desktop.png'} and {ICONS / 'tit-desktop.ico'}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
