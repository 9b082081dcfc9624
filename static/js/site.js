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

  // Municipality pickers: show the search box (it needs htmx) and add a clicked suggestion
  // as a new line of the textarea, which is what the server reads.
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-picker-for]").forEach(function (picker) {
      picker.hidden = false;
    });
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-muni-add]");
    if (!button) { return; }
    var picker = button.closest("[data-picker-for]");
    var area = document.getElementById(picker.getAttribute("data-picker-for"));
    var value = button.getAttribute("data-muni-add");
    var lines = area.value.split(/\n/).map(function (s) { return s.trim(); }).filter(Boolean);
    if (lines.indexOf(value) === -1) { lines.push(value); }
    area.value = lines.join("\n");
    var live = picker.querySelector("[aria-live]");
    live.textContent = picker.getAttribute("data-added").replace("{name}", value);
    picker.querySelector("input[type=search]").focus();
  });
})();
