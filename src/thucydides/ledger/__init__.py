"""The equipment-loss ledger."""
