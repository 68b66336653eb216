"""The page's entry point (`index.html` awaits `main()`): the composition root does the rest."""

from app.compose import boot


async def main() -> None:
    await boot()
