"""Body administration in the app: the body administrator's pages for their body's structural units,
subordinate organisations, people and roles, and the installation administrator's pages for bodies.

`services` holds the body administrator's changes (checked, transactional, history kept with its author),
`installation` the installation administrator's (bodies), `selectors` the reads of the list pages (fixed
query counts), `forms` and `views` the pages. The Excel import of the org structure is checked in
jospar.documents (the guarded workbook reader is there) and saved by `imports.apply_import`.
"""
