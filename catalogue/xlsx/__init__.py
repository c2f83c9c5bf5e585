"""Excel in and out for the programme office.

- `export.write_workbook`: the catalogue as a workbook (`python -m catalogue export-xlsx FILE`);
- `importing.plan_import` + `importing.write_files`: a workbook applied back to the YAML files
  (`python -m catalogue import-xlsx FILE`), each problem as `FILE!SHEET!CELL: error: … [code]`
  and nothing written unless every file would pass `--check`;
- `decision`: stubs from the table annexed to a recognition decision (`import-decision FILE`).

The layout of the workbook (sheets and columns) is `sheets.py`; how a cell holds a value is
`cells.py`; the round-trip YAML editing that keeps comments and layout is `yaml_edit.py`.
"""
