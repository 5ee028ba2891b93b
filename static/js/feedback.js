/* "Was this page helpful?" sent in place (docs/feedback.md). Without this script the form
 * posts and the browser shows /feedback/thanks/; with it, the same request is made with fetch
 * and that page's [data-feedback] part replaces the form. Nothing is stored in the browser. */
(function () {
  "use strict";
  if (!window.fetch || !window.DOMParser) return;
  var FAILED = "Sorry, that did not send. Please try again.";

  function say(box, text) {
    var note = box.querySelector("[data-note]") || box.appendChild(document.createElement("p"));
    note.setAttribute("data-note", "");
    note.setAttribute("role", "alert");
    note.textContent = text;
  }

  document.addEventListener("submit", function (event) {
    var form = event.target, box = form.closest("[data-feedback]"), button = event.submitter;
    if (!box || !form.hasAttribute("data-feedback-form") || form.ariaBusy) return;
    var data = new FormData(form);
    if (button && button.name) data.append(button.name, button.value);
    else if (form.querySelector("button[name]")) return; // which button? let the browser post
    event.preventDefault();
    form.ariaBusy = "true";
    fetch(form.action, { method: "POST", body: new URLSearchParams(data) }).then(function (r) {
      var plain = /^text\/plain/.test(r.headers.get("Content-Type"));
      return r.text().then(function (text) {
        form.ariaBusy = null;
        var page = new DOMParser().parseFromString(text, "text/html");
        var part = page.querySelector("[data-feedback]");
        if (!part) return say(box, plain && text ? text : FAILED);
        box.replaceChildren.apply(box, Array.from(part.childNodes, function (node) {
          return document.importNode(node, true);
        }));
        var focus = box.querySelector(".error-summary") ||
          box.querySelector("[data-feedback-focus]");
        if (focus) focus.focus();
      });
    }).catch(function () {
      form.ariaBusy = null;
      say(box, FAILED);
    });
  });
})();
