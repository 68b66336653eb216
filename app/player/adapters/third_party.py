"""The adapters of the third-party sources, for `Sources`: each module is imported, and its
player's script loaded, only when a track of that source first plays."""

from collections.abc import Callable

from app.config import AppConfig
from app.openwhyd.client import OpenwhydClient
from app.openwhyd.eid import BANDCAMP, DAILYMOTION, DEEZER, SOUNDCLOUD, VIMEO, YOUTUBE
from app.player.adapter import Adapter, TrackItem
from app.player.controller import SetTimer

Clock = Callable[[], float]


def third_party_sources(
    clock: Clock,
    set_timer: SetTimer,
    openwhyd: OpenwhydClient,
    config: AppConfig,
    audio: Callable[[], Adapter[TrackItem]],
) -> dict[str, Callable[[], Adapter[TrackItem]]]:
    """`audio` is the audio-file player, which plays the stream Openwhyd finds for a Bandcamp track."""

    def youtube() -> Adapter[TrackItem]:
        from app.player.adapters.youtube import YoutubeAdapter

        return YoutubeAdapter(clock, set_timer)

    def soundcloud() -> Adapter[TrackItem]:
        from app.player.adapters.soundcloud import SoundcloudAdapter

        return SoundcloudAdapter(clock)

    def vimeo() -> Adapter[TrackItem]:
        from app.player.adapters.vimeo import VimeoAdapter

        return VimeoAdapter(clock)

    def dailymotion() -> Adapter[TrackItem]:
        from app.player.adapters.dailymotion import DailymotionAdapter

        return DailymotionAdapter(clock, config.dailymotion_player)

    def deezer() -> Adapter[TrackItem]:
        from app.player.adapters.deezer import DeezerAdapter

        return DeezerAdapter(clock, config.deezer_app)

    def bandcamp() -> Adapter[TrackItem]:
        from app.player.adapters.bandcamp import BandcampAdapter

        return BandcampAdapter(openwhyd.bandcamp_stream, audio())

    return {
        YOUTUBE: youtube,
        SOUNDCLOUD: soundcloud,
        VIMEO: vimeo,
        DAILYMOTION: dailymotion,
        DEEZER: deezer,
        BANDCAMP: bandcamp,
    }
