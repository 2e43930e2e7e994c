"""The `lumbung` command: a thin front to the project's management commands.

lumbung serve [--port N] · lumbung demo · lumbung stats --json · lumbung createadmin ·
lumbung generate … · and every other manage.py command (migrate, shell, …).
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lumbung.settings")
    from django.core.management import execute_from_command_line

    argv = sys.argv[:]
    if len(argv) == 1:
        argv.append("help")
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
