"""What each kind of notification says, in the reader's language.

Every kind has a subject and a text with `%(name)s` placeholders filled from the notification's
params. Later capabilities add their kinds here (one registry, one place to translate).
"""
from django.utils.translation import gettext_lazy as _

KINDS = {
    # drafting and approval (rules §5–§6)
    "round_opened": (
        _("Proposals for the %(year)s operational plan are open"),
        _("The proposal round for the %(year)s operational plan is open. Send your unit's proposals by "
          "%(deadline)s."),
    ),
    "set_submitted": (
        _("%(unit)s submitted its proposals"),
        _("%(unit)s submitted %(count)s proposals for the %(year)s operational plan."),
    ),
    "proposal_returned": (
        _("A proposal was returned to your unit"),
        _("The proposal «%(name)s» was returned to your unit with a comment: %(comment)s"),
    ),
    "proposals_not_included": (
        _("Proposals of your unit were not included in the %(year)s plan"),
        _("The draft of the %(year)s operational plan was sent for approval without %(count)s of your unit's "
          "proposals: they were not reviewed or were still with your unit. They are marked «not included in the "
          "draft» on the proposals page."),
    ),
    "proposal_submitted_for_review": (
        _("A proposal awaits your review"),
        _("%(author)s proposed «%(name)s» for the %(year)s operational plan."),
    ),
    "sent_for_approval": (
        _("The %(year)s operational plan awaits your approval"),
        _("The draft of the %(year)s operational plan (version %(version)s) was sent to you for approval. "
          "It must be approved by %(due)s."),
    ),
    "amendment_sent_for_approval": (
        _("An amendment of the %(year)s operational plan awaits your approval"),
        _("Version %(version)s of the %(year)s operational plan, an amendment, was sent to you for approval."),
    ),
    "plan_approved": (
        _("The %(year)s operational plan is approved"),
        _("Version %(version)s of the %(year)s operational plan was approved on %(date)s."),
    ),
    "plan_returned": (
        _("The %(year)s operational plan was returned"),
        _("The draft of the %(year)s operational plan was returned by the first head or the chief of staff with "
          "a comment: %(comment)s"),
    ),
    # monitoring (rules §11–§17): units' information, the Form 2 report, decisions, reminders
    "info_submitted": (
        _("%(unit)s submitted its information for quarter %(quarter)s of %(year)s"),
        _("%(unit)s submitted its information on the execution of the %(year)s operational plan for quarter "
          "%(quarter)s, on time."),
    ),
    "info_submitted_late": (
        _("%(unit)s submitted its information for quarter %(quarter)s of %(year)s late"),
        _("%(unit)s submitted its information on the execution of the %(year)s operational plan for quarter "
          "%(quarter)s %(days)s days after the due date %(due)s."),
    ),
    "info_returned": (
        _("Your information for quarter %(quarter)s of %(year)s was returned"),
        _("Your unit's information for quarter %(quarter)s of %(year)s was returned for correction "
          "(%(count)s entries): %(comment)s"),
    ),
    "report_submitted": (
        _("The report for quarter %(quarter)s of %(year)s awaits your decisions"),
        _("The report on the implementation of the %(year)s operational plan for quarter %(quarter)s was "
          "submitted to you."),
    ),
    "report_submitted_late": (
        _("The report for quarter %(quarter)s of %(year)s awaits your decisions"),
        _("The report on the implementation of the %(year)s operational plan for quarter %(quarter)s was "
          "submitted to you %(days)s days after the due date %(due)s."),
    ),
    "report_returned": (
        _("The report for quarter %(quarter)s of %(year)s was returned"),
        _("The executive returned the report on the implementation of the %(year)s operational plan for quarter "
          "%(quarter)s for correction: %(comment)s"),
    ),
    "report_recalled": (
        _("The report for quarter %(quarter)s of %(year)s was recalled"),
        _("The planner recalled the report on the implementation of the %(year)s operational plan for quarter "
          "%(quarter)s to correct it; it will be submitted again. Comment: %(comment)s"),
    ),
    "decision_recorded": (
        _("A decision on the report for quarter %(quarter)s of %(year)s"),
        _("A decision was taken on the report for quarter %(quarter)s of %(year)s: %(text)s Due: %(due)s."),
    ),
    "info_due_soon": (
        _("Information for quarter %(quarter)s of %(year)s is due on %(due)s"),
        _("Your unit's information on the execution of the %(year)s operational plan for quarter %(quarter)s "
          "is due on %(due)s (in %(days)s days)."),
    ),
    "info_due_today": (
        _("Information for quarter %(quarter)s of %(year)s is due today"),
        _("Your unit's information on the execution of the %(year)s operational plan for quarter %(quarter)s "
          "is due today, %(due)s."),
    ),
    "info_overdue": (
        _("Information for quarter %(quarter)s of %(year)s is overdue"),
        _("Your unit's information on the execution of the %(year)s operational plan for quarter %(quarter)s "
          "was due on %(due)s and has not been submitted."),
    ),
    "report_due_soon": (
        _("The report for quarter %(quarter)s of %(year)s is due on %(due)s"),
        _("The report on the implementation of the %(year)s operational plan for quarter %(quarter)s is due "
          "on %(due)s (in %(days)s days)."),
    ),
    "report_due_today": (
        _("The report for quarter %(quarter)s of %(year)s is due today"),
        _("The report on the implementation of the %(year)s operational plan for quarter %(quarter)s is due "
          "today, %(due)s."),
    ),
    "report_overdue": (
        _("The report for quarter %(quarter)s of %(year)s is overdue"),
        _("The report on the implementation of the %(year)s operational plan for quarter %(quarter)s was due "
          "on %(due)s and has not been submitted."),
    ),
    # reminders beyond the quarter: proposals (§5), approval (§6), decisions (§17)
    "proposals_due_soon": (
        _("Proposals for the %(year)s operational plan are due on %(due)s"),
        _("Your unit's proposals for the %(year)s operational plan are due on %(due)s (in %(days)s days). "
          "The head submits them to the planner."),
    ),
    "proposals_due_today": (
        _("Proposals for the %(year)s operational plan are due today"),
        _("Your unit's proposals for the %(year)s operational plan are due today, %(due)s."),
    ),
    "proposals_overdue": (
        _("Proposals for the %(year)s operational plan are overdue"),
        _("Your unit's proposals for the %(year)s operational plan were due on %(due)s; some are still being "
          "prepared or were returned, or none has been submitted."),
    ),
    "approval_due_soon": (
        _("The %(year)s operational plan must be approved by %(due)s"),
        _("The %(year)s operational plan must be approved by %(due)s (in %(days)s days), 10 calendar days after "
          "the development plan was signed."),
    ),
    "approval_due_today": (
        _("The %(year)s operational plan must be approved today"),
        _("The %(year)s operational plan must be approved today, %(due)s."),
    ),
    "approval_overdue": (
        _("The approval of the %(year)s operational plan is overdue"),
        _("The %(year)s operational plan was to be approved by %(due)s and is not approved yet."),
    ),
    "decision_due_soon": (
        _("A decision on the report for quarter %(quarter)s of %(year)s is due on %(due)s"),
        _("The decision «%(text)s» is to be carried out by %(due)s (in %(days)s days). Report it carried out in "
          "the decisions register."),
    ),
    "decision_due_today": (
        _("A decision on the report for quarter %(quarter)s of %(year)s is due today"),
        _("The decision «%(text)s» is to be carried out today, %(due)s. Report it carried out in the decisions "
          "register."),
    ),
    "decision_overdue": (
        _("A decision on the report for quarter %(quarter)s of %(year)s is overdue"),
        _("The decision «%(text)s» was to be carried out by %(due)s and is not reported carried out."),
    ),
}


def render(kind: str, params: dict) -> tuple[str, str]:
    """(subject, text) of a notification in the active language; unknown kinds show their name."""
    subject, text = KINDS.get(kind, (kind, kind))
    try:
        return str(subject) % params, str(text) % params
    except (KeyError, TypeError, ValueError):
        return str(subject), str(text)
