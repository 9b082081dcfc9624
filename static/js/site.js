// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // After a failed POST (or an htmx swap with errors) move focus to the error summary.
  function focusErrors(root) {
    var summary = (root || document).querySelector("[data-autofocus]");
    if (summary) { summary.focus(); }
  }
  document.addEventListener("DOMContentLoaded", function () { focusErrors(document); });
  document.addEventListener("htmx:afterSwap", function (event) { focusErrors(event.target); });
})();
