// Small progressive enhancements; every page works without them.
(function () {
  "use strict";

  function countWords(text) {
    var trimmed = text.trim();
    return trimmed ? trimmed.split(/\s+/).length : 0;
  }

  function setUpWordCounters(root) {
    root.querySelectorAll("[data-word-count]").forEach(function (field) {
      var output = document.getElementById(field.getAttribute("data-word-count"));
      var minimum = parseInt(field.getAttribute("data-word-min") || "0", 10);
      if (!output) return;
      function update() {
        var words = countWords(field.value);
        output.textContent = output.getAttribute("data-template").replace("{n}", words).replace("{min}", minimum);
        output.classList.toggle("short", words < minimum);
      }
      field.addEventListener("input", update);
      update();
    });
  }

  function setUpAutosubmit(root) {
    root.querySelectorAll("[data-autosubmit]").forEach(function (el) {
      el.addEventListener("change", function () { el.form.submit(); });
    });
  }

  function setUpConfirm(root) {
    root.querySelectorAll("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.confirm(form.getAttribute("data-confirm"))) event.preventDefault();
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpWordCounters(document);
    setUpAutosubmit(document);
    setUpConfirm(document);
  });
})();
