"""Track lists people bring, read into entries: M3U/M3U8, XSPF, CSV with a header row, Openwhyd's
JSON (what `format=json` and our export write) and plain links, one per line (Openwhyd's
`format=links`, or a pasted list). Only the format is read here: where each track is, the title the
file gives it, and where in the file it was; import_plan.py decides what can be played."""

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from xml.parsers import expat

from app.json_values import as_text
from app.openwhyd.export import FORMULA_STARTS, XSPF_NAMESPACE

M3U, XSPF, CSV, JSON, LINKS = "M3U", "XSPF", "CSV", "JSON", "links"

EXTENSIONS = {".m3u": M3U, ".m3u8": M3U, ".xspf": XSPF, ".csv": CSV, ".json": JSON}
"""Other files (`.txt`, a pasted list) are read as their first characters tell."""

LINK_COLUMNS = ("url", "location", "link", "uri", "track url", "trackurl")
TITLE_COLUMNS = ("name", "title", "track", "track name")
ARTIST_COLUMNS = ("artist", "creator", "artist name")
EID_COLUMNS = ("eid",)
"""The CSV header names each column is known by (compared in lower case)."""


@dataclass(frozen=True)
class Entry:
    """One track as the file gives it: `link` (a URL as written), the `title` the file gives, an
    `eid` when the file states one (Openwhyd's JSON, our CSV), and `place`, where it is in the file
    ("line 12", or "track 3" in a JSON file, which Openwhyd writes on one line). `problem`: why the file's
    format holds no track here (a JSON item that is no post)."""

    place: str
    link: str = ""
    title: str = ""
    eid: str = ""
    problem: str = ""


@dataclass(frozen=True)
class Listing:
    """What a file holds: its entries in order, its format, and the list's own title if it has one
    (XSPF `<title>`, M3U `#PLAYLIST:`)."""

    format: str
    entries: tuple[Entry, ...]
    title: str = ""


class UnreadableList(ValueError):
    """The file is not in the format it claims, or in none this module reads."""


def decode(content: bytes) -> str:
    """Text from a file's bytes: UTF-8 (a byte order mark dropped), else Windows-1252, which older
    M3U files are written in and which maps nearly every byte."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def sniffed_format(text: str) -> str:
    """The format a text's first characters tell."""
    start = text.lstrip()[:64].lower()
    if start.startswith("<"):
        return XSPF
    if start.startswith(("[", "{")):
        return JSON
    if start.startswith("#extm3u"):
        return M3U
    return LINKS


def file_format(name: str, text: str) -> str:
    """The format a file's extension names, else the one its content tells."""
    extension = name[name.rfind(".") :].lower() if "." in name else ""
    return EXTENSIONS.get(extension) or sniffed_format(text)


def read_list(name: str, content: bytes) -> Listing:
    """The entries of a file called `name` ("" for a pasted list)."""
    text = decode(content)
    return READERS[file_format(name, text)](text)


def _line(text: str) -> str:
    return " ".join(text.split())


def read_links(text: str) -> Listing:
    """One link per line; blank lines are left out."""
    entries = (Entry(f"line {n}", line.strip()) for n, line in enumerate(text.splitlines(), 1))
    return Listing(LINKS, tuple(entry for entry in entries if entry.link))


def _extinf_title(directive: str) -> str:
    """The title of `#EXTINF:<length> <attributes>,<title>`: what follows the first comma outside
    the attributes' quotes."""
    quoted = False
    for i, char in enumerate(directive):
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            return _line(directive[i + 1 :])
    return ""


def read_m3u(text: str) -> Listing:
    """An (extended) M3U playlist: a location per line, titled by the `#EXTINF` before it."""
    entries, title, playlist = [], "", ""
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        upper = line.upper()
        if upper.startswith("#EXTINF:"):
            title = _extinf_title(line[len("#EXTINF:") :])
        elif upper.startswith("#PLAYLIST:"):
            playlist = _line(line[len("#PLAYLIST:") :])
        elif line and not line.startswith("#"):
            entries.append(Entry(f"line {n}", line, title))
            title = ""
    return Listing(M3U, tuple(entries), playlist)


