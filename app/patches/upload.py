"""Files picked for a new version, checked, zipped and read before anything is sent, so a refusal
or a problem hvcc would report shows at once, beside the preview of the patch."""

from collections.abc import Mapping
from dataclasses import dataclass

from app.patches.bundle import PatchBundle, build_bundle, files_from_zip
from app.patches.params import Param, patch_params
from app.patches.pd import ParseError, Placed, read_files
from app.patches.support import unsupported_objects
from app.patches.svg import draw_patch


@dataclass(frozen=True)
class Upload:
    bundle: PatchBundle
    drawing: str = ""  # the main patch as SVG; empty when the files could not be read
    params: tuple[Param, ...] = ()
    unsupported: tuple[Placed, ...] = ()
    problem: str | None = None  # why the files could not be read (hvcc will say it too)


def picked_files(picked: Mapping[str, bytes]) -> dict[str, bytes]:
    """What was picked, with a lone `.zip` opened: a zip is one way to hand over a patch."""
    if len(picked) == 1:
        ((path, content),) = picked.items()
        if path.lower().endswith(".zip"):
            return files_from_zip(content)
    return dict(picked)


def prepare_upload(picked: Mapping[str, bytes]) -> Upload:
    """The upload for `picked` (path → content); BundleError with the user's message when the
    files cannot make one (no `_main.pd`, more than 1 MiB zipped, a path outside the folder)."""
    bundle = build_bundle(picked_files(picked))
    try:
        files = read_files(files_from_zip(bundle.archive))  # the paths hvcc will see
    except ParseError as error:
        return Upload(bundle, problem=str(error))
    unsupported = unsupported_objects(files)
    return Upload(bundle, draw_patch(files, unsupported), patch_params(files), unsupported)
