"""The database: connections, migrations, the dossier store, the SQL of workshops and consent, backups."""
