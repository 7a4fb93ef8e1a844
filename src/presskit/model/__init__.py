"""The press kit as plain data: dataclasses, interchange JSON, validation, invertible edits.

Knows nothing of files, Qt or PDF.
"""

from presskit.model.ids import assign_missing_ids, new_film_id, new_still_id, slug
from presskit.model.interchange import FORMAT, dumps, from_dict, loads, parse_json, to_dict
from presskit.model.kit import (
    QA,
    STATUSES,
    Award,
    Contact,
    Credit,
    Design,
    Festival,
    Film,
    Interview,
    Link,
    Person,
    PressKit,
    PressQuote,
    SectionSetting,
    Still,
)
from presskit.model.ops import (
    Batch,
    InsertItem,
    MoveItem,
    Operation,
    RemoveItem,
    SetField,
    remove_stills,
    resolve,
    restore_operation,
)
from presskit.model.registry import (
    DEFAULT_THEME,
    PAGE_SIZES,
    SECTION_INFO,
    SECTIONS,
    PageSize,
    Section,
    human_size,
)
from presskit.model.selection import shown_films, shown_stills
from presskit.model.text import clean_text
from presskit.model.validate import Problem, url_problem, validate

__all__ = [
    "DEFAULT_THEME",
    "FORMAT",
    "PAGE_SIZES",
    "QA",
    "SECTIONS",
    "SECTION_INFO",
    "STATUSES",
    "Award",
    "Batch",
    "Contact",
    "Credit",
    "Design",
    "Festival",
    "Film",
    "InsertItem",
    "Interview",
    "Link",
    "MoveItem",
    "Operation",
    "PageSize",
    "Person",
    "PressKit",
    "PressQuote",
    "Problem",
    "RemoveItem",
    "Section",
    "SectionSetting",
    "SetField",
    "Still",
    "assign_missing_ids",
    "clean_text",
    "dumps",
    "from_dict",
    "human_size",
    "loads",
    "new_film_id",
    "new_still_id",
    "parse_json",
    "remove_stills",
    "resolve",
    "restore_operation",
    "shown_films",
    "shown_stills",
    "slug",
    "to_dict",
    "url_problem",
    "validate",
]
