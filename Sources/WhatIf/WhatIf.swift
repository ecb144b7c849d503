import PimsimKit

/// Variant comparison on common random numbers (placeholder, filled by issue 6).
public enum WhatIfPlaceholder {}
