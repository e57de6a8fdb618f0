"""django-oauth-toolkit registers its models in the admin, unscoped by body; registered systems are
managed on the body administrator's own page instead, within the body (see keys/)."""
from django.contrib import admin
from oauth2_provider.models import (
    get_access_token_model,
    get_application_model,
    get_grant_model,
    get_id_token_model,
    get_refresh_token_model,
)

for model in (get_application_model(), get_access_token_model(), get_refresh_token_model(), get_grant_model(),
              get_id_token_model()):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
