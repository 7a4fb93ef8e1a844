from presskit.cli import main

raise SystemExit(main())
