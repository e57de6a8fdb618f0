"""Lists come in pages: {"count", "next", "previous", "results"}; ?page=N and ?page_size=N (1 to 500, 100 by
default). A page or a size that is not a whole number, or a size out of range, is a 400 naming it (REST
framework would silently fall back to the defaults); a page past the end is a 404."""
from rest_framework.pagination import PageNumberPagination

from .query import whole_number


class Pages(PageNumberPagination):
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 500

    def paginate_queryset(self, queryset, request, view=None):
        whole_number(request, self.page_query_param, low=1, high=10**9)
        whole_number(request, self.page_size_query_param, low=1, high=self.max_page_size)
        return super().paginate_queryset(queryset, request, view)
