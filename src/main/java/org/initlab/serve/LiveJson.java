package org.initlab.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.initlab.io.JsonFormat;
import org.initlab.study.ProgressFiles;
import org.initlab.study.RunRecord;
import org.initlab.study.StudyManifest;
import org.initlab.train.EpochRecord;
import org.initlab.train.Histogram;
import org.initlab.train.LayerRecord;
import org.initlab.train.NamedValues;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The live view's JSON documents, in initlab's JSON conventions ({@link JsonFormat}: keys sorted,
 * numbers that are not finite as null; epoch records as {@code result.json} keeps them):
 * <ul>
 * <li>the study's summary: name, counts of runs by status, ETA, whether the report is written;</li>
 * <li>a snapshot: the summary and every planned run's {@link RunState};</li>
 * <li>a run: its spec, labels, status, epoch records (from an epoch on; with or without histograms),
 * and its seeds (the runs of its configuration).</li>
 * </ul>
 */
final class LiveJson {
    private LiveJson() {}

    /** Where the page finds the study's report (served from the folder). */
    static final String REPORT_HREF = "files/" + FolderReader.REPORT;

    static Map<String, Object> summary(FolderReader.View v, long now) {
        Map<String, Object> out = new LinkedHashMap<>();
        StudyManifest m = v.manifest();
        out.put("name", m == null ? null : m.name());
        out.put("description", m == null ? null : m.description());
        out.put("protocol", m == null ? null : m.protocol());
        out.put("dataset", m == null || m.data() == null ? null : m.data().dataset());
        out.put("problem", v.problem());
        out.put("keys", keys(m));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (RunStatus s : RunStatus.values()) counts.put(s.json(), 0);
        int diverged = 0;
        for (RunState r : v.runs()) {
            counts.merge(r.status().json(), 1, Integer::sum);
            if (r.diverged()) diverged++;
        }
        out.put("total", v.runs().size());
        out.put("counts", counts);
        out.put("diverged", diverged);
        out.put("finished", !v.runs().isEmpty() && counts.get(RunStatus.DONE.json()) == v.runs().size());
        Eta.Estimate eta = Eta.of(v.runs(), now);
        out.put("eta", eta.seconds());
        out.put("etaBasis", eta.basis());
        out.put("report", v.report() == null ? null : Map.of("href", REPORT_HREF, "written", v.report().modified()));
        out.put("now", now);
        return out;
    }

    /** The factors that tell runs apart (those any experiment varies), then the seed when there are several. */
    static List<String> keys(StudyManifest m) {
        if (m == null) return List.of();
        Set<String> keys = new LinkedHashSet<>();
        for (StudyManifest.ExperimentInfo e : m.experiments()) {
            for (Map.Entry<String, List<String>> f : e.factors().entrySet()) if (f.getValue().size() > 1) keys.add(f.getKey());
        }
        if (m.seeds() != null && m.seeds().size() > 1) keys.add("seed");
        return new ArrayList<>(keys);
    }

    static Map<String, Object> snapshot(FolderReader.View v, long now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("summary", summary(v, now));
        out.put("runs", v.runs());
        return out;
    }

    /** A run's page, or null when the study has no such run. {@code from}: only epochs from this one on. */
    static Map<String, Object> run(FolderReader reader, String id, int from, boolean histograms) {
        FolderReader.View v = reader.view();
        RunState s = v.byId().get(id);
        if (s == null) return null;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", s);
        List<Object> seeds = new ArrayList<>();
        for (String sib : v.siblings().getOrDefault(id, List.of(id))) {
            RunState o = v.byId().get(sib);
            if (o != null) seeds.add(Map.of("id", sib, "seed", o.labels().getOrDefault("seed", ""), "status", o.status()));
        }
        out.put("seeds", seeds);
        out.put("histogram", Map.of("scale", Histogram.SCALE, "du", Histogram.DU, "bins", Histogram.BINS));
        List<EpochRecord> records = new ArrayList<>();
        List<Double> elapsed = new ArrayList<>();
        if (s.status() == RunStatus.DONE) {
            RunRecord r = reader.record(id);
            if (r != null) {
                out.put("spec", r.spec());
                out.put("probeSettings", r.probeSettings());
                out.put("probes", r.probes());
                out.put("started", r.started());
                out.put("finished", r.finished());
                out.put("finalMetrics", r.result().finalMetrics());
                out.put("divergence", r.result().divergence());
                double[] perEpoch = r.result().timing() == null ? null : r.result().timing().epochSeconds();
                double sum = 0;
                for (int i = 0; i < r.result().epochs().size(); i++) {
                    EpochRecord e = r.result().epochs().get(i);
                    if (perEpoch != null && i < perEpoch.length) sum += perEpoch[i];
                    if (e.epoch() < from) continue;
                    records.add(e);
                    elapsed.add(perEpoch == null ? null : sum);
                }
            }
        } else {
            FolderReader.Live live = v.live().get(id);
            if (live != null) {
                if (live.start() != null) {
                    out.put("spec", live.start().spec());
                    out.put("probeSettings", live.start().probeSettings());
                    out.put("started", live.start().started());
                }
                for (ProgressFiles.EpochProgress e : live.epochs()) {
                    if (e.epoch() < from) continue;
                    records.add(e.record());
                    elapsed.add(e.seconds());
                }
            }
        }
        out.put("from", from);
        out.put("epochs", histograms ? records : records.stream().map(LiveJson::withoutHistograms).toList());
        out.put("elapsed", elapsed);
        return out;
    }

    /** An epoch record without its histograms (the curves need only its numbers). */
    static EpochRecord withoutHistograms(EpochRecord r) {
        List<LayerRecord> layers = r.layers().stream().map(l -> new LayerRecord(l.layer(), l.in(), l.out(), numbersOnly(l.values()))).toList();
        return new EpochRecord(r.epoch(), r.trainLoss(), r.trainAccuracy(), r.validationLoss(), r.validationAccuracy(), r.testLoss(),
                r.testAccuracy(), numbersOnly(r.values()), layers);
    }

    private static NamedValues numbersOnly(NamedValues values) {
        Set<String> keep = new HashSet<>();
        values.asMap().forEach((k, val) -> {
            if (!(val instanceof Histogram)) keep.add(k);
        });
        return keep.size() == values.names().size() ? values : values.only(keep);
    }

    static byte[] bytes(Object document) {
        try {
            return JsonFormat.CANONICAL.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(Object document) {
        return new String(bytes(document), java.nio.charset.StandardCharsets.UTF_8);
    }
}
