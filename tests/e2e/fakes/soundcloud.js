// A fake SoundCloud Widget API (https://w.soundcloud.com/player/api.js): `SC.Widget(iframe)` on the
// widget iframe the adapter made (whose address the tests also fulfil). A track whose URL is in
// `fakes.soundcloud.failures` fires ERROR when asked to play.
const soundcloud = fakeVendor("soundcloud");

const Events = {
  LOAD_PROGRESS: "loadProgress", PLAY_PROGRESS: "playProgress", PLAY: "play", PAUSE: "pause",
  FINISH: "finish", SEEK: "seek", READY: "ready", OPEN_SHARE_PANEL: "sharePanelOpened",
  CLICK_DOWNLOAD: "downloadClicked", CLICK_BUY: "buyClicked", ERROR: "error",
};

function Widget(iframe) {
  const frame = typeof iframe === "string" ? document.getElementById(iframe) : iframe;
  const url = new URL(frame.src).searchParams.get("url");
  const handlers = {};
  const emit = (name, data) => handlers[name] && handlers[name](data);
  soundcloud.told.push(`load ${url}`);
  const media = new FakePlayback(soundcloud.seconds, {
    playing: () => emit(Events.PLAY),
    paused: () => emit(Events.PAUSE),
    time: (position) => emit(Events.PLAY_PROGRESS, {
      currentPosition: position * 1000, relativePosition: position / media.seconds, loadProgress: 1,
    }),
    ended: () => emit(Events.FINISH),
  }, () => frame.isConnected);
  setTimeout(() => emit(Events.READY), 50);
  return {
    bind(name, handler) { handlers[name] = handler; },
    unbind(name) { delete handlers[name]; },
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
