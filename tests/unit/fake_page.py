"""A page for the UI controller's tests: it records what the app asks of a real page."""


class FakePage:
    def __init__(self) -> None:
        self.regions: dict[str, str] = {}
        self.title = ""
        self.focused: list[str] = []
        self.errors: list[str] = []
        self.locations: list[str] = []
        self.texts: dict[str, str] = {}
        self.highlighted = ""
        self.dialog = ""
        self.now_playing: tuple[dict[str, str] | None, bool] | None = None

    def set_html(self, region: str, markup: str) -> None:
        self.regions[region] = markup

    def set_title(self, title: str) -> None:
        self.title = title

    def focus(self, region: str) -> None:
        self.focused.append(region)

    def go(self, location_hash: str) -> None:
        self.locations.append(location_hash)

    def set_text(self, element_id: str, text: str) -> None:
        self.texts[element_id] = text

    def set_value(self, element_id: str, value: str) -> None:
        self.texts[element_id] = value

    def highlight(self, track_id: str) -> None:
        self.highlighted = track_id

    def open_dialog(self, dialog_id: str) -> None:
        self.dialog = dialog_id

    def show_now_playing(self, metadata: dict[str, str] | None, playing: bool) -> None:
        self.now_playing = (metadata, playing)

    def log_error(self, text: str) -> None:
        self.errors.append(text)
