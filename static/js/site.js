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

  // A follow-up question (data-shown-when="area_kind" data-shown-value="prefectures") is shown only
  // while its choice is made; without this file every follow-up is visible and says when it is
  // required.
  function showFollowUps() {
    document.querySelectorAll("[data-shown-when]").forEach(function (group) {
      var form = group.closest("form");
      var control = form && form.elements[group.getAttribute("data-shown-when")];
      if (!control) { return; }
      group.hidden = control.value !== group.getAttribute("data-shown-value");
    });
  }
  document.addEventListener("DOMContentLoaded", showFollowUps);
  document.addEventListener("change", showFollowUps);

  // Municipality pickers (kyoso/regions/picker.py): show the search box (it needs htmx) and add
  // a clicked suggestion to the list of chosen municipalities, which is what the server reads.
  function revealSearch(root) {
    root.querySelectorAll("[data-picker-search]").forEach(function (box) { box.hidden = false; });
  }
  document.addEventListener("DOMContentLoaded", function () { revealSearch(document); });
  document.addEventListener("htmx:load", function (event) { revealSearch(event.target); });
  // A type-ahead inside a filter form that reloads on change must not reload it.
  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("[data-typeahead]")) { event.stopPropagation(); }
  }, true);
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-muni-pick]");
    if (!button) { return; }
    var picker = button.closest("[data-picker]");
    var code = button.getAttribute("data-muni-pick");
    var label = button.getAttribute("data-muni-label");
    var list = picker.querySelector("[data-picker-list]");
    if (picker.getAttribute("data-multiple") !== "1") {
      list.querySelectorAll("li").forEach(function (item) { item.remove(); });
    }
    var existing = null;
    list.querySelectorAll("input").forEach(function (input) {
      if (input.value === code) { existing = input; }
    });
    if (existing) {
      existing.checked = true;
    } else {
      var item = picker.querySelector("template[data-picker-item]").content.cloneNode(true);
      item.querySelector("input").value = code;
      item.querySelector("span").textContent = label;
      list.appendChild(item);
    }
    picker.querySelector("[data-picker-empty]").hidden = true;
    picker.querySelector("[data-picker-status]").textContent =
      picker.getAttribute("data-added").replace("{name}", label);
    picker.querySelector("input[type=search]").focus();
  });

  // Video chapters and transcript times (data-seek): jump the native player instead of loading
  // the page again. Without this file the links reload the page with ?t=, and the player starts
  // there (a media fragment on the source).
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-seek]");
    var player = document.querySelector("video[data-video-player]");
    if (!link || !player) { return; }
    event.preventDefault();
    player.currentTime = parseInt(link.getAttribute("data-seek"), 10) || 0;
    player.focus();
    player.play().catch(function () {});
  });
})();
