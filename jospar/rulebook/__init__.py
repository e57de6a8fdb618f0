"""The rulebook as data: the editions of the Rules, their parameters and the labels of Form 1 and Form 2.

Seeded from the editions in `jospar.rules.rulebook`, kept in the database and corrected by the administrator on
the rulebook page (`/rulebook/`), with history. Everything above reads editions through `editions.py`.
"""
