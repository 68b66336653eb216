"""The player: what plays in which order, when a track counts as failed, what gets logged, and the
keys that drive it. The modules here are pure (times are passed in), so CPython tests cover them."""
