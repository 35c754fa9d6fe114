package org.initlab.report.html;

import org.initlab.Version;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.text.Values;
import org.initlab.study.RunRecord;
import org.initlab.study.StudyManifest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Provenance: the spec, versions, machines, dates, compute time and data files behind the results. */
final class ProvenanceSection implements Section {
    @Override
    public String id() {
        return "provenance";
    }

    @Override
    public String heading(ReportInput in) {
        return "Provenance";
    }

    @Override
    public void write(Page p, ReportInput in, List<RenderedFigure> figures) {
        StudyAggregate agg = in.agg();
        StudyManifest m = agg.data().manifest();
        List<RunRecord> runs = agg.data().runs();
        p.raw("<dl class=\"prov\">\n");
        def(p, "study", m.name() + " (" + m.protocol() + " protocol; grid fingerprint " + m.fingerprint() + ")");
        def(p, "study folder", agg.data().dir().toAbsolutePath().normalize().toString());
        def(p, "runs", runs.size() + " finished of " + m.runs().size() + " planned; " + runs.stream().filter(r -> r.result().diverged()).count() + " diverged");
        def(p, "seeds", m.seeds().toString());
        Set<String> versions = new LinkedHashSet<>();
        versions.add(m.initlab());
        for (RunRecord r : runs) versions.add(r.initlab());
        def(p, "initlab (runs)", String.join(", ", versions));
        def(p, "initlab (report)", Version.current() + ", Java " + Runtime.version());
        def(p, "Java (runs)", distinct(runs, "java"));
        def(p, "machine", distinct(runs, "os") + "; " + distinct(runs, "arch") + "; " + distinct(runs, "processors") + " processors; "
                + distinct(runs, "vector_bits") + "-bit vectors");
        def(p, "created", Values.instant(m.created()));
        String first = runs.stream().map(RunRecord::started).filter(s -> s != null).min(String::compareTo).orElse("—");
        String last = runs.stream().map(RunRecord::finished).filter(s -> s != null).max(String::compareTo).orElse("—");
        def(p, "runs started / finished", Values.instant(first) + " → " + Values.instant(last));
        double compute = 0;
        for (RunRecord r : runs) if (r.result().timing() != null) compute += r.result().timing().totalSeconds();
        def(p, "total compute time", Values.seconds(compute) + " (sum of the runs' training times)");
        Map<String, Object> data = runs.getFirst().data();
        if (data != null) {
            List<String> parts = new ArrayList<>();
            for (String k : List.of("dataset", "format", "location", "origin", "verified", "preprocessing", "validationSize")) {
                if (data.get(k) != null) parts.add(k + " " + data.get(k));
            }
            def(p, "data", String.join("; ", parts));
            if (data.get("files") instanceof List<?> files) {
                List<String> fs = new ArrayList<>();
                for (Object o : files) {
                    if (o instanceof Map<?, ?> f) fs.add(f.get("name") + " (" + f.get("bytes") + " bytes, sha256 " + f.get("sha256") + ")");
                }
                def(p, "data files", String.join("; ", fs));
            }
        }
        def(p, "this page", "one file, no network; interactive charts drawn with " + Assets.UPLOT_NAME + " (MIT licence below), inlined");
        p.raw("</dl>\n");
        p.raw("<details class=\"licence\"><summary>").text(Assets.UPLOT_NAME + " licence").raw("</summary><pre>").text(Assets.UPLOT_LICENCE).raw("</pre></details>\n");
        p.element("h3", "", "Study spec (study.yaml)");
        p.element("pre", "class=\"spec\"", agg.data().specText().isEmpty() ? "(no study.yaml in the folder)" : agg.data().specText());
    }

    private static String distinct(List<RunRecord> runs, String key) {
        Set<String> s = new LinkedHashSet<>();
        for (RunRecord r : runs) if (r.machine() != null && r.machine().get(key) != null) s.add(r.machine().get(key));
        return s.isEmpty() ? "—" : String.join(", ", s);
    }

    private static void def(Page p, String term, String value) {
        p.element("dt", "", term);
        p.element("dd", "", value);
    }
}
