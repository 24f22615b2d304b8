"""Demo content for the London Practice Exchange: resources, attachment text and generator."""
