"""newscrawl: crawl tech and finance news into clean, queryable SQLite."""
