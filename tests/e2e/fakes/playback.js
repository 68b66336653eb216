// What the fake players share (each is served wrapped with this file in one function, by the tests
// only): their settings and log on `window.fakes.<vendor>`, a frame at the vendor's own player
// address, as the real script makes it (the tests answer it with a stand-in page: vendor_fakes.py),
// and a medium that "plays" in real time.

// `seconds` each medium lasts, `failures` by media id (what the vendor reports for it), `told`:
// what the adapter asked the player to do ("load x", "play", "pause", "seek 2", "volume 50", "mute"…),
// and `made`: how many players the page made (a player made with a medium also tells "load x").
function fakeVendor(name) {
  window.fakes = window.fakes || {};
  const vendor = (window.fakes[name] = window.fakes[name] || {});
  vendor.seconds = vendor.seconds || 4;
  vendor.failures = vendor.failures || {};
  vendor.told = vendor.told || [];
  vendor.made = vendor.made || 0;
  return vendor;
}

function fakeFrame(vendorName, address) {
  const frame = document.createElement("iframe");
  frame.title = `${vendorName} player`;
  frame.allow = "autoplay; fullscreen";
  frame.src = address;
  return frame;
}

// As a real player, a fake says it plays a little after it was told to, never within the call.
const STARTS_AFTER_MS = 20;

// Plays for `seconds` once told to, reporting through `on`: playing(), paused(), time(position),
// ended(). It stops by itself once `alive()` says its player left the page.
class FakePlayback {
  constructor(seconds, on, alive = () => true) {
    Object.assign(this, { seconds, on, alive, position: 0, playing: false, timer: null, last: 0 });
  }
  play() {
    if (this.playing || this.position >= this.seconds) return;
    this.playing = true;
    this.last = performance.now();
    this.timer = setInterval(() => this.tick(), 200);
    setTimeout(() => this.playing && this.on.playing?.(), STARTS_AFTER_MS);
  }
  pause() {
    if (!this.playing) return;
    this.halt();
    this.on.paused?.();
  }
  seek(seconds) {
    this.position = Math.max(0, Math.min(seconds, this.seconds));
    this.on.time?.(this.position);
  }
  tick() {
    if (!this.alive()) return this.halt();
    const now = performance.now();
    this.position = Math.min(this.seconds, this.position + (now - this.last) / 1000);
    this.last = now;
    this.on.time?.(this.position);
    if (this.position >= this.seconds) {
      this.halt();
      this.on.ended?.();
    }
  }
  halt() {
    this.playing = false;
    clearInterval(this.timer);
  }
  destroy() {
    this.halt();
    this.on = {};
  }
}
