"""Who may see a signature: who may see what it signs (`selectors.visible`)."""
