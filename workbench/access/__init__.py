"""Who may do what: roles and permissions, accounts and memberships, rate limits."""
