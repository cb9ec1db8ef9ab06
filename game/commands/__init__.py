"""Subcommands of the ``botsende-belangen`` command line, one module each."""
