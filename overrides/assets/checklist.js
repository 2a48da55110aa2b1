// Checklist on task pages (card and situation pages; overrides/main.html loads this file only there).
// The items of {#prerequisites} and the numbered steps of {#steps} get a checkbox each, with
// "3 of 9 done" and a reset beside the section heading. Ticks stay on this device (localStorage,
// one entry per page and language, keyed by a hash of each item's text, so a rebuild that leaves
// the text alone keeps them). Without storage (private mode) the page stays as it was built.
(function () {
  "use strict";
  var zh = (document.documentElement.lang || "").indexOf("zh") === 0;
  var TEXT = zh
    ? { progress: function (n, total) { return "已完成 " + n + "/" + total; }, reset: "清除勾选" }
    : { progress: function (n, total) { return n + " of " + total + " done"; }, reset: "Clear ticks" };
  // The same selectors as the print boxes in site.css; CP001 keeps the sections in this order.
  var SECTIONS = [
    { id: "prerequisites", items: "#prerequisites ~ :is(ul, ol):not(#steps ~ *) > li" },
    { id: "steps", items: "#steps ~ ol:not(#after-care ~ *) > li" }
  ];

  function storeKey() {
    return "checklist:" + (zh ? "zh" : "en") + ":" + location.pathname;
  }

  // Every storage access can throw (private mode, storage disabled): null means "no storage".
  function openStorage() {
    try {
      var storage = window.localStorage, probe = "checklist:probe";
      storage.setItem(probe, "1");
      storage.removeItem(probe);
      return storage;
    } catch (e) {
      return null;
    }
  }

  function loadTicks(storage) {
    try {
      var keys = JSON.parse(storage.getItem(storeKey()) || "[]");
      return Array.isArray(keys) ? keys : [];
    } catch (e) {
      return [];
    }
  }

  function saveTicks(storage, keys) {
    try {
      if (keys.length) storage.setItem(storeKey(), JSON.stringify(keys));
      else storage.removeItem(storeKey());
    } catch (e) { /* full or gone: the ticks on screen still stand */ }
  }

  // FNV-1a, 32 bits: short keys, stable across builds for the same text.
  function hash(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return (h >>> 0).toString(36);
  }

  // Citation numbers ([3]) change when a source is added elsewhere on the page: not part of the text.
  function itemText(item) {
    var copy = item.cloneNode(true);
    copy.querySelectorAll("sup.cite, .headerlink").forEach(function (cite) { cite.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function findItems(selector) {
    try {
      return Array.prototype.slice.call(document.querySelectorAll(selector));
    } catch (e) {
      return [];  // a browser without :is()/:not() lists: the page as built
    }
  }

  function addBox(item, key, ticked) {
    var box = document.createElement("input");
    box.type = "checkbox";
    box.className = "checklist-box";
    box.checked = ticked;
    box.setAttribute("data-key", key);
    if (!item.id) item.id = "check-" + key;
    box.setAttribute("aria-labelledby", item.id);  // the item's own text is the label
    item.classList.add("checklist-item");
    item.classList.toggle("checklist-item--done", ticked);
    // A loose list item starts with a paragraph: put the box on its first line.
    var first = item.firstElementChild;
    var host = first && first.tagName === "P" && item.firstChild === first ? first : item;
    host.insertBefore(box, host.firstChild);
    return box;
  }

  function progressBar(heading, boxes, onReset) {
    var bar = document.createElement("p");
    bar.className = "checklist-bar";
    var status = document.createElement("span");
    status.className = "checklist-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "checklist-reset";
    reset.textContent = TEXT.reset;
    reset.setAttribute("aria-label", TEXT.reset + (zh ? "：" : ": ") + itemText(heading));
    reset.addEventListener("click", onReset);
    bar.appendChild(status);
    bar.appendChild(reset);
    heading.parentNode.insertBefore(bar, heading.nextSibling);
    return function update() {
      var done = boxes.filter(function (box) { return box.checked; }).length;
      status.textContent = TEXT.progress(done, boxes.length);
    };
  }

  function enhanceSection(section, ticked, seen, save) {
    var heading = document.getElementById(section.id);
    var items = findItems(section.items);
    if (!heading || !items.length) return;
    var boxes = items.map(function (item) {
      var key = hash(itemText(item));
      seen[key] = (seen[key] || 0) + 1;
      if (seen[key] > 1) key += "-" + seen[key];  // the same text twice on a page: two boxes
      return addBox(item, key, ticked.indexOf(key) >= 0);
    });
    var update = progressBar(heading, boxes, function () {
      boxes.forEach(function (box) { setTicked(box, false); });
      save();
      update();
    });
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        setTicked(box, box.checked);
        save();
        update();
      });
    });
    update();
  }

  function setTicked(box, ticked) {
    box.checked = ticked;
    var item = document.getElementById(box.getAttribute("aria-labelledby"));
    if (item) item.classList.toggle("checklist-item--done", ticked);
  }

  function init() {
    if (document.querySelector(".checklist-box")) return;  // already done for this document
    var storage = openStorage();
    if (!storage) return;
    var ticked = loadTicks(storage), seen = {};
    function save() {
      var keys = [];
      document.querySelectorAll(".checklist-box").forEach(function (box) {
        if (box.checked) keys.push(box.getAttribute("data-key"));
      });
      saveTicks(storage, keys);
    }
    SECTIONS.forEach(function (section) { enhanceSection(section, ticked, seen, save); });
  }

  // Material's instant navigation (off on this site) swaps documents and announces each on document$.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  init();
})();
