"""songforge: a self-hostable music generation service speaking the TokenLab music API."""

__version__ = "0.1.0"
