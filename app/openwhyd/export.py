"""A track list as a file: Openwhyd's own JSON and links formats, and M3U, XSPF and CSV for
media players and spreadsheets. Pure: tracks in, text out."""

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from app.openwhyd.eid import openwhyd_link, url_from_eid
from app.openwhyd.models import Track

XSPF_NAMESPACE = "http://xspf.org/ns/0/"

# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

# Cell starts a spreadsheet would run as a formula (OWASP "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

CSV_COLUMNS = ("name", "url", "eid", "posted_by", "playlist", "text", "posted_at", "post_id")


def to_json(tracks: Iterable[Track]) -> str:
    """What `/<handle>?format=json` returns: the post documents, compact, UTF-8."""
    return json.dumps([track.to_json() for track in tracks], ensure_ascii=False, separators=(",", ":"))


def to_links(tracks: Iterable[Track]) -> str:
    """What `format=links` returns: one protocol-relative link per line, no final newline."""
    links = (openwhyd_link(track.eid) for track in tracks)
    return "\n".join(link for link in links if link)


def _playable(tracks: Iterable[Track]) -> Iterable[tuple[Track, str]]:
    """Each track with the URL a player opens; tracks without one are left out."""
    for track in tracks:
        url = url_from_eid(track.eid)
        if url:
            yield track, url


def _one_line(text: str) -> str:
    return " ".join(text.split())


def to_m3u(tracks: Iterable[Track]) -> str:
    """An extended M3U playlist (UTF-8, so `.m3u8`)."""
    lines = ["#EXTM3U"]
    for track, url in _playable(tracks):
        lines += [f"#EXTINF:-1,{_one_line(track.name)}", url]
    return "\n".join(lines) + "\n"


def _xml_text(text: str) -> str:
    """Text an XML parser gives back unchanged: no forbidden characters, `\\n` line ends."""
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def to_xspf(tracks: Iterable[Track], title: str = "") -> str:
    """An XSPF playlist; every text is escaped by the XML writer."""
    playlist = ET.Element("playlist", version="1", xmlns=XSPF_NAMESPACE)
    if title:
        ET.SubElement(playlist, "title").text = _xml_text(title)
    track_list = ET.SubElement(playlist, "trackList")
    for track, url in _playable(tracks):
        element = ET.SubElement(track_list, "track")
        fields = {"location": url, "title": track.name, "annotation": track.text, "image": track.image}
        for tag, value in fields.items():
            if value:
                ET.SubElement(element, tag).text = _xml_text(value)
    ET.indent(playlist)
    return ET.tostring(playlist, encoding="unicode", xml_declaration=True) + "\n"


def _cell(text: str) -> str:
    """Free text made inert for spreadsheets: a formula-like start gets a leading quote."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def to_csv(tracks: Iterable[Track]) -> str:
    """A CSV table with a header row (RFC 4180: CRLF line ends, quoted where needed)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for track in tracks:
        posted_at = track.posted_at
        writer.writerow(
            (
                _cell(track.name),
                url_from_eid(track.eid) or "",
                track.eid,
                _cell(track.user_name),
                _cell(track.playlist.name if track.playlist else ""),
                _cell(track.text),
                posted_at.isoformat() if posted_at else "",
                track.id,
            )
        )
    return out.getvalue()


@dataclass(frozen=True)
class ExportFormat:
    """One way to save a track list, with what a download of it needs."""

    name: str
    extension: str
    media_type: str
    render: Callable[[Iterable[Track]], str]


FORMATS = {
    export.name: export
    for export in (
        ExportFormat("JSON", ".json", "application/json", to_json),
        ExportFormat("Links", ".txt", "text/plain", to_links),
        ExportFormat("M3U", ".m3u8", "audio/x-mpegurl", to_m3u),
        ExportFormat("XSPF", ".xspf", "application/xspf+xml", to_xspf),
        ExportFormat("CSV", ".csv", "text/csv", to_csv),
    )
}
