"""The handbook's build code, as one package of plain functions:

- clauses: the clause table read from the Markdown sources, the one source of the
  chapters, clauses, their counts, titles and the clause-id pattern;
- citations: the citation form; edition: the as-of date and site address;
  glossary: the glossary as data;
- shortcodes: counts, lists and citations written into the pages' Markdown;
- pages: generated pages (side by side, print), the chapter tool line, short links;
- clause_markup, typography: Python-Markdown treeprocessors (clause attributes,
  Chinese marked on English pages);
- search: one search entry per clause; site_outputs: clauses.json, QR files;
  csp: the Content-Security-Policy; markup: HTML written and read without regexes;
- material: the only module that knows Material's and static-i18n's internals;
- calculator_docs: the developer calculators page's reference tables (the rules in
  force on the build date);
- amendments, versions: the amendments and clause versions.

The MkDocs hooks in overrides/hooks/ are thin adapters over it (README, "Build");
the scripts in scripts/ and the tests import it as `handbook`.
"""
