package org.initlab.report;

import org.initlab.io.AtomicFile;
import org.initlab.io.Disk;
import org.initlab.report.plot.Figure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Figure files are drawn on all cores, and a failed one leaves no other still writing when the report gives up. */
class FigureFilesTest {
    @TempDir
    Path tmp;

    @Test
    void aFailedPngLeavesNoWriteInFlight() throws IOException {
        AtomicInteger calls = new AtomicInteger(), inFlight = new AtomicInteger();
        Disk disk = new Disk() {
            @Override
            public void write(Path target, AtomicFile.Body body) throws IOException {
                if (calls.incrementAndGet() == 2) {
                    throw new FileSystemException(target.toString(), null, "No space left on device");
                }
                inFlight.incrementAndGet();
                try {
                    Thread.sleep(100);
                    REAL.write(target, body);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inFlight.decrementAndGet();
                }
            }

            @Override
            public void move(Path file, Path target) throws IOException {
                REAL.move(file, target);
            }

            @Override
            public void delete(Path file) throws IOException {
                REAL.delete(file);
            }

            @Override
            public void createDirectories(Path dir) throws IOException {
                REAL.createDirectories(dir);
            }
        };
        List<Figure> figures = IntStream.range(0, 16).mapToObj(i -> new Figure("f-" + i, "figure " + i, "", 60, 40,
                List.of(), List.of(), List.of(), List.of(), null)).toList();
        FigureFiles files = new FigureFiles(tmp.resolve("figures"), "figures", true, disk);
        assertThrows(FileSystemException.class, () -> files.write(figures));
        assertEquals(0, inFlight.get(), "a PNG was still being written after the report failed");
    }
}
