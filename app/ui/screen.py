"""What a view hands back: the document title and the HTML of the main region."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Screen:
    title: str
    html: str
