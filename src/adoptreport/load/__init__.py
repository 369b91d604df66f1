"""Case folder → validated `Case`: files, tables, columns, limits, problems, previous period."""
