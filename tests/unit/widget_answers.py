"""What the widget's pure modules answer for a table of inputs, in plain JSON values. It runs under
CPython and, copied into its file system, under MicroPython: the two must agree (no typing here)."""

from app.player.patch_controls import control_for, shown, value_for
from app.player.time_format import clock
from app.widget.settings import Settings
from app.widget.sources import SourceError
from app.widget.tracks import ListError, heading, next_playable, tracks_from
from app.widget.urls import on_server, quote, under_base

API = "http://127.0.0.1:8000/openwhyd"


def settings_answer(params):
    try:
        settings = Settings(params)
    except SourceError as error:
        return ["refused", str(error)]
    source = settings.source
    urls = (
        [source.info_url(API), source.build_url(API)]
        if source.kind == "patch"
        else [source.data_url(API, "cb"), source.uses_jsonp]
    )
    return [
        source.kind,
        urls,
        source.app_location(),
        source.fallback_title(),
        settings.theme,
        settings.autoplay,
        settings.api,
    ]


def list_answer(params, reply):
    source = Settings(params).source
    try:
        tracks = tracks_from(reply, API)
    except ListError as error:
        return ["refused", str(error)]
    rows = [[t.pid, t.name, t.by, t.image, t.stream, t.link, t.playlist] for t in tracks]
    order = [next_playable(tracks, index, step) for index in range(-1, len(tracks) + 1) for step in (1, -1)]
    return [rows, list(heading(source, tracks)), order]


def control_answer(param, typed):
    """The control the widget and the player bar make for a parameter, and what it sends."""
    control = control_for(*param)
    values = [value_for(control, text) for text in typed]
    return [control.kind, control.step, [None if v is None else shown(v) for v in values]]


def answers(cases):
    return {
        "settings": [settings_answer(params) for params in cases["settings"]],
        "lists": [list_answer(params, reply) for params, reply in cases["lists"]],
        "quote": [quote(text) for text in cases["texts"]],
        "paths": [[on_server(API, text), under_base(API, text)] for text in cases["texts"]],
        "clock": [clock(seconds, total) for seconds, total in cases["clock"]],
        "controls": [control_answer(param, cases["typed"]) for param in cases["params"]],
    }
