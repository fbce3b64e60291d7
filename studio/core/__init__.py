"""Qt-free domain model: Post, Media, Design, layers, Problem."""
