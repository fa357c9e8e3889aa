"""Item pipelines and the pure functions they wrap: extract, clean, language, entities, store."""
