package org.initlab.report.html;

import org.initlab.Version;
import org.initlab.data.Origin;
import org.initlab.data.Preprocessing;
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
            def(p, "data", dataInWords(data));
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

    /**
     * "mnist (idx files) from /data/mnist, found through --data-dir, verified against the published
     * checksums; inputs scale01; 10000 training examples held out for validation": a run's data
     * provenance in the words a spec and the command line use (records from before provenance
     * used them hold constant names such as ENVIRONMENT or SCALE_01: shown as their words too).
     */
    static String dataInWords(Map<String, Object> data) {
        StringBuilder sb = new StringBuilder(String.valueOf(data.getOrDefault("dataset", "?")));
        if (data.get("format") != null) sb.append(" (").append(data.get("format")).append(" files)");
        if (data.get("location") != null) sb.append(" from ").append(data.get("location"));
        if (data.get("origin") != null) {
            String o = String.valueOf(data.get("origin"));
            sb.append(Origin.parse(o).map(ProvenanceSection::found).orElse(", found through " + o));
        }
        if (data.get("verified") != null) {
            sb.append(Boolean.TRUE.equals(data.get("verified")) ? ", verified against the published checksums" : ", not verified");
        }
        if (data.get("preprocessing") != null) {
            String pre = String.valueOf(data.get("preprocessing"));
            try {
                pre = Preprocessing.parse(pre).label();
            } catch (org.initlab.UserError unknown) {
                // a preprocessing this initlab does not know: shown as recorded
            }
            sb.append("; inputs ").append(pre);
        }
        if (data.get("validationSize") != null) sb.append("; ").append(data.get("validationSize")).append(" training examples held out for validation");
        return sb.toString();
    }

    private static String found(Origin o) {
        return switch (o) {
            case DATA_DIR, ENVIRONMENT -> ", found through " + o.label();
            case CACHE -> ", found in initlab's cache";
            case SYSTEM -> ", found in a system folder";
            case DOWNLOAD -> ", downloaded";
            case PATH -> ", named by its path";
        };
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
