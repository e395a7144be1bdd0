"""``atlas check-links``: every external link in the content checked politely, and entries due for review.

``urls`` finds each link where it is written (file and line), ``fetch`` checks each address once,
rate-limited per host, ``review`` finds ``last_reviewed`` dates past the threshold, and ``report``
groups what needs attention by file.
"""