class _XspfReader:
    """Reads an XSPF playlist with expat, which tells each `<track>`'s line. Document type
    declarations are refused, so no entity can expand."""

    TRACK_FIELDS = ("location", "title", "creator")

    def __init__(self) -> None:
        self.parser = expat.ParserCreate(namespace_separator=" ")
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.parser.CharacterDataHandler = self.characters
        self.parser.StartDoctypeDeclHandler = self.doctype
        self.path: list[str] = []
        self.text: list[str] = []
        self.track: dict[str, str] | None = None
        self.track_line = 0
        self.entries: list[Entry] = []
        self.title = ""

    @staticmethod
    def local(name: str) -> str:
        namespace, _, local = name.rpartition(" ")
        return local if namespace in ("", XSPF_NAMESPACE) else ""

    def doctype(self, *_: object) -> None:
        raise UnreadableList(f"Line {self.parser.CurrentLineNumber}: an XSPF file has no DOCTYPE.")

    def start(self, name: str, _: dict) -> None:
        local = self.local(name)
        if not self.path and local != "playlist":
            raise UnreadableList("This file is XML, but no XSPF playlist: it does not start with <playlist>.")
        self.path.append(local)
        self.text = []
        if self.path == ["playlist", "trackList", "track"]:
            self.track, self.track_line = {}, self.parser.CurrentLineNumber

    def characters(self, data: str) -> None:
        self.text.append(data)

    def end(self, _: str) -> None:
        local = self.path.pop()
        value = "".join(self.text).strip()
        self.text = []
        if self.path == ["playlist"] and local == "title":
            self.title = _line(value)
        elif self.track is not None and len(self.path) == 3 and local in self.TRACK_FIELDS:
            self.track.setdefault(local, value)
        elif self.track is not None and self.path == ["playlist", "trackList"]:
            title, creator = _line(self.track.get("title", "")), _line(self.track.get("creator", ""))
            name = f"{creator} - {title}" if creator and title else title or creator
            self.entries.append(Entry(f"line {self.track_line}", self.track.get("location", ""), name))
            self.track = None

    def read(self, text: str) -> Listing:
        try:
            self.parser.Parse(text, True)
        except expat.ExpatError as error:
            raise UnreadableList(f"Line {error.lineno}: this XSPF file is not well-formed XML.") from None
        return Listing(XSPF, tuple(self.entries), self.title)


def read_xspf(text: str) -> Listing:
    """An XSPF playlist: each track's first `<location>`, its title (after its creator, if
    any), and the playlist's title."""
    return _XspfReader().read(text)


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    cleaned = [name.strip().lower() for name in header]
    return next((cleaned.index(name) for name in names if name in cleaned), None)


def _cell_text(text: str) -> str:
    """A cell as written before our export made it inert (`'=…` back to `=…`)."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def read_csv(text: str) -> Listing:
    """A table whose header row names a column of links (url, location, link…) or of eIds, and
    maybe of titles and artists; the separator is the one the header row uses most of , ; and tab."""
    first = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text), delimiter=max(",;\t", key=first.count), strict=True)
    start = 1
    try:
        header = next(reader, [])
        start = reader.line_num + 1
        columns = _csv_columns(header)
        entries = []
        for row in reader:
            if any(value.strip() for value in row):
                entries.append(_csv_entry(f"line {start}", row, *columns))
            start = reader.line_num + 1
    except csv.Error as error:
        raise UnreadableList(f"Line {start}: this CSV file is malformed ({error}).") from None
    return Listing(CSV, tuple(entries))


Column = int | None


def _csv_columns(header: list[str]) -> tuple[Column, Column, Column, Column]:
    """Where the link, eId, title and artist are."""
    link, eid = _column(header, LINK_COLUMNS), _column(header, EID_COLUMNS)
    if link is None and eid is None:
        raise UnreadableList(
            "This CSV file's first row names no column of links: name one url, location or link."
        )
    return link, eid, _column(header, TITLE_COLUMNS), _column(header, ARTIST_COLUMNS)


def _csv_entry(place: str, row: list[str], link: Column, eid: Column, title: Column, artist: Column) -> Entry:
    def cell(column: Column) -> str:
        return _cell_text(row[column].strip()) if column is not None and column < len(row) else ""

    name, by = _line(cell(title)), _line(cell(artist))
    return Entry(place, cell(link), f"{by} - {name}" if by and name else name or by, cell(eid))


def _json_items(text: str) -> list[object]:
    """The items of a JSON array, or of the `tracks` array of an object (`/hot?format=json`)."""
    try:
        whole = json.loads(text)
    except json.JSONDecodeError as error:
        raise UnreadableList(f"Line {error.lineno}: this is not JSON ({error.msg}).") from None
    if isinstance(whole, dict) and isinstance(whole.get("tracks"), list):
        return whole["tracks"]
    if not isinstance(whole, list):
        raise UnreadableList("This JSON file holds no list of tracks.")
    return whole


def _post_entry(place: str, item: object) -> Entry:
    """A post's eId and name; its `trackUrl` (hot tracks) or source page where it has no eId."""
    if not isinstance(item, dict):
        return Entry(place, problem="not a track: Openwhyd writes each track as an object")
    source = item.get("src")
    link = as_text(item.get("trackUrl")) or (as_text(source.get("id")) if isinstance(source, dict) else "")
    return Entry(place, link, _line(as_text(item.get("name"))), as_text(item.get("eId")))


def read_json(text: str) -> Listing:
    """Openwhyd's posts (`format=json`, our export): each post's `eId` and `name`. Openwhyd writes
    them all on one line, so a post's place is its number in the list."""
    items = _json_items(text)
    return Listing(JSON, tuple(_post_entry(f"track {n}", item) for n, item in enumerate(items, 1)))


READERS: dict[str, Callable[[str], Listing]] = {
    M3U: read_m3u,
    XSPF: read_xspf,
    CSV: read_csv,
    JSON: read_json,
    LINKS: read_links,
}
