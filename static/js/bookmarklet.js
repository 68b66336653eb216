// The bookmarklet's script (app/ui/screens/openwhyd/bookmarklet.py draws the link that loads it).
// It runs in the page of another site, so it touches nothing there: it finds the track the page
// is about and opens Tonearm's add-track form on it in a popup, as Openwhyd's bookmarklet opens
// its post dialog (reference §6.1): the title it found as `name`, `ctx=bk`, and the page as
// `refUrl`/`refTtl`, which the post stores as `src`. Which links Tonearm takes is decided there,
// by the app's own eId detection; what is found here is only the best candidate:
//   1. a YouTube video: the page itself, or the video its canonical link or og:url names;
//   2. a link to an audio file on the page (the extensions of app/openwhyd/eid.py);
//   3. else the page's own address.
(() => {
  const AUDIO_EXTENSIONS = [".mp3", ".ogg", ".oga", ".opus", ".m4a", ".aac", ".wav", ".flac"];
  const YOUTUBE_VIDEO =
    /^https?:\/\/(?:(?:www\.|m\.|music\.)?youtube(?:-nocookie)?\.com\/(?:watch\?(?:.*&)?v=|embed\/|shorts\/)|youtu\.be\/)([\w-]{6,})/;
  const own = document.currentScript ? document.currentScript.src : "";
  const app = own.replace(/static\/js\/bookmarklet\.js(?:\?.*)?$/, "");

  const pageTitle = () => document.title.trim();
  const youtubeTitle = () => pageTitle().replace(/^\(\d+\)\s*/, "").replace(/\s*-\s*YouTube$/, "");

  function youtubeVideo() {
    const canonical = document.querySelector('link[rel="canonical"]');
    const ogUrl = document.querySelector('meta[property="og:url"]');
    const addresses = [location.href, canonical && canonical.href, ogUrl && ogUrl.content];
    for (const address of addresses) {
      const found = address && YOUTUBE_VIDEO.exec(address);
      if (found) return { url: `https://www.youtube.com/watch?v=${found[1]}`, title: youtubeTitle() };
    }
    return null;
  }

  function audioLink() {
    for (const link of document.querySelectorAll("a[href]")) {
      const path = link.pathname.toLowerCase();
      if (/^https?:$/.test(link.protocol) && AUDIO_EXTENSIONS.some((ext) => path.endsWith(ext))) {
        const name = decodeURIComponent(path.split("/").pop()).replace(/\.[^.]+$/, "");
        return { url: link.href, title: link.textContent.trim() || name };
      }
    }
    return null;
  }

  // On any other page the form suggests a title from the link (a SoundCloud address says it).
  const track = youtubeVideo() || audioLink() || { url: location.href, title: "" };
  const query = new URLSearchParams({ url: track.url, name: track.title, ctx: "bk" });
  if (!track.title) query.delete("name");
  query.set("refUrl", location.href);
  query.set("refTtl", pageTitle());
  const form = `${app}#/add?${query}`;
  if (!window.open(form, "tonearmPost", "width=460,height=780")) location.assign(form);
})();
