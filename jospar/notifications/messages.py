"""What each kind of notification says, in the reader's language.

Every kind has a subject and a text with `%(name)s` placeholders filled from the notification's
params. Later capabilities add their kinds here (one registry, one place to translate).
"""
from django.utils.translation import gettext_lazy as _

KINDS = {
    # drafting and approval (rules §5–§6)
    "round_opened": (
        _("Proposals for the %(year)s operational plan are open"),
        _("The planner opened the proposal round for the %(year)s operational plan. "
          "Send your unit's proposals by %(deadline)s."),
    ),
    "set_submitted": (
        _("%(unit)s submitted its proposals"),
        _("%(unit)s submitted %(count)s proposals for the %(year)s operational plan."),
    ),
    "proposal_returned": (
        _("A proposal was returned to your unit"),
        _("The planner returned the proposal «%(name)s» with a comment: %(comment)s"),
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
        _("The executive returned the draft of the %(year)s operational plan with a comment: %(comment)s"),
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
        _("The planner returned your unit's information for quarter %(quarter)s of %(year)s for correction "
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
        _("The executive recorded a decision on the report for quarter %(quarter)s of %(year)s: %(text)s "
          "Due: %(due)s."),
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
}


def render(kind: str, params: dict) -> tuple[str, str]:
    """(subject, text) of a notification in the active language; unknown kinds show their name."""
    subject, text = KINDS.get(kind, (kind, kind))
    try:
        return str(subject) % params, str(text) % params
    except (KeyError, TypeError, ValueError):
        return str(subject), str(text)
