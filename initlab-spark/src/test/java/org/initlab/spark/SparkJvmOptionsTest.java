package org.initlab.spark;

import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The test JVM runs Spark in local mode without Spark's launcher, so the pom's spark.jvm.options
 * must hold every option that launcher gives a JVM on this Spark version: this fails when a Spark
 * upgrade adds one.
 */
class SparkJvmOptionsTest {
    @Test
    void theTestJvmHasEveryOptionSparksLauncherAdds() {
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String o : JavaModuleOptions.defaultModuleOptionArray()) {
            assertTrue(args.contains(o), "the test JVM lacks " + o + ": add it to spark.jvm.options in initlab-spark/pom.xml");
        }
    }

    @Test
    void progressLinesSayRunsDoneAndEta() {
        org.junit.jupiter.api.Assertions.assertEquals("3/12 runs done, 25 % of the work, 1m 05s elapsed, ETA 3m 15s",
                StudyProgressListener.line(3, 12, 0.25, 65));
        org.junit.jupiter.api.Assertions.assertEquals("0/12 runs done, 0 % of the work, 2s elapsed, ETA unknown",
                StudyProgressListener.line(0, 12, 0, 2));
        org.junit.jupiter.api.Assertions.assertEquals("2h 01m", StudyProgressListener.duration(7290));
    }
}
