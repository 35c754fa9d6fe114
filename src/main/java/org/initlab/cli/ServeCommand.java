package org.initlab.cli;

import org.initlab.serve.LiveServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code initlab serve STUDY_DIR}: the live view of a study folder, in training or finished, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        header = "Show a study in the browser as it trains, and once it has finished.",
        description = {"Show a study in the browser as it trains: progress, curves of the runs in training, histograms,",
                "gradient norms, each run's page, and the report once written. Reads the folder only, so it works on",
                "a study another process or a cluster is writing, and on a finished one. Read-only; on 127.0.0.1 unless --host."})
public final class ServeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STUDY_DIR", description = "a study folder written by 'initlab run'")
    Path studyDir;

    @Mixin
    ServeOptions options = new ServeOptions();

    @Override
    public Integer call() throws InterruptedException {
        try (LiveServer server = LiveServer.start(studyDir, options.toOptions())) {
            announce(System.out, server);
            System.out.println("Serving until Ctrl-C.");
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "initlab-serve-stop"));
            server.join();
        }
        return 0;
    }

    /** Says where the page is (the URL, with its token when there is one: printed once) and what it offers. */
    public static void announce(PrintStream o, LiveServer server) {
        o.println("Live view: " + server.url());
        o.println(TerminalText.safe("  (" + server.describe() + ")"));
        o.flush();
    }

    /** The options {@code serve} and {@code run --serve} share (and the Spark job's {@code run --serve}). */
    public static final class ServeOptions {
        @Option(names = "--port", paramLabel = "N", description = "port of the live view (default: " + LiveServer.DEFAULT_PORT
                + " or the next free one; 0: any free port)")
        Integer port;

        @Option(names = "--host", paramLabel = "ADDR", description = "address to listen on (default: 127.0.0.1, this machine only);"
                + " any other address, e.g. 0.0.0.0, requires the token printed in the URL")
        String host;

        boolean given() {
            return port != null || host != null;
        }

        /** Refuses {@code --port} or {@code --host} without {@code --serve}, in one line. */
        public void requireServe(boolean serve) {
            if (!serve && given()) throw new org.initlab.UserError("--port and --host are options of --serve: add --serve, or leave them out");
        }

        public LiveServer.Options toOptions() {
            return new LiveServer.Options(host != null ? host : LiveServer.Options.defaults().host(), port);
        }
    }
}
