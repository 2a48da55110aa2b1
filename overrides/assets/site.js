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
