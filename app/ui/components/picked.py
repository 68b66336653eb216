"""A picture the user picked in a file input, read in the browser and checked before it is sent."""

from app.openwhyd import account_forms
from app.openwhyd.account_forms import FieldProblem
from app.ui.core.ports import Files


async def picked_file(files: Files, input_id: str) -> tuple[str, bytes] | None:
    """The file chosen in `input_id`: its name and bytes, None for none. One too large to be a
    picture Openwhyd takes is refused without being read."""
    picked = await files.picked(input_id, account_forms.MAX_PICTURE_BYTES)
    if picked is None:
        raise FieldProblem("file", account_forms.TOO_LARGE)
    return next(iter(picked.items()), None)


async def picked_picture(files: Files, input_id: str) -> tuple[str, bytes, str]:
    """The picked file's name, bytes and media type; FieldProblem when there is none or it is no
    picture Openwhyd takes."""
    name, content = await picked_file(files, input_id) or ("", b"")
    return name, content, account_forms.picture_type("file", content)
