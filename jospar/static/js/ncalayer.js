// Jospar: an act (approval, report, unit information) signed with the official's ЭЦП through NCALayer.
//
// The act's <form> carries data-sign-url (a GET that answers the exact documents to sign), data-sign-required
// ("1": every submit signs; "0": only a submit button with data-sign does), data-ncalayer-url and the
// messages data-msg-connecting / -no-ncalayer / -cancelled / -failed / -signing in the page's language, one
// hidden input per document field (cms_kk, cms_ru, cms) and a <p class="sign-status" role="status">. On
// such a submit this script fetches the documents, asks NCALayer for one detached CMS per document, puts
// each (base64 DER) into its input and submits again with the same button. On any failure it says why in
// the status box, submits nothing and gives the button back. No framework, no CDN, no inline code (CSP).
//
// NCALayer's websocket protocol (wss://127.0.0.1:13579), as used by the NCA's own example
// (github.com/pkigovkz/NCALayerJSExample, js/ncalayer.js) and SIGEX's client
// (github.com/sigex-kz/ncalayer-js-client, ncalayer-client.js, setHandlers):
//   on connect NCALayer first sends its version:        {"result": {"version": "1.4"}}
//   current module (NCALayer releases since 2022):
//     → {"module": "kz.gov.pki.knca.basics", "method": "sign", "args": {"allowedStorages": [...],
//        "format": "cms", "data": [<base64>, ...], "signingParams": {"decode": true, "encapsulate": false,
//        "digested": false}, "signerParams": {"extKeyUsageOids": ["1.3.6.1.5.5.7.3.4"], "iin": "..."},
//        "locale": "kk"}}
//     ← {"status": true, "body": {"result": [<CMS>, ...]}}   one per document, in order; a CMS may come as
//        PEM ("-----BEGIN CMS-----", see sigex-kz/ncalayer-js-client issue #12) or bare base64
//     ← {"status": true, "body": {}}                         the user closed the dialog (cancelled)
//     ← {"status": false, "code": "...", "message": "...", "details": "..."}   a failure
//   older module (NCALayer before basics; an answer without "status" means basics is not there):
//     → {"module": "kz.gov.pki.knca.commonUtils", "method": "getActiveTokens"}
//     ← {"code": "200", "responseObject": ["AKKaztokenStore", ...]}
//     → {"module": "kz.gov.pki.knca.commonUtils", "method": "createCMSSignatureFromBase64",
//        "args": [<storage>, "SIGNATURE", <base64>, false]}          (false: detached)
//     ← {"code": "200", "responseObject": <base64 CMS>}
//     ← {"code": "500", "message": "action.canceled"}   cancelled; any other code is a failure
(function () {
  "use strict";

  var STORAGES = ["PKCS12", "AKKaztokenStore", "AKKZIDCardStore", "AKEToken72KStore", "AKJaCartaStore"];
  var SIGNING_OID = "1.3.6.1.5.5.7.3.4";  // extKeyUsage emailProtection: the NCA's signing certificates
  var CONNECT_TIMEOUT_MS = 15000;

  function SignError(kind, detail) {
    this.kind = kind;      // "no-ncalayer" | "cancelled" | "failed"
    this.detail = detail || "";
  }

  function statusBox(form) {
    return form.querySelector(".sign-status") ||
      (form.parentNode && form.parentNode.querySelector(".sign-status"));
  }

  function say(form, state, text) {
    var box = statusBox(form);
    if (!box) { return; }
    box.textContent = text || "";
    box.dataset.state = state;  // the live region stays in place, so each change is announced
  }

  function message(form, kind) {
    var key = "msg" + kind.split("-").map(function (w) { return w.charAt(0).toUpperCase() + w.slice(1); }).join("");
    return form.dataset[key] || "";
  }

  // A CMS from NCALayer as bare base64 of its DER: PEM armour and line breaks taken off.
  function bareBase64(cms) {
    return String(cms).replace(/-----(BEGIN|END)[^-]*-----/g, "").replace(/\s+/g, "");
  }

  // One websocket conversation: send() a request, next() the next answer that is not the version greeting.
  function Connection(url) {
    var self = this;
    this.queue = [];
    this.waiting = null;
    this.closed = false;
    this.opened = new Promise(function (resolve, reject) {
      var socket;
      try {
        socket = new WebSocket(url);
      } catch (e) {
        reject(new SignError("no-ncalayer", String(e)));
        return;
      }
      self.socket = socket;
      var timer = window.setTimeout(function () {
        reject(new SignError("no-ncalayer", "timeout"));
        try { socket.close(); } catch (e) { /* already gone */ }
      }, CONNECT_TIMEOUT_MS);
      socket.onopen = function () { window.clearTimeout(timer); resolve(self); };
      socket.onerror = function () {
        window.clearTimeout(timer);
        reject(new SignError("no-ncalayer", "connection error"));
        self.fail(new SignError("failed", "NCALayer connection error"));
      };
      socket.onclose = function () {
        window.clearTimeout(timer);
        self.closed = true;
        reject(new SignError("no-ncalayer", "closed"));
        self.fail(new SignError("failed", "NCALayer closed the connection"));
      };
      socket.onmessage = function (event) {
        var answer;
        try { answer = JSON.parse(event.data); } catch (e) { answer = {status: false, code: "BAD_JSON"}; }
        if (answer && answer.result && answer.result.version && !("status" in answer)) { return; }
        if (self.waiting) {
          var w = self.waiting;
          self.waiting = null;
          w.resolve(answer);
        } else {
          self.queue.push(answer);
        }
      };
    });
  }
  Connection.prototype.fail = function (error) {
    if (this.waiting) {
      var w = this.waiting;
      this.waiting = null;
      w.reject(error);
    }
  };
  Connection.prototype.call = function (request) {
    var self = this;
    if (this.closed) { return Promise.reject(new SignError("failed", "NCALayer closed the connection")); }
    return new Promise(function (resolve, reject) {
      self.waiting = {resolve: resolve, reject: reject};
      self.socket.send(JSON.stringify(request));
      if (self.queue.length) {  // an answer that arrived early
        self.waiting = null;
        resolve(self.queue.shift());
      }
    });
  };
  Connection.prototype.close = function () {
    try { if (this.socket) { this.socket.close(); } } catch (e) { /* nothing to close */ }
  };

  // The current module: one call for every document. Resolves to a list of base64 CMS, or to null when
  // this NCALayer has no basics module (it answered in the old shape).
  function signBasics(conn, payload) {
    var signerParams = {extKeyUsageOids: [SIGNING_OID]};
    if (payload.iin) { signerParams.iin = payload.iin; }
    var request = {
      module: "kz.gov.pki.knca.basics",
      method: "sign",
      args: {
        allowedStorages: STORAGES,
        format: "cms",
        data: payload.documents.map(function (d) { return d.data; }),
        signingParams: {decode: true, encapsulate: false, digested: false},
        signerParams: signerParams,
        locale: payload.locale
      }
    };
    return conn.call(request).then(function (answer) {
      if (!answer || !("status" in answer)) { return null; }
      if (answer.status !== true) {
        if (/cancel/i.test(String(answer.code || "") + String(answer.message || ""))) {
          throw new SignError("cancelled");
        }
        throw new SignError("failed", answer.code || answer.message);
      }
      var result = answer.body && answer.body.result;
      if (result === undefined || result === null) { throw new SignError("cancelled"); }
      if (result.signatures) { result = result.signatures; }  // with signingParams.outputCert
      if (!Array.isArray(result)) { result = [result]; }
      if (result.length !== payload.documents.length) {
        throw new SignError("failed", "NCALayer returned " + result.length + " signatures");
      }
      return result.map(bareBase64);
    });
  }

  function commonUtils(conn, method, args) {
    var request = {module: "kz.gov.pki.knca.commonUtils", method: method};
    if (args) { request.args = args; }
    return conn.call(request).then(function (answer) {
      if (answer && String(answer.code) === "200") { return answer.responseObject; }
      var why = String((answer && answer.message) || "");
      if (/cancel/i.test(why)) { throw new SignError("cancelled"); }
      throw new SignError("failed", (answer && answer.code) + (why ? ": " + why : ""));
    });
  }

  // The older module: the storage chosen once (a plugged-in token, else a key file), then one call per
  // document (NCALayer asks for the password each time).
  function signCommonUtils(conn, payload) {
    return commonUtils(conn, "getActiveTokens").catch(function (error) {
      if (error.kind === "cancelled") { throw error; }
      return [];
    }).then(function (tokens) {
      var storage = "PKCS12";
      (tokens || []).some(function (t) {
        if (STORAGES.indexOf(t) >= 0) { storage = t; return true; }
        return false;
      });
      var signatures = [];
      return payload.documents.reduce(function (chain, doc) {
        return chain.then(function () {
          return commonUtils(conn, "createCMSSignatureFromBase64", [storage, "SIGNATURE", doc.data, false])
            .then(function (cms) {
              if (!cms) { throw new SignError("cancelled"); }
              signatures.push(bareBase64(cms));
            });
        });
      }, Promise.resolve()).then(function () { return signatures; });
    });
  }

  function prepare(form) {
    return window.fetch(form.dataset.signUrl, {
      credentials: "same-origin",
      headers: {"Accept": "application/json", "X-Requested-With": "XMLHttpRequest"}
    }).catch(function (e) {
      throw new SignError("failed", String(e));
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok || !body.documents || !body.documents.length) {
          var error = new SignError("failed", "prepare " + response.status);
          error.text = body.error || body.detail || "";
          throw error;
        }
        return body;
      });
    });
  }

  function clearInputs(form, payload) {
    (payload ? payload.documents : []).forEach(function (doc) {
      var input = form.querySelector("input[type=hidden][name='" + doc.field + "']");
      if (input) { input.value = ""; }
    });
  }

  function fillInputs(form, payload, signatures) {
    payload.documents.forEach(function (doc, i) {
      var input = form.querySelector("input[type=hidden][name='" + doc.field + "']");
      if (!input) {
        input = document.createElement("input");
        input.type = "hidden";
        input.name = doc.field;
        form.appendChild(input);
      }
      input.value = signatures[i];
    });
  }

  function buttons(form) {
    return Array.prototype.slice.call(form.querySelectorAll("button[type=submit], button:not([type]), input[type=submit]"));
  }

  function sign(form, submitter) {
    var payload = null;
    var conn = null;
    var disabled = buttons(form).filter(function (b) { return !b.disabled; });
    disabled.forEach(function (b) { b.disabled = true; });
    form.dataset.signing = "1";
    form.setAttribute("aria-busy", "true");
    say(form, "connecting", message(form, "connecting"));

    prepare(form).then(function (body) {
      payload = body;
      payload.locale = body.locale || document.documentElement.lang || "ru";
      conn = new Connection(form.dataset.ncalayerUrl || "wss://127.0.0.1:13579");
      return conn.opened;
    }).then(function () {
      say(form, "signing", message(form, "signing"));
      return signBasics(conn, payload).then(function (signatures) {
        return signatures || signCommonUtils(conn, payload);
      });
    }).then(function (signatures) {
      conn.close();
      fillInputs(form, payload, signatures);
      say(form, "sending", message(form, "done") || message(form, "signing"));
      disabled.forEach(function (b) { b.disabled = false; });
      form.removeAttribute("aria-busy");
      // Submit again as the pressed button did; this pass is neither signed nor confirmed again.
      form.dataset.signed = "1";
      form.dataset.confirmed = "1";
      try {
        if (form.requestSubmit) { form.requestSubmit(submitter || undefined); } else { form.submit(); }
      } finally {
        delete form.dataset.signed;
        delete form.dataset.confirmed;
        delete form.dataset.signing;
      }
    }).catch(function (error) {
      if (conn) { conn.close(); }
      clearInputs(form, payload);
      var kind = (error && error.kind) || "failed";
      var text = (error && error.text) || message(form, kind) || message(form, "failed");
      if (kind === "failed" && error && error.detail && !error.text) { text += " (" + error.detail + ")"; }
      say(form, kind, text);
      disabled.forEach(function (b) { b.disabled = false; });
      form.removeAttribute("aria-busy");
      delete form.dataset.signing;
      if (submitter && submitter.focus) { submitter.focus(); }
      if (window.console) { window.console.warn("NCALayer:", kind, error && error.detail); }
    });
  }

  // Capture phase on the document, like jospar.js's confirmation: that one asks first (and submits again
  // with data-confirmed="1"); signing starts only after the answer is yes.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || !form.dataset || !form.dataset.signUrl) { return; }
    if (form.dataset.signed === "1") { return; }  // our own second pass: let it go
    var submitter = event.submitter || null;
    var wants = form.dataset.signRequired === "1" || (submitter && submitter.hasAttribute("data-sign"));
    if (!wants) { return; }
    var question = (submitter && submitter.dataset.confirm) || form.dataset.confirm;
    if (question && form.dataset.confirmed !== "1") { return; }  // the confirmation is asked first
    event.preventDefault();
    event.stopPropagation();  // htmx must not see it either
    if (form.dataset.signing === "1") { return; }  // a second press while signing
    sign(form, submitter);
  }, true);
})();
