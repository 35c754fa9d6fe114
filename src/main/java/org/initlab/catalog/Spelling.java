package org.initlab.catalog;

import org.initlab.UserError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The one rule for matching a name as a user writes it: case, '_', '-' and blanks do not count,
 * so "GlorotUniform", "glorot_uniform", "glorot-uniform" and "Glorot Uniform" are one name. Every
 * catalogue, the factors and every choice read from a spec match names this way.
 */
public final class Spelling {
    private Spelling() {}

    /** The matching key of a spelling: lower case without '_', '-' or blanks. */
    public static String key(String spelling) {
        StringBuilder sb = new StringBuilder(spelling.length());
        for (char c : spelling.trim().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c != '_' && c != '-' && !Character.isWhitespace(c)) sb.append(c);
        }
        return sb.toString();
    }

    /** Whether two spellings name the same thing. */
    public static boolean same(String a, String b) {
        return key(a).equals(key(b));
    }

    /**
     * The option whose name ({@code nameOf}) {@code text} spells; else a {@link UserError}
     * "unknown KIND 'text'; did you mean ...? (valid: ...)".
     */
    public static <E> E choose(String kind, String text, List<E> options, Function<E, String> nameOf) {
        String k = key(text);
        for (E o : options) if (key(nameOf.apply(o)).equals(k)) return o;
        List<String> names = new ArrayList<>();
        for (E o : options) names.add(nameOf.apply(o));
        throw new UserError(NearestName.unknown(kind, text.trim(), names));
    }

    /** The name among {@code names} that {@code text} spells, as listed there. */
    public static String choose(String kind, String text, List<String> names) {
        return choose(kind, text, names, n -> n);
    }
}
