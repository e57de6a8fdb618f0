"""Apply the language a signed-in user chose last time, on any device."""
from django.conf import settings
from django.utils import translation


class UserLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.codes = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
            person = getattr(user, "person", None) if hasattr(user, "person") else None
            if person is not None and person.language in self.codes:
                translation.activate(person.language)
                request.LANGUAGE_CODE = person.language
        return self.get_response(request)
