"""The rule-set editor: list, copy, edit (a form built from the schema), compare, import and save local sets."""
