package org.initlab.cli;

import org.initlab.UserError;
import org.initlab.data.DatasetShape;
import org.initlab.math.ArrayBytes;
import org.initlab.study.MemoryEstimate;
import org.initlab.study.PlannedRun;
import org.initlab.study.RunSpec;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a study fits in this Java's heap, before anything is loaded or trained: the largest
 * runs that can train at once ({@code --jobs} of them, the largest first as the runner starts
 * them) each need their {@link MemoryEstimate#peak}, and the data is held beside them (or, while
 * it is read, its files' contents). {@code --dry-run} shows the figures; {@code run} refuses a
 * study that cannot fit, in one line that says how to give initlab more memory.
 */
final class MemoryBudget {
    /** The launcher passes this variable's options to Java (see {@code ./initlab}). */
    static final String JAVA_OPTIONS = "INITLAB_JAVA_OPTS";

    private final long[] peaks; // largest first
    private final String largestArchitecture;
    private final String tooLarge;
    private final int atOnce;
    private final long data;
    private final long loading;

    private MemoryBudget(long[] peaks, String largestArchitecture, String tooLarge, int atOnce, long data, long loading) {
        this.peaks = peaks;
        this.largestArchitecture = largestArchitecture;
        this.tooLarge = tooLarge;
        this.atOnce = atOnce;
        this.data = data;
        this.loading = loading;
    }

    /** The budget of {@code runs} on data of shape {@code shape}, {@code jobs} at a time. */
    static MemoryBudget of(List<PlannedRun> runs, DatasetShape shape, int jobs) {
        long[] peaks = new long[runs.size()];
        String tooLarge = null, largest = "";
        long max = -1;
        // runs that differ only in their seed need the same: estimated once (a grid is mostly seeds)
        Map<List<Object>, MemoryEstimate> estimates = new HashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            PlannedRun r = runs.get(i);
            MemoryEstimate e = estimates.computeIfAbsent(MemoryEstimate.sameFor(r), k -> MemoryEstimate.of(r, shape));
            if (tooLarge == null && e.tooLarge() != null) tooLarge = "architecture " + runs.get(i).spec().architectureLabel() + ": " + e.tooLarge();
            peaks[i] = e.peak();
            if (peaks[i] > max) {
                max = peaks[i];
                largest = runs.get(i).spec().architectureLabel();
            }
        }
        Arrays.sort(peaks);
        for (int i = 0, j = peaks.length - 1; i < j; i++, j--) {
            long t = peaks[i];
            peaks[i] = peaks[j];
            peaks[j] = t;
        }
        return new MemoryBudget(peaks, largest, tooLarge, Math.max(1, Math.min(jobs, runs.size())), shape.bytes(), shape.loadingBytes());
    }

    /** The largest run's need. */
    long perRun() {
        return peaks.length == 0 ? 0 : peaks[0];
    }

    /** The {@code jobs} largest runs together. */
    private long runs(int jobs) {
        long runs = 0;
        for (int i = 0; i < Math.min(jobs, peaks.length); i++) runs += peaks[i];
        return runs;
    }

    /** Everything at its fullest with {@code jobs} runs at once: the data, and its reading or the runs. */
    long total(int jobs) {
        return data + Math.max(loading, runs(jobs));
    }

    /**
     * What long-lived arrays can occupy: the heap's largest memory pool (the old generation under
     * the launcher's ParallelGC, 2/3 of the heap by default; an array larger than the young
     * generation goes straight there), at most {@code Runtime.maxMemory()}. Measured with
     * -Xmx1g: 64 MB arrays filled 738 MB of the 955 MB maxMemory reports, 256 MB arrays 537 MB.
     */
    static long usable() {
        long max = Runtime.getRuntime().maxMemory();
        long pool = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getUsage() != null) pool = Math.max(pool, p.getUsage().getMax());
        }
        return pool > 0 ? Math.min(pool, max) : max;
    }

    /** Fails, before anything runs, when a run would need an array longer than Java allows. */
    void requireArrays() {
        if (tooLarge != null) throw new UserError(tooLarge + ", more than a Java array holds (" + String.format("%,d", ArrayBytes.MAX_LENGTH)
                + "); use narrower layers");
    }

    /** Fails when the study cannot fit in this Java, with the figures and what to do. */
    void require() {
        requireArrays();
        String problem = refusal();
        if (problem != null) throw new UserError(problem);
    }

    /** Null when the study fits in this Java, else the line {@link #require} refuses it with. */
    String refusal() {
        return problem(usable(), maxHeap(), physicalMemory());
    }

    /**
     * Null when the study fits in {@code usable} bytes, else the one line saying so: with a heap
     * of {@code heap} bytes (-Xmx; {@code usable} of it usable) on a machine of {@code physical}
     * bytes (0: unknown). The -Xmx suggested keeps this heap's usable fraction, with a tenth to spare.
     */
    String problem(long usable, long heap, long physical) {
        long total = total(atOnce);
        if (total <= usable) return null;
        String runs = atOnce == 1 ? "" : " and " + atOnce + " runs at once need about " + size(runs(atOnce));
        long gib = xmx(total, usable, heap);
        String fewer = "";
        for (int j = atOnce - 1; j >= 1; j--) {
            if (total(j) <= usable) {
                fewer = ", or run fewer at once (--jobs " + j + ")";
                break;
            }
        }
        String start = "not enough memory: a run of architecture " + largestArchitecture + " needs about " + size(perRun()) + runs
                + ", with the data about " + size(total) + ", but this Java can hold about " + size(usable) + " (of its " + size(heap)
                + " maximum heap); give initlab more memory (" + JAVA_OPTIONS + "=-Xmx" + gib + "g ./initlab run ...)";
        if (physical <= 0 || gib * (1L << 30) <= physical) return start + fewer;
        String beyond = ", more than this machine's " + size(physical);
        if (!fewer.isEmpty()) return start + beyond + fewer.replace(", or", ":");
        for (int j = atOnce - 1; j >= 1; j--) {
            long g = xmx(total(j), usable, heap);
            if (g * (1L << 30) <= physical) {
                return start + beyond + ": run fewer at once with more memory (--jobs " + j + " and " + JAVA_OPTIONS + "=-Xmx" + g + "g)";
            }
        }
        return start + beyond + ": use narrower layers or smaller batches";
    }

    /** The -Xmx, in GiB, that holds {@code bytes} when this heap's usable fraction stays as it is, with a tenth to spare. */
    private static long xmx(long bytes, long usable, long heap) {
        return (long) Math.ceil(bytes * ((double) heap / usable) * 1.1 / (1L << 30));
    }

    /** The dry run's line: per run, in all, and what this Java can hold. */
    String line() {
        long usable = usable();
        long total = total(atOnce);
        boolean uniform = peaks.length > 0 && peaks[peaks.length - 1] >= 0.99 * peaks[0];
        String s = "Memory: " + (uniform ? "about " : "up to ") + size(perRun()) + " per run, " + size(total) + " in all ("
                + (atOnce == 1 ? "1 run" : atOnce + " runs") + " at once + " + size(data) + " of data)";
        return total <= usable ? s + " of the " + size(usable) + " this Java can hold."
                : s + ": more than the " + size(usable) + " this Java can hold.";
    }

    /** "14 MB", "2.9 GB" (decimal units, as the data line gives its MB). */
    static String size(long bytes) {
        if (bytes < 999_500_000L) return String.format(Locale.ROOT, "%d MB", Math.max(1, Math.round(bytes / 1e6)));
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }

    /** -Xmx in bytes (HotSpot's MaxHeapSize), else what {@code Runtime.maxMemory()} reports. */
    private static long maxHeap() {
        try {
            var hotspot = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            if (hotspot != null) return Long.parseLong(hotspot.getVMOption("MaxHeapSize").getValue());
        } catch (RuntimeException notHotSpot) {
            // another JVM: fall through
        }
        return Runtime.getRuntime().maxMemory();
    }

    private static long physicalMemory() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getTotalMemorySize() : 0;
    }
}
