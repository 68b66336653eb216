"""A patch's main canvas drawn as SVG text, roughly as Pd shows it, for the preview before upload.

Pd's metrics are approximated from the font size (7 by 16 px per character at 12). A box's inlets
and outlets are those its connections use, spread as if the highest used were its last; subpatches,
abstractions and message or atom boxes know theirs.
"""

import html
import re
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.patches.pd import Canvas, Node, PdFiles, PdPatch, Placed

MARGIN = 10
PADDING = 2
IOLET = (7, 3)  # width, height
WRAP = 60  # characters a box holds on a line unless its width is set
MAX_CHARS = 1000  # wider saved widths are taken as damage, not design
FLAG = 4  # how far a message box's flag and an atom box's cut corner reach
ATOMS = {"floatatom": (5, "0"), "symbolatom": (10, "symbol"), "listbox": (20, "")}  # width, shown
CONTROL_ONLY = frozenset(  # ~ objects without a signal outlet
    {"bang~", "bonk~", "env~", "fiddle~", "samplerate~", "sigmund~", "snapshot~", "threshold~"}
)
BOX_STYLE = 'fill="#fff" stroke="#000"'
UNSUPPORTED_STYLE = 'fill="#fde8e8" stroke="#c00" stroke-width="2"'
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _escape(text: str) -> str:
    return html.escape(_NOT_XML.sub("\ufffd", text))


