// Shared behaviour: empty filter fields are left out of the URL, so a shared link holds only what was chosen.
"use strict";
document.querySelectorAll("form.filters").forEach(function (form) {
  form.addEventListener("submit", function () {
    form.querySelectorAll("input, select").forEach(function (field) {
      if (field.type !== "checkbox" && field.value === "") { field.disabled = true; }
    });
  });
});
window.addEventListener("pageshow", function () {
  document.querySelectorAll("form.filters input, form.filters select").forEach(function (f) { f.disabled = false; });
});
