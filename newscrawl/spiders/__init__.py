"""Scrapy spiders of newscrawl."""
