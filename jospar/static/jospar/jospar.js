// Jospar's few lines of script: show refusals that htmx actions report, in the page's language.
document.addEventListener("jospar:error", function (event) {
  var box = document.getElementById("action-error");
  if (!box) { window.alert(event.detail.value); return; }
  box.textContent = event.detail.value;
  box.hidden = false;
});
