"""The change-detection core: text in, frozen values out.

Pure by contract (checked by import-linter): no I/O, no database, no HTTP. Data such as the
people roster is passed in as values built elsewhere (worker/service/seeds.py reads the files).
"""
