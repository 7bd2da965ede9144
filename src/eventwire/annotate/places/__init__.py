"""Places: the embedded gazetteer, toponym detection and resolution."""

from eventwire.annotate.places.gazetteer import Candidate, Gazetteer
from eventwire.annotate.places.resolver import PlaceResolver, Weights

__all__ = ["Candidate", "Gazetteer", "PlaceResolver", "Weights"]
