"""Federation: other atlases' ``atlas.json`` fetched, validated and merged into this atlas at build time."""
