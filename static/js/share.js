/* Little Voices: "Copy link", the phone's own share sheet, and the leaflet's print button
 * (docs/sharing.md). Without it the short link is there to select, the WhatsApp, text and e-mail
 * links work, and the leaflet says how to print. Nothing is sent anywhere. */
(function () {
  "use strict";

  function say(status, text) {
    if (!status) return;
    status.textContent = "";
    // A new text, set a moment later, so screen readers announce it even when it is the same.
    window.setTimeout(function () {
      status.textContent = text;
    }, 50);
  }

  // For browsers without the Clipboard API (or not on https): copy the selected link's text.
  function copyBySelecting(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  function setUp(panel) {
    var url = panel.getAttribute("data-share-url");
    var title = panel.getAttribute("data-share-title");
    var address = panel.querySelector("[data-share-address]");
    var status = panel.querySelector("[data-share-status]");
    var copy = panel.querySelector("[data-share-copy]");
    var native = panel.querySelector("[data-share-native]");
    // The words come from the page, so they are translated with it.
    var copied = status.getAttribute("data-copied");
    var select = status.getAttribute("data-select");

    copy.addEventListener("click", function () {
      function fallback() {
        say(status, address && copyBySelecting(address) ? copied : select);
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(function () {
          say(status, copied);
        }, fallback);
      } else {
        fallback();
      }
    });

    if (typeof navigator.share === "function") {
      native.hidden = false;
      native.addEventListener("click", function () {
        navigator.share({ title: title, url: url }).catch(function () {
          /* the reader closed the share sheet */
        });
      });
    }
    panel.querySelector("[data-share-js]").hidden = false;
  }

  function start() {
    var panels = document.querySelectorAll("[data-share]");
    for (var i = 0; i < panels.length; i++) setUp(panels[i]);

    var print = document.querySelector("[data-print]");
    if (print) {
      print.hidden = false;
      var hint = document.querySelector("[data-print-hint]");
      if (hint) hint.hidden = true;
      print.addEventListener("click", function () {
        window.print();
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
