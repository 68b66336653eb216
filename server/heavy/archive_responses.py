"""Target archives from the files store as answers: sent from disk where the store is a folder here,
else streamed from the store, so a big archive is never held whole in memory."""

import io
import zipfile

from starlette.responses import FileResponse, Response, StreamingResponse

from server.heavy.files import Files, OnDisk

ZIP = "application/zip"


def download(files: Files, key: str, filename: str) -> Response:
    """The archive at `key` as an attachment named `filename` (ASCII, no quotes); raises
    `FileNotFoundError` when the store holds nothing there."""
    if isinstance(files, OnDisk):
        path = files.path(key)
        if not path.is_file():
            raise FileNotFoundError(key)
        return FileResponse(path, media_type=ZIP, filename=filename)
    disposition = f'attachment; filename="{filename}"'
    return StreamingResponse(files.chunks(key), media_type=ZIP, headers={"Content-Disposition": disposition})


def member(files: Files, key: str, name: str) -> bytes | None:
    """One file of the archive at `key`, or None when the archive has no file `name`. Archives
    that are read this way (web builds) are small: another store's copy is read whole."""
    source = files.path(key) if isinstance(files, OnDisk) else io.BytesIO(files.get(key))
    with zipfile.ZipFile(source) as archive:
        if name not in archive.namelist():
            return None
        return archive.read(name)
