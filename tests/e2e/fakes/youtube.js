// A fake YouTube IFrame API (https://www.youtube.com/iframe_api): `YT.Player` with the methods and
// events the adapter uses, `loadVideoById` included. A video listed in `fakes.youtube.failures`
// reports that error code (150: embedding forbidden) when asked to play, as YouTube does after
// onReady, or right after `loadVideoById`.
const youtube = fakeVendor("youtube");

class Player {
  constructor(element, options) {
    const target = typeof element === "string" ? document.getElementById(element) : element;
    youtube.made += 1;
    this.options = options;
    this.frame = fakeFrame("YouTube", `https://www.youtube.com/embed/${options.videoId}`);
    target.replaceWith(this.frame);
    this.cue(options.videoId);
    setTimeout(() => this.emit("onReady"), 50);
  }
  cue(videoId) {
    youtube.told.push(`load ${videoId}`);
    if (this.media) this.media.destroy();
    this.videoId = videoId;
    const state = (code) => () => this.emit("onStateChange", code);
    this.media = new FakePlayback(youtube.seconds, {
      playing: state(YT.PlayerState.PLAYING),
      paused: state(YT.PlayerState.PAUSED),
      ended: state(YT.PlayerState.ENDED),
    });
  }
  emit(name, data) {
    const handler = this.options.events && this.options.events[name];
    if (handler) handler({ target: this, data });
  }
  loadVideoById(videoId) {
    this.cue(videoId);
    this.start();
  }
  playVideo() {
    youtube.told.push("play");
    this.start();
  }
  start() {
    const code = youtube.failures[this.videoId];
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
