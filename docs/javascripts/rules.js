// Rule catalogue filter: hides the rows (and emptied families) that do not match the text and severity.
(function () {
  "use strict";

  function setUp() {
    var text = document.getElementById("rule-filter-text");
    var severity = document.getElementById("rule-filter-severity");
    var count = document.getElementById("rule-filter-count");
    if (!text || !severity) {
      return;
    }
    var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-rule]"));
    var tables = Array.prototype.slice.call(document.querySelectorAll("table[data-family]"));

    function familyParts(table) {
      // The family heading and its id line come right before the table (or its scroll wrapper).
      var parts = [];
      var node = table.closest(".md-typeset__scrollwrap") || table;
      var before = node.previousElementSibling;
      while (before && parts.length < 2) {
        parts.push(before);
        if (before.tagName === "H2") {
          break;
        }
        before = before.previousElementSibling;
      }
      return [node].concat(parts);
    }

    function apply() {
      var words = text.value.toLowerCase().trim().split(/\s+/).filter(Boolean);
      var level = severity.value;
      var shown = 0;
      rows.forEach(function (row) {
        var haystack = row.getAttribute("data-text") || "";
        var match = (!level || row.getAttribute("data-severity") === level) &&
          words.every(function (word) { return haystack.indexOf(word) !== -1; });
        row.hidden = !match;
        if (match) {
          shown += 1;
        }
      });
      tables.forEach(function (table) {
        var any = table.querySelector("tr[data-rule]:not([hidden])") !== null;
        familyParts(table).forEach(function (part) { part.hidden = !any; });
      });
      if (count) {
        count.textContent = shown === rows.length ? rows.length + " rules" : shown + " of " + rows.length + " rules";
      }
    }

    text.addEventListener("input", apply);
    severity.addEventListener("change", apply);
    apply();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
