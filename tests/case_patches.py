"""Patches that turn a copy of the default case into a broken one, for the data-driven corpora.

Each patch is `{operation: arguments}`; the operations are the functions in `OPERATIONS`.
Rows are numbered as a person sees them in the file: the CSV header is row 1.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import yaml


def _table(folder: Path, file: str) -> pd.DataFrame:
    return pd.read_csv(folder / file, dtype=str, keep_default_na=False)


def _save(frame: pd.DataFrame, folder: Path, file: str) -> None:
    frame.to_csv(folder / file, index=False)


def cell(folder: Path, file: str, row: int, column: str, value: str) -> None:
    frame = _table(folder, file)
    frame.loc[row - 2, column] = value
    _save(frame, folder, file)


def drop(folder: Path, file: str, column: str) -> None:
    _save(_table(folder, file).drop(columns=[column]), folder, file)


def rename(folder: Path, file: str, old: str, new: str) -> None:
    _save(_table(folder, file).rename(columns={old: new}), folder, file)


def add_column(folder: Path, file: str, column: str, value: str) -> None:
    _save(_table(folder, file).assign(**{column: value}), folder, file)


def duplicate_row(folder: Path, file: str, row: int) -> None:
    frame = _table(folder, file)
    _save(pd.concat([frame, frame.iloc[[row - 2]]], ignore_index=True), folder, file)


def keep_rows(folder: Path, file: str, rows: int) -> None:
    _save(_table(folder, file).iloc[:rows], folder, file)


def _walk(data: Any, path: str) -> tuple[Any, str | int]:
    parts: list[str | int] = [int(p) if p.isdigit() else p for p in re.findall(r"[^.\[\]]+", path)]
    for part in parts[:-1]:
        data = data[part]
    return data, parts[-1]


def _edit_yaml(folder: Path, file: str, edit: Callable[[Any], None]) -> None:
    data = yaml.safe_load((folder / file).read_text(encoding="utf-8"))
    edit(data)
    (folder / file).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def set_value(folder: Path, file: str, path: str, value: Any) -> None:
    def edit(data: Any) -> None:
        parent, key = _walk(data, path)
        parent[key] = value

    _edit_yaml(folder, file, edit)


def unset(folder: Path, file: str, path: str) -> None:
    def edit(data: Any) -> None:
        parent, key = _walk(data, path)
        del parent[key]

    _edit_yaml(folder, file, edit)


def append(folder: Path, file: str, path: str, value: Any) -> None:
    def edit(data: Any) -> None:
        parent, key = _walk(data, path)
        parent[key].append(value)

    _edit_yaml(folder, file, edit)


def copy_item(folder: Path, file: str, path: str) -> None:
    """Append a copy of the list item at `path` to its list (a duplicate id)."""

    def edit(data: Any) -> None:
        parent, key = _walk(data, path)
        parent.append(parent[key])

    _edit_yaml(folder, file, edit)


def text(folder: Path, file: str, content: str) -> None:
    (folder / file).write_text(content, encoding="utf-8")


def replace(folder: Path, file: str, old: str, new: str) -> None:
    content = (folder / file).read_text(encoding="utf-8")
    assert old in content, old
    (folder / file).write_text(content.replace(old, new, 1), encoding="utf-8")


def encode(folder: Path, file: str, encoding: str) -> None:
    """Re-save a text file in another encoding, with an accented value in it."""
    content = (folder / file).read_text(encoding="utf-8")
    content = content.replace("Northwind", "Nørdwind Café", 1).replace("merged", "mérged", 1)
    (folder / file).write_bytes(content.encode(encoding))


def delete(folder: Path, file: str) -> None:
    (folder / file).unlink()


def folder_instead(folder: Path, file: str) -> None:
    (folder / file).unlink()
    (folder / file).mkdir()
    (folder / file / "inside.txt").write_text("not a table")


def european(folder: Path, file: str) -> None:
    """As a European Excel saves CSV: `;` between fields, decimal commas, CRLF, a BOM."""
    frame = _table(folder, file)
    frame = frame.apply(lambda c: c.str.replace(r"^(\d+)\.(\d+)$", r"\1,\2", regex=True))
    content = frame.to_csv(index=False, sep=";", lineterminator="\r\n")
    (folder / file).write_bytes(b"\xef\xbb\xbf" + content.encode("utf-8"))


def bom_crlf(folder: Path, file: str) -> None:
    content = (folder / file).read_text(encoding="utf-8").replace("\n", "\r\n")
    (folder / file).write_bytes(b"\xef\xbb\xbf" + content.encode("utf-8"))


def dates(folder: Path, file: str, format: str, rows: int) -> None:
    """Rewrite the first `rows` dates in another format (strftime)."""
    frame = _table(folder, file)
    parsed = pd.to_datetime(frame.loc[: rows - 1, "date"])
    frame.loc[: rows - 1, "date"] = parsed.dt.strftime(format)
    _save(frame, folder, file)


def to_xlsx(folder: Path, file: str, sheet: int) -> None:
    """The table as a workbook, on sheet `sheet` (0-based) after empty or note sheets."""
    frame = _table(folder, file)
    (folder / file).unlink()
    target = folder / Path(file).with_suffix(".xlsx").name
    with pd.ExcelWriter(target) as writer:
        for i in range(sheet):
            pd.DataFrame({"notes": [f"sheet {i + 1}: see the next sheet"]}).to_excel(
                writer, sheet_name=f"Notes{i + 1}", index=False
            )
        frame.to_excel(writer, sheet_name=Path(file).stem, index=False)


def to_json(folder: Path, file: str) -> None:
    import json

    data = yaml.safe_load((folder / file).read_text(encoding="utf-8"))
    (folder / file).unlink()
    (folder / Path(file).with_suffix(".json").name).write_text(json.dumps(data, default=str))


def also(folder: Path, file: str, other: str) -> None:
    """A second file for the same role (pilot.csv and pilot.xlsx)."""
    shutil.copy(folder / file, folder / other)


def sparse(folder: Path, file: str, megabytes: int) -> None:
    """A file of `megabytes` MB of zero bytes, made instantly (sparse)."""
    with (folder / file).open("wb") as handle:
        handle.truncate(megabytes * 1_000_000)


def zip_bomb(folder: Path, file: str, megabytes: int) -> None:
    """A small workbook whose directory says a member unpacks to `megabytes` MB (a zip bomb)."""
    import io
    import struct
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", "<worksheet/>")
    data = bytearray(buffer.getvalue())
    central = data.rindex(b"PK\x01\x02")  # the member's central directory entry
    struct.pack_into("<I", data, central + 24, megabytes * 1_000_000)  # uncompressed size
    (folder / file).write_bytes(bytes(data))


def copy_case(folder: Path, name: str) -> None:
    """The case as it stands, copied into the subfolder `name` (a previous period)."""
    target = folder / name
    target.mkdir()
    for path in folder.iterdir():
        if path.is_file():
            shutil.copy(path, target / path.name)


def append_text(folder: Path, file: str, content: str) -> None:
    with (folder / file).open("a", encoding="utf-8") as handle:
        handle.write(content)


def column(folder: Path, file: str, name: str, value: str) -> None:
    """Every cell of column `name` set to `value`."""
    frame = _table(folder, file)
    frame[name] = value
    _save(frame, folder, file)


OPERATIONS: dict[str, Callable[..., None]] = {
    f.__name__: f
    for f in (
        cell,
        drop,
        rename,
        add_column,
        duplicate_row,
        keep_rows,
        set_value,
        unset,
        append,
        copy_item,
        text,
        replace,
        encode,
        delete,
        folder_instead,
        european,
        bom_crlf,
        dates,
        to_xlsx,
        to_json,
        also,
        sparse,
        zip_bomb,
        copy_case,
        append_text,
        column,
    )
}


def apply(folder: Path, patches: list[dict[str, Any]]) -> None:
    for patch in patches:
        ((name, arguments),) = patch.items()
        OPERATIONS[name](folder, *arguments)
