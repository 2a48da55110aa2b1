/* Material's JavaScript bundle (35 KiB gzip) is fetched only when the reader first does something
   that needs it: opens search (tap, "/", "s", "f"), opens the navigation drawer, reaches a code
   block (copy button), or arrives from a search result (?h= highlighting). It is loaded at once where
   the table of contents is visible (60em and wider), whose highlighting and sidebars need it.

   Until then this file does the little a reader who only reads sees the bundle do: the colour
   palette (the reader's scheme, the toggle and its stored choice, in Material's own format), the page
   title in the header once the heading has scrolled away, the back-to-top button, and closed
   <details> opened for print and for a link to something inside them. Tables are wrapped in
   Material's scroll containers at build time (scripts/sitelib/firstview.py). overrides/main.html
   links this file where Material links its bundle, with the bundle's URL in data-bundle. */
(function () {
  "use strict";
  var bundleUrl = document.currentScript.getAttribute("data-bundle");
  var body = document.body;
  var searchToggle = document.getElementById("__search");
  var searchInput = document.querySelector(".md-search__input");
  var bundle = null;   // the <script> element once it is requested
  var ready = false;   // the bundle has run: it owns the page from then on

  // Material's stylesheet hides search and fixes sidebar heights under .no-js; the bundle swaps the
  // class when it runs, this file stands for it until then.
  document.documentElement.classList.remove("no-js");
  document.documentElement.classList.add("js");

  function loadBundle() {
    if (bundle) return;
    undoDoubleTables();
    watchSearchWorker();
    var startup = holdContentLoaded();
    bundle = document.createElement("script");
    bundle.src = bundleUrl;
    bundle.onload = function () {
      ready = true;
      startup();
    };
    body.appendChild(bundle);
  }

  // The search worker (assets/search/worker.js) fetches its engine and index only when asked to:
  // ask it once the reader has opened search and Material has sent the worker its SETUP. The ask
  // goes on the worker's own port, which delivers in order, so it can be neither early nor lost (a
  // BroadcastChannel message was lost under load: Chromium joins a worker to a channel
  // asynchronously, and a message posted before that reaches nobody).
  var searchWorker = null, searchWanted = false, searchAsked = false;

  function wantSearch() {
    searchWanted = true;
    askSearchWorker();
  }

  function askSearchWorker() {
    if (!searchWorker || !searchWanted || searchAsked) return;
    searchAsked = true;
    searchWorker.postMessage({ type: "prefetch" });
  }

  function watchSearchWorker() {
    var NativeWorker = window.Worker;
    if (typeof NativeWorker !== "function") return;
    window.Worker = function (url, options) {
      window.Worker = NativeWorker;   // the bundle starts one worker: search's
      var worker = new NativeWorker(url, options), post = worker.postMessage;
      worker.postMessage = function (message) {
        var result = post.apply(worker, arguments);
        if (message && message.type === 0) {   // Material's SETUP
          searchWorker = worker;
          askSearchWorker();
        }
        return result;
      };
      return worker;
    };
  }

  // The bundle starts on DOMContentLoaded, which has fired by the time a reader taps: keep what it
  // registers for that event while it runs, and call it when it has run (the "load" of its script).
  function holdContentLoaded() {
    var add = document.addEventListener, held = [];
    document.addEventListener = function (type, listener) {
      if (type === "DOMContentLoaded" && document.readyState !== "loading") held.push(listener);
      else add.apply(document, arguments);
    };
    return function () {
      document.addEventListener = add;
      held.forEach(function (listener) {
        var event = new Event("DOMContentLoaded");
        if (typeof listener === "function") listener.call(document, event);
        else listener.handleEvent(event);
      });
    };
  }

  // The bundle wraps every table:not([class]) in a scroll container; the build already did, so
  // drop the outer copy as soon as the bundle adds the inner one (before the next paint).
  function undoDoubleTables() {
    if (!document.querySelector(".md-typeset__scrollwrap") || typeof MutationObserver !== "function") return;
    var observer = new MutationObserver(function () {
      document.querySelectorAll(".md-typeset__table > .md-typeset__scrollwrap").forEach(function (inner) {
        inner.parentNode.parentNode.replaceWith(inner);
      });
    });
    observer.observe(document.querySelector("[data-md-component=content]") || body, { childList: true, subtree: true });
    setTimeout(function () { observer.disconnect(); }, 30000);
  }

  // ---------------------------------------------------------------- search: open at once, then load

  function isEditable(el) {
    if (!el || !el.tagName) return false;
    if (el.isContentEditable || el.tagName === "TEXTAREA" || el.tagName === "SELECT") return true;
    return el.tagName === "INPUT" && !/^(radio|checkbox)$/.test(el.type);
  }

  function setSearch(open) {
    if (!searchToggle || searchToggle.checked === open) return;
    searchToggle.checked = open;
    searchToggle.dispatchEvent(new Event("change"));
  }

  if (searchToggle) {
    searchToggle.addEventListener("change", function () {
      if (!searchToggle.checked) return;
      // Focus within the tap itself, so a phone shows its keyboard; what is typed waits in the box.
      if (searchInput) searchInput.focus();
      loadBundle();
      wantSearch();
    });
  }
  if (searchInput) {
    searchInput.addEventListener("focus", function () {
      loadBundle();
      wantSearch();
    });
  }

  document.addEventListener("keydown", function (event) {
    if (ready || event.ctrlKey || event.altKey || event.metaKey || isEditable(event.target)) return;
    if (/^[fs/]$/i.test(event.key) && !(searchToggle && searchToggle.checked)) {
      event.preventDefault();   // as Material does: the key opens search and is not typed
      setSearch(true);
    }
  });
  document.addEventListener("keydown", function (event) {
    if (!ready && event.key === "Escape" && searchToggle && searchToggle.checked) {
      setSearch(false);
      if (searchInput) searchInput.blur();
    }
  });

  // ---------------------------------------------------------------- other reasons to load it

  var drawer = document.getElementById("__drawer");
  if (drawer) drawer.addEventListener("change", loadBundle);

  function loadNearCode() {
    var blocks = document.querySelectorAll(".md-content pre > code");
    if (!blocks.length) return;
    if (typeof IntersectionObserver !== "function") return loadBundle();
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        observer.disconnect();
        loadBundle();
      }
    }, { rootMargin: "400px 0px" });
    blocks.forEach(function (block) { observer.observe(block); });
  }

  var wide = matchMedia("(min-width: 60em)");   // Material's breakpoint for the table of contents
  if (wide.matches || /[?&]h=/.test(location.search)) loadBundle();
  else {
    loadNearCode();
    if (wide.addEventListener) wide.addEventListener("change", function (e) { if (e.matches) loadBundle(); });
  }

  // ---------------------------------------------------------------- palette (Material's mountPalette)

  var palette = document.querySelector("[data-md-component=palette]");
  var inputs = palette ? Array.prototype.slice.call(palette.querySelectorAll("input")) : [];
  var schemeMeta = null;

  function colorOf(input) {
    return { media: input.getAttribute("data-md-color-media"), scheme: input.getAttribute("data-md-color-scheme"),
             primary: input.getAttribute("data-md-color-primary"), accent: input.getAttribute("data-md-color-accent") };
  }

  function meta(name) {
    var el = document.createElement("meta");
    el.name = name;
    document.head.appendChild(el);
    return el;
  }

  function applyPalette(index) {
    var color = colorOf(inputs[index]);
    body.setAttribute("data-md-color-switching", "");
    Object.keys(color).forEach(function (key) { body.setAttribute("data-md-color-" + key, color[key]); });
    inputs.forEach(function (input, i) {
      var label = input.nextElementSibling;
      if (label instanceof HTMLElement) label.hidden = i !== index;
    });
    __md_set("__palette", { index: index, color: color });
    // Material names the scheme for the browser (scrollbars, form controls); the page's own
    // theme-color meta comes first, so Material's computed one is left out.
    schemeMeta = schemeMeta || meta("color-scheme");
    schemeMeta.content = getComputedStyle(document.querySelector("[data-md-component=header]")).colorScheme;
    setTimeout(function () { body.removeAttribute("data-md-color-switching"); });
  }

  if (inputs.length) {
    var stored = __md_get("__palette");
    var start = stored ? stored.index : inputs.findIndex(function (input) {
      return matchMedia(input.getAttribute("data-md-color-media")).matches;
    });
    applyPalette(Math.max(0, Math.min(start, inputs.length - 1)));
    inputs.forEach(function (input, i) {
      input.addEventListener("change", function () { if (!ready) applyPalette(i); });
    });
    palette.addEventListener("keydown", function (event) {
      if (ready || event.key !== "Enter") return;
      var current = __md_get("__palette"), next = inputs[((current ? current.index : 0) + 1) % inputs.length];
      next.click();
      next.focus();
    });
  }

  // ---------------------------------------------------------------- header title and back to top

  var header = document.querySelector("[data-md-component=header]");
  var title = document.querySelector("[data-md-component=header-title]");
  var heading = document.querySelector(".md-content h1");
  var top = document.querySelector("[data-md-component=top]");
  var lastY = window.scrollY;

  function onScroll() {
    if (ready) return;
    var y = window.scrollY, headerHeight = header ? header.offsetHeight : 0;
    if (title && heading) {
      var box = heading.getBoundingClientRect();
      title.classList.toggle("md-header__title--active", box.height > 0 && headerHeight - box.top >= box.height);
    }
    if (top) {
      var hidden = !(lastY > y && y > 0);   // shown while the reader scrolls back up
      top.hidden = hidden;
      if (hidden) top.setAttribute("tabindex", "-1");
      else top.removeAttribute("tabindex");
      top.style.top = headerHeight + 16 + "px";
    }
    lastY = y;
  }
  window.addEventListener("scroll", onScroll, { passive: true });
  onScroll();
  if (top) {
    top.addEventListener("click", function (event) {
      if (ready) return;
      event.preventDefault();
      window.scrollTo({ top: 0 });
    });
  }

  // ---------------------------------------------------------------- <details>: links into them, print

  function openTarget() {
    if (ready || !location.hash) return;
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var details = target && target.closest("details:not([open])");
    if (details) {
      details.open = true;
      target.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();

  var closedForPrint = [];
  window.addEventListener("beforeprint", function () {
    if (ready) return;
    closedForPrint = Array.prototype.slice.call(document.querySelectorAll("details:not([open])"));
    closedForPrint.forEach(function (details) { details.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closedForPrint.forEach(function (details) { details.open = false; });
    closedForPrint = [];
  });
})();
