"""The objects of a patch that hvcc cannot convert, found before upload where hvcc would report them."""

from app.patches.hvcc_objects import HVCC_OBJECTS
from app.patches.pd import PdFiles, Placed


def _is_number(name: str) -> bool:
    try:
        float(name)
    except ValueError:
        return False
    return True


def is_supported(placed: Placed) -> bool:
    """hvcc converts subpatches, the patch's own abstractions, its library objects and number boxes
    like [440]; an empty box only earns a warning."""
    return (
        not placed.name
        or placed.node.canvas is not None
        or placed.abstraction is not None
        or placed.name in HVCC_OBJECTS
        or _is_number(placed.name)
    )


def unsupported_objects(files: PdFiles) -> tuple[Placed, ...]:
    """What hvcc will call an unknown object: once per instance, in the order it meets them."""
    return tuple(placed for placed in files.objects() if not is_supported(placed))
