"""Who may see a signature: who may see what it signs — the plan (any member of the body), the report (the
planner, the executive, viewers, the administrator), a unit's information (the planner, the executive, that
unit's people). One rule, `signatures.see_signature` (not `view_*`: a superuser gets no short cut)."""
import rules

from jospar.orgs.permissions import access_of, is_admin, is_body_member, is_executive, is_planner, is_viewer

from .models import Act


@rules.predicate
def sees_what_it_signs(user, signature) -> bool:
    if signature is None or not is_body_member(user, signature):
        return False
    if signature.act == Act.APPROVAL:
        return True
    if signature.act == Act.REPORT:
        return bool(is_planner(user, signature) or is_executive(user, signature) or is_viewer(user, signature)
                    or is_admin(user, signature))
    unit_id = signature.submission.unit_id
    return bool(is_planner(user, signature) or is_executive(user, signature) or unit_id in access_of(user).unit_ids)


rules.add_perm("signatures.see_signature", sees_what_it_signs)
