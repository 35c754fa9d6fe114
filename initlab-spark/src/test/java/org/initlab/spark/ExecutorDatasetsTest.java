package org.initlab.spark;

import org.apache.hadoop.conf.Configuration;
import org.initlab.study.StudySpec;
import org.initlab.study.StudySpecParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** An executor copies and loads a dataset once, however many tasks ask for it at once. */
class ExecutorDatasetsTest {
    @TempDir
    Path tmp;

    @Test
    void fourTasksAtOnceCopyTheFilesOnceAndShareOneDataset() throws Exception {
        Path yaml = TestStudies.writeStudy(tmp, 300, 1);
        StudySpec spec = StudySpecParser.parse(Files.readString(yaml), yaml.toString(), StudySpecParser.Overrides.NONE);
        Configuration conf = new Configuration(false);
        DataShipment shipment = DataShipment.prepare(spec.data(), null, true, conf).shipment();
        Path root = Files.createDirectories(tmp.resolve("executor"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<ExecutorDatasets.Loaded>> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) tasks.add(pool.submit((Callable<ExecutorDatasets.Loaded>) () -> ExecutorDatasets.get(shipment, conf, root)));
        List<ExecutorDatasets.Loaded> got = new ArrayList<>();
        for (Future<ExecutorDatasets.Loaded> f : tasks) got.add(f.get());
        pool.shutdown();
        assertEquals(1, got.stream().filter(ExecutorDatasets.Loaded::fetched).count(), "one task copied the files");
        for (ExecutorDatasets.Loaded l : got) assertSame(got.getFirst().dataset(), l.dataset());
        try (Stream<Path> copies = Files.list(root)) {
            assertEquals(1, copies.count(), "one local copy");
        }
        ExecutorDatasets.Loaded later = ExecutorDatasets.get(shipment, conf, root);
        assertEquals(false, later.fetched());
        assertSame(got.getFirst().dataset(), later.dataset());
        assertEquals(300 - 100, later.dataset().train().size());
    }
}
