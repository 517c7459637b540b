"""The resolve-actor command: names as arguments and from a file, JSON output, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from thucydides.cli import cli, main


def test_names_as_arguments_give_tab_separated_rows() -> None:
    result = CliRunner().invoke(cli, ["resolve-actor", "US officials", "the Kremlin", "puppies",
                                      "--date", "2022-03-15"])
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.output.splitlines()]
    assert rows[0] == ["US officials", "USA", "GOV", "United States", "state"]
    assert rows[1][:3] == ["the Kremlin", "RUS", "GOV"]
    assert rows[2] == ["puppies", "", "", "", ""]


def test_file_and_json(tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("Sergei Lavrov\n\nthe foreign minister\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["resolve-actor", "--file", str(names), "--json",
                                      "--context", "Iran's foreign minister spoke.", "--date", "2022-06-01"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["text"] for r in rows] == ["Sergei Lavrov", "the foreign minister"]
    assert rows[0]["code"] == "RUS" and rows[0]["sector"] == "GOV"
    assert rows[1]["code"] == "IRN" and rows[1]["kind"] == "person"


def test_bad_input_is_one_line_and_exit_code_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    binary = tmp_path / "b.bin"
    binary.write_bytes(b"\x00\x01\x02 binary")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Z\xfcrich police".encode("latin-1"))
    for argv, code in ((["resolve-actor", "--file", str(tmp_path / "nope.txt")], "E002"),
                       (["resolve-actor", "--file", str(tmp_path)], "E003"),
                       (["resolve-actor", "--file", str(binary)], "E004"),
                       (["resolve-actor", "--file", str(latin)], "E004"),
                       (["resolve-actor", "Putin", "--date", "someday"], "E006")):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 2
        err = capsys.readouterr().err
        assert err.startswith(f"Error: [{code}]") and err.count("\n") == 1
