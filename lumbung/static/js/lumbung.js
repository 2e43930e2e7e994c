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

  // A form with data-weight-sum shows the running sum of its "-weight" inputs, skipping rows ticked
  // for removal; the server checks the sum again.
  function setUpWeightSums(root) {
    root.querySelectorAll("form[data-weight-sum]").forEach(function (form) {
      var output = document.getElementById(form.getAttribute("data-weight-sum"));
      var note = document.getElementById(form.getAttribute("data-weight-note"));
      function update() {
        var sum = 0;
        form.querySelectorAll("input[name$='-weight']").forEach(function (input) {
          var remove = form.querySelector("input[name='" + input.name.replace(/-weight$/, "-DELETE") + "']");
          var value = parseInt(input.value, 10);
          if (!(remove && remove.checked) && !isNaN(value)) sum += value;
        });
        output.textContent = sum;
        if (note) {
          note.hidden = sum === 100;
          note.classList.toggle("error", sum !== 100);
        }
      }
      form.addEventListener("input", update);
      form.addEventListener("change", update);
      update();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpWeightSums(document);
    setUpWordCounters(document);
    setUpAutosubmit(document);
    setUpConfirm(document);
  });
})();
