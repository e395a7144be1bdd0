"""Contributing without git: issue forms per kind, issue → content file, links into GitHub's editor.

``formnames.ISSUE_FORMS`` names the issue form of each kind that has one; the site's links and the
files under ``.github/ISSUE_TEMPLATE/`` both use it.
"""
