"""Pure Data files read into a tree, so a patch can be previewed and checked before hvcc sees it.

A `.pd` file is a list of records, each ended by an unescaped `;`; an unescaped `,` splits a record
into clauses (Pd writes only `, f N`, a box width, that way). A backslash escapes the next character:
`\\;` and `\\,` are semicolon and comma atoms inside a message, `\\$1` is a dollar argument.
"""

import posixpath
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from app.patches.bundle import MAIN, MissingMainPatch

_TOKEN = re.compile(r"(?P<semi>;)|(?P<comma>,)|(?P<word>(?:\\[\s\S]?|[^ \t\r\n;,\\])+)")  # spaces skipped
_ESCAPE = re.compile(r"\\([\s\S])")
_DOLLAR = re.compile(r"\$(\d{1,9})(?!\d)")
_INT_LIMIT = 1 << 31  # Pd keeps positions and indices in C ints
_BOX_KINDS = frozenset({"obj", "msg", "text", "floatatom", "symbolatom", "listbox"})
_SIZED = frozenset(("#X", kind) for kind in (*_BOX_KINDS, "restore"))


class ParseError(ValueError):
    """The file is not a patch Pd could load; the message says where, for the user."""

    def __init__(self, message: str, file: str, line: int, record: int) -> None:
        super().__init__(f"{file}, line {line} (record {record}): {message}")
        self.file = file
        self.line = line
        self.record = record


@dataclass(frozen=True)
class Connection:
    src: int
    outlet: int
    dst: int
    inlet: int


@dataclass(frozen=True)
class Array:
    name: str
    size: int
    values: tuple[str, ...]  # the `#A` data, as saved


@dataclass(frozen=True)
class Node:
    """A box on a canvas; `index` is its place in the canvas, the number `#X connect` uses."""

    kind: str  # obj, msg, text (a comment), floatatom, symbolatom or listbox
    index: int
    x: int
    y: int
    atoms: tuple[str, ...]  # what follows the position in the record
    width: int | None = None  # in characters, from `, f N`
    canvas: "Canvas | None" = None  # the inside of a subpatch box ([pd name], graph)

    @property
    def name(self) -> str:
        """The class of an object box (`osc~`, `pd`); other boxes are named by their kind."""
        if self.kind != "obj":
            return self.kind
        return self.atoms[0] if self.atoms else ""

    @property
    def args(self) -> tuple[str, ...]:
        return self.atoms[1:] if self.kind == "obj" else self.atoms

    @property
    def text(self) -> str:
        """The text Pd shows in the box; atom boxes show a value instead, so theirs is empty."""
        return "" if self.kind not in {"obj", "msg", "text"} else box_text(self.atoms)


@dataclass(frozen=True)
class Canvas:
    font: int  # subpatches inherit their file's font size
    nodes: tuple[Node, ...]
    connections: tuple[Connection, ...]
    arrays: tuple[Array, ...] = ()
    declares: tuple[tuple[str, ...], ...] = ()
    gop: tuple[int, int] | None = None  # the box size when the canvas is graph-on-parent


@dataclass(frozen=True)
class PdPatch:
    file: str
    canvas: Canvas

    def canvases(self) -> Iterator[tuple[tuple[str, ...], Canvas]]:
        """Every canvas, depth first, with its path: the texts of the subpatch boxes leading to it."""
        pending: list[tuple[tuple[str, ...], Canvas]] = [((), self.canvas)]
        while pending:
            path, canvas = pending.pop()
            yield path, canvas
            inner = [((*path, node.text), node.canvas) for node in canvas.nodes if node.canvas]
            pending.extend(reversed(inner))


def box_text(atoms: Sequence[str]) -> str:
    """Atoms as Pd prints them in a box: `,` and `;` stick to the word before, a line ends after `;`."""
    parts: list[str] = []
    for atom in atoms:
        if atom in {",", ";"} and parts[-1:] == [" "]:
            parts.pop()
        parts += (atom, "\n" if atom == ";" else " ")
    return "".join(parts).rstrip()


def substitute(atom: str, args: Sequence[str]) -> str:
    """`$1`… replaced by an instance's arguments as hvcc does ("0" when missing).

    `$0` stays: hvcc numbers every instance, and the number means nothing to the user.
    """

    def value(match: re.Match[str]) -> str:
        number = int(match[1])
        if number == 0:
            return match[0]
        return args[number - 1] if number <= len(args) else "0"

    return _DOLLAR.sub(value, atom)


@dataclass(frozen=True)
class _Record:
    line: int
    number: int
    clauses: tuple[tuple[str, ...], ...]


