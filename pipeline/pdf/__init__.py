"""The PDF reader's parts, one job each: chars, rows, gate (OCR or not), tables,
furniture (running lines, footnotes, stamps), zones (reading order).  The door is
vanban.pipeline.read_pdf."""
