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

// File pickers in the page's language: the browser's own «Choose File / No file chosen» follows the
// browser's language, not the one the user chose here.
function josparFilePickers(root) {
  var body = document.body;
  (root || document).querySelectorAll("input[type=file]:not([data-picker])").forEach(function (input) {
    input.dataset.picker = "1";
    input.classList.add("file-native");
    var pick = document.createElement("button");
    pick.type = "button";
    pick.className = "secondary file-pick";
    pick.textContent = body.dataset.chooseFile || "Choose a file";
    var name = document.createElement("span");
    name.className = "file-name muted";
    name.textContent = body.dataset.noFile || "";
    pick.addEventListener("click", function () { input.click(); });
    input.addEventListener("change", function () {
      name.textContent = input.files.length ? input.files[0].name : (body.dataset.noFile || "");
    });
    input.insertAdjacentElement("afterend", name);
    input.insertAdjacentElement("afterend", pick);
  });
}
document.addEventListener("DOMContentLoaded", function () { josparFilePickers(); });
document.addEventListener("htmx:afterSwap", function (event) { josparFilePickers(event.target); });
