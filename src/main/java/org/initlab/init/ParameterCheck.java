package org.initlab.init;

import org.initlab.UserError;

/** The range rules an initializer's constructor applies to its parameters; a violation is a {@link UserError}. */
final class ParameterCheck {
    private ParameterCheck() {}

    static double finite(String component, String parameter, double value) {
        if (!Double.isFinite(value)) throw new UserError(component + ": parameter '" + parameter + "' must be finite, got " + value);
        return value;
    }

    static double positive(String component, String parameter, double value) {
        finite(component, parameter, value);
        if (!(value > 0)) throw new UserError(component + ": parameter '" + parameter + "' must be > 0, got " + value);
        return value;
    }

    static double nonNegative(String component, String parameter, double value) {
        finite(component, parameter, value);
        if (!(value >= 0)) throw new UserError(component + ": parameter '" + parameter + "' must be ≥ 0, got " + value);
        return value;
    }

    static double within(String component, String parameter, double value, double min, double max) {
        finite(component, parameter, value);
        if (value < min || value > max) {
            throw new UserError(component + ": parameter '" + parameter + "' must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }
}
