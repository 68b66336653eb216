"""One module per screen, each with `async def show(match, state) -> Screen`, imported on first use."""
