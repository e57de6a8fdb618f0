"""The API's only way in for a request body: JSON of a bounded size and depth.

Python's json module recurses per nesting level, so `[[[[…]]]]` a few thousand deep raised a
RecursionError (500); a huge body was read whole into memory. Both are refused here with the
error body every API error has (400 or 413), before any view sees the data.
"""
import json

from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.exceptions import APIException, ParseError
from rest_framework.parsers import BaseParser

MAX_BODY_BYTES = 64 * 1024  # an event's fields take a few kilobytes; bulk endpoints may raise this per parser
MAX_DEPTH = 8  # the deepest body the API accepts is an object holding a list (co-executors)


class BodyTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "too_large"

    @classmethod
    def of(cls, limit: int) -> "BodyTooLarge":
        return cls(_("The request body is larger than %(size)s KB.") % {"size": limit // 1024})


def _refuse_constant(name):
    raise ValueError(name)  # NaN and Infinity are not JSON


def _depth(value) -> int:
    """Nesting depth of parsed JSON, without recursion (a scalar is 0, `[]` and `{}` are 1)."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            depth += 1
            deepest = max(deepest, depth)
            if depth > MAX_DEPTH:
                break
            stack.extend((child, depth) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


class JSONParser(BaseParser):
    media_type = "application/json"
    max_bytes = MAX_BODY_BYTES
    max_depth = MAX_DEPTH

    def parse(self, stream, media_type=None, parser_context=None):
        raw = self._read(stream, parser_context)
        try:
            data = json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
        except RecursionError:
            raise self._too_deep() from None
        except ValueError:  # not UTF-8, not JSON, NaN or Infinity
            raise ParseError(_("The request body is not valid JSON."), code="malformed_json") from None
        if _depth(data) > self.max_depth:
            raise self._too_deep()
        return data

    def _read(self, stream, parser_context) -> bytes:
        request = (parser_context or {}).get("request")
        declared = request.META.get("CONTENT_LENGTH") if request is not None else None
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise self._too_large()
        raw = stream.read(self.max_bytes + 1)
        if len(raw) > self.max_bytes:
            raise self._too_large()
        return raw

    def _too_large(self):
        return BodyTooLarge.of(self.max_bytes)

    def _too_deep(self):
        return ParseError(_("The request body is nested deeper than %(depth)s levels.") % {"depth": self.max_depth},
                          code="too_deep")
