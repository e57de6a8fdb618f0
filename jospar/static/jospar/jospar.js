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

// Confirmation before an irreversible action, in the page's language and without inline script
// (the Content-Security-Policy allows none): a form, or the button that submits it, carrying
// data-confirm="question" asks in a <dialog> first; htmx elements with hx-confirm ask in the same
// dialog. Cancel (or Escape) leaves everything as it was and puts the focus back on the button.
function josparConfirm(question, onYes, returnFocus) {
  var body = document.body;
  var dialog = document.getElementById("confirm-dialog");
  if (!dialog) {
    dialog = document.createElement("dialog");
    dialog.id = "confirm-dialog";
    dialog.className = "confirm-dialog";
    dialog.setAttribute("aria-labelledby", "confirm-question");
    dialog.innerHTML = '<form method="dialog"><p id="confirm-question"></p><div class="actions">' +
      '<button type="submit" value="yes" class="primary"></button>' +
      '<button type="submit" value="no" class="secondary"></button></div></form>';
    document.body.appendChild(dialog);
  }
  dialog.querySelector("#confirm-question").textContent = question;
  var yes = dialog.querySelector("button[value=yes]");
  var no = dialog.querySelector("button[value=no]");
  yes.textContent = body.dataset.confirmYes || "OK";
  no.textContent = body.dataset.confirmNo || "Cancel";
  dialog.returnValue = "";
  // the focus goes back to the control that asked (a form asking gives it back to its pressed button)
  var before = document.activeElement;
  if (!returnFocus || returnFocus.tagName === "FORM") { returnFocus = before; }
  dialog.onclose = function () {
    if (dialog.returnValue === "yes") { onYes(); } else if (returnFocus) { returnFocus.focus(); }
  };
  dialog.showModal();
  no.focus();
}
document.addEventListener("submit", function (event) {
  var form = event.target;
  var submitter = event.submitter;
  var question = (submitter && submitter.dataset.confirm) || form.dataset.confirm;
  if (!question || form.dataset.confirmed === "1") { return; }
  event.preventDefault();
  event.stopPropagation();  // htmx must not see it either until the answer is yes
  josparConfirm(question, function () {
    // Submit again as the pressed button did: requestSubmit(submitter) sends its name=value (and its
    // formaction) in a plain form; htmx reads the button it tracks through the focus given back to it.
    if (submitter) { submitter.focus(); }
    form.dataset.confirmed = "1";
    try {
      form.requestSubmit(submitter || undefined);
    } finally {
      delete form.dataset.confirmed;  // the next press asks again (a download leaves the page in place)
    }
  }, submitter);
}, true);
document.addEventListener("htmx:confirm", function (event) {
  if (!event.detail.question) { return; }
  event.preventDefault();
  josparConfirm(event.detail.question, function () { event.detail.issueRequest(true); }, event.detail.elt);
});

// A <select data-autosubmit> sends its form when the choice changes (no inline onchange under the CSP).
document.addEventListener("change", function (event) {
  if (event.target.matches && event.target.matches("select[data-autosubmit]") && event.target.form) {
    event.target.form.submit();
  }
});
