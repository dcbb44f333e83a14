"""``python -m tracker.evaluate``."""

from tracker.evaluate.run import main

raise SystemExit(main())
