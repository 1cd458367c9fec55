"""Actors: from noun phrases (plain values) to coded actors, with the story's context."""

from .resolve import (PACT_WORDS, RESOLVER_VERSION, Description, StoryActors, describe,
                      names_only_a_place)

__all__ = ["PACT_WORDS", "RESOLVER_VERSION", "Description", "StoryActors", "describe",
           "names_only_a_place"]
