"""Jospar: the operational plan of a state body of the Republic of Kazakhstan."""
