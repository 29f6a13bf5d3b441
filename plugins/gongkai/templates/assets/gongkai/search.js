/* 一网通查: start Pagefind's UI, or explain why search cannot run from a file opened from disk. */
(function () {
  "use strict";
  var element = document.getElementById("gk-search");
  if (!element) return;
  if (window.location.protocol === "file:" || typeof window.PagefindUI !== "function") {
    document.querySelector(".gk-search-offline").hidden = false;
    return;
  }
  var query = new URLSearchParams(window.location.search).get("q");
  var ui = new window.PagefindUI({
    element: "#gk-search",
    bundlePath: element.dataset.bundle,
    showImages: false,
    showSubResults: false,
    autofocus: !query,
    translations: { placeholder: "输入标题、词句或发文字号", zero_results: "没有找到与 [SEARCH_TERM] 相关的文件" }
  });
  if (query) ui.triggerSearch(query);
})();
