// A fake SoundCloud Widget API (https://w.soundcloud.com/player/api.js): `SC.Widget(iframe)` on the
// widget iframe the adapter made (whose address the tests also fulfil), and `load(url, options)`,
// which keeps the listeners bound, says READY again and calls `options.callback`. A track whose URL
// is in `fakes.soundcloud.failures` fires ERROR when asked to play.
const soundcloud = fakeVendor("soundcloud");

const Events = {
  LOAD_PROGRESS: "loadProgress", PLAY_PROGRESS: "playProgress", PLAY: "play", PAUSE: "pause",
  FINISH: "finish", SEEK: "seek", READY: "ready", OPEN_SHARE_PANEL: "sharePanelOpened",
  CLICK_DOWNLOAD: "downloadClicked", CLICK_BUY: "buyClicked", ERROR: "error",
};

function Widget(iframe) {
  const frame = typeof iframe === "string" ? document.getElementById(iframe) : iframe;
  const handlers = {};
  const emit = (name, data) => handlers[name] && handlers[name](data);
  let url = null;
  let media = null;
  const cue = (address, then) => {
    url = address;
    soundcloud.told.push(`load ${url}`);
    if (media) media.destroy();
    media = new FakePlayback(soundcloud.seconds, {
      playing: () => emit(Events.PLAY),
      paused: () => emit(Events.PAUSE),
      time: (position) => emit(Events.PLAY_PROGRESS, {
        currentPosition: position * 1000, relativePosition: position / media.seconds, loadProgress: 1,
      }),
      ended: () => emit(Events.FINISH),
    }, () => frame.isConnected);
    setTimeout(() => { emit(Events.READY); if (then) then(); }, 50);
  };
  soundcloud.made += 1;
  cue(new URL(frame.src).searchParams.get("url"));
  return {
    bind(name, handler) { handlers[name] = handler; },
    unbind(name) { delete handlers[name]; },
    load(address, options = {}) { cue(address, options.callback); },
    play() {
      soundcloud.told.push("play");
      if (soundcloud.failures[url]) setTimeout(() => emit(Events.ERROR), 50);
      else media.play();
    },
    pause() { soundcloud.told.push("pause"); media.pause(); },
    seekTo(milliseconds) { soundcloud.told.push(`seek ${Math.round(milliseconds / 1000)}`); media.seek(milliseconds / 1000); },
    setVolume(volume) { soundcloud.told.push(`volume ${volume}`); },
    getDuration(callback) { callback(media.seconds * 1000); },
    getPosition(callback) { callback(media.position * 1000); },
    isPaused(callback) { callback(!media.playing); },
  };
}
Widget.Events = Events;
window.SC = { Widget };
