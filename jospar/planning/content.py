"""The content of one event as a plain value: what forms produce and services apply."""
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from jospar import rules

if TYPE_CHECKING:
    from jospar.orgs.models import OrgUnit

    from .models import CompletionForm


class ConflictError(Exception):
    """Someone else saved the same row since it was read: the save is refused, nothing changes."""

    def __init__(self, current):
        super().__init__("The row was changed by someone else.")
        self.current = current


@dataclass
class EventData:
    anchor_key: str
    name_kk: str
    name_ru: str
    deadline: rules.Deadline
    name_en: str | None = None  # None: keep what the target has (the page's form has no English name)
    no_funding: bool = False
    budget_codes: str = ""
    completion_form: "CompletionForm | None" = None
    completion_kk: str = ""
    completion_ru: str = ""
    lead_unit: "OrgUnit | None" = None
    co_executors: "list[OrgUnit]" = field(default_factory=list)

    def apply(self, target) -> None:
        """Copy onto an EventRevision or a Proposal (executors are saved separately)."""
        target.set_anchor_key(self.anchor_key)
        target.name_kk, target.name_ru = self.name_kk, self.name_ru
        if self.name_en is not None:
            target.name_en = self.name_en
        target.no_funding = self.no_funding
        target.budget_codes = "" if self.no_funding else self.budget_codes
        target.set_deadline(self.deadline)
        target.completion_form = self.completion_form
        target.completion_kk, target.completion_ru = self.completion_kk, self.completion_ru

    @classmethod
    def of(cls, source, lead_unit=None, co_executors=()) -> "EventData":
        return cls(
            anchor_key=source.anchor_key, name_kk=source.name_kk, name_ru=source.name_ru, name_en=source.name_en,
            deadline=source.deadline, no_funding=source.no_funding, budget_codes=source.budget_codes,
            completion_form=source.completion_form, completion_kk=source.completion_kk,
            completion_ru=source.completion_ru, lead_unit=lead_unit, co_executors=list(co_executors),
        )
