"""Build libraries: the work behind the MkDocs hooks in scripts/hooks/ (search index, preview images,
worker pool, redirects and short links, output compaction). Nothing here imports a hook."""
