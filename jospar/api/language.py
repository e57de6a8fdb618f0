"""The language of an API answer: the request's Accept-Language, else the user's saved language,
else the site's choice (language cookie, then the default). Pages prefer the saved language to the
browser's; a program states what it wants, so its header wins."""
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header


def header_language(request) -> str | None:
    for code, _quality in parse_accept_lang_header(request.META.get("HTTP_ACCEPT_LANGUAGE", "")):
        if code == "*":
            return None
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return None


def saved_language(user) -> str | None:
    if user is None or not user.is_authenticated:
        return None
    person = getattr(user, "person", None)  # a user without a Person record has no saved language
    return getattr(person, "language", None) or None


def activate_api_language(request) -> None:
    """Activate it for the rest of the request (on a REST framework request, once authenticated:
    the user it has resolved is used, never an authentication started from here)."""
    user = vars(request).get("_user")  # set by REST framework's authentication, if it has run
    lang = header_language(request) or saved_language(user)
    if lang:
        translation.activate(lang)
        getattr(request, "_request", request).LANGUAGE_CODE = lang  # Content-Language follows
