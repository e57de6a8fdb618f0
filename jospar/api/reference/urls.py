ROOT: list[tuple[str, str]] = []  # (name in the API's root, URL name) of each list this module serves
urlpatterns: list = []
