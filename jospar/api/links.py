"""OpenAPI links: where an answer's ids lead next (a created entry to its own address, a plan to its version
in force, a version to its events). Clients and schemathesis's stateful run follow them.
A drf-spectacular postprocessing hook (SPECTACULAR_SETTINGS POSTPROCESSING_HOOKS)."""

PERIOD = {"year": "$request.path.year", "quarter": "$request.path.quarter"}


def _to(operation_id: str, description: str, **parameters: str) -> dict:
    return {"operationId": operation_id, "parameters": parameters, "description": description}


ENTRY = {
    "GetEntry": _to("periods_entries_retrieve", "The entry written.", **PERIOD, entry_id="$response.body#/id"),
    "ChangeEntry": _to("periods_entries_partial_update", "Change the entry written.", **PERIOD,
                       entry_id="$response.body#/id"),
}
EVENT = {
    "GetEvent": _to("plans_events_retrieve", "The event added.", year="$request.path.year",
                    revision_id="$response.body#/revision_id"),
    "ChangeEvent": _to("plans_events_partial_update", "Change the event added.", year="$request.path.year",
                       revision_id="$response.body#/revision_id"),
}
LINKS = {
    ("/api/v1/periods/{year}/{quarter}/entries/", "post"): {"201": ENTRY, "200": ENTRY},
    ("/api/v1/plans/{year}/versions/{number}/events/", "post"): {"201": EVENT},
    ("/api/v1/plans/{year}/", "get"): {"200": {
        "GetVersionInForce": _to("plans_versions_retrieve", "The version in force.", year="$request.path.year",
                                 number="$response.body#/version_in_force"),
        "GetEventsInForce": _to("plans_versions_events_list", "The events of the version in force.",
                                year="$request.path.year", number="$response.body#/version_in_force"),
    }},
    ("/api/v1/plans/{year}/versions/{number}/", "get"): {"200": {
        "GetEvents": _to("plans_versions_events_list", "The version's events.", year="$request.path.year",
                         number="$response.body#/number"),
        "GetChanges": _to("plans_versions_changes_retrieve", "What the version changed.",
                          year="$request.path.year", number="$response.body#/number"),
    }},
}


def add_links(result, generator, request, public):
    operations = {op.get("operationId") for ops in result["paths"].values() for op in ops.values()
                  if isinstance(op, dict)}
    for (path, method), by_status in LINKS.items():
        operation = result["paths"].get(path, {}).get(method)
        if operation is None:
            continue
        for status, links in by_status.items():
            usable = {name: link for name, link in links.items() if link["operationId"] in operations}
            if status in operation["responses"] and usable:
                operation["responses"][status]["links"] = usable
    return result
