"""Plays a list's playable tracks in one <audio> element (browser only): play/pause, previous/next,
seek, and on to the next playable track when one ends or fails."""

import math

from app.player.time_format import clock
from app.widget import page
from app.widget.tracks import Track, next_playable


class Player:
    def __init__(self, tracks: list[Track]) -> None:
        self.tracks = tracks
        self.index: int | None = None
        self.audio = page.audio()
        self.seek = page.seek_bar()
        for name, handler in (
            ("play", self._playing),
            ("pause", self._paused),
            ("ended", self._ended),
            ("error", self._failed),
            ("timeupdate", self._moved),
            ("durationchange", self._moved),
        ):
            self.audio.addEventListener(name, handler)
        for name, handler in (("play", self.toggle), ("previous", self.previous), ("next", self.next)):
            page.control(name).addEventListener("click", handler)
        self.seek.addEventListener("input", self._seeked)
        page.control("previous").disabled = page.control("next").disabled = True
        page.control("play").disabled = next_playable(tracks, -1, 1) is None

    def play(self, index: int) -> None:
        """Plays the track at `index`; the widget offers only tracks with a stream to play."""
        track = self.tracks[index]
        if track.stream is None:
            return
        self.index = index
        self.audio.src = track.stream
        page.highlight(index)
        page.set_text("now-playing", track.name)
        page.show_status("")
        page.control("previous").disabled = next_playable(self.tracks, index, -1) is None
        page.control("next").disabled = next_playable(self.tracks, index, 1) is None
        self.resume()

    def resume(self) -> None:
        """Browsers may refuse to start sound the listener did not ask for: then it stays paused."""
        self.audio.play().catch(self._refused)

    def toggle(self, event: object = None) -> None:
        if self.index is None:
            first = next_playable(self.tracks, -1, 1)
            if first is not None:
                self.play(first)
        elif self.audio.paused:
            self.resume()
        else:
            self.audio.pause()

    def previous(self, event: object = None) -> None:
        self._step(-1)

    def next(self, event: object = None) -> None:
        self._step(1)

    def _step(self, step):
        found = next_playable(self.tracks, -1 if self.index is None else self.index, step)
        if found is not None:
            self.play(found)
        return found

    def _refused(self, error):
        """Also when a newer track's load cut this play short: only a real stop shows Play."""
        if self.audio.paused:
            self._paused()

    def _playing(self, event):
        page.show_button("play", "Pause", "pause")

    def _paused(self, event=None):
        page.show_button("play", "Play", "play")

    def _ended(self, event):
        if self._step(1) is None:
            self._paused()

    def _failed(self, event):
        if self.index is None:
            return
        name = self.tracks[self.index].name
        if self._step(1) is None:
            self._paused()
        page.show_status(name + " could not be played.")

    def _moved(self, event):
        elapsed, total = self.audio.currentTime, self.audio.duration
        page.set_text("elapsed", clock(elapsed, total))
        page.set_text("total", clock(total))
        known = math.isfinite(total) and total > 0
        self.seek.disabled = not known
        if known:
            self.seek.max = str(total)
            if not self.seek.matches(":active"):
                self.seek.value = str(elapsed)

    def _seeked(self, event):
        self.audio.currentTime = float(self.seek.value)
