package org.initlab.io;

import java.io.IOException;
import java.util.List;

/** CSV as RFC 4180 writes it, which pandas, R and spreadsheets read without options. */
public final class Csv {
    private Csv() {}

    /** One row: fields with a comma, quote or line break are quoted, quotes doubled; CRLF ends it. */
    public static void row(Appendable out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) out.append(',');
            String f = fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                out.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else out.append(f);
        }
        out.append("\r\n");
    }

    /** {@link #row(Appendable, List)} into a StringBuilder, which cannot fail. */
    public static void row(StringBuilder sb, List<String> fields) {
        try {
            row((Appendable) sb, fields);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
