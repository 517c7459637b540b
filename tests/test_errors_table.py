"""Every error code raised in the source is in the table of errors.py, raised with its class, and documented."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from thucydides import errors
from thucydides.errors import CODES, InputError, InvalidValue, PipelineError, message

SRC = Path(errors.__file__).parent
DOCS = SRC.parents[1] / "docs"
CODE = re.compile(r"^E\d{3}$")


def _raised() -> list[tuple[str, str, str]]:
    """(code, class name or "", where) of every code literal passed to a call or returned in the source."""
    found = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            for arg in node.args[:1]:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and CODE.match(arg.value):
                    found.append((arg.value, func, f"{path.relative_to(SRC)}:{node.lineno}"))
    return found


def test_the_source_raises_codes() -> None:
    assert len({code for code, _, _ in _raised()}) >= 15


@pytest.mark.parametrize("code, func, where", _raised())
def test_every_code_raised_is_in_the_table_with_its_class(code: str, func: str, where: str) -> None:
    assert code in CODES, f"{where}: {code} is not in errors.CODES"
    cls = getattr(errors, func, None)
    if isinstance(cls, type) and issubclass(cls, errors.ThucydidesError):
        assert issubclass(cls, CODES[code].kind), f"{where}: {code} raised as {func}, not {CODES[code].kind}"


def test_every_code_in_the_table_is_documented() -> None:
    text = (DOCS / "errors.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`(E\d{3})`", text))
    assert documented == set(CODES)


def test_codes_are_in_order_and_templates_format() -> None:
    # in order and never reused; ranges handed to parallel branches (E030-E034, ...) may leave gaps until merged
    numbers = [int(code[1:]) for code in CODES]
    assert list(CODES) == [f"E{n:03d}" for n in numbers] and numbers == sorted(set(numbers))
    assert message("E006", value="15/03/2022") == "malformed date '15/03/2022'; expected YYYY-MM-DD"
    assert issubclass(InvalidValue, InputError) and not issubclass(PipelineError, InputError)
