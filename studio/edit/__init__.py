"""Qt-free undoable edits of a Document: one command class per kind of user edit, and the UndoStack."""

from studio.edit.commands import (
    AddLayers,
    ChangeFormat,
    Command,
    DeleteLayers,
    MoveLayer,
    SetDesign,
    SetLayers,
    SetPost,
)
from studio.edit.media import AddMedia, MoveMedia, RemoveMedia, SetMedia
from studio.edit.stack import UndoStack

__all__ = ["AddLayers", "AddMedia", "ChangeFormat", "Command", "DeleteLayers", "MoveLayer", "MoveMedia",
           "RemoveMedia", "SetDesign", "SetLayers", "SetMedia", "SetPost", "UndoStack"]
