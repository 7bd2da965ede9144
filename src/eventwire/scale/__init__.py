"""The Dask engine: the pipeline's per-article work on a Dask cluster, the store on the driver."""

from eventwire.scale.engine import DaskEngine, stored_complete
from eventwire.scale.partition import Partition, plan, read

__all__ = ["DaskEngine", "Partition", "plan", "read", "stored_complete"]
