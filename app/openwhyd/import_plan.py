"""What an import will post, decided before anything is sent: each entry of a file turned into a
track (an eId Openwhyd plays and a name) or set aside with the reason it cannot be played, the list
bounded, and a name for the playlist it makes."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from app.openwhyd.eid import SOUNDCLOUD, eid_from_url, split_eid
from app.openwhyd.import_formats import LINKS, Entry, Listing
from app.openwhyd.track_titles import title_from_link

MAX_TRACKS = 5000
"""The most tracks one import posts: at the service's 90 API calls a minute, about an hour."""

MAX_FILE_BYTES = 8 * 1024 * 1024
"""The largest file read: Openwhyd's JSON of MAX_TRACKS posts with long texts fits."""

SOUNDCLOUD_API = "https://api.soundcloud.com/tracks/"
"""What Openwhyd keeps after `#` in a SoundCloud eId, and writes in its links."""

NOT_A_LINK = "not a link"
LOCAL_FILE = "a file on a computer: Openwhyd plays files that are on the web"
NOT_PLAYABLE = "no track Tonearm can play at this address"


@dataclass(frozen=True)
class PlannedTrack:
    """A track to post: where it was in the file, its eId and its name."""

    place: str
    eid: str
    name: str


@dataclass(frozen=True)
class Skipped:
    """An entry that will not be posted: where it was, what it said, and why."""

    place: str
    text: str
    reason: str


@dataclass(frozen=True)
class ImportPlan:
    """The tracks to post in the file's order, the entries left out, the playlist name the file
    suggests, and the file's format."""

    tracks: tuple[PlannedTrack, ...]
    skipped: tuple[Skipped, ...]
    title: str
    format: str

    @property
    def too_many(self) -> bool:
        return len(self.tracks) > MAX_TRACKS


def _own_file(link: str, service_origin: str) -> str:
    """A URL on the service's own origin as Openwhyd keeps its files: relative to its root (the
    inverse of the export's resolving)."""
    if service_origin and link.startswith(service_origin + "/"):
        return link[len(service_origin) :]
    return link


def _is_local(link: str, listing_format: str) -> bool:
    """A path on the computer the file was made on. Root-relative paths are the service's own files
    in Openwhyd's links, but a media player's paths in its playlists."""
    lowered = link.lower()
    if lowered.startswith("file:") or (len(link) > 2 and link[1:3] in (":\\", ":/")) or link.startswith("\\"):
        return True
    return link.startswith("/") and not link.startswith("//") and listing_format != LINKS


def _with_metadata(eid: str, link: str) -> str:
    """Openwhyd's SoundCloud link carries the track's API URL after `#`; its eId keeps it too."""
    fragment = link.partition("#")[2]
    if eid.startswith(f"/{SOUNDCLOUD}/") and fragment.startswith(SOUNDCLOUD_API):
        return f"{eid}#{fragment}"
    return eid


def name_from_link(eid: str, link: str) -> str:
    """A name for a track the file gives none: what the link says of it (as the add-track form
    suggests), else the link without its scheme."""
    return title_from_link(eid) or (link.split("//", 1)[-1] if "//" in link else link)


def _reason(link: str, listing_format: str) -> str:
    if not link:
        return "no link"
    if _is_local(link, listing_format):
        return LOCAL_FILE
    if " " in link.strip() or "." not in link:
        return NOT_A_LINK
    return NOT_PLAYABLE


def _planned(entry: Entry, listing_format: str, service_origin: str) -> PlannedTrack | Skipped:
    if entry.problem:
        return Skipped(entry.place, entry.link, entry.problem)
    if split_eid(entry.eid):
        return PlannedTrack(entry.place, entry.eid, entry.title or name_from_link(entry.eid, entry.link))
    link = entry.link.strip()
    found = None if _is_local(link, listing_format) else eid_from_url(_own_file(link, service_origin))
    if found is None:
        if entry.eid and not entry.link:
            return Skipped(entry.place, entry.eid, "an eId of no source Tonearm plays")
        return Skipped(entry.place, entry.link, _reason(link, listing_format))
    eid = _with_metadata(found, link)
    return PlannedTrack(entry.place, eid, entry.title or name_from_link(eid, link))


def origin(url: str) -> str:
    """`scheme://host[:port]` of an absolute URL, "" for a relative one."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def plan_import(listing: Listing, service_url: str, fallback_title: str = "") -> ImportPlan:
    """The plan for `listing`. `service_url`: the service's absolute address, whose audio files
    come back relative to its root as Openwhyd keeps them; `fallback_title`: the playlist's name
    when the file has no title (its file name, say)."""
    tracks: list[PlannedTrack] = []
    skipped: list[Skipped] = []
    service_origin = origin(service_url)
    for entry in listing.entries:
        planned = _planned(entry, listing.format, service_origin)
        if isinstance(planned, PlannedTrack):
            tracks.append(planned)
        else:
            skipped.append(planned)
    title = listing.title or fallback_title or "Imported tracks"
    return ImportPlan(tuple(tracks), tuple(skipped), title, listing.format)


def title_from_file_name(name: str) -> str:
    """A file's name without its folder and extension, as a playlist name."""
    stem = name.replace("\\", "/").rsplit("/", 1)[-1]
    return " ".join((stem.rsplit(".", 1)[0] if "." in stem else stem).split())
