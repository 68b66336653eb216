"""Small WAV files synthesised with the standard library, so demo tracks play with no network."""

import io
import math
import wave
from array import array

RATE = 16000
NOTES = {
    "A3": 220.0,
    "C4": 261.63,
    "E4": 329.63,
    "F4": 349.23,
    "G4": 392.0,
    "A4": 440.0,
    "B4": 493.88,
    "C5": 523.25,
    "D5": 587.33,
}


def _note(freq: float, seconds: float) -> list[float]:
    """A plucked-string-like note: fundamental plus two softer harmonics, decaying."""
    count = int(RATE * seconds)
    step = 2 * math.pi * freq / RATE
    return [
        (math.sin(step * i) + 0.4 * math.sin(2 * step * i) + 0.15 * math.sin(3 * step * i))
        * math.exp(-3.0 * i / count)
        * min(1.0, i / 200)
        for i in range(count)
    ]


def _mix(layers: list[tuple[int, list[float]]], seconds: float) -> list[float]:
    """Sum notes that start at the given sample offsets into one track of `seconds`."""
    track = [0.0] * int(RATE * seconds)
    for start, samples in layers:
        for i, value in enumerate(samples[: len(track) - start]):
            track[start + i] += value
    return track


def _wav(samples: list[float]) -> bytes:
    peak = max(1e-9, max(abs(s) for s in samples))
    pcm = array("h", (int(s / peak * 0.8 * 32767) for s in samples))
    out = io.BytesIO()
    with wave.open(out, "wb") as file:
        file.setnchannels(1)
        file.setsampwidth(2)
        file.setframerate(RATE)
        file.writeframes(pcm.tobytes())
    return out.getvalue()


def chord(names: list[str], seconds: float = 3.5) -> bytes:
    return _wav(_mix([(0, _note(NOTES[n], seconds)) for n in names], seconds))


def arpeggio(names: list[str], beat: float = 0.25, bars: int = 4) -> bytes:
    hits = [names[i % len(names)] for i in range(bars * len(names))]
    length = beat * len(hits) + 1.0
    step = int(RATE * beat)
    return _wav(_mix([(i * step, _note(NOTES[n], 1.0)) for i, n in enumerate(hits)], length))
