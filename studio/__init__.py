"""Content Studio: design, preview and publish social posts.

Importing this package imports no Qt; it only carries the version.
"""

__version__ = "0.1.0"
APP_NAME = "Content Studio"
