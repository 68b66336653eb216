// A fake YouTube IFrame API (https://www.youtube.com/iframe_api): `YT.Player` with the methods and
// events the adapter uses. A video listed in `fakes.youtube.failures` reports that error code
// (150: embedding forbidden) when asked to play, as YouTube does after onReady.
const youtube = fakeVendor("youtube");

class Player {
  constructor(element, options) {
    const target = typeof element === "string" ? document.getElementById(element) : element;
    this.options = options;
    this.frame = fakeFrame("YouTube", `https://www.youtube.com/embed/${options.videoId}`);
    target.replaceWith(this.frame);
    youtube.told.push(`load ${options.videoId}`);
    const state = (code) => () => this.emit("onStateChange", code);
    this.media = new FakePlayback(youtube.seconds, {
      playing: state(YT.PlayerState.PLAYING),
      paused: state(YT.PlayerState.PAUSED),
      ended: state(YT.PlayerState.ENDED),
    });
    setTimeout(() => this.emit("onReady"), 50);
  }
  emit(name, data) {
    const handler = this.options.events && this.options.events[name];
    if (handler) handler({ target: this, data });
  }
  playVideo() {
    youtube.told.push("play");
    const code = youtube.failures[this.options.videoId];
    if (code !== undefined) setTimeout(() => this.emit("onError", code), 50);
    else this.media.play();
  }
  pauseVideo() {
    youtube.told.push("pause");
    this.media.pause();
  }
  seekTo(seconds) {
    youtube.told.push(`seek ${Math.round(seconds)}`);
    this.media.seek(seconds);
  }
  setVolume(volume) {
    youtube.told.push(`volume ${volume}`);
  }
  mute() {
    youtube.told.push("mute");
  }
  unMute() {
    youtube.told.push("unmute");
  }
  getCurrentTime() {
    return this.media.position;
  }
  getDuration() {
    return this.media.seconds;
  }
  destroy() {
    youtube.told.push("destroy");
    this.media.destroy();
    this.frame.remove();
    this.options = {};
  }
}

window.YT = {
  loaded: 1,
  PlayerState: { UNSTARTED: -1, ENDED: 0, PLAYING: 1, PAUSED: 2, BUFFERING: 3, CUED: 5 },
  Player,
};
setTimeout(() => window.onYouTubeIframeAPIReady && window.onYouTubeIframeAPIReady(), 0);
