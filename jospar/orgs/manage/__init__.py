"""Body administration in the app: the body administrator's pages for their body's structural units,
subordinate organisations, people and roles, and the installation administrator's pages for bodies.

`services` holds every change (checked, transactional, history kept with its author), `selectors` the
reads of the list pages (fixed query counts), `forms` and `views` the pages. The Excel import of the
org structure lives in jospar.documents (the guarded workbook reader is there) and saves through
`services.apply_import`.
"""
