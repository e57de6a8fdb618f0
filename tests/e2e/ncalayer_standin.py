"""A stand-in for NCALayer in browser tests: a real websocket server on 127.0.0.1 that speaks NCALayer's
protocol and signs with a demo certificate, so the page's real script (jospar/static/js/ncalayer.js) runs
end to end.

    standin = NCALayerStandIn(credential, other=other_credential)   # demo_ca.Credential's
    standin.start()              # a free port, a background thread; standin.url == "ws://127.0.0.1:<port>"
    standin.mode = "cancel"      # "sign" (default) | "cancel" | "other" | "fail"
    standin.old_api = True       # an NCALayer without the basics module (commonUtils only)
    standin.stop()               # "not running": the port refuses connections (stop() then start() again)

Modes: ``sign`` answers ``kz.gov.pki.knca.basics`` ``sign`` with one detached CMS per document (as PEM, the
way the basics module answers); ``cancel`` answers as when the user closes NCALayer's dialog
(``{"status": true, "body": {}}`` for basics, ``{"code": "500", "message": "action.canceled"}`` for
commonUtils); ``other`` signs with ``other`` (another person's key); ``fail`` answers
``{"status": false, "code": "SIGNING_FAILURE", ...}``. With ``old_api`` it is an NCALayer without the basics
module: it answers basics in the old shape with an error and signs through ``kz.gov.pki.knca.commonUtils``
``createCMSSignatureFromBase64`` (base64 DER), in any of the modes.
On connect it first sends its version, as NCALayer does. Every request is kept in ``requests``.
"""

from __future__ import annotations

import base64
import json
import socket
import threading
from collections.abc import Callable
from typing import Any

from websockets.sync.server import ServerConnection, serve

Signer = Callable[[bytes], bytes]  # content -> detached CMS (DER)

MODES = ("sign", "cancel", "other", "fail")


def credential_signer(credential: Any) -> Signer:
    """A demo_ca.Credential as a signer (helper sigcrypto's demo authority)."""
    from jospar.signatures.crypto.demo_ca import sign_detached

    return lambda content: sign_detached(content, credential)


def _pem(der: bytes) -> str:
    text = base64.b64encode(der).decode()
    lines = [text[i : i + 64] for i in range(0, len(text), 64)]
    return "-----BEGIN CMS-----\n" + "\n".join(lines) + "\n-----END CMS-----\n"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NCALayerStandIn:
    def __init__(self, signer: Signer | Any, *, other: Signer | Any | None = None, version: str = "1.4") -> None:
        self.signer = signer if callable(signer) else credential_signer(signer)
        self.other = None if other is None else (other if callable(other) else credential_signer(other))
        self.version = version
        self.mode = "sign"
        self.old_api = False
        self.requests: list[dict] = []
        self.port = _free_port()
        self._server = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        return self._server is not None

    # -- lifecycle ------------------------------------------------------------------------------------
    def start(self) -> NCALayerStandIn:
        if self._server is None:
            self._server = serve(self._handle, "127.0.0.1", self.port, max_size=None, compression=None)
            self._thread = threading.Thread(target=self._server.serve_forever, name="ncalayer-standin", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            if self._thread is not None:
                self._thread.join(timeout=5)
            self._server = None
            self._thread = None

    def __enter__(self) -> NCALayerStandIn:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- protocol -------------------------------------------------------------------------------------
    def _handle(self, ws: ServerConnection) -> None:
        ws.send(json.dumps({"result": {"version": self.version}}))
        for raw in ws:
            try:
                request = json.loads(raw)
            except ValueError:
                ws.send(json.dumps({"code": "500", "message": "bad request"}))
                continue
            self.requests.append(request)
            ws.send(json.dumps(self.answer(request)))

    def _sign(self, data_b64: str) -> bytes:
        content = base64.b64decode(data_b64)
        signer = self.other if self.mode == "other" and self.other is not None else self.signer
        return signer(content)

    def answer(self, request: dict) -> dict:
        module, method = request.get("module"), request.get("method")
        if module == "kz.gov.pki.knca.basics" and method == "sign":
            if self.old_api:  # no such module in this NCALayer: it answers in the old shape
                return {"code": "500", "message": "Module kz.gov.pki.knca.basics not found"}
            if self.mode == "cancel":
                return {"status": True, "body": {}}
            if self.mode == "fail":
                return {"status": False, "code": "SIGNING_FAILURE", "message": "Signing has failed.", "details": ""}
            args = request.get("args") or {}
            data = args.get("data")
            documents = data if isinstance(data, list) else [data]
            signatures = [_pem(self._sign(d)) for d in documents]
            return {"status": True, "body": {"result": signatures if isinstance(data, list) else signatures[0]}}
        if module == "kz.gov.pki.knca.commonUtils":
            if method == "getActiveTokens":
                return {"code": "200", "responseObject": []}
            if method == "createCMSSignatureFromBase64":
                if self.mode == "cancel":
                    return {"code": "500", "message": "action.canceled"}
                if self.mode == "fail":
                    return {"code": "500", "message": "Signing has failed."}
                storage, key_type, data, attach = request["args"]
                assert key_type == "SIGNATURE" and attach is False, request["args"]
                return {"code": "200", "responseObject": base64.b64encode(self._sign(data)).decode()}
        return {"code": "500", "message": f"unknown method {module}.{method}"}
