package org.initlab.spark;

import org.apache.spark.launcher.JavaModuleOptions;
import org.initlab.study.StudyStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real standalone cluster on loopback, from the Spark jars of the test class path (no Spark
 * distribution): a master, one worker of two cores, and the job submitted through spark-submit's
 * main class. The executor is killed once mid-study; the finished study must be complete,
 * bit-identical to a local run, with no run that was finished before the kill written again and
 * nothing half-written.
 */
class StandaloneClusterTest {
    @TempDir
    static Path tmp;
    static final List<Process> started = new ArrayList<>();

    @AfterAll
    static void stopCluster() throws InterruptedException {
        for (Process p : started.reversed()) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(20, TimeUnit.SECONDS);
        }
        // the logs of the cluster's JVMs, kept for a look after a failure
        try {
            Path keep = Files.createDirectories(Path.of("target", "standalone-cluster-logs"));
            try (Stream<Path> logs = Files.list(tmp)) {
                for (Path l : logs.filter(f -> f.toString().endsWith(".log")).toList()) {
                    Files.copy(l, keep.resolve(l.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // links out of the temporary folder: removed here, else JUnit warns about each
        Path jars = tmp.resolve("spark-home/jars");
        if (Files.isDirectory(jars)) {
            try (Stream<Path> links = Files.list(jars)) {
                for (Path l : links.toList()) if (Files.isSymbolicLink(l)) Files.delete(l);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    static final long T0 = System.nanoTime();

    private static void phase(String what) {
        System.out.printf(java.util.Locale.ROOT, "StandaloneClusterTest %6.1f s: %s%n", (System.nanoTime() - T0) / 1e9, what);
    }

    @Test
    void aKilledExecutorLosesNothingAndRedoesNothing() throws Exception {
        Path yaml = TestStudies.writeStudy(tmp, 2000, 6); // about a third of a second per run
        Path reference = tmp.resolve("local");
        // master and worker boot while the reference trains; the worker retries until the master listens
        Path sparkHome = sparkHome();
        Path appJar = appJar();
        String url = "spark://127.0.0.1:" + freePort();
        Process master = start("master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", url.substring(url.lastIndexOf(':') + 1), "--webui-port", "0"), sparkHome);
        start("worker", List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--port", "0",
                "--webui-port", "0", "--cores", "2", "--memory", "2g", "--work-dir", tmp.resolve("work").toString(), url), sparkHome);
        Process worker = started.getLast();
        TestStudies.runLocally(yaml, reference);
        phase("local reference run done");
        awaitLine(master, tmp.resolve("master.log"), Pattern.compile("Registering worker 127\\.0\\.0\\.1:\\d+ with 2 cores"), 90);
        phase("master and worker up");

        Path out = tmp.resolve("spark");
        Process driver = start("driver", List.of("org.apache.spark.deploy.SparkSubmit", "--master", url, "--deploy-mode", "client",
                "--class", SparkMain.class.getName(), "--conf", "spark.executor.memory=1g", "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.ui.enabled=false", appJar.toString(), "run", yaml.toString(), "--out", out.toString()), sparkHome);

        // mid-study: some runs finished, most not
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (TestStudies.finishedRuns(out) < 3) {
            if (!driver.isAlive()) fail("the job ended before the kill: " + Files.readString(tmp.resolve("driver.log")));
            if (System.nanoTime() > deadline) fail("no run finished in 120 s: " + Files.readString(tmp.resolve("driver.log")));
            Thread.sleep(20);
        }
        phase(TestStudies.finishedRuns(out) + " runs finished: killing the executor");
        List<ProcessHandle> executors = worker.descendants().filter(StandaloneClusterTest::isExecutor).toList();
        assertEquals(1, executors.size(), "executors of the worker");
        executors.getFirst().destroyForcibly();
        executors.getFirst().onExit().get(30, TimeUnit.SECONDS);
        Map<String, String> finishedAtKill = results(out);
        assertTrue(finishedAtKill.size() < 12, "the study finished before the executor was killed");

        assertTrue(driver.waitFor(180, TimeUnit.SECONDS), "the job did not finish in 180 s");
        String log = Files.readString(tmp.resolve("driver.log"));
        phase("job done");
        assertEquals(0, driver.exitValue(), log);

        TestStudies.assertSameStudy(reference, out);
        TestStudies.assertNoTemporaries(out);
        Map<String, String> finished = results(out);
        for (var e : finishedAtKill.entrySet()) assertEquals(e.getValue(), finished.get(e.getKey()), e.getKey() + " was written again");
        Matcher done = Pattern.compile("Done in [^:]+: (\\d+) trained \\(\\d+ diverged\\), (\\d+) found finished, 0 failed").matcher(log);
        assertTrue(done.find(), log);
        assertEquals(12, Integer.parseInt(done.group(1)) + Integer.parseInt(done.group(2)), log);
        assertTrue(log.contains("12/12 runs done"), log);
        try (Stream<Path> apps = Files.list(tmp.resolve("work"))) {
            Path app = apps.findFirst().orElseThrow();
            try (Stream<Path> execs = Files.list(app)) {
                assertTrue(execs.count() >= 2, "the master started a second executor after the kill");
            }
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean isExecutor(ProcessHandle p) {
        return p.info().arguments().map(a -> List.of(a).contains("org.apache.spark.executor.CoarseGrainedExecutorBackend")).orElse(false);
    }

    /** id → modification time and size of every result file. */
    private static Map<String, String> results(Path out) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(out.resolve("runs"))) {
            for (Path r : s.toList()) {
                Path f = r.resolve(StudyStore.RESULT);
                if (Files.exists(f)) m.put(r.getFileName().toString(), Files.getLastModifiedTime(f) + " " + Files.size(f));
            }
        }
        return m;
    }

    /**
     * SPARK_HOME/jars, where a worker looks for the executors' class path: the test class path's
     * jars as links, and its class folders other than this module's (initlab's core, when Maven
     * builds it in the same reactor) as jars; not this module's classes, which travel as the
     * application jar, nor its tests.
     */
    private static Path sparkHome() throws Exception {
        Path jars = tmp.resolve("spark-home/jars");
        Files.createDirectories(jars);
        Path own = classesOf(SparkMain.class), tests = classesOf(StandaloneClusterTest.class);
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        int n = 0;
        for (String e : cp.split(File.pathSeparator)) {
            Path p = Path.of(e).toAbsolutePath();
            if (e.endsWith(".jar")) {
                Path link = jars.resolve(p.getFileName());
                if (!Files.exists(link)) Files.createSymbolicLink(link, p);
            } else if (Files.isDirectory(p) && !p.equals(own) && !p.equals(tests)) {
                jar(p, jars.resolve("classes-" + n++ + ".jar"));
            }
        }
        return jars.getParent();
    }

    private static Path classesOf(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
    }

    /** This module's classes as the application jar that spark-submit ships to executors. */
    private static Path appJar() throws Exception {
        return jar(classesOf(SparkMain.class), tmp.resolve("initlab-spark-app.jar"));
    }

    private static Path jar(Path classes, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    /** A JVM with Spark's module options, the test's jars, and the environment a worker needs. */
    private static Process start(String name, List<String> mainAndArgs, Path sparkHome) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
        // no REST submission server: its fixed port 6066 would clash with another cluster on the machine
        cmd.addAll(List.of("-Xmx512m", "-Dspark.master.rest.enabled=false", "-cp", sparkHome.resolve("jars") + File.separator + "*"));
        cmd.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13"); // else the worker looks for a source build's folders
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private static Matcher awaitLine(Process p, Path log, Pattern pattern, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                Matcher m = pattern.matcher(Files.readString(log));
                if (m.find()) return m;
            }
            if (!p.isAlive()) break;
            Thread.sleep(50);
        }
        fail("no line matching " + pattern + " in " + log + ":\n" + (Files.exists(log) ? Files.readString(log) : ""));
        return null;
    }

}
