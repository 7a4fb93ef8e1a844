"""The PDF press kit: themes, fonts, flowables per section, page templates (ReportLab)."""
