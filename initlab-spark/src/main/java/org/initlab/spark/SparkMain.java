package org.initlab.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.initlab.UserError;
import org.initlab.cli.ServeCommand;
import org.initlab.serve.LiveServer;
import org.initlab.spark.StudyOnSpark.Options;
import org.initlab.study.Grid;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/**
 * {@code spark-submit --class org.initlab.spark.SparkMain initlab-spark.jar run STUDY --out DIR}:
 * {@code initlab run} with Spark's executors instead of local threads. Exit code 0 when every
 * run is finished, 1 when some failed, 2 for bad input (one line on stderr).
 */
@Command(name = "initlab-spark", mixinStandardHelpOptions = true, subcommands = SparkMain.Run.class,
        description = "Trains initlab studies on a Spark cluster; see 'run --help'.")
public final class SparkMain implements Runnable {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cl = new CommandLine(new SparkMain());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof UserError) {
                System.err.println("initlab-spark: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        cl.setParameterExceptionHandler((e, a) -> {
            System.err.println("initlab-spark: " + e.getMessage() + " (see 'run --help')");
            return 2;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "name a command: run STUDY --out DIR");
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Train every run of a study as Spark tasks; running again resumes.",
                    "STUDY is a built-in study, a .yaml spec, or a study folder to resume (any Hadoop path)."})
    static final class Run implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "STUDY") String study;
        @Option(names = "--out", paramLabel = "DIR", description = "study folder: a local or shared path, hdfs://, s3a://, ... (default: studies/NAME[-PROTOCOL])") String out;
        @Option(names = "--jobs", paramLabel = "N", description = "at most N runs at once: N tasks of about equal cost (default: one task per run)") Integer jobs;
        @Option(names = "--seeds", paramLabel = "N", description = "use seeds 0..N-1 instead of the spec's") Integer seeds;
        @Option(names = "--epochs", paramLabel = "N", description = "train N epochs instead of the spec's") Integer epochs;
        @Option(names = "--protocol", paramLabel = "P", description = "default or notebook") String protocol;
        @Option(names = "--data-dir", paramLabel = "DIR", description = "shared folder (or Hadoop URI) holding the dataset; every executor copies it once") String dataDir;
        @Option(names = "--no-verify", description = "accept dataset files whose checksums do not match the catalogue") boolean noVerify;
        @Option(names = "--force", description = "run a changed spec in a folder that holds another grid") boolean force;
        @Option(names = "--save-weights", description = "also save each run's initial and final weights (.npz)") boolean saveWeights;
        @Option(names = "--dry-run", description = "show the grid's size; train nothing") boolean dryRun;
        @Option(names = "--max-runs", paramLabel = "N", description = "refuse a grid of more runs than this, before building it (default: 100000)") Long maxRuns;
        @Option(names = "--serve", description = "show the study live in the browser as it trains (as 'initlab serve' does), served by the driver;"
                + " --out must be a local or shared folder; keeps serving after the study ends, until Ctrl-C") boolean serve;
        @Mixin ServeCommand.ServeOptions serveOptions = new ServeCommand.ServeOptions();
        @Option(names = "--no-report", description = "accepted for 'initlab run' compatibility: this job writes no report ('initlab report DIR' does)") boolean noReport;

        @Override
        public Integer call() throws InterruptedException {
            Options o = options(); // bad options are refused before Spark starts
            SparkConf conf = new SparkConf();
            if (!conf.contains("spark.master")) {
                throw new UserError("no Spark master: launch with spark-submit (--master spark://HOST:7077, yarn, k8s://..., local[N])");
            }
            String name = "initlab " + study;
            conf.setIfMissing("spark.app.name", name);
            StudyOnSpark.Summary s;
            try (JavaSparkContext sc = new JavaSparkContext(conf)) {
                if (!conf.contains("spark.log.level")) sc.setLogLevel("WARN"); // progress lines, not Spark's INFO log
                s = new StudyOnSpark(sc, System.out).run(o);
            }
            if (s.live() != null) {
                // Spark has stopped (its executors are free); the view goes on reading the folder
                try (LiveServer live = s.live()) {
                    System.out.println("The live view goes on serving this study until Ctrl-C.");
                    System.out.flush();
                    Runtime.getRuntime().addShutdownHook(new Thread(live::close, "initlab-serve-stop"));
                    live.join();
                }
            }
            return s.count(RunOutcome.Status.FAILED) > 0 ? 1 : 0;
        }

        Options options() {
            long limit = Grid.maxRuns(maxRuns);
            serveOptions.requireServe(serve);
            return new Options(study, out, jobs, seeds, epochs, protocol, dataDir, !noVerify, force, saveWeights, dryRun, limit,
                    serve ? serveOptions.toOptions() : null);
        }
    }
}
