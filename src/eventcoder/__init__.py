"""eventcoder: news stories in, political event data out (CAMEO and PLOVER 2.0).

    >>> from eventcoder import code_text
    >>> events = code_text("Protesters clashed with police in Cairo.", published=date(2019, 5, 23))

The coding functions are imported lazily, so ``import eventcoder.store`` (the service side)
never loads spaCy.
"""

from .errors import EventcoderError, InputError, ModelError, StoreError, UsageError
from .types import Actor, Article, Event, Place, Span

__version__ = "0.1.0"

__all__ = [
    "Actor", "Article", "Coder", "Event", "EventcoderError", "InputError", "ModelError",
    "Place", "Span", "StoreError", "UsageError", "code_articles", "code_text", "read_articles",
    "__version__",
]

_LAZY = {"Coder": "pipeline", "code_articles": "pipeline", "code_text": "pipeline",
         "read_articles": "ingest"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'eventcoder' has no attribute {name!r}")
