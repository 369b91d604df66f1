"""Statements and charts → the report: view, cells, render, files, exports."""
