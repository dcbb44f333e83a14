"""`python -m tracker.cli ...` is the `tracker` command."""

from tracker.cli import main

main()
