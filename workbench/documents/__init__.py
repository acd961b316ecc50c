"""Word documents: context per clause, rendering, annexes, versions, PDF."""
