/* The offline page only (templates/website/offline.html): list the pages our service worker
   keeps on this phone, newest first, and offer to remove them. */
(function () {
  "use strict";
  var section = document.querySelector("[data-offline-saved]");
  if (!section || !("caches" in window)) return;
  var name = section.getAttribute("data-offline-saved");
  var list = section.querySelector("ul");

  function title(html) {
    var found = new DOMParser().parseFromString(html, "text/html").title;
    return found.replace(/ – [^–]*$/, "");
  }

  function show() {
    caches.open(name).then(function (cache) {
      return cache.keys().then(function (keys) {
        return Promise.all(keys.reverse().map(function (key) {
          return cache.match(key).then(function (response) { return response.text(); })
            .then(function (html) { return [key.url, title(html)]; });
        }));
      });
    }).then(function (pages) {
      list.textContent = "";
      pages.forEach(function (page) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = page[0];
        link.textContent = page[1] || new URL(page[0]).pathname;
        item.appendChild(link);
        list.appendChild(item);
      });
      section.querySelector("[data-offline-none]").hidden = pages.length > 0;
      section.hidden = false;
    }).catch(function () {});
  }

  section.querySelector("[data-offline-remove]").addEventListener("click", function () {
    caches.delete(name).then(show);
  });
  show();
})();
