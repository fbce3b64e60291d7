"""The one renderer: a Design becomes pixels here, for the canvas, every preview and the export.

Text, shapes and composition use QtGui (QPainter on QImage; works headless with the offscreen platform).
Pillow decodes, adjusts and encodes images (studio.render.imageio, studio.render.encode).
"""
