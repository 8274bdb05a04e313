package dev.ekslifecycle.bench.dynamodb;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** moto's server ({@code moto[server]} in a Python virtual environment), started on a free port for the run. */
final class MotoProcess implements AutoCloseable {

    private final Process process;
    private final String url;

    private MotoProcess(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    static MotoProcess start(Path venv) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(venv.resolve("bin/moto_server").toString(), "-H", "127.0.0.1", "-p",
                String.valueOf(port)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("MOTO_ACCOUNT_ID", "000000000000");
        Process process = pb.start();
        String url = "http://127.0.0.1:" + port;
        for (int i = 0; i < 150; i++) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url + "/moto-api/").toURL().openConnection();
                if (c.getResponseCode() == 200) {
                    return new MotoProcess(process, url);
                }
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        process.destroyForcibly();
        throw new IOException("moto_server did not start from " + venv);
    }

    String url() {
        return url;
    }

    /** The server's resident memory in bytes, from /proc (Linux), or -1. */
    long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
