"""The form editor for the catalogue's files: Decap CMS at /admin/, run by `make admin` on the
office's own computer (`python -m catalogue.admin`).

`config` writes Decap's configuration from the same models and Vietnamese words as the JSON
Schemas (so fields, choices and help never drift); `page` is the admin page and its security
policy; `server` runs Decap's local backend (decap-server, from node_modules) beside the live
preview of the site.
"""
