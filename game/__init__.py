"""Botsende belangen: a facilitated multiplayer negotiation role-play."""

__version__ = "0.1.0"
