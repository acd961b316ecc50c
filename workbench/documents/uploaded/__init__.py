"""Templates a coach uploads: plain data, an allow-listed sandbox, a confined child process."""
