"""Errors that carry a stable code and a message in every interface language.

The rules are used by forms, importers and the API alike; each of them shows the
message in the user's language, and tests and API clients match on the code
rather than on the wording, which the lawyers may still polish.
"""

from __future__ import annotations

from collections.abc import Mapping


class RuleError(ValueError):
    """A rule was broken: ``code`` is machine-readable, ``messages`` maps kk/ru/en to text."""

    def __init__(self, code: str, messages: Mapping[str, str]):
        self.code = code
        self.messages = dict(messages)
        super().__init__(self.messages.get("en") or self.messages.get("ru") or code)

    def message(self, lang: str) -> str:
        """The message in ``lang``, falling back to Russian (the language every body reads)."""
        return self.messages.get(lang) or self.messages.get("ru") or self.code


class DeadlineError(RuleError):
    """A structured deadline whose fields do not fit its kind, or wording that cannot be read."""


class BudgetCodeError(RuleError):
    """A budget program code that is not three digits (optionally with a three-digit subprogram)."""
