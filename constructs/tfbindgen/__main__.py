"""``python -m tfbindgen``: see ``tfbindgen.generator.cli``."""

from tfbindgen.generator.cli import main

raise SystemExit(main())
