// Checklist on task pages (card and situation pages; overrides/main.html loads this file only there).
// The items of {#prerequisites} and the numbered steps of {#steps} get a checkbox each, with
// "3 of 9 done" and a reset under the section heading. Ticks stay on this device (localStorage,
// one entry per page and language, keyed by a hash of each item's text, so a rebuild that leaves
// the text alone keeps them). Without storage (private mode) the page stays as it was built.
(function () {
  var zh = (document.documentElement.lang || "").indexOf("zh") === 0;
  var RESET = zh ? "清除勾选" : "Clear ticks";
  // The same selectors as the print boxes in site.css; CP001 keeps the sections in this order.
  var SECTIONS = { prerequisites: "#prerequisites~:is(ul,ol):not(#steps~*)>li",
                   steps: "#steps~ol:not(#after-care~*)>li" };

  function progressText(done, total) {
    return zh ? "已完成 " + done + "/" + total : done + " of " + total + " done";
  }

  function storeKey() {
    return "checklist:" + (zh ? "zh" : "en") + ":" + location.pathname;
  }

  // Every storage access can throw (private mode, site data blocked): null means "no storage".
  function openStorage() {
    try {
      var storage = window.localStorage;
      storage.setItem("checklist:probe", "1");
      storage.removeItem("checklist:probe");
      return storage;
    } catch (e) {
      return null;
    }
  }

  function loadTicks(storage) {
    try {
      var keys = JSON.parse(storage.getItem(storeKey()));
      return Array.isArray(keys) ? keys : [];
    } catch (e) {
      return [];
    }
  }

  function saveTicks(storage) {
    var keys = [];
    document.querySelectorAll(".checklist-box:checked").forEach(function (box) { keys.push(box.value); });
    try {
      if (keys.length) storage.setItem(storeKey(), JSON.stringify(keys));
      else storage.removeItem(storeKey());
    } catch (e) { /* full or gone: the ticks on screen still stand */ }
  }

  // FNV-1a, 32 bits: a short key, the same in every build for the same text.
  function hash(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    return (h >>> 0).toString(36);
  }

  // Citation numbers ([3]) change when a source is added elsewhere on the page: not part of the text.
  function itemText(element) {
    var copy = element.cloneNode(true);
    copy.querySelectorAll(".cite,.headerlink").forEach(function (node) { node.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function addBox(item, key, ticked) {
    var box = document.createElement("input");
    box.type = "checkbox";
    box.className = "checklist-box";
    box.value = key;
    box.checked = ticked;
    if (!item.id) item.id = "check-" + key;
    box.setAttribute("aria-labelledby", item.id);  // the item's own text is its label
    item.classList.add("checklist-item");
    // A loose list item starts with a paragraph: put the box on its first line.
    var host = item.querySelector(":scope > p:first-child") || item;
    host.insertBefore(box, host.firstChild);
    return box;
  }

  function addBar(heading, boxes, storage) {
    var bar = document.createElement("p"), status = document.createElement("span");
    var reset = document.createElement("button");
    bar.className = "checklist-bar";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    reset.type = "button";
    reset.className = "checklist-reset";
    reset.textContent = RESET;
    reset.setAttribute("aria-label", RESET + (zh ? "：" : ": ") + itemText(heading));
    bar.append(status, " ", reset);
    heading.after(bar);
    function show() {
      status.textContent = progressText(boxes.filter(function (box) { return box.checked; }).length, boxes.length);
    }
    function changed() {
      show();
      saveTicks(storage);
    }
    reset.addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = false; });
      changed();
    });
    boxes.forEach(function (box) { box.addEventListener("change", changed); });
    show();
  }

  function init() {
    if (document.querySelector(".checklist-box")) return;  // this document is done already
    var storage = openStorage();
    if (!storage) return;
    var ticked = loadTicks(storage), seen = {};
    Object.keys(SECTIONS).forEach(function (id) {
      var heading = document.getElementById(id), items;
      try {
        items = Array.prototype.slice.call(document.querySelectorAll(SECTIONS[id]));
      } catch (e) {
        return;  // no :is()/:not() lists in this browser: the page as built
      }
      if (!heading || !items.length) return;
      addBar(heading, items.map(function (item) {
        var key = hash(itemText(item));
        seen[key] = (seen[key] || 0) + 1;
        if (seen[key] > 1) key += "-" + seen[key];  // the same text twice on a page: two boxes
        return addBox(item, key, ticked.indexOf(key) >= 0);
      }), storage);
    });
  }

  // Material's instant navigation (off on this site) swaps documents and announces each on document$.
  if (window.document$) window.document$.subscribe(init);
  init();
})();
