"""Publication date and outlet from a file's name, and from ``--published``/``--outlet``.

The file name convention (the one ``examples/articles`` and ``demo.sh`` use): ``YYYY-MM-DD_outlet_words.ext``,
for example ``2024-04-16_gulf_monitor.txt`` -> published 2024-04-16, outlet "gulf monitor". A date or outlet
the document itself gives (a JSON field, an HTML meta tag) wins over the file name; ``--published`` and
``--outlet`` win over both.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from pathlib import PurePath

from .items import Item

__all__ = ["NAME_PATTERN", "Overrides", "from_file_name", "with_metadata"]

#: ``YYYY-MM-DD_outlet_words`` (the stem of the file name).
NAME_PATTERN = re.compile(r"^(\d{4}-\d{2}-\d{2})_([^\W_][\w-]*)$")


@dataclasses.dataclass(frozen=True)
class Overrides:
    """Metadata given on the command line for every document read (``--published``, ``--outlet``)."""

    published: dt.date | None = None
    outlet: str | None = None


def from_file_name(source: str) -> tuple[dt.date | None, str | None]:
    """``(published, outlet)`` from a source path that follows the convention, else ``(None, None)``.
    Records of one file (``path:line``) do not take the file's name."""
    if ":" in PurePath(source).name:
        return None, None
    found = NAME_PATTERN.match(PurePath(source).stem)
    if found is None:
        return None, None
    try:
        day = dt.date.fromisoformat(found.group(1))
    except ValueError:
        return None, None
    return day, found.group(2).replace("_", " ")


def with_metadata(items: Iterable[Item], overrides: Overrides | None = None) -> Iterator[Item]:
    """The items with a publication date and outlet filled in from the file name where the document has
    none, then with ``overrides`` applied."""
    given = overrides or Overrides()
    for item in items:
        article = item.article
        if article is None:
            yield item
            continue
        published, outlet = from_file_name(item.source)
        changes = {"published": given.published or article.published or published,
                   "outlet": given.outlet or article.outlet or outlet}
        outlets = ((given.outlet,) if given.outlet else item.outlets) or \
            ((changes["outlet"],) if changes["outlet"] else ())
        yield dataclasses.replace(item, article=dataclasses.replace(article, **changes),  # type: ignore[arg-type]
                                  outlets=tuple(str(o) for o in outlets))
