// Jospar's few lines of script: show refusals that htmx actions report, in the page's language.
document.addEventListener("jospar:error", function (event) {
  var box = document.getElementById("action-error");
  if (!box) { window.alert(event.detail.value); return; }
  box.textContent = event.detail.value;
  box.hidden = false;
});

// A deadline shows only the inputs its kind uses (a date, a month, a quarter, a day); the server
// ignores the others, so nothing is lost when the kind changes back.
function josparDeadlines(root) {
  (root || document).querySelectorAll("fieldset.deadline").forEach(function (set) {
    var kind = set.querySelector("select[name$='deadline_kind']");
    if (!kind) { return; }
    set.querySelectorAll("[data-kinds]").forEach(function (label) {
      label.hidden = label.dataset.kinds.split(" ").indexOf(kind.value) < 0;
    });
  });
}
document.addEventListener("change", function (event) {
  if (event.target.name && /deadline_kind$/.test(event.target.name)) { josparDeadlines(); }
});
document.addEventListener("DOMContentLoaded", function () { josparDeadlines(); });
document.addEventListener("htmx:afterSwap", function () { josparDeadlines(); });

// An amendment's basis shows only its own fields: the monitoring decision, or the development
// plan's amendment (number and date).
function josparBasis() {
  document.querySelectorAll("form.amend-basis").forEach(function (form) {
    var chosen = form.querySelector("input[name='basis']:checked");
    form.querySelectorAll("[data-basis]").forEach(function (label) {
      label.hidden = !chosen || label.dataset.basis !== chosen.value;
    });
  });
}
document.addEventListener("change", function (event) {
  if (event.target.name === "basis") { josparBasis(); }
});
document.addEventListener("DOMContentLoaded", josparBasis);
