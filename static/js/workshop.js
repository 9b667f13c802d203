// CEN Console: a workshop trainee's pages. Reports each stop of the guided tour that is shown (the
// tour dispatches a "cen:tour-step" event on document with detail {step, stop}) to the facilitator's
// board with a small POST, CSRF-protected; and on the page after Join workshop, starts the tour (as
// clicking Take the tour does). Loaded before tour.js, so the first stop of a page is heard. Without
// JavaScript nothing is reported and the How to buy page is the tour.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.fetch) {
    return;
  }
  var url = script.dataset.progressUrl;
  var token = script.dataset.csrfToken;
  var sent = {};

  document.addEventListener("cen:tour-step", function (event) {
    var stop = event.detail && event.detail.stop;
    if (!stop || sent[stop]) {
      return;
    }
    sent[stop] = true;
    var body = new window.URLSearchParams();
    body.set("stop", stop);
    window.fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": token },
      body: body,
      keepalive: true, // a click that leaves the page does not cancel the report
    }).catch(function () {
      sent[stop] = false; // try again when the stop is next shown
    });
  });

  if (script.hasAttribute("data-tour-start")) {
    document.addEventListener("DOMContentLoaded", function () {
      var link = document.getElementById("tour-link");
      if (link) {
        link.click();
      }
    });
  }
})();