def _records(text: str) -> Iterator[_Record]:
    line, start, counted, number = 1, 1, 0, 0
    clauses: list[tuple[str, ...]] = []
    atoms: list[str] = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if not clauses and not atoms:
            line += text.count("\n", counted, match.start())
            counted, start = match.start(), line
        if kind == "word":
            word = match[0]
            atoms.append(_ESCAPE.sub(r"\1", word) if "\\" in word else word)
            continue
        clauses.append(tuple(atoms))
        atoms = []
        if kind == "semi":
            if any(clauses):
                number += 1
                yield _Record(start, number, tuple(clauses))
            clauses = []
    if atoms or any(clauses):
        yield _Record(start, number + 1, (*clauses, tuple(atoms)))


@dataclass
class _Draft:
    """A canvas being read; it becomes a Canvas at its `#X restore` or at the end of the file."""

    font: int
    nodes: list[Node] = field(default_factory=list)
    connections: list[Connection] = field(default_factory=list)
    arrays: list[tuple[str, int, list[str]]] = field(default_factory=list)
    declares: list[tuple[str, ...]] = field(default_factory=list)
    gop: tuple[int, int] | None = None

    def freeze(self) -> Canvas:
        return Canvas(
            font=self.font,
            nodes=tuple(self.nodes),
            connections=tuple(self.connections),
            arrays=tuple(Array(name, size, tuple(values)) for name, size, values in self.arrays),
            declares=tuple(self.declares),
            gop=self.gop,
        )


class _Reader:
    """Reads records in order, keeping the stack of canvases opened by `#N canvas`."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.stack: list[_Draft] = []
        self.record = _Record(1, 0, ())

    def fail(self, message: str) -> ParseError:
        return ParseError(message, self.file, self.record.line, self.record.number)

    def integer(self, atom: str, what: str) -> int:
        try:
            value = int(atom)
        except ValueError:
            raise self.fail(f"{what} should be a whole number, not {atom!r}") from None
        if abs(value) >= _INT_LIMIT:
            raise self.fail(f"{what} {atom} is out of range")
        return value

    def integers(self, atoms: Sequence[str], count: int, what: str) -> list[int]:
        if len(atoms) < count:
            raise self.fail(f"{what} needs {count} numbers")
        return [self.integer(atom, what) for atom in atoms[:count]]

    def read(self, record: _Record) -> None:
        self.record = record
        head, *rest = record.clauses
        if not head:
            raise self.fail("a record cannot start with a comma")
        if not self.stack and head[:2] != ("#N", "canvas"):
            raise self.fail("a Pd file starts with #N canvas")
        width = self.width(rest)
        if width is not None and head[:2] not in _SIZED:
            raise self.fail("only a box can be given a width")
        match head:
            case ("#N", "canvas", *atoms):
                self.open(atoms)
            case ("#N", "struct", *_):
                pass  # a data structure template: it adds no box
            case ("#X", "restore", *atoms):
                self.restore(atoms, width)
            case ("#X", kind, *atoms) if kind in _BOX_KINDS:
                x, y = self.integers(atoms, 2, "a box position")
                self.add(Node(kind, len(self.top.nodes), x, y, tuple(atoms[2:]), width))
            case ("#X", "connect", *atoms):
                self.connect(atoms)
            case ("#X", "f", *atoms):
                self.resize(atoms)
            case ("#X", "array", *atoms):
                self.array(atoms)
            case ("#A", *atoms):
                self.array_data(atoms)
            case ("#X", "coords", *atoms):
                self.coords(atoms)
            case ("#X", "declare", *atoms):
                self.top.declares.append(tuple(atoms))
            case _:
                raise self.fail(f"unknown record {' '.join(head[:2])}")

    def width(self, clauses: Sequence[tuple[str, ...]]) -> int | None:
        match clauses:
            case ():
                return None
            case (("f", atom),):
                return self.integer(atom, "a box width")
        raise self.fail("after a comma Pd only writes a width, `, f N`")

    @property
    def top(self) -> _Draft:
        return self.stack[-1]

    def open(self, atoms: Sequence[str]) -> None:
        self.integers(atoms, 4, "#N canvas")
        if self.stack:
            self.stack.append(_Draft(font=self.top.font))
        elif len(atoms) < 5:
            raise self.fail("the first #N canvas needs a font size")
        else:
            self.stack.append(_Draft(font=self.integer(atoms[4], "the font size")))

    def restore(self, atoms: Sequence[str], width: int | None) -> None:
        if len(self.stack) < 2:
            raise self.fail("#X restore without a subpatch to close")
        x, y = self.integers(atoms, 2, "a box position")
        canvas = self.stack.pop().freeze()
        self.add(Node("obj", len(self.top.nodes), x, y, tuple(atoms[2:]), width, canvas))

    def add(self, node: Node) -> None:
        self.top.nodes.append(node)

    def connect(self, atoms: Sequence[str]) -> None:
        src, outlet, dst, inlet = self.integers(atoms, 4, "#X connect")
        if min(src, outlet, dst, inlet) < 0 or max(src, dst) >= len(self.top.nodes):
            raise self.fail(f"#X connect {src} {outlet} {dst} {inlet} names a box that is not there")
        self.top.connections.append(Connection(src, outlet, dst, inlet))

    def resize(self, atoms: Sequence[str]) -> None:
        if not self.top.nodes:
            raise self.fail("#X f without a box to resize")
        (width,) = self.integers(atoms, 1, "#X f")
        self.top.nodes[-1] = replace(self.top.nodes[-1], width=width)

    def array(self, atoms: Sequence[str]) -> None:
        if len(atoms) < 2:
            raise self.fail("#X array needs a name and a size")
        try:
            size = int(float(atoms[1]))
        except (ValueError, OverflowError):
            raise self.fail(f"an array size should be a number, not {atoms[1]!r}") from None
        self.top.arrays.append((atoms[0], size, []))

    def array_data(self, atoms: Sequence[str]) -> None:
        if not self.top.arrays:
            raise self.fail("#A data without an #X array before it")
        self.top.arrays[-1][2].extend(atoms[1:])

    def coords(self, atoms: Sequence[str]) -> None:
        if len(atoms) >= 7:
            width, height, flag = (self.integer(atom, "#X coords") for atom in atoms[4:7])
            self.top.gop = (width, height) if flag else None

    def finish(self) -> PdPatch:
        if not self.stack:
            raise ParseError("the file is empty", self.file, 1, 0)
        if len(self.stack) > 1:
            raise self.fail(f"{len(self.stack) - 1} subpatch(es) not closed by #X restore")
        return PdPatch(self.file, self.stack[0].freeze())


def parse_patch(text: str, file: str = MAIN) -> PdPatch:
    """The patch in `text`; `file` names it in errors. Raises ParseError and nothing else."""
    reader = _Reader(file)
    for record in _records(text):
        reader.read(record)
    return reader.finish()


@dataclass(frozen=True)
class Placed:
    """An object box as hvcc meets it compiling `_main.pd`, with `$1`… from its instance's arguments."""

    node: Node
    file: str
    canvas: tuple[str, ...]  # the subpatch boxes leading to it in `file`
    name: str
    args: tuple[str, ...]
    abstraction: str | None  # the file it instantiates, if it is one of the patch's own
    top: int  # the box of the main canvas it is in or under

    @property
    def position(self) -> tuple[int, int]:
        return self.node.x, self.node.y


