"""Developer tools: benchmarks, synthetic pages, the published-URL manifest, and the browser and server
helpers that the tests and the benchmarks share. Tools import libraries, never a hook or a test."""
