"""What the tests share: factories, worlds, page types, and helpers for forms, markup, search,
browsers, processes and logins. Test modules import from here and from nowhere else in tests/."""
