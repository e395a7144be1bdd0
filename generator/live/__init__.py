"""atlas serve: content, pages and site kept up to date edit by edit."""
