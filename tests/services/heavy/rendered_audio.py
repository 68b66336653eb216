"""What a host rendered, measured: 16-bit WAV files read with the stdlib, loudness and pitch."""

import array
import wave
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Tone:
    peak: float
    hz: float


def measure(samples: list[float], rate: int) -> Tone:
    """Peak level, and pitch from the rising zero crossings (the tests' patches play sines)."""
    rising = [i for i in range(1, len(samples)) if samples[i - 1] < 0 <= samples[i]]
    periods = len(rising) - 1
    hz = rate * periods / (rising[-1] - rising[0]) if periods > 0 else 0.0
    return Tone(max(abs(s) for s in samples), hz)


def wav_channels(path: Path) -> tuple[list[list[float]], int]:
    """Each channel's samples in [-1, 1), and the sample rate."""
    with wave.open(str(path)) as wav:
        assert wav.getsampwidth() == 2, "a 16-bit WAV"
        count, rate = wav.getnchannels(), wav.getframerate()
        frames = array.array("h", wav.readframes(wav.getnframes()))
    return [[s / 32768 for s in frames[c::count]] for c in range(count)], rate
