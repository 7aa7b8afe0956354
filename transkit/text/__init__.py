"""How message text is read: the values in it that must survive translation, its
punctuation, spacing and words, and the lengths scripts need.

Plain functions of ``str`` that never raise, whatever they are given: the checks of
families ``M`` and ``S`` (:mod:`transkit.checks`) call them on translations written by
people, and judge with what they return.
"""
