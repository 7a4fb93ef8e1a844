"""The press package: the web press kit, the credited print stills and what goes beside
them (credits.csv, stills.zip, both PDFs), written into one folder from the same kit."""
