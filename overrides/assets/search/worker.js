/* The search worker Material starts on every page view (overrides/main.html points it here). It
   speaks Material's message protocol (0 SETUP -> 1 READY; 2 QUERY -> 3 RESULT {items}) and loads
   the engine (engine.js, about 4 KiB gzip as the build minifies it; stemmer.js with the first Latin
   word, 0.9 KiB) only when the reader opens search (loader.js then posts PREFETCH) or types, so a
   reader who never searches never downloads it. The BroadcastChannel named in the config tells the
   page when the index cannot be loaded (site.js then says search is unavailable). */
var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3, PREFETCH = "prefetch";
var config = {}, engine = null, channel = null;

function answer(data) { postMessage({ type: RESULT, data: data }); }
function tell(status) { if (channel) channel.postMessage(status); }

function loadEngine() {
  if (engine) return engine;
  try {
    importScripts("engine.js");   // engine.js loads stemmer.js when a query has a Latin word
    return engine = self.createEngine(config, answer, tell);
  } catch (err) {   // no engine: answer this query with nothing, say why, try again next time
    tell({ unavailable: true, reason: "search engine: " + err.message });
    return { prefetch: function () {}, query: function () { answer({ items: [] }); } };
  }
}

self.onmessage = function (ev) {
  var message = ev.data;
  if (message.type === SETUP) {
    config = message.data.config || {};
    if (config.channel && typeof BroadcastChannel === "function") {
      channel = new BroadcastChannel(config.channel);
    }
    postMessage({ type: READY });
  } else if (message.type === PREFETCH) {
    loadEngine().prefetch();
  } else if (message.type === QUERY) {
    // Material sends the empty query of an untouched search box on every page view: answer that
    // without loading the engine.
    if (!String(message.data).trim()) answer({ items: [] });
    else loadEngine().query(message.data);
  }
};
