package org.initlab.report;

import org.initlab.io.Disk;
import org.initlab.report.html.RenderedFigure;
import org.initlab.report.plot.Figure;
import org.initlab.report.plot.FigureRenderer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A report's figure folder: every figure as SVG and, optionally, as a 300 dpi PNG; and the figure
 * files of an earlier report that this one did not write again removed. The report's files are
 * known by their prefixes (one per figure set, {@code prefix-*.svg}, {@code prefix-*.png}); anything else in the
 * folder is left alone.
 */
final class FigureFiles {
    private final Path dir;
    private final String pageRelative;
    private final boolean png;
    private final Disk disk;
    private final List<Path> written = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    /**
     * @param dir          the folder
     * @param pageRelative the folder as the page links to it ("figures")
     * @param png          also write PNGs (the slow part)
     * @param disk         what writes and deletes the files
     */
    FigureFiles(Path dir, String pageRelative, boolean png, Disk disk) throws IOException {
        this.dir = dir;
        this.pageRelative = pageRelative;
        this.png = png;
        this.disk = disk;
        disk.createDirectories(dir);
    }

    /** Writes each figure's PNG (drawn on all cores: the figures are independent), then its SVG; ids must be unique. */
    List<RenderedFigure> write(List<Figure> figures) throws IOException {
        for (Figure f : figures) {
            if (!ids.add(f.id())) throw new IllegalStateException("two figures have the id " + f.id());
        }
        if (png) {
            // Each task catches its own failure, so forEach returns only when every task has ended: a task
            // that outlived a thrown exception would write into a folder the caller believes finished.
            AtomicReference<IOException> failed = new AtomicReference<>();
            figures.parallelStream().forEach(f -> {
                if (failed.get() != null) return;
                try {
                    disk.write(dir.resolve(f.id() + ".png"), FigureRenderer.png(f, FigureRenderer.POSTER_DPI));
                } catch (IOException e) {
                    failed.compareAndSet(null, e);
                }
            });
            if (failed.get() != null) throw failed.get();
        }
        List<RenderedFigure> out = new ArrayList<>();
        for (Figure f : figures) {
            String svg = FigureRenderer.svg(f);
            Path svgFile = dir.resolve(f.id() + ".svg"), pngFile = dir.resolve(f.id() + ".png");
            disk.write(svgFile, ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg).getBytes(StandardCharsets.UTF_8));
            written.add(svgFile);
            if (png) written.add(pngFile);
            List<RenderedFigure.Choice> choices = f.choices().stream().map(c -> new RenderedFigure.Choice(c.id(), c.label(),
                    c.options().stream().map(o -> new RenderedFigure.Option(o.id(), o.label())).toList())).toList();
            out.add(new RenderedFigure(f.id(), f.title(), svg, pageRelative + "/" + svgFile.getFileName(),
                    png ? pageRelative + "/" + pngFile.getFileName() : null, true, choices));
        }
        return out;
    }

    /** The files written so far, in order (each figure's SVG, then its PNG). */
    List<Path> written() {
        return List.copyOf(written);
    }

    /** The names of the figure files of a report whose figure sets have these prefixes. */
    static Pattern names(Collection<String> prefixes) {
        return Pattern.compile(prefixes.stream().map(Pattern::quote).collect(Collectors.joining("|", "(", ")")) + "-[a-z0-9-]+\\.(svg|png)");
    }

    /** Deletes the report's figure files (by {@link #names}) that were not written this time: figure ids change with the study. */
    void removeStale(Collection<String> prefixes) throws IOException {
        Pattern report = names(prefixes);
        Set<Path> keep = new HashSet<>(written);
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                if (!keep.contains(f) && report.matcher(f.getFileName().toString()).matches()) disk.delete(f);
            }
        }
    }
}
