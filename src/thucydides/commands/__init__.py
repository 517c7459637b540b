"""Built-in command-line commands, each module registered through the ``register_commands`` hook."""
