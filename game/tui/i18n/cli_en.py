"""English strings of the command line: host, play, join, screen and web (merged into
:mod:`game.tui.i18n.en`)."""

CLI: dict[str, str] = {
    "cli.bad_pace": "--bot-pace must be 0 or more seconds.",
    "cli.bad_port": "--port must be a number from 0 to 65535.",
    "cli.no_listen": "Cannot listen on {host}:{port} ({reason}). Try another --port.",
    "cli.port_in_use": "the port is already in use",
    "cli.host_error.scenario": (
        "The scenario {path} is not valid (check it with: "
        "botsende-belangen validate {path}):\n{problems}"
    ),
    "cli.host_error.scenario_gone": (
        "The interrupted game in this game file belongs to the scenario {path}, and that "
        "file is gone. Put it back, or start a new game (play --new, or another game file "
        "with --db)."
    ),
    "cli.host_error.tables": "--tables must be a number from 1 to {max}.",
    "cli.host_error.store.missing": "The game file {path} does not exist.",
    "cli.host_error.store.not_db": (
        "{path} is not a Botsende belangen game file. Choose another file with --db."
    ),
    "cli.host_error.store.cannot_open": "The game file {path} cannot be opened: {why}.",
    "cli.host_error.store.newer": (
        "The game file {path} was made by a newer version of Botsende belangen. "
        "Update the program, or choose another file with --db."
    ),
    "cli.host_error.mode": "The scenario has no mode {mode} (it has: {modes}).",
    "cli.host_error.damaged": (
        "Move {seq} of table {table} in the game file is damaged. "
        "Start a new game with another file (--db)."
    ),
    "cli.host_error.replay": (
        "The log of table {table} no longer fits {scenario}: was the scenario changed "
        "since the game began? Put the old scenario back, or start a new game with "
        "another file (--db)."
    ),
    "cli.why.no_access": "no access to the file or its folder",
    "cli.why.no_folder": "the folder does not exist",
    "cli.why.read_only": "the disk is read-only",
    "cli.why.disk_full": "the disk is full",
    "cli.why.is_folder": "that is a folder, not a file",
    "cli.why.other": "cause unknown",
    "cli.host.hosting": "hosting {tables} of {scenario}, {mode} mode",
    "cli.host.resumed": "resumed {tables} of {scenario}, {mode} mode",
    "cli.host.table_one": "{n} table",
    "cli.host.table_many": "{n} tables",
    "cli.host.url": "url: {url}",
    "cli.host.codes": "codes: {path}",
    "cli.host.db": "database: {path}",
    "cli.host.stopped": "stopped; resume with the same --db",
    "cli.note.other_session": (
        "note: this database holds a session of {name} in {mode} mode; resuming that"
    ),
    "cli.note.scenario_changed": (
        "note: {path} changed since the session began; replaying the log anyway"
    ),
    "cli.note.tables_kept": "note: the database has {n} tables; keeping them all",
    "cli.note.table_added": "note: added table {number}",
    "cli.timeout": "No answer from {url}. Is the address right, and is the game running?",
    "cli.unreachable": (
        "Cannot reach {url}. Is the address right, and are you on the same network?"
    ),
    "cli.error": "error: {message}",
    "cli.address.empty": "Give the game's address, for example 192.168.1.20:8765.",
    "cli.address.scheme": (
        "{text} is not a game address. Use the address the facilitator shows, "
        "for example http://192.168.1.20:8765/."
    ),
    "cli.address.port": "The port in {text} is wrong (a number up to 65535, such as :8765).",
    "cli.address.host": (
        "{text} names no computer. Use the address the facilitator shows, "
        "for example 192.168.1.20:8765."
    ),
    "cli.unknown_host": "The computer {host} is unknown on this network. Is the address right?",
    "cli.refused": "No game runs at {url}. Is the port right, and is the game still running?",
    "cli.not_game": (
        "Something other than the game answers at {url}. Use the address the facilitator shows."
    ),
    "cli.no_code": "Give a code with --code, or paste the link from your join card.",
    "cli.not_screen": (
        "That is a role's code, not the room screen's. Use the room screen's code "
        "(Codes tab in the console)."
    ),
    # browser seat (game/webseat)
    "cli.reason.no_such_host": "that address does not exist",
    "cli.reason.refused": "no game runs there",
    "cli.reason.no_route": "that network cannot be reached",
    "cli.reason.other": "no connection",
}
