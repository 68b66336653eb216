"""Image work with Pillow: thumbnails of uploads and the placeholder images the routes fall back to."""

import functools
import io
import re

from PIL import Image, ImageDraw, UnidentifiedImageError

FORMATS = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "WEBP": "webp"}
MAX_PIXELS = 40_000_000
MAX_SIDE = 2000
MAX_THUMBS = 4
DIMENSIONS = re.compile(r"(\d{0,4})x(\d{0,4})")
DEFAULT_DIMENSIONS = "180x"


class NotAnImage(ValueError):
    """The bytes are not a PNG, JPEG, GIF or WebP image Pillow can read safely."""


def dimensions(value: object) -> list[tuple[str, int | None, int | None]]:
    """`thumbDims` such as `"180x,x50,100x100"` as `(spec, width, height)`; bad parts are skipped."""
    specs = value.split(",") if isinstance(value, str) else []
    parsed = []
    for spec in (s.strip() for s in specs):
        match = DIMENSIONS.fullmatch(spec)
        if not match or not any(match.groups()):
            continue
        width, height = (int(side) if side else None for side in match.groups())
        if all(side is None or 0 < side <= MAX_SIDE for side in (width, height)):
            parsed.append((spec, width, height))
    return parsed[:MAX_THUMBS] or [(DEFAULT_DIMENSIONS, 180, None)]


def open_image(data: bytes) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(data))
        if image.format not in FORMATS or image.width * image.height > MAX_PIXELS:
            raise NotAnImage(image.format)
        image.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as error:
        raise NotAnImage(str(error)) from error
    return image


def thumbnail(image: Image.Image, width: int | None, height: int | None) -> bytes:
    """The image shrunk (never enlarged) to fit `width` by `height`, in its own format."""
    copy = image.copy()
    copy.thumbnail((width or MAX_PIXELS, height or MAX_PIXELS))
    if image.format == "JPEG" and copy.mode not in ("RGB", "L"):
        copy = copy.convert("RGB")
    out = io.BytesIO()
    copy.save(out, image.format)
    return out.getvalue()


def extension(image: Image.Image) -> str:
    """Only pictures `open_image` accepted reach here, and their format is one of FORMATS."""
    return FORMATS[str(image.format)]


def mime(image: Image.Image) -> str:
    return Image.MIME[str(image.format)]


def _encode(image: Image.Image, fmt: str) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt)
    return out.getvalue()


@functools.cache
def blank_user() -> bytes:
    """`/images/blank_user.gif`: a grey silhouette."""
    image = Image.new("P", (100, 100), 0)
    image.putpalette([221, 221, 221, 170, 170, 170])
    draw = ImageDraw.Draw(image)
    draw.ellipse((32, 18, 68, 54), fill=1)
    draw.ellipse((15, 60, 85, 130), fill=1)
    return _encode(image, "GIF")


@functools.cache
def no_image() -> bytes:
    """`/images/no_image.png`: a plain grey square."""
    return _encode(Image.new("RGB", (100, 100), (221, 221, 221)), "PNG")


@functools.cache
def transparent_pixel() -> bytes:
    return _encode(Image.new("RGBA", (1, 1), (0, 0, 0, 0)), "PNG")
