"""bytes -> Articles: one module per format, plus encodings, dates, language and size limits.

`reader` is the entry point (read_documents, load_articles, input files); the format readers
(text_files, html_files, records, archive) end in `documents`.
"""
