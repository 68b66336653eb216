"""A picture the user picked in a file input, read in the browser and checked before it is sent."""

from app.openwhyd import account_forms
from app.openwhyd.account_forms import FieldProblem


async def picked_file(input_id: str) -> tuple[str, bytes] | None:
    """The file chosen in `input_id`: its name and bytes, None for none. One too large to be a
    picture Openwhyd takes is refused without being read."""
    from app.ui import browser  # the DOM edge, Pyodide only

    files = await browser.read_files(input_id, account_forms.MAX_PICTURE_BYTES)
    if files is None:
        raise FieldProblem("file", account_forms.TOO_LARGE)
    return next(iter(files.items()), None)


async def picked_picture(input_id: str) -> tuple[str, bytes, str]:
    """The picked file's name, bytes and media type; FieldProblem when there is none or it is no
    picture Openwhyd takes."""
    name, content = await picked_file(input_id) or ("", b"")
    return name, content, account_forms.picture_type("file", content)
