// Section links: a click copies the section's full URL, so a reader can paste it in a forum.
(function () {
  "use strict";
  var zh = (document.documentElement.lang || "").indexOf("zh") === 0;
  var label = zh ? "复制本节链接" : "Copy link to this section";
  var copiedText = zh ? "链接已复制" : "Link copied";

  // The Markdown toc extension gives one title for every language; name the links per page language.
  document.querySelectorAll("a.headerlink").forEach(function (link) {
    link.title = label;
    link.setAttribute("aria-label", label);
  });

  function sectionUrl(link) {
    return location.href.split("#")[0] + link.getAttribute("href");
  }

  function showCopied(link) {
    link.setAttribute("data-copied", copiedText);
    setTimeout(function () { link.removeAttribute("data-copied"); }, 2000);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.headerlink");
    if (!link || !navigator.clipboard) return;
    // Keep the normal jump (the address bar then shows the anchor too), and copy the URL.
    navigator.clipboard.writeText(sectionUrl(link)).then(function () { showCopied(link); }, function () {});
  });
})();

// Search: the worker (assets/search/worker.js) says on the channel overrides/main.html named when
// the index cannot be loaded (a failed fetch, or an index of another format version). Log it, and
// say so where Material would say "no results", until a later query loads it.
(function () {
  "use strict";
  var name = document.documentElement.getAttribute("data-search-channel");
  var meta = document.querySelector(".md-search-result__meta");
  if (!name || !meta || typeof BroadcastChannel !== "function") return;
  var zh = (document.documentElement.lang || "").indexOf("zh") === 0;
  var text = zh ? "搜索暂时无法使用：没能加载搜索索引。请刷新页面再试。"
                : "Search is unavailable: its index could not be loaded. Reload the page to try again.";
  var unavailable = false;

  function say() {
    if (unavailable && meta.textContent !== text) meta.textContent = text;
  }

  new BroadcastChannel(name).onmessage = function (event) {
    var status = event.data;
    if (!status || typeof status.unavailable !== "boolean") return;
    if (status.unavailable && !unavailable) console.error("search is unavailable: " + status.reason);
    unavailable = status.unavailable;
    say();
  };
  new MutationObserver(say).observe(meta, { childList: true, characterData: true, subtree: true });
})();
