package org.initlab.report.html;

import org.initlab.report.compare.Matching;
import org.initlab.report.compare.StudyComparison;
import org.initlab.report.model.RunGroup;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.model.StudyDesign;
import org.initlab.report.text.Values;
import org.initlab.study.StudyManifest;

import java.util.List;

/** The studies compared: each one's folder, protocol, data and seeds; what configurations are matched on; and what is not matched. */
final class StudiesSection implements ComparisonSection {
    @Override
    public String id() {
        return "studies";
    }

    @Override
    public String heading(ComparisonInput in) {
        return "The studies";
    }

    @Override
    public void write(Page p, ComparisonInput in, List<RenderedFigure> figures) {
        for (int i = 0; i < in.studies().size(); i++) {
            StudyAggregate a = in.studies().get(i);
            StudyManifest m = a.data().manifest();
            p.element("h3", "", in.names().get(i) + (i == 0 ? " (the reference)" : ""));
            p.raw("<dl class=\"prov\">\n");
            def(p, "folder", a.data().dir().toAbsolutePath().normalize().toString());
            def(p, "study", m.name() + " (" + m.protocol() + " protocol; grid fingerprint " + m.fingerprint() + ")");
            if (m.data() != null) def(p, "data", m.data().dataset() + ", validation " + m.data().validationSize() + ", " + m.data().preprocessing());
            def(p, "runs", a.data().runs().size() + " finished of " + m.runs().size() + " planned, in " + a.groups().size() + " configurations; "
                    + a.data().runs().stream().filter(r -> r.result().diverged()).count() + " diverged");
            def(p, "seeds", m.seeds().toString());
            def(p, "experiments", String.join("; ", a.design().experiments().stream().map(e -> e.name() + " (" + String.join(" × ",
                    e.varying().stream().map(StudyDesign::words).toList()) + ")").toList()));
            def(p, "created", Values.instant(m.created()));
            p.raw("</dl>\n");
        }
        for (int i = 0; i < in.comparisons().size(); i++) {
            StudyComparison c = in.comparisons().get(i);
            Matching m = c.matching();
            p.element("h3", "", "Matching " + c.nameB() + " to " + c.nameA());
            p.element("p", "", "Configurations are the same when their " + StudyDesign.list(m.keys().stream().map(StudyDesign::words).toList())
                    + " are: the factors the studies' experiments vary. Settings either study fixes (and the protocol or dataset changes) are not matched on;"
                    + " where they differ, the table says so. " + m.pairs().size() + " configurations match.");
            if (!m.common().isEmpty()) {
                p.element("p", "", "Different in every matched configuration: " + String.join("; ", m.common().stream().map(Matching.Setting::toString).toList()) + ".");
            }
            unmatched(p, "Only in " + c.nameA(), m.onlyA(), m.keys());
            unmatched(p, "Only in " + c.nameB(), m.onlyB(), m.keys());
        }
    }

    private static void unmatched(Page p, String title, List<RunGroup> groups, List<String> keys) {
        if (groups.isEmpty()) return;
        p.element("p", "", title + " (" + groups.size() + "): " + String.join("; ", groups.stream()
                .map(g -> String.join(" · ", keys.stream().map(k -> g.configuration().labels().getOrDefault(k, Values.NONE)).toList())).toList()) + ".");
    }

    private static void def(Page p, String term, String value) {
        p.element("dt", "", term);
        p.element("dd", "", value);
    }
}
