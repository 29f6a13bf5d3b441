"""gongkai: publish a government organ's 政府信息公开 column from Markdown and YAML."""

__version__ = "0.1.0"

# The name pyproject.toml registers the disclosure plugin under, as mkdocs.yml enables it.
PLUGIN_NAME = "gongkai/disclosure"
