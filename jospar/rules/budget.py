"""Budget program codes of plan events (Form 1, column 3).

§3 of the Rules links every event to resources; in practice that is the 3-digit program
of the body's budget, optionally with a 3-digit subprogram («001 100»), several codes
(«001, 005»), or the phrase «не требует финансирования». Codes are stored structured and
printed in one canonical form («001 100, 005») so that a database check constraint
(``CANONICAL_RE``) and summaries by program can rely on them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from jospar.rules.errors import BudgetCodeError
from jospar.rules.periods import check_lang

NO_FUNDING = {
    "kk": "қаржыландыруды талап етпейді",
    "ru": "не требует финансирования",
    "en": "no funding required",
}
CANONICAL_RE = r"^\d{3}( \d{3})?(, \d{3}( \d{3})?)*$"

_NO_FUNDING_KEYS = frozenset(v.casefold() for v in NO_FUNDING.values())
_ENTRY_SEP = re.compile(r"[,;]")
_PART_SEP = re.compile(r"\s*[/\-\u2010-\u2015]\s*|\s+")
_DIGITS = re.compile(r"[0-9]+")


def _err(code: str, kk: str, ru: str, en: str) -> BudgetCodeError:
    return BudgetCodeError(code, {"kk": kk, "ru": ru, "en": en})


def _check_part(part: str) -> None:
    if not isinstance(part, str) or not _DIGITS.fullmatch(part):
        raise _err(
            "not_digits",
            f"«{part}»: код тек цифрлардан тұруы керек",
            f"«{part}»: код должен состоять только из цифр",
            f"“{part}”: a code must contain digits only",
        )
    if len(part) != 3:
        raise _err(
            "wrong_length",
            f"«{part}»: код үш цифрдан тұруы керек",
            f"«{part}»: код должен состоять из трех цифр",
            f"“{part}”: a code must be exactly 3 digits",
        )


@dataclass(frozen=True)
class BudgetCode:
    """A budget program (3 digits) and optionally its subprogram (3 digits); validated on creation."""

    program: str
    subprogram: str | None = None

    def __post_init__(self) -> None:
        _check_part(self.program)
        if self.subprogram is not None:
            _check_part(self.subprogram)

    def __str__(self) -> str:
        return self.program if self.subprogram is None else f"{self.program} {self.subprogram}"


def _is_no_funding(text: str) -> bool:
    t = re.sub(r"[«»\"“”.]", "", text).casefold()
    return " ".join(t.split()) in _NO_FUNDING_KEYS


def parse_budget_codes(text: str) -> tuple[BudgetCode, ...]:
    """Read codes as people type them: «001», «001 100», «001/100», «001-100», «001, 005»,
    «001 100; 005 102»; () for the no-funding phrase in any language, any case.

    BudgetCodeError codes: empty, empty_part, no_funding_with_codes, too_many_parts, not_digits,
    wrong_length, duplicate.
    """
    if not isinstance(text, str) or not text.strip():
        raise _err(
            "empty",
            "Бюджеттік бағдарламаның коды көрсетілмеген",
            "Не указан код бюджетной программы",
            "The budget program code is empty",
        )
    if _is_no_funding(text):
        return ()
    codes: list[BudgetCode] = []
    for raw in _ENTRY_SEP.split(text):
        entry = " ".join(raw.split())
        if not entry:
            raise _err(
                "empty_part",
                f"Кодтар тізімінде бос элемент бар: «{text.strip()}»",
                f"В перечне кодов пустой элемент: «{text.strip()}»",
                f"An empty item in the list of codes: “{text.strip()}”",
            )
        if _is_no_funding(entry):
            raise _err(
                "no_funding_with_codes",
                f"«{NO_FUNDING['kk']}» кодтармен бірге көрсетілмейді",
                f"«{NO_FUNDING['ru']}» нельзя указывать вместе с кодами",
                f"“{NO_FUNDING['en']}” cannot be combined with codes",
            )
        parts = _PART_SEP.split(entry)
        if len(parts) > 2:
            raise _err(
                "too_many_parts",
                f"«{entry}»: бағдарлама коды мен кіші бағдарлама кодынан артық бөлік бар",
                f"«{entry}»: допускаются только код программы и код подпрограммы",
                f"“{entry}”: only a program code and a subprogram code are allowed",
            )
        for part in parts:
            _check_part(part)
        code = BudgetCode(parts[0], parts[1] if len(parts) == 2 else None)
        if code in codes:
            raise _err(
                "duplicate",
                f"«{code}» коды қайталанады",
                f"Код «{code}» указан дважды",
                f"Code “{code}” is listed twice",
            )
        codes.append(code)
    return tuple(codes)


def format_budget_codes(codes: Iterable[BudgetCode], lang: str = "ru") -> str:
    """Canonical text («001 100, 005»), or the no-funding phrase in ``lang`` for no codes."""
    codes = tuple(codes)
    if not codes:
        return NO_FUNDING[check_lang(lang)]
    return ", ".join(str(c) for c in codes)


def is_canonical(text: str) -> bool:
    """True for text exactly as ``format_budget_codes`` writes non-empty codes."""
    return isinstance(text, str) and re.fullmatch(CANONICAL_RE, text, re.ASCII) is not None
