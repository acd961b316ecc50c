"""Digibank Werkbank: co-create a digibank strategy and samenwerkingsovereenkomst."""
