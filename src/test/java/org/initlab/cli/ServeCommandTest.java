package org.initlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code serve} and {@code run --serve}: bad options get one line and exit code 2, before anything is served or trained. */
class ServeCommandTest {
    @TempDir
    Path tmp;

    @Test
    void badServeOptionsGetOneLine() throws IOException {
        BadInputTest.cli("serve", tmp.resolve("nowhere").toString()).line("no folder", "nowhere");
        BadInputTest.cli("serve", tmp.toString(), "--port", "70000").line("--port must be between 0");
        BadInputTest.cli("serve", tmp.toString(), "--host", "[::zz]").line("--host [::zz] is not an address");
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            BadInputTest.cli("serve", tmp.toString(), "--port", Integer.toString(busy.getLocalPort())).line("is in use", "--port");
        }
        Path spec = Files.writeString(tmp.resolve("s.yaml"), "name: s\ndataset: mnist\nsettings: {architecture: [4]}\n");
        BadInputTest.cli("run", spec.toString(), "--port", "8000").line("--port and --host are options of --serve");
        BadInputTest.cli("run", spec.toString(), "--host", "0.0.0.0").line("--port and --host are options of --serve");
    }
}
