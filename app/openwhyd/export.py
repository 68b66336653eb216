"""A track list as a file: Openwhyd's own JSON and links formats, and M3U, XSPF and CSV for
media players and spreadsheets. Pure: tracks in, text out.

The links format is Openwhyd's byte for byte (`openwhyd_link`). The others give each track the URL
a media player such as VLC opens: the track's https page, or the audio file itself, made absolute
against the service's address where Openwhyd keeps it relative to its own root."""

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urljoin

from app.openwhyd.eid import openwhyd_link, url_from_eid
from app.openwhyd.models import Track

XSPF_NAMESPACE = "http://xspf.org/ns/0/"

# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

# Cell starts a spreadsheet would run as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

CSV_COLUMNS = ("name", "url", "eid", "posted_by", "playlist", "text", "posted_at", "post_id")


@dataclass(frozen=True)
class ListInfo:
    """What a file says besides its tracks: the list's title, and the service's address
    (absolute), against which root-relative audio file URLs are resolved."""

    title: str = ""
    service_url: str = ""


def track_location(eid: str, service_url: str = "") -> str | None:
    """The absolute URL a media player opens for an eId, or None when it names nothing playable."""
    url = url_from_eid(eid)
    if url and not url.startswith(("https://", "http://")) and service_url:
        return urljoin(service_url, url)
    return url


def to_json(tracks: Iterable[Track], about: ListInfo = ListInfo()) -> str:
    """What `/<handle>?format=json` returns: the post documents, compact, UTF-8."""
    return json.dumps([track.to_json() for track in tracks], ensure_ascii=False, separators=(",", ":"))


def to_links(tracks: Iterable[Track], about: ListInfo = ListInfo()) -> str:
    """What `format=links` returns: one link per line as `openwhyd_link` writes it (an empty line
    for a post without eId), no final newline."""
    return "\n".join(openwhyd_link(track.eid) for track in tracks)


def _playable(tracks: Iterable[Track], about: ListInfo) -> Iterable[tuple[Track, str]]:
    """Each track with the URL a player opens; tracks without one are left out."""
    for track in tracks:
        url = track_location(track.eid, about.service_url)
        if url:
            yield track, url


def _one_line(text: str) -> str:
    return " ".join(text.split())


def to_m3u(tracks: Iterable[Track], about: ListInfo = ListInfo()) -> str:
    """An extended M3U playlist (UTF-8, so `.m3u8`), titled with `#PLAYLIST`."""
    lines = ["#EXTM3U"]
    if about.title:
        lines.append(f"#PLAYLIST:{_one_line(about.title)}")
    for track, url in _playable(tracks, about):
        lines += [f"#EXTINF:-1,{_one_line(track.name)}", url]
    return "\n".join(lines) + "\n"


def _xml_text(text: str) -> str:
    """Text an XML parser gives back unchanged: no forbidden characters, `\\n` line ends."""
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def to_xspf(tracks: Iterable[Track], about: ListInfo = ListInfo()) -> str:
    """An XSPF playlist with the list's title; every text is escaped by the XML writer."""
    playlist = ET.Element("playlist", version="1", xmlns=XSPF_NAMESPACE)
    if about.title:
        ET.SubElement(playlist, "title").text = _xml_text(about.title)
    track_list = ET.SubElement(playlist, "trackList")
    for track, url in _playable(tracks, about):
        element = ET.SubElement(track_list, "track")
        fields = {"location": url, "title": track.name, "annotation": track.text, "image": track.image}
        for tag, value in fields.items():
            if value:
                ET.SubElement(element, tag).text = _xml_text(value)
    ET.indent(playlist)
    return ET.tostring(playlist, encoding="unicode", xml_declaration=True) + "\n"


def _cell(text: str) -> str:
    """Free text made inert for spreadsheets: a formula-like start gets a leading quote."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(tracks: Iterable[Track], about: ListInfo = ListInfo()) -> str:
    """A CSV table with a header row (RFC 4180: CRLF line ends, quoted where needed)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for track in tracks:
        posted_at = track.posted_at
        writer.writerow(
            (
                _cell(track.name),
                track_location(track.eid, about.service_url) or "",
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
    render: Callable[[Iterable[Track], ListInfo], str]


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
