"""Cover art: a gradient in the style's palette, shapes from the seed, and the title."""

from __future__ import annotations

import io
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

SIZE = 1024
_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
)


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in _FONTS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def make_cover(title: str, style: str, palette: tuple[str, str, str], seed: int) -> bytes:
    rng = random.Random(seed)
    top, middle, bottom = (_rgb(c) for c in palette)
    image = Image.new("RGB", (SIZE, SIZE), bottom)
    draw = ImageDraw.Draw(image)
    for y in range(SIZE):
        t = y / SIZE
        a, b, u = (top, middle, t * 2) if t < 0.5 else (middle, bottom, (t - 0.5) * 2)
        draw.line([(0, y), (SIZE, y)], fill=tuple(int(a[i] + (b[i] - a[i]) * u) for i in range(3)))
    shapes = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    shape_draw = ImageDraw.Draw(shapes)
    for _ in range(rng.randint(6, 12)):
        r = rng.randint(60, 320)
        x, y = rng.randint(-100, SIZE), rng.randint(-100, SIZE)
        colour = (*_rgb(rng.choice(palette)), rng.randint(40, 110))
        shape_draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)
    image = Image.alpha_composite(
        image.convert("RGBA"), shapes.filter(ImageFilter.GaussianBlur(24))
    )
    draw = ImageDraw.Draw(image)
    font = _font(84 if len(title) < 18 else 60)
    words, lines, current = title.split(), [], ""
    for word in words:
        trial = f"{current} {word}".strip()
        if draw.textlength(trial, font=font) > SIZE - 160 and current:
            lines.append(current)
            current = word
        else:
            current = trial
    lines.append(current)
    y = SIZE - 160 - 96 * len(lines)
    for line in lines:
        draw.text((82, y + 3), line, font=font, fill=(0, 0, 0, 160))
        draw.text((80, y), line, font=font, fill=(255, 255, 255, 255))
        y += 96
    draw.text((82, SIZE - 120), style.upper(), font=_font(36), fill=(255, 255, 255, 200))
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def video_frame(png: bytes, size: int = 480) -> bytes:
    """The cover scaled down once as a JPEG, so the video encoder does not rescale per frame."""
    image = (
        Image.open(io.BytesIO(png)).convert("RGB").resize((size, size), Image.Resampling.LANCZOS)
    )
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()
