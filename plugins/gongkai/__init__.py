"""gongkai: publish a government organ's 政府信息公开 column from Markdown and YAML."""

__version__ = "0.1.0"
