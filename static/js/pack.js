/* Little Voices: "Add this page to a pack" (templates/sharing/pack_control.html) and the ticks
 * on /p/new/. The chosen pages ("article:12", "tip_page:3") wait in this browser's
 * localStorage, never in a cookie, until the pack is made. Without it, /p/new/ lists every
 * page with a box to tick (docs/sharing.md, "Share packs"). */
(function () {
  "use strict";

  var KEY = "littlevoices.pack";
  var MAX = 12;
  var ITEM = /^[a-z_]+:\d{1,12}$/;

  // Storage may be off or full: the pack then lives on /p/new/ alone.
  function read() {
    try {
      var list = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      if (!Array.isArray(list)) return [];
      return list.filter(function (item, index) {
        return typeof item === "string" && ITEM.test(item) && list.indexOf(item) === index;
      }).slice(0, MAX);
    } catch (error) {
      return [];
    }
  }

  function store(list) {
    try {
      if (list.length) window.localStorage.setItem(KEY, JSON.stringify(list.slice(0, MAX)));
      else window.localStorage.removeItem(KEY);
    } catch (error) {
      /* only a convenience */
    }
  }

  function say(status, count) {
    if (!status) return;
    status.textContent = count === 0 ? "" : count === 1 ?
      "1 page in your pack." : count + " pages in your pack.";
  }

  function control(box) {
    var item = box.getAttribute("data-pack-item");
    var button = box.querySelector("[data-pack-add]");
    var status = box.querySelector("[data-pack-status]");
    if (!item || !button) return;
    var addText = button.textContent;
    var removeText = button.getAttribute("data-pack-remove-text") || addText;

    function show(list) {
      button.textContent = list.indexOf(item) === -1 ? addText : removeText;
    }

    button.addEventListener("click", function () {
      var list = read();
      var at = list.indexOf(item);
      if (at !== -1) {
        list.splice(at, 1);
      } else if (list.length >= MAX) {
        status.textContent = "Your pack is full: it holds " + MAX + " pages.";
        return;
      } else {
        list.push(item);
      }
      store(list);
      show(list);
      say(status, list.length);
    });
    var list = read();
    show(list);
    say(status, list.length);
    button.hidden = false;
  }

  function ticks(form) {
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
    function name(box) {
      return box.name + ":" + box.value;
    }
    function save() {
      store(boxes.filter(function (box) { return box.checked; }).map(name));
    }
    var stored = read();
    boxes.forEach(function (box) {
      if (stored.indexOf(name(box)) !== -1) box.checked = true;
      box.addEventListener("change", save);
    });
    save();
    // Made (or refused and shown again with its ticks): start the next pack afresh.
    form.addEventListener("submit", function () {
      store([]);
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-pack-control]"), control);
    var form = document.querySelector("form[data-pack-form]");
    if (form) ticks(form);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
