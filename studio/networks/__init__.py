"""One module per network (limits as data, validator, publisher). Built in the previews/publishing work."""
