"""Lists come in pages: {"count", "next", "previous", "results"}; ?page=N and ?page_size=N (at most 500)."""
from rest_framework.pagination import PageNumberPagination


class Pages(PageNumberPagination):
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 500
