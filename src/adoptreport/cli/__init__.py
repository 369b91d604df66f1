"""The typer app and terminal output: parse arguments, call `adoptreport.api`, print, exit."""
