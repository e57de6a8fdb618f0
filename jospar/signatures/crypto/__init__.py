"""CMS verification and the demo certification authority, in plain Python (cryptography + asn1crypto): no
Django here, so the checks are tested without a database and the settings come in as arguments."""
