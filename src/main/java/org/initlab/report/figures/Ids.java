package org.initlab.report.figures;

import java.util.Locale;

/** Figure ids (also file names): a prefix, a running number, and a slug of a name. */
final class Ids {
    private Ids() {}

    static String of(String prefix, int number, String name) {
        String slug = name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 32) slug = slug.substring(0, 32).replaceAll("-+$", "");
        return prefix + "-" + number + (slug.isEmpty() ? "" : "-" + slug);
    }
}
