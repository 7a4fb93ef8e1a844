from presskit.entry import main

raise SystemExit(main())
