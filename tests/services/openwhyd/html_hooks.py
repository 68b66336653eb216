"""Pages read as a scraper reads them: a document tree from the standard library's HTML parser and
the CSS selectors scrapers use (`tag#id.class[attr][attr="v"][attr^="v"]`, joined by descendant
spaces and `>`). Attribute names are matched without case, as browsers match them in HTML."""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
COMPOUND = re.compile(
    r"(?P<tag>[a-z][a-z0-9]*|\*)?|#(?P<id>[\w-]+)|\.(?P<cls>[\w-]+)"
    r"|\[(?P<attr>[\w-]+)(?:(?P<op>\^?=)\"(?P<value>[^\"]*)\")?\]",
    re.IGNORECASE,
)


@dataclass(eq=False)
class Node:
    tag: str
    attrs: dict[str, str]
    parent: "Node | None" = None
    children: list["Node | str"] = field(default_factory=list)

    def __getitem__(self, name: str) -> str:
        return self.attrs[name.lower()]

    def get(self, name: str) -> str | None:
        return self.attrs.get(name.lower())

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    @property
    def text(self) -> str:
        """Its text outside scripts, as `textContent.trim()`."""
        parts: list[str] = []
        self._texts(parts)
        return "".join(parts).strip()

    def _texts(self, parts: list[str]) -> None:
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag not in ("script", "style"):
                child._texts(parts)

    def descendants(self) -> list["Node"]:
        found = []
        for child in self.children:
            if isinstance(child, Node):
                found.append(child)
                found += child.descendants()
        return found

    def select(self, selector: str) -> list["Node"]:
        steps = _parse(selector)
        return [node for node in self.descendants() if _matches(node, steps, len(steps) - 1)]

    def one(self, selector: str) -> "Node":
        """The only node `selector` finds."""
        found = self.select(selector)
        assert len(found) == 1, f"{selector!r} found {len(found)} nodes"
        return found[0]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.open = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {name: value or "" for name, value in attrs}, self.open)
        self.open.children.append(node)
        if tag not in VOID:
            self.open = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open.children.append(Node(tag, {name: value or "" for name, value in attrs}, self.open))

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.open
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.open = node.parent

    def handle_data(self, data: str) -> None:
        self.open.children.append(data)


def parse(html: str) -> Node:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


Step = tuple[str, list[re.Match[str]]]
"""A compound selector and the combinator before it (`" "`, `">"`, or `""` for the first)."""


def _parse(selector: str) -> list[Step]:
    steps: list[Step] = []
    combinator = ""
    for token in re.findall(r'>|(?:[^\s>"\[]|\[[^\]]*\])+', selector):
        if token == ">":
            combinator = ">"
            continue
        parts = [m for m in COMPOUND.finditer(token) if m.group(0)]
        assert "".join(m.group(0) for m in parts) == token, f"unsupported selector {token!r}"
        steps.append((combinator or (" " if steps else ""), parts))
        combinator = ""
    return steps


def _compound(node: Node, parts: list[re.Match[str]]) -> bool:
    for part in parts:
        if part["tag"] and part["tag"] != "*" and node.tag != part["tag"].lower():
            return False
        if part["id"] and node.get("id") != part["id"]:
            return False
        if part["cls"] and part["cls"] not in node.classes:
            return False
        if part["attr"]:
            value = node.get(part["attr"])
            if value is None or (part["op"] == "=" and value != part["value"]):
                return False
            if part["op"] == "^=" and not value.startswith(part["value"]):
                return False
    return True


def _matches(node: Node | None, steps: list[Step], at: int) -> bool:
    if node is None or not _compound(node, steps[at][1]):
        return False
    if at == 0:
        return True
    combinator = steps[at][0]
    parent = node.parent
    if combinator == ">":
        return _matches(parent, steps, at - 1)
    while parent is not None:
        if _matches(parent, steps, at - 1):
            return True
        parent = parent.parent
    return False
