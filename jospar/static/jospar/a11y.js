// Keyboard and screen readers (no framework, no inline script under the CSP; ES2017).
//
// 1. In-place editors (htmx): when one opens, the focus moves into its first field (the first field with
//    an error when it comes back refused); when it closes (saved or cancelled), the focus goes back to
//    the control that opened it. Escape inside an editor presses its Cancel button (or closes a
//    <details> box). Elsewhere, when an htmx swap removes the focused control (the work list's item
//    replaced after «Save»), the same control in the new content gets the focus back.
// 2. The confirmation <dialog> keeps Tab and Shift+Tab inside it (jospar.js opens it and gives the
//    focus back on Escape or Cancel).
// 3. Messages are announced: Django's messages after a page load, and the texts htmx swaps in
//    («Saved.», a refusal, a status line) go into one polite live region that exists from the start.
(function () {
  "use strict";

  var EDITOR = ".editrow, .dp-form, .rec-form, [data-editor]";
  var FIELD = "input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])";
  var FOCUSABLE = "a[href], button:not([disabled]), " + FIELD + ", summary, [tabindex]:not([tabindex='-1'])";
  var ANNOUNCE = ".saved, [role=status]:not(#live-region), .messages li, .error:not([role=alert])";

  function visible(el) {
    return !!(el && (el.offsetWidth || el.offsetHeight || el.getClientRects().length)) && !el.closest("[hidden]");
  }

  function cssEscape(value) {
    return window.CSS && CSS.escape ? CSS.escape(value) : value.replace(/["\\]/g, "\\$&");
  }

  // A description of a control that finds «the same» control again once htmx has replaced it: the
  // nearest ancestor with an id, a selector from the control's own attributes, and its index there.
  function describe(el) {
    if (!el || el === document.body || !el.tagName) { return null; }
    if (el.id) { return { scope: null, sel: "#" + cssEscape(el.id), index: 0 }; }
    var sel = el.tagName.toLowerCase();
    ["hx-get", "hx-post", "name", "type", "value"].forEach(function (attr) {
      var v = el.getAttribute(attr);
      if (v !== null && v !== "") { sel += "[" + attr + '="' + cssEscape(v) + '"]'; }
    });
    if (el.form && el.form.getAttribute("action")) {
      sel = 'form[action="' + cssEscape(el.form.getAttribute("action")) + '"] ' + sel;
    }
    var scope = el.parentElement && el.parentElement.closest("[id]");
    var root = scope || document;
    var index = Array.prototype.indexOf.call(root.querySelectorAll(sel), el);
    return { scope: scope ? scope.id : null, sel: sel, index: Math.max(index, 0) };
  }

  function find(d) {
    if (!d) { return null; }
    var root = d.scope ? document.getElementById(d.scope) : document;
    var found = root ? root.querySelectorAll(d.sel)[d.index] : null;
    if (!found) { found = document.querySelector(d.sel); }
    return visible(found) ? found : null;
  }

  function firstField(container) {
    var invalid = container.querySelector("[aria-invalid=true]");
    if (visible(invalid)) { return invalid; }
    var fields = container.querySelectorAll(FIELD);
    for (var i = 0; i < fields.length; i++) { if (visible(fields[i])) { return fields[i]; } }
    return container.querySelector("button");
  }

  // The control a request comes from: the button pressed (a form's submitter), else the element itself.
  function sourceOf(elt) {
    var active = document.activeElement;
    if (elt.tagName === "FORM") {
      if (active && elt.contains(active)) { return active; }
      return elt.querySelector("button[type=submit], button:not([type])") || elt;
    }
    return elt;
  }

  var pending = null;
  document.addEventListener("htmx:beforeRequest", function (event) {
    var elt = event.detail.elt;
    if (!elt || !elt.closest) { return; }
    var editor = elt.closest(EDITOR);
    pending = {
      source: sourceOf(elt),
      key: describe(sourceOf(elt)),
      editor: editor,
      opener: editor ? editor.josparOpener || null : null,
      settled: false,
    };
  });

  function afterSwap() {
    var p = pending;
    pending = null;
    if (!p) { return; }
    var fresh = null;
    document.querySelectorAll(EDITOR).forEach(function (ed) {
      if (!fresh && !ed.josparSeen && visible(ed)) { fresh = ed; }
    });
    document.querySelectorAll(EDITOR).forEach(function (ed) { ed.josparSeen = true; });
    if (fresh) {
      // opened (or came back with an error): remember who opened it, focus its first field
      fresh.josparOpener = p.editor ? p.opener : p.key;
      var field = firstField(fresh);
      if (field) { field.focus(); }
      return;
    }
    // the focus was lost with the replaced content (it is on <body> now): put it back; a user who has
    // moved on meanwhile keeps their place
    var lost = !document.activeElement || document.activeElement === document.body;
    if (!lost) { return; }
    if (p.editor && !document.body.contains(p.editor)) {
      var back = find(p.opener) || find(p.key);
      if (back) { back.focus(); return; }
    }
    if (p.source && !document.body.contains(p.source)) {
      var same = find(p.key);
      if (same) { same.focus(); }
    }
  }

  // editors present when the page loads (a full-page form) are not «opened» by a later swap
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(EDITOR).forEach(function (ed) { ed.josparSeen = true; });
  });

  document.addEventListener("htmx:afterSettle", function () {
    if (pending && !pending.settled) {
      pending.settled = true;
      window.setTimeout(afterSwap, 0);  // once, after every swapped element has settled
    }
  });

  // Escape inside an editor cancels it; inside an open <details> box, closes the box.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.defaultPrevented) { return; }
    var target = event.target;
    if (!target.closest || target.closest("dialog")) { return; }
    var editor = target.closest(EDITOR);
    var cancel = editor && editor.querySelector("[data-cancel], button.secondary[hx-get]");
    if (cancel) {
      event.preventDefault();
      cancel.focus();
      cancel.click();
      return;
    }
    var details = target.closest("details[open]");
    if (details) {
      event.preventDefault();
      details.open = false;
      var summary = details.querySelector("summary");
      if (summary) { summary.focus(); }
    }
  });

  // A modal <dialog> keeps the focus inside it: Tab past the last control goes to the first.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Tab") { return; }
    var dialog = document.querySelector("dialog[open]");
    if (!dialog) { return; }
    var items = Array.prototype.filter.call(dialog.querySelectorAll(FOCUSABLE), visible);
    if (!items.length) { return; }
    var first = items[0];
    var last = items[items.length - 1];
    var active = document.activeElement;
    if (event.shiftKey && (active === first || !dialog.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  });

  // The polite live region: one, present from the page load, so that screen readers announce changes.
  function announce(text) {
    var region = document.getElementById("live-region");
    text = (text || "").replace(/\s+/g, " ").trim();
    if (!region || !text) { return; }
    region.textContent = "";
    window.setTimeout(function () { region.textContent = text; }, 50);
  }

  function texts(root) {
    var out = [];
    var nodes = root.matches && root.matches(ANNOUNCE) ? [root] : [];
    if (root.querySelectorAll) { nodes = nodes.concat(Array.prototype.slice.call(root.querySelectorAll(ANNOUNCE))); }
    nodes.forEach(function (node) {
      var t = node.textContent.replace(/\s+/g, " ").trim();
      if (t && !node.hidden && !node.closest("[hidden]") && out.indexOf(t) < 0) { out.push(t); }
    });
    return out;
  }

  var swapped = [];
  document.addEventListener("htmx:afterSwap", function (event) {
    swapped.push(event.target);
    if (swapped.length === 1) {
      window.setTimeout(function () {
        var all = [];
        swapped.forEach(function (el) {
          texts(el).forEach(function (t) { if (all.indexOf(t) < 0) { all.push(t); } });
        });
        swapped = [];
        announce(all.join(" "));
      }, 0);
    }
  });
  document.addEventListener("htmx:oobAfterSwap", function (event) {
    var t = texts(event.detail.target || event.target);
    if (t.length) { announce(t.join(" ")); }
  });
  document.addEventListener("DOMContentLoaded", function () {
    var region = document.getElementById("live-region");
    if (!region) { return; }
    var found = texts(document.getElementById("messages") || document.createElement("div"));
    if (found.length) { window.setTimeout(function () { announce(found.join(" ")); }, 300); }
  });

  // The co-executor picker: a progressive enhancement over the native <select multiple data-unit-picker>
  // (which stays in the form, hidden, and is what is submitted). A search box filters the units as one
  // types; the list is an ARIA listbox (multi-select) driven from the search box: ↓/↑ (Home/End) move
  // through the units shown, Enter or Space on an empty search toggles the unit, Escape clears the
  // search. The chosen units are listed above as buttons that remove them.
  var pickers = 0;
  function buildPicker(select) {
    if (select.josparPicker) { return; }
    select.josparPicker = true;
    var n = ++pickers;
    var id = "picker-" + n;
    var d = select.dataset;
    var labelId = d.pickerLabelId || "";
    var wrap = document.createElement("div");
    wrap.className = "picker";
    wrap.setAttribute("role", "group");
    if (labelId) { wrap.setAttribute("aria-labelledby", labelId); }
    var chosen = document.createElement("ul");
    chosen.className = "picker-chosen";
    chosen.setAttribute("aria-label", d.pickerChosen || "Chosen");
    var search = document.createElement("input");
    search.type = "search";
    search.className = "picker-search";
    search.id = id + "-search";
    search.autocomplete = "off";
    search.placeholder = d.pickerSearch || "";
    search.setAttribute("role", "combobox");
    search.setAttribute("aria-expanded", "true");
    search.setAttribute("aria-autocomplete", "list");
    search.setAttribute("aria-controls", id + "-list");
    search.setAttribute("aria-label", (d.pickerLabel ? d.pickerLabel + ": " : "") + (d.pickerSearch || ""));
    var list = document.createElement("ul");
    list.className = "picker-list";
    list.id = id + "-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-multiselectable", "true");
    list.setAttribute("aria-label", d.pickerLabel || "");
    list.tabIndex = -1;
    var count = document.createElement("p");
    count.className = "picker-count";
    count.setAttribute("aria-live", "polite");
    wrap.appendChild(chosen);
    wrap.appendChild(search);
    wrap.appendChild(list);
    wrap.appendChild(count);

    var items = [];
    Array.prototype.forEach.call(select.options, function (option, i) {
      if (!option.value) { return; }
      var li = document.createElement("li");
      li.setAttribute("role", "option");
      li.id = id + "-o" + i;
      li.textContent = option.textContent;
      li.josparOption = option;
      li.addEventListener("mousedown", function (event) { event.preventDefault(); });  // keep focus in search
      li.addEventListener("click", function () { setActive(li); toggle(li); search.focus(); });
      list.appendChild(li);
      items.push(li);
    });
    var active = null;

    function shown() { return items.filter(function (li) { return !li.hidden; }); }
    function setActive(li) {
      if (active) { active.classList.remove("active"); }
      active = li;
      if (li) {
        li.classList.add("active");
        search.setAttribute("aria-activedescendant", li.id);
        li.scrollIntoView({ block: "nearest" });
      } else {
        search.removeAttribute("aria-activedescendant");
      }
    }
    function render() {
      chosen.textContent = "";
      var picked = 0;
      items.forEach(function (li) {
        var on = li.josparOption.selected;
        li.setAttribute("aria-selected", on ? "true" : "false");
        if (!on) { return; }
        picked += 1;
        var chip = document.createElement("li");
        var name = document.createElement("span");
        name.textContent = li.textContent;
        var remove = document.createElement("button");
        remove.type = "button";
        remove.textContent = "✕";
        remove.setAttribute("aria-label", (d.pickerRemove || "Remove") + ": " + li.textContent);
        remove.addEventListener("click", function () {
          li.josparOption.selected = false;
          changed();
          search.focus();
        });
        chip.appendChild(name);
        chip.appendChild(remove);
        chosen.appendChild(chip);
      });
      var visibleCount = shown().length;
      count.textContent = (d.pickerChosen || "Chosen") + ": " + picked + " · " + (d.pickerShown || "Shown") + ": " +
        visibleCount + " / " + items.length + (visibleCount ? "" : " · " + (d.pickerNone || ""));
    }
    function changed() {
      select.dispatchEvent(new Event("change", { bubbles: true }));
      render();
    }
    function toggle(li) {
      li.josparOption.selected = !li.josparOption.selected;
      changed();
    }
    function filter() {
      var q = search.value.trim().toLowerCase().replace(/ё/g, "е");
      items.forEach(function (li) {
        li.hidden = q !== "" && li.textContent.toLowerCase().replace(/ё/g, "е").indexOf(q) < 0;
      });
      var list_ = shown();
      setActive(q !== "" && list_.length ? list_[0] : (active && !active.hidden ? active : null));
      render();
    }
    search.addEventListener("input", filter);
    search.addEventListener("keydown", function (event) {
      var list_ = shown();
      var at = active ? list_.indexOf(active) : -1;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (!list_.length) { return; }
        var next = event.key === "ArrowDown" ? Math.min(at + 1, list_.length - 1) : Math.max(at - 1, 0);
        setActive(list_[next]);
      } else if ((event.key === "Home" || event.key === "End") && event.ctrlKey && list_.length) {
        event.preventDefault();
        setActive(event.key === "Home" ? list_[0] : list_[list_.length - 1]);
      } else if (event.key === "Enter" || (event.key === " " && search.value === "")) {
        event.preventDefault();  // never submits the form from here
        if (active && !active.hidden) { toggle(active); }
      } else if (event.key === "Escape" && search.value !== "") {
        event.preventDefault();
        event.stopPropagation();  // the first Escape clears the search; the next one reaches the editor
        search.value = "";
        filter();
      }
    });
    select.classList.add("picker-native");
    select.setAttribute("aria-hidden", "true");
    select.tabIndex = -1;
    select.insertAdjacentElement("afterend", wrap);
    var label = labelId && document.getElementById(labelId);
    if (label) { label.htmlFor = search.id; }
    render();
  }
  function buildPickers(root) {
    (root || document).querySelectorAll("select[multiple][data-unit-picker]").forEach(buildPicker);
  }
  document.addEventListener("DOMContentLoaded", function () { buildPickers(); });
  document.addEventListener("htmx:afterSwap", function (event) { buildPickers(event.target); });
  document.addEventListener("htmx:load", function (event) { buildPickers(event.target); });

  // The skip link: focus <main> itself (it has tabindex=-1), so that Tab continues from there.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.skip-link");
    if (!link) { return; }
    var main = document.getElementById("main");
    if (main) {
      event.preventDefault();
      main.focus();
      main.scrollIntoView({ block: "start" });
    }
  });
})();
