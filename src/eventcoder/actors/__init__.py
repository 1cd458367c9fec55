"""Actors: from noun phrases (plain values) to coded actors, with the story's context."""

from .resolve import RESOLVER_VERSION, Description, StoryActors, describe

__all__ = ["RESOLVER_VERSION", "Description", "StoryActors", "describe"]
