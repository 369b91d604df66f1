"""Tables (CSV, XLSX, Parquet) → a frame and each row's number as a person sees it."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from adoptreport.load.files import not_utf8
from adoptreport.load.limits import MAX_HEADER_BYTES, size_problem
from adoptreport.load.problems import MAX_LISTED, CaseError, Problem, row_problem

DECIMAL_COMMA = r"^\s*([+-]?\d+),(\d+)\s*$"


def read_table(path: Path, problems: list[Problem]) -> tuple[pd.DataFrame, np.ndarray] | None:
    """The table (strings from CSV and XLSX, native types from Parquet) and each row's number
    as a person sees it in the file: the CSV line or spreadsheet row, header = 1."""
    if too_big := size_problem(path):
        problems.append(Problem(path.name, "", "", too_big))
        return None
    try:
        if path.suffix == ".csv":
            return _read_csv(path)
        if path.suffix == ".xlsx":
            # The table is on the sheet named after the file (pilot, workforce), else the first.
            with pd.ExcelFile(path, engine="openpyxl") as book:
                sheets = {str(name).casefold(): name for name in book.sheet_names}
                sheet = sheets.get(path.stem.casefold(), 0)
                frame = pd.read_excel(book, sheet_name=sheet, dtype=str, keep_default_na=False)
            return _without_blank_rows(frame, np.arange(2, 2 + len(frame)))
        try:
            frame = pd.read_parquet(path)
        except pa.ArrowInvalid:
            raise ValueError("not a Parquet file; save the table as Parquet, CSV or XLSX") from None
        return frame, np.arange(1, 1 + len(frame))
    except UnicodeDecodeError:
        problems.append(not_utf8(path))
    except CaseError as error:
        problems.extend(error.problems)
    except pd.errors.EmptyDataError:
        problems.append(
            Problem(path.name, "", "", "file is empty; expected a header row and data rows")
        )
    except (pd.errors.ParserError, ValueError, OSError) as error:
        reason = " ".join(str(error).split())
        problems.append(Problem(path.name, "", "", f"cannot be read as a table: {reason}"))
    return None


def _read_csv(path: Path) -> tuple[pd.DataFrame, np.ndarray]:
    """A `,` or `;` CSV; in a `;` file (as a European Excel saves) decimal commas become points."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = handle.readline(MAX_HEADER_BYTES + 1)
    if len(header) > MAX_HEADER_BYTES:
        raise ValueError(
            f"the first line is over {MAX_HEADER_BYTES:,} characters; expected a header row"
            " of column names"
        )
    separator = ";" if header.count(";") > header.count(",") else ","
    frame, rows = _read_csv_as(path, separator)
    return (_decimal_points(frame), rows) if separator == ";" else (frame, rows)


def _decimal_points(frame: pd.DataFrame) -> pd.DataFrame:
    """'12,5' → '12.5' where a whole cell is a number with a decimal comma; other text stays."""
    return pd.DataFrame(
        {
            name: column.str.replace(DECIMAL_COMMA, r"\1.\2", regex=True)
            for name, column in frame.items()
        }
    )


def _read_csv_as(path: Path, separator: str) -> tuple[pd.DataFrame, np.ndarray]:
    fast = _read_regular_csv(path, separator)
    if fast is not None:
        return fast
    if ragged := _ragged_rows(path, separator):
        raise CaseError(ragged)
    frame = pd.read_csv(
        path,
        sep=separator,
        dtype=str,
        keep_default_na=False,
        encoding="utf-8-sig",
        skip_blank_lines=False,
    )
    # A quoted value may span lines; count them so every row keeps its real line number.
    extra = np.zeros(len(frame), dtype=np.int64)
    for column in frame.columns:
        values = frame[column]
        if values.str.contains("\n", regex=False).any():
            extra += values.str.count("\n").fillna(0).to_numpy(np.int64)
    lines = 2 + np.arange(len(frame)) + np.concatenate(([0], np.cumsum(extra)[:-1]))
    return _without_blank_rows(frame, lines)


def _ragged_rows(path: Path, separator: str) -> list[Problem]:
    """Rows with more or fewer values than the header has columns (pandas would shift them)."""
    problems: list[Problem] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter=separator)
        width = len(next(reader, []))
        start = reader.line_num + 1
        for values in reader:
            if values and len(values) != width:
                problems.append(
                    row_problem(
                        path.name,
                        start,
                        "",
                        f"row has {len(values)} values, expected {width} (one per header column);"
                        f" check for a stray {separator!r} or a missing quote",
                    )
                )
                if len(problems) == MAX_LISTED:
                    break
            start = reader.line_num + 1
    return problems


def _read_regular_csv(path: Path, separator: str) -> tuple[pd.DataFrame, np.ndarray] | None:
    """pyarrow's multithreaded reader, for the usual file: one line per row, every row whole.

    None for anything irregular (blank lines, values over several lines, ragged rows, repeated
    column names, bytes that are not UTF-8): pandas reads those, keeping each row's line
    number and giving the messages a person can act on.
    """
    try:
        table = pa_csv.read_csv(
            path,
            parse_options=pa_csv.ParseOptions(delimiter=separator, newlines_in_values=True),
            convert_options=pa_csv.ConvertOptions(
                column_types=_all_text(path, separator), strings_can_be_null=False
            ),
        )
    except (pa.ArrowException, OSError, ValueError):
        return None
    names = table.column_names
    if len(set(names)) != len(names) or table.num_rows == 0:
        return None
    if _physical_lines(path) != table.num_rows + 1:
        return None
    frame = table.to_pandas(
        types_mapper={pa.string(): pd.StringDtype("pyarrow", na_value=np.nan)}.get
    )
    return frame, np.arange(2, 2 + len(frame))


def _all_text(path: Path, separator: str) -> dict[str, pa.DataType]:
    """Every column as text: the validator, not the reader, decides what a value means."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle, delimiter=separator), [])
    return {name: pa.string() for name in header}


def _physical_lines(path: Path) -> int:
    """Lines in the file, a last line without its newline included, read in chunks."""
    count, last = 0, b"\n"
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 24):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count + (last != b"\n")


def _without_blank_rows(frame: pd.DataFrame, rows: np.ndarray) -> tuple[pd.DataFrame, np.ndarray]:
    """Drop rows with every cell blank (spreadsheets leave them), keeping the others' numbers."""
    if frame.empty:
        return frame, rows
    blank = np.ones(len(frame), dtype=bool)
    for column in frame.columns:
        blank &= (frame[column].fillna("").astype(str).str.strip() == "").to_numpy()
    if not blank.any():
        return frame, rows
    return frame[~blank].reset_index(drop=True), rows[~blank]
