"""Linking: near-duplicate articles, stories and event coreference."""
