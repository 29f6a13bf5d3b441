"""`gongkai review`: what a change does to the disclosure column, as Markdown for a pull-request comment."""
