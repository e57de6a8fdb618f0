"""The scopes a registered system may ask for at /o/token/: those its body administrator allowed
(RegisteredSystem.scopes), never more. Without a `scope` parameter it gets read, if allowed."""
from oauth2_provider.scopes import SettingsScopes


class SystemScopes(SettingsScopes):
    def get_available_scopes(self, application=None, request=None, *args, **kwargs):
        available = super().get_available_scopes(application, request, *args, **kwargs)
        system = getattr(application, "registered_system", None) if application is not None else None
        if system is None or system.revoked_at is not None:
            return []
        return [scope for scope in available if scope in system.scope_list]

    def get_default_scopes(self, application=None, request=None, *args, **kwargs):
        allowed = self.get_available_scopes(application, request, *args, **kwargs)
        defaults = [scope for scope in super().get_default_scopes(application, request, *args, **kwargs)
                    if scope in allowed]
        return defaults or allowed
