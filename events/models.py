"""Events arrive with the events issue; the app exists so its URLs and migrations have a home."""
