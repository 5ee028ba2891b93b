/* Little Voices: remember the UK nation a parent chose (localStorage only, never a cookie) and
 * show its services first. Pages stay the same for everyone; this only reorders, hides and
 * re-points what the data-nation* and data-help-link attributes mark (docs/public-site.md,
 * "Help where you live"). Without it every nation shows and every link works. */
(function () {
  "use strict";

  var KEY = "littlevoices.nation";
  var NATIONS = ["england", "scotland", "wales", "northern-ireland"];

  // Storage may be off or full: the site then works as if nothing was chosen.
  function read() {
    try {
      var value = window.localStorage.getItem(KEY);
      return NATIONS.indexOf(value) === -1 ? null : value;
    } catch (error) {
      return null;
    }
  }

  function store(nation) {
    if (NATIONS.indexOf(nation) === -1) return;
    try {
      window.localStorage.setItem(KEY, nation);
    } catch (error) {
      /* the choice is only a convenience */
    }
  }

  function forget() {
    try {
      window.localStorage.removeItem(KEY);
    } catch (error) {
      /* as above */
    }
  }

  function all(selector) {
    return Array.prototype.slice.call(document.querySelectorAll(selector));
  }

  function showGroupsFirst(nation) {
    all("[data-nation-groups]").forEach(function (box) {
      var groups = all("[data-nation]").filter(function (group) {
        return box.contains(group);
      });
      var chosen = groups.filter(function (group) {
        return group.getAttribute("data-nation") === nation;
      })[0];
      if (!chosen) return;
      chosen.parentNode.insertBefore(chosen, chosen.parentNode.firstElementChild);
      groups.forEach(function (group) {
        group.hidden = group !== chosen;
      });
      all("[data-nation-chosen]").forEach(function (line) {
        if (box.contains(line)) line.hidden = false;
      });
    });
  }

  // The nation's help page is the help page's address followed by the nation: /help/wales/.
  function pointHelpLinks(nation) {
    all("[data-help-link]").forEach(function (link) {
      var url = new URL(link.getAttribute("href"), window.location.href);
      url.pathname = url.pathname.replace(/\/?$/, "/") + nation + "/";
      link.setAttribute("href", url.pathname + url.hash);
    });
  }

  function putLinesFirst(nation) {
    all("[data-nation-order]").forEach(function (list) {
      var items = Array.prototype.slice.call(list.children);
      var serves = function (item) {
        var nations = (item.getAttribute("data-nations") || "").split(" ");
        return nations.indexOf(nation) !== -1;
      };
      items.filter(serves).concat(items.filter(function (item) {
        return !serves(item);
      })).forEach(function (item) {
        list.appendChild(item);
      });
    });
  }

  function follow(event) {
    var link = event.target.closest ? event.target.closest("a") : null;
    if (!link) return;
    if (link.hasAttribute("data-nation-forget")) forget();
    else if (link.hasAttribute("data-nation-choose")) store(link.getAttribute("data-nation-choose"));
  }

  var page = document.querySelector("[data-nation-page]");
  if (page) store(page.getAttribute("data-nation-page"));
  document.addEventListener("click", follow);

  var nation = read();
  if (nation) {
    showGroupsFirst(nation);
    pointHelpLinks(nation);
    putLinesFirst(nation);
  }
})();
