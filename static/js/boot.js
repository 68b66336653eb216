// The boot screen: shows PyScript's real progress stages until Python renders the app,
// and a readable message if the runtime fails before Python can report anything itself.
(() => {
  const stages = [
    ["Loading Pyodide", 10, "Loading the Python runtime…"],
    ["Loading Storage", 20, "Opening storage…"],
    ["Loading interpreter", 30, "Starting Python…"],
    ["Loaded interpreter", 80, "Python started"],
    ["Loading files", 85, "Loading Tonearm…"],
    ["Loaded files", 92, "Tonearm loaded"],
    ["Loaded Pyodide", 95, "Drawing the page…"],
  ];
  const show = (value, text) => {
    const bar = document.getElementById("boot-progress");
    const label = document.getElementById("boot-stage");
    if (bar) bar.value = value;
    if (label) label.textContent = text;
  };
  addEventListener("py:progress", ({ detail }) => {
    const stage = stages.find(([name]) => String(detail).startsWith(name));
    if (stage) show(stage[1], stage[2]);
  });
  const fail = (reason) => {
    if (document.documentElement.dataset.ready) return;
    show(0, `Tonearm could not start: ${reason}`);
  };
  addEventListener("error", (event) => fail(event.message || "a script failed to load"));
  addEventListener("unhandledrejection", (event) => fail(String(event.reason)));

  // Once the app runs, the service worker (sw.js) keeps the files this start used, so the next
  // one can come from its cache, offline too; `data-offline="ready"` on <html> says it has.
  // Browsers offer service workers on https and on localhost only.
  const keepForNextStart = async () => {
    if (!("serviceWorker" in navigator)) return;
    await navigator.serviceWorker.register("./sw.js");
    const { active } = await navigator.serviceWorker.ready;
    const used = performance.getEntriesByType("resource").map((entry) => entry.name);
    await kept(active, [location.href, ...used]);
    document.documentElement.dataset.offline = "ready";
    if (document.documentElement.dataset.snapshot === "restored") return;
    // A start without the startup snapshot (a first visit on a slow link,
    // static/js/pyodide-snapshot.mjs) has the worker keep it for the next ones: once the network
    // has been quiet a while, so that the 5 MB do not share the link with what the visitor asked
    // for first, a track to play.
    await quiet(QUIET_MS);
    const snapshot = new URL("app.snapshot", location.href).href;
    const held = await kept(active, [snapshot]);
    if (held.includes(snapshot)) document.documentElement.dataset.snapshot = "kept";
  };
  const QUIET_MS = 3000;
  /** The `urls` the worker holds once it has kept what it could of them. */
  const kept = (worker, urls) =>
    new Promise((resolve) => {
      const reply = new MessageChannel();
      reply.port1.onmessage = ({ data }) => resolve(data.kept);
      worker.postMessage({ keep: urls }, [reply.port2]);
    });
  const quiet = (ms) =>
    new Promise((resolve) => {
      let timer;
      const observer = new PerformanceObserver(() => wait());
      const wait = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          observer.disconnect();
          resolve();
        }, ms);
      };
      observer.observe({ type: "resource" });
      wait();
    });
  new MutationObserver((_, observer) => {
    if (document.documentElement.dataset.ready !== "true") return;
    observer.disconnect();
    keepForNextStart().catch((error) => console.warn("Tonearm works without offline use:", error));
  }).observe(document.documentElement, { attributes: true, attributeFilter: ["data-ready"] });
})();