def _number(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _char_width(font: int) -> float:
    return font * 7 / 12


def _line_height(font: int) -> float:
    return font * 4 / 3


def _count(number: int, noun: str, plural: str = "") -> str:
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


@dataclass(frozen=True)
class _Box:
    node: Node
    x: float
    y: float
    width: float
    height: float
    lines: tuple[str, ...]
    shape: str  # rect, msg, atom or comment


def _wrap(text: str, width: int) -> tuple[str, ...]:
    wrap = textwrap.TextWrapper(width, break_on_hyphens=False)
    return tuple(line for paragraph in text.split("\n") for line in wrap.wrap(paragraph) or [""])


def _numbers(atoms: Sequence[str]) -> list[float]:
    """The leading numeric arguments, as Pd's GUI objects save their sizes."""
    numbers = []
    for atom in atoms:
        try:
            numbers.append(float(atom))
        except ValueError:
            break
    return numbers


def _widget_size(node: Node, char_width: float) -> tuple[float, float] | None:
    """The drawn size of Pd's own GUI objects and graph-on-parent subpatches."""
    if node.canvas is not None:
        return node.canvas.gop
    match node.name, _numbers(node.args):
        case "bng" | "tgl", [size, *_]:
            return size, size
        case "hsl" | "vsl" | "vu", [width, height, *_]:
            return width, height
        case "cnv", [_, width, height, *_]:
            return width, height
        case "hradio", [size, _, _, count, *_]:
            return size * count, size
        case "vradio", [size, _, _, count, *_]:
            return size, size * count
        case "nbx", [digits, height, *_]:
            return digits * char_width + height / 2, height
    return None


def _layout(node: Node, font: int) -> _Box:
    char_width, line_height = _char_width(font), _line_height(font)
    if node.kind in ATOMS:
        chars, shown = ATOMS[node.kind]
        saved = _numbers(node.args[:1])
        if saved and 0 < saved[0] <= MAX_CHARS:
            chars = int(saved[0])
        size = (chars * char_width + 2 * PADDING, line_height + 2 * PADDING)
        return _Box(node, node.x, node.y, *size, (shown,), "atom")
    widget = _widget_size(node, char_width)
    if widget and all(0 < side < 1e5 for side in widget):
        return _Box(node, node.x, node.y, *widget, (), "rect")
    fixed = node.width if node.width and 0 < node.width <= MAX_CHARS else None
    lines = _wrap(node.text, fixed or WRAP)
    chars = fixed or max(len(line) for line in lines)
    if node.kind == "text":
        return _Box(node, node.x, node.y, chars * char_width, len(lines) * line_height, lines, "comment")
    width, height = max(chars, 3) * char_width + 2 * PADDING, len(lines) * line_height + 2 * PADDING
    return _Box(node, node.x, node.y, width, height, lines, "msg" if node.kind == "msg" else "rect")


def _lets(canvas: Canvas, kind: str) -> list[str]:
    """A subpatch's inlet or outlet objects, left to right as Pd orders its inlets and outlets."""
    lets = sorted((node.x, node.index) for node in canvas.nodes if node.name in {kind, kind + "~"})
    return [canvas.nodes[index].name for _, index in lets]


def _inside(files: PdFiles, node: Node) -> Canvas | None:
    """The canvas behind a subpatch or abstraction box, whose inlet and outlet objects it has."""
    if node.canvas is not None or node.kind != "obj":
        return node.canvas
    abstraction = files.abstraction(files.main.file, node.name)
    return files.patches[abstraction].canvas if abstraction else None


def _known_iolets(node: Node, inside: Canvas | None) -> tuple[int, int]:
    if inside is not None:
        return len(_lets(inside, "inlet")), len(_lets(inside, "outlet"))
    return (1, 1) if node.kind == "msg" or node.kind in ATOMS else (0, 0)


def _is_signal(node: Node, inside: Canvas | None, outlet: int) -> bool:
    if inside is not None:
        lets = _lets(inside, "outlet")
        return outlet < len(lets) and lets[outlet] == "outlet~"
    return node.kind == "obj" and node.name.endswith("~") and node.name not in CONTROL_ONLY


@dataclass(frozen=True)
class _Iolets:
    """Which inlets or outlets of each box to mark, and how many the box is drawn with."""

    marked: tuple[frozenset[int], ...]
    counts: tuple[int, ...]

    def x(self, box: _Box, index: int) -> float:
        count = self.counts[box.node.index]
        spread = (box.width - IOLET[0]) * index / (count - 1) if count > 1 else 0
        return box.x + spread


def _iolets(known: Sequence[int], used: Iterable[tuple[int, int]]) -> _Iolets:
    marked = [set(range(count)) for count in known]
    for index, iolet in used:
        marked[index].add(iolet)
    return _Iolets(tuple(map(frozenset, marked)), tuple(max(lets, default=-1) + 1 for lets in marked))


def _flags(unsupported: Iterable[Placed]) -> dict[int, str]:
    """A title for each main-canvas box that is, or holds, an object hvcc cannot convert."""
    names: dict[int, set[str]] = {}
    for placed in unsupported:
        names.setdefault(placed.top, set()).add(placed.name)
    return {index: "Not supported by hvcc: " + ", ".join(sorted(found)) for index, found in names.items()}


def _shape(box: _Box, style: str) -> str:
    x, y, right, bottom = box.x, box.y, box.x + box.width, box.y + box.height
    if box.shape == "comment":
        return ""
    if box.shape == "rect":
        size = f'width="{_number(box.width)}" height="{_number(box.height)}"'
        return f'<rect x="{_number(x)}" y="{_number(y)}" {size} {style}/>'
    if box.shape == "msg":
        flag = [(right + FLAG, y), (right, y + FLAG), (right, bottom - FLAG), (right + FLAG, bottom)]
        corners = [(x, y), *flag]
    else:
        corners = [(x, y), (right - FLAG, y), (right, y + FLAG), (right, bottom)]
    points = " ".join(f"{_number(px)},{_number(py)}" for px, py in [*corners, (x, bottom)])
    return f'<polygon points="{points}" {style}/>'


def _draw_box(box: _Box, font: int, inlets: _Iolets, outlets: _Iolets, title: str | None) -> str:
    node = box.node
    kind = "comment" if box.shape == "comment" else f"box {node.kind}"
    style = UNSUPPORTED_STYLE if title else BOX_STYLE
    parts = [f'<g class="{kind}{" unsupported" if title else ""}">']
    if title:
        parts.append(f"<title>{_escape(title)}</title>")
    parts.append(_shape(box, style))
    for line_number, line in enumerate(box.lines):
        baseline = box.y + PADDING + font + line_number * _line_height(font)
        parts.append(f'<text x="{_number(box.x + PADDING)}" y="{_number(baseline)}">{_escape(line)}</text>')
    for iolets, y in ((inlets, box.y), (outlets, box.y + box.height - IOLET[1])):
        for index in sorted(iolets.marked[node.index]):
            position = f'x="{_number(iolets.x(box, index))}" y="{_number(y)}"'
            parts.append(f'<rect class="iolet" {position} width="{IOLET[0]}" height="{IOLET[1]}"/>')
    parts.append("</g>")
    return "".join(parts)


def _draw_cord(start: tuple[float, float], end: tuple[float, float], signal: bool) -> str:
    """A connection; signal ones thicker, as in Pd."""
    (x1, y1), (x2, y2) = start, end
    ends = f'x1="{_number(x1)}" y1="{_number(y1)}" x2="{_number(x2)}" y2="{_number(y2)}"'
    kind, width = ("cord signal", 2) if signal else ("cord", 1)
    return f'<line class="{kind}" {ends} stroke="#000" stroke-width="{width}"/>'


def _summary(patch: PdPatch, flagged: int) -> str:
    kinds = [node.kind for node in patch.canvas.nodes]
    counts = [
        _count(len(kinds) - kinds.count("msg") - kinds.count("text"), "object"),
        _count(kinds.count("msg"), "message"),
        _count(kinds.count("text"), "comment"),
        _count(len(patch.canvas.connections), "connection"),
    ]
    problems = f"; {_count(flagged, 'box', 'boxes')} hvcc cannot convert" if flagged else ""
    return f"Pd patch {patch.file}: {', '.join(counts)}{problems}"


def _view_box(boxes: Sequence[_Box]) -> tuple[float, float, float, float]:
    if not boxes:
        return 0, 0, 2 * MARGIN, 2 * MARGIN
    left = min(box.x for box in boxes) - MARGIN
    top = min(box.y for box in boxes) - MARGIN
    right = max(box.x + box.width + FLAG for box in boxes) + MARGIN
    bottom = max(box.y + box.height for box in boxes) + MARGIN
    return left, top, right - left, bottom - top


def draw_patch(files: PdFiles, unsupported: Iterable[Placed] = ()) -> str:
    """The main canvas of `_main.pd` as an SVG document; boxes that are or hold `unsupported`
    objects are marked, with a title naming them."""
    canvas = files.main.canvas
    font = min(max(canvas.font, 8), 36)  # the sizes Pd offers
    boxes = [_layout(node, font) for node in canvas.nodes]
    insides = [_inside(files, node) for node in canvas.nodes]
    known = [_known_iolets(node, inside) for node, inside in zip(canvas.nodes, insides, strict=True)]
    inlets = _iolets([ins for ins, _ in known], ((c.dst, c.inlet) for c in canvas.connections))
    outlets = _iolets([outs for _, outs in known], ((c.src, c.outlet) for c in canvas.connections))
    flags = _flags(unsupported)
    label = _escape(_summary(files.main, len(flags)))
    view = _view_box(boxes)
    size = f'width="{_number(view[2])}" height="{_number(view[3])}"'
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="pd-patch" role="img" aria-label="{label}" '
        f'viewBox="{" ".join(map(_number, view))}" {size} '
        f'font-family="DejaVu Sans Mono, monospace" font-size="{font}">',
        f"<title>{label}</title>",
        *(_draw_box(box, font, inlets, outlets, flags.get(box.node.index)) for box in boxes),
    ]
    for connection in canvas.connections:
        src, dst = boxes[connection.src], boxes[connection.dst]
        start = (outlets.x(src, connection.outlet) + IOLET[0] / 2, src.y + src.height)
        end = (inlets.x(dst, connection.inlet) + IOLET[0] / 2, dst.y)
        signal = _is_signal(src.node, insides[connection.src], connection.outlet)
        parts.append(_draw_cord(start, end, signal))
    parts.append("</svg>")
    return "\n".join(parts)
