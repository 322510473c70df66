"""The handbook's build code, as one package: the clause table read from the
Markdown sources (clauses), the citation form (citations), the edition date and
site address (edition), the glossary as data (glossary), Chinese-in-English
marking (typography), the calculators' reference tables for the
developer page (calculator_docs), and the amendments and clause versions (amendments,
versions). The MkDocs hooks in overrides/hooks/ are thin adapters over it; the
scripts in scripts/ and the tests import it as `handbook`.
"""
