"""Demo tools, not shipped with the package: the drawing code of the demo photos and the synthetic
catalogue generator (`python -m demo.synth`)."""
