// A fake Vimeo player API (https://player.vimeo.com/api/player.js): `new Vimeo.Player(element,
// {id})`, promise-returning methods, `loadVideo(id)` included, `on`/`off`. A video whose id is in
// `fakes.vimeo.failures` refuses to play with that error name (e.g. "PrivacyError") and reports it
// as an `error` event.
const vimeo = fakeVendor("vimeo");

class Player {
  constructor(element, options) {
    const target = typeof element === "string" ? document.getElementById(element) : element;
    vimeo.made += 1;
    this.handlers = {};
    this.frame = fakeFrame("Vimeo", `https://player.vimeo.com/video/${options.id}`);
    target.append(this.frame);
    this.cue(options.id);
    this.loaded = new Promise((resolve) => setTimeout(resolve, 50));
  }
  cue(id) {
    this.id = String(id);
    vimeo.told.push(`load ${this.id}`);
    if (this.media) this.media.destroy();
    const emit = (name) => () => this.emit(name, this.data());
    this.media = new FakePlayback(vimeo.seconds, {
      playing: () => { this.emit("play", this.data()); this.emit("playing", this.data()); },
      paused: emit("pause"),
      time: emit("timeupdate"),
      ended: emit("ended"),
    });
  }
  data() {
    return { seconds: this.media.position, duration: this.media.seconds, percent: this.media.position / this.media.seconds };
  }
  on(name, callback) { (this.handlers[name] = this.handlers[name] || []).push(callback); }
  off(name, callback) {
    this.handlers[name] = callback ? (this.handlers[name] || []).filter((c) => c !== callback) : [];
  }
  emit(name, data) { (this.handlers[name] || []).slice().forEach((callback) => callback(data)); }
  ready() { return this.loaded; }
  loadVideo(id) {
    this.cue(id);
    return new Promise((resolve) => setTimeout(() => resolve(Number(id)), 50));
  }
  play() {
    vimeo.told.push("play");
    const name = vimeo.failures[this.id];
    if (!name) {
      this.media.play();
      return Promise.resolve();
    }
    const error = { name, message: `fake ${name}`, method: "play" };
    this.emit("error", error);
    return Promise.reject(Object.assign(new Error(error.message), { name }));
  }
  pause() { vimeo.told.push("pause"); this.media.pause(); return Promise.resolve(); }
  setCurrentTime(seconds) { vimeo.told.push(`seek ${Math.round(seconds)}`); this.media.seek(seconds); return Promise.resolve(seconds); }
  setVolume(volume) { vimeo.told.push(`volume ${Math.round(volume * 100)}`); return Promise.resolve(volume); }
  getDuration() { return Promise.resolve(this.media.seconds); }
  getCurrentTime() { return Promise.resolve(this.media.position); }
  destroy() {
    vimeo.told.push("destroy");
    this.media.destroy();
    this.frame.remove();
    this.handlers = {};
    return Promise.resolve();
  }
}

window.Vimeo = { Player };
