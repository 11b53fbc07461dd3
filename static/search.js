// The search box: Pagefind's UI over the index of the page's language (Pagefind picks the index
// from <html lang>). Its words come from the page's data attributes, which the templates fill
// from the site's UI strings. Without an index (a build without Pagefind) the box stays empty.
window.addEventListener("DOMContentLoaded", () => {
  const box = document.getElementById("search");
  if (!box || typeof PagefindUI === "undefined") return;
  new PagefindUI({
    element: "#search",
    showSubResults: true,
    showImages: false,
    translations: {
      placeholder: box.dataset.placeholder,
      search_label: box.dataset.searchLabel,
      zero_results: box.dataset.zeroResults,
    },
  });
});
