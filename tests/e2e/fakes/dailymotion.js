// A fake Dailymotion Player Embed Script (geo.dailymotion.com/libs/player/<id>.js):
// `dailymotion.createPlayer(elementId, {video})` answers a promise of a player with `on`/`off`,
// `loadContent({video})` and the playback methods; it calls the `onScriptLoaded` set before it
// loaded. A video whose id is in `fakes.dailymotion.failures` reports that `playerError` code
// (e.g. "DM007") when asked to play.
const dm = fakeVendor("dailymotion");

const events = {
  VIDEO_PLAY: "video_play", VIDEO_PLAYING: "video_playing", VIDEO_PAUSE: "video_pause",
  VIDEO_END: "video_end", VIDEO_TIMECHANGE: "video_timechange", VIDEO_DURATIONCHANGE: "video_durationchange",
  PLAYER_ERROR: "player_error",
};

function createPlayer(elementId, config) {
  return new Promise((resolve, reject) => {
    const target = document.getElementById(elementId);
    if (!target) return reject(new Error(`no element #${elementId}`));
    dm.made += 1;
    const frame = fakeFrame("Dailymotion", `https://geo.dailymotion.com/player/fake.html?video=${config.video}`);
    target.replaceChildren(frame);
    const handlers = {};
    let video = null;
    let media = null;
    const state = (extra) => Object.assign({
      videoId: video, videoTime: media.position, videoDuration: media.seconds,
      playerIsPlaying: media.playing, playerError: null,
    }, extra);
    const emit = (name, extra) => (handlers[name] || []).slice().forEach((callback) => callback(state(extra)));
    const cue = (id) => {
      video = id;
      dm.told.push(`load ${video}`);
      if (media) media.destroy();
      media = new FakePlayback(dm.seconds, {
        playing: () => { emit(events.VIDEO_PLAY); emit(events.VIDEO_PLAYING); },
        paused: () => emit(events.VIDEO_PAUSE),
        time: () => emit(events.VIDEO_TIMECHANGE),
        ended: () => emit(events.VIDEO_END),
      }, () => frame.isConnected);
    };
    cue(config.video);
    const player = {
      on(name, callback) { (handlers[name] = handlers[name] || []).push(callback); },
      off(name, callback) { handlers[name] = (handlers[name] || []).filter((c) => callback && c !== callback); },
      loadContent(content) { cue(content.video); },
      play() {
        dm.told.push("play");
        const code = dm.failures[video];
        if (code) setTimeout(() => emit(events.PLAYER_ERROR, { playerError: { code, title: "Fake error", message: `fake ${code}` } }), 50);
        else media.play();
      },
      pause() { dm.told.push("pause"); media.pause(); },
      seek(seconds) { dm.told.push(`seek ${Math.round(seconds)}`); media.seek(seconds); },
      setVolume(volume) { dm.told.push(`volume ${Math.round(volume * 100)}`); },
      setMute(muted) { dm.told.push(muted ? "mute" : "unmute"); },
      getState() { return Promise.resolve(state()); },
    };
    setTimeout(() => resolve(player), 50);
  });
}

const pending = window.dailymotion;
window.dailymotion = { createPlayer, events };
if (pending && pending.onScriptLoaded) setTimeout(() => pending.onScriptLoaded(), 0);
