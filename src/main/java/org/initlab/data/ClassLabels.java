package org.initlab.data;

import org.initlab.UserError;

import java.util.Arrays;
import java.util.List;

/**
 * The class count of a dataset, checked against its labels. Labels index the output units, so
 * a label must lie in 0..C-1: C is declared (by the catalogue, or by the user for a path
 * dataset), or else it is the largest label plus one and every class below it must have an
 * example, so that one stray label (200 among digits) cannot silently add 191 output units no
 * example asks for.
 */
final class ClassLabels {
    private ClassLabels() {}

    /**
     * The class count of {@code parts}: {@code declared} when given (every label must be below it;
     * {@code why} says where it was declared), else from the labels.
     */
    static int count(List<Examples> parts, Integer declared, String why) {
        if (declared != null) {
            for (Examples e : parts) {
                int[] y = e.labels();
                for (int i = 0; i < y.length; i++) {
                    if (y[i] < 0 || y[i] >= declared) {
                        throw new UserError(e.label(i) + " is not a class 0.." + (declared - 1) + " (" + why + ")");
                    }
                }
            }
            return declared;
        }
        int total = 0;
        for (Examples e : parts) {
            int[] y = e.labels();
            for (int i = 0; i < y.length; i++) {
                if (y[i] < 0) {
                    throw new UserError(e.label(i) + " is negative; classes are numbered 0, 1, 2, ... (fix the label)");
                }
            }
            total += y.length;
        }
        int[] sorted = new int[total];
        int at = 0;
        for (Examples e : parts) {
            System.arraycopy(e.labels(), 0, sorted, at, e.count());
            at += e.count();
        }
        Arrays.sort(sorted);
        int expected = 0; // the smallest class not yet seen
        for (int y : sorted) {
            if (y > expected) throw gap(parts, expected, y, sorted[total - 1]);
            if (y == expected) expected++;
        }
        return expected;
    }

    /** Classes {@code missing}..{@code next}-1 have no example; the first example of class {@code next} is named. */
    private static UserError gap(List<Examples> parts, int missing, int next, int max) {
        String classes = next - missing == 1 ? "class " + missing + " has" : "classes " + missing + ".." + (next - 1) + " have";
        for (Examples e : parts) {
            int[] y = e.labels();
            for (int i = 0; i < y.length; i++) {
                if (y[i] == next) {
                    return new UserError(e.label(i) + ", but " + classes + " no example: labels must number the classes 0..C-1"
                            + " without gaps; fix the label, or declare the class count to keep unused classes (dataset: {classes: "
                            + (max + 1) + "})");
                }
            }
        }
        throw new IllegalStateException("label " + next + " was seen");
    }
}
