"""The engine: the check registry, the configuration and run options, selection,
suppression, baselines, the result cache and the worker processes that run checks.
"""