@dataclass(frozen=True)
class _Visit:
    file: str
    canvas: Canvas
    path: tuple[str, ...]
    args: tuple[str, ...]
    top: int | None
    callers: frozenset[str]  # the files being instantiated: recursion stops where hvcc's overflows


@dataclass(frozen=True)
class PdFiles:
    """The `.pd` files of an upload, by their path in the zip."""

    patches: Mapping[str, PdPatch]

    @property
    def main(self) -> PdPatch:
        return self.patches[MAIN]

    @property
    def search_paths(self) -> tuple[str, ...]:
        """The folders `[declare -path …]` on the main canvas adds; hvcc reads only a first `-path`."""
        declares = self.main.canvas.declares
        return tuple(atoms[1] for atoms in declares if len(atoms) > 1 and atoms[0] == "-path")

    def abstraction(self, file: str, name: str) -> str | None:
        """The file an object called `name` in `file` instantiates: hvcc looks beside `file`, then
        in the declared folders, last declared first."""
        for folder in (posixpath.dirname(file), *reversed(self.search_paths)):
            path = posixpath.normpath(posixpath.join(folder, f"{name}.pd"))
            if path in self.patches:
                return path
        return None

    def objects(self) -> Iterator[Placed]:
        """Every object box hvcc meets: through subpatches and into each abstraction instance."""
        pending = [_Visit(MAIN, self.main.canvas, (), (), None, frozenset({MAIN}))]
        while pending:
            visit = pending.pop()
            inner: list[_Visit] = []
            for node in visit.canvas.nodes:
                if node.kind != "obj":
                    continue
                name, *args = [substitute(atom, visit.args) for atom in node.atoms] or [""]
                top = node.index if visit.top is None else visit.top
                found = None if node.canvas else self.abstraction(visit.file, name)
                abstraction = None if found in visit.callers else found
                yield Placed(node, visit.file, visit.path, name, tuple(args), abstraction, top)
                if node.canvas is not None:
                    path = (*visit.path, node.text)
                    inner.append(_Visit(visit.file, node.canvas, path, visit.args, top, visit.callers))
                elif abstraction is not None:
                    canvas = self.patches[abstraction].canvas
                    callers = visit.callers | {abstraction}
                    inner.append(_Visit(abstraction, canvas, (), tuple(args), top, callers))
            pending.extend(reversed(inner))


def read_files(files: Mapping[str, bytes]) -> PdFiles:
    """The `.pd` files among `files`, with paths as in the upload zip (`bundle.files_from_zip`)."""
    patches = {
        path: parse_patch(data.decode("utf-8", errors="replace"), path)
        for path, data in files.items()
        if path.lower().endswith(".pd")
    }
    if MAIN not in patches:
        raise MissingMainPatch(f"A patch needs a {MAIN} at its top level.")
    return PdFiles(patches)
