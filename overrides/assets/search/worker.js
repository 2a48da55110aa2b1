/* The search worker Material starts on every page view (overrides/main.html points it here). It
   speaks Material's message protocol (0 SETUP -> 1 READY; 2 QUERY -> 3 RESULT {items}) and loads
   the engine (engine.js, about 4 KiB gzip as the build minifies it; stemmer.js with the first Latin
   word, 0.9 KiB) only when the reader opens search (a message on the BroadcastChannel named in the
   config) or types, so a reader who never searches never downloads it. */
var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var config = {}, engine = null;

function loadEngine() {
  if (!engine) {
    importScripts("engine.js");   // engine.js loads stemmer.js when a query has a Latin word
    engine = self.createEngine(config, function (data) { postMessage({ type: RESULT, data: data }); });
  }
  return engine;
}

self.onmessage = function (ev) {
  var message = ev.data;
  if (message.type === SETUP) {
    config = message.data.config || {};
    if (config.channel && typeof BroadcastChannel === "function")
      new BroadcastChannel(config.channel).onmessage = function () { loadEngine().prefetch(); };
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    // Material sends the empty query of an untouched search box on every page view: answer that
    // without loading the engine.
    if (!String(message.data).trim()) postMessage({ type: RESULT, data: { items: [] } });
    else loadEngine().query(message.data);
  }
};
