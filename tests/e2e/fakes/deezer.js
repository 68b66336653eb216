// A fake Deezer JS SDK (https://e-cdns-files.dzcdn.net/js/min/dz.js): `DZ.init` with a player
// widget (the player the fake counts as made), `DZ.player.playTracks` and the playback methods,
// `DZ.Event.subscribe`; it calls `dzAsyncInit` once loaded. A track id in `fakes.deezer.failures`
// is left out of the tracks `playTracks` answers with, as Deezer does for a track it cannot play.
const deezer = fakeVendor("deezer");

const subscribers = {};
const emit = (name, args) => (subscribers[name] || []).slice().forEach((callback) => callback(args, name));
let media = null;

window.DZ = {
  init(options) {
    deezer.told.push(`init ${options.appId}`);
    deezer.made += 1;
    const container = document.getElementById(options.player.container);
    container.append(fakeFrame("Deezer", "https://widget.deezer.com/widget/auto/player"));
    setTimeout(() => options.player.onload && options.player.onload({}), 50);
  },
  Event: {
    subscribe(name, callback) { (subscribers[name] = subscribers[name] || []).push(callback); },
  },
  player: {
    playTracks(ids, ...rest) {
      const callback = rest.find((arg) => typeof arg === "function");
      deezer.told.push(`load ${ids.join(",")}`);
      if (media) media.destroy();
      media = null;
      const playable = ids.filter((id) => !deezer.failures[id]);
      if (callback) setTimeout(() => callback({ tracks: playable.map((id) => ({ id })) }), 0);
      if (!playable.length) return;
      media = new FakePlayback(deezer.seconds, {
        playing: () => emit("player_play"),
        paused: () => emit("player_paused"),
        time: (position) => emit("player_position", [position, media.seconds]),
        ended: () => emit("track_end", 0),
      });
      media.play();
    },
    play() { deezer.told.push("play"); if (media) media.play(); },
    pause() { deezer.told.push("pause"); if (media) media.pause(); },
    seek(percent) {
      if (!media) return;
      deezer.told.push(`seek ${Math.round((percent / 100) * media.seconds)}`);
      media.seek((percent / 100) * media.seconds);
    },
    setVolume(volume) { deezer.told.push(`volume ${volume}`); },
    setMute(muted) { deezer.told.push(muted ? "mute" : "unmute"); },
    isPlaying() { return Boolean(media && media.playing); },
  },
};
setTimeout(() => window.dzAsyncInit && window.dzAsyncInit(), 0);
