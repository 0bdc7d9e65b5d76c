"""The run: paths and options in, the report out.

Each document is read, recognised and checked on its own (document.py), here or in a pool of
workers (pool.py); the run merges their results in input order (engine.py), spooling what a long
run need not keep in memory (spool.py).
"""
