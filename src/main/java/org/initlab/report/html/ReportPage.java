package org.initlab.report.html;

import org.initlab.report.model.StudyAggregate;
import org.initlab.report.text.Values;
import org.initlab.study.StudyManifest;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * report.html: one self-contained page (inline CSS, script and SVG; no network) — the study's
 * header with a table of contents, then its sections in order. The page writes each section's
 * element and heading, the section its body. All text from the study is escaped.
 */
public final class ReportPage {
    private ReportPage() {}

    public static String html(ReportInput in, List<RenderedSection> sections) {
        checkIds(sections);
        StudyManifest m = in.agg().data().manifest();
        Page p = new Page();
        PageFrame.open(p, m.name() + " — initlab report");
        header(p, in, sections);
        p.raw("<main>\n");
        for (RenderedSection s : sections) {
            p.raw("<section id=\"" + s.section().id() + "\">\n");
            p.element("h2", "", s.section().heading(in));
            s.section().write(p, in, s.figures());
            p.raw("</section>\n");
        }
        p.raw("</main>\n");
        PageFrame.close(p, meta(in.agg(), sections));
        return p.toString();
    }

    /** Section ids are anchors written as they are: they must be plain and unique. */
    private static void checkIds(List<RenderedSection> sections) {
        Set<String> seen = new HashSet<>();
        for (RenderedSection s : sections) {
            String id = s.section().id();
            if (!id.matches("[a-z][a-z0-9-]*") || !seen.add(id)) throw new IllegalStateException("section id must be unique lower-case letters, digits, '-': " + id);
        }
    }

    static String sha256Base64(String s) {
        try {
            return java.util.Base64.getEncoder().encodeToString(
                    java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the page's script reads: the figures it should find drawn (the inline ones). */
    private static Map<String, Object> meta(StudyAggregate agg, List<RenderedSection> sections) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("study", agg.data().manifest().name());
        meta.put("runs", agg.data().runs().size());
        meta.put("configurations", agg.groups().size());
        meta.put("figures", sections.stream().flatMap(s -> s.figures().stream()).filter(RenderedFigure::inline).map(RenderedFigure::id).toList());
        return meta;
    }

    private static void header(Page p, ReportInput in, List<RenderedSection> sections) {
        StudyAggregate agg = in.agg();
        StudyManifest m = agg.data().manifest();
        List<String> facts = new java.util.ArrayList<>();
        facts.add(m.protocol() + " protocol");
        if (m.data() != null) facts.add(m.data().dataset() + " (validation " + m.data().validationSize() + ", " + m.data().preprocessing() + ")");
        facts.add(agg.data().runs().size() + " of " + m.runs().size() + " runs finished");
        facts.add(agg.groups().size() + " configurations");
        facts.add(seedsText(agg));
        facts.add("created " + Values.instant(m.created()));
        PageFrame.header(p, m.name(), m.description(), facts,
                sections.stream().map(s -> Map.entry(s.section().id(), s.section().tocEntry(in))).toList());
    }

    static String seedsText(StudyAggregate agg) {
        int lo = agg.minSeeds(), hi = agg.maxSeeds();
        if (hi == 1) return "1 seed: no confidence intervals or tests";
        return (lo == hi ? hi : lo + "–" + hi) + " seeds per configuration (paired)";
    }
}
