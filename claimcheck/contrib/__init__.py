"""Recipes that run claimcheck inside other engines (Dask); each needs its own extra."""
