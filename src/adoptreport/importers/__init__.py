"""Importers: source files (benchmark reports, pull requests, eval logs) → case files.

An importer writes case files only; it imports `models` and `load`, never a later stage.
"""
