"""``python -m tfbindgen``: see ``tfbindgen.cli``."""

from tfbindgen.cli import main

raise SystemExit(main())
