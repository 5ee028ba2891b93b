/* After load, register our service worker (/sw.js): docs/offline-and-print.md */
(function () {
  "use strict";
  var script = document.currentScript;
  var worker = script && script.getAttribute("data-worker");
  if (!worker || !("serviceWorker" in navigator)) return;
  function register() {
    navigator.serviceWorker.register(worker).catch(function () {});
  }
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);
})();
