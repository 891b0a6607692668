package dev.windjammer.examples.image;

import dev.windjammer.testkit.Delays;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real S3Proxy ({@code org.gaul:s3proxy}, in-memory backend) in a child process on
 * 127.0.0.1 and a free port. A separate process because its bundled dependencies (Jetty,
 * Jackson, jclouds) would clash with ours on one class path; the build copies the jar to the
 * path in the system property {@value #JAR_PROPERTY}. {@link #close()} stops the process.
 */
public final class S3ProxyServer implements AutoCloseable {

    /** System property set by the build: the S3Proxy jar-with-dependencies. */
    public static final String JAR_PROPERTY = "windjammer.s3proxy.jar";
    /** Access key id S3Proxy accepts. */
    public static final String IDENTITY = "windjammer-test";
    /** Secret S3Proxy accepts. */
    public static final String CREDENTIAL = "windjammer-test-secret";

    private static final int ATTEMPTS = 3;

    private final Process process;
    private final Path directory;
    private final int port;

    private S3ProxyServer(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /** Starts S3Proxy and waits until it accepts connections. */
    public static S3ProxyServer start() throws IOException {
        String jar = System.getProperty(JAR_PROPERTY);
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("S3Proxy jar not found (system property " + JAR_PROPERTY + " = " + jar
                    + "); run the tests through Maven, which copies it into target/s3proxy");
        }
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Path directory = Files.createTempDirectory("s3proxy");
            int port = freePort();
            Process process = launch(jar, directory, port);
            try {
                awaitListening(process, port, directory);
                return new S3ProxyServer(process, directory, port);
            } catch (IOException e) {
                // most likely the port was taken between freePort() and S3Proxy's bind: try another
                stop(process);
                deleteRecursively(directory);
                last = e;
            }
        }
        throw last;
    }

    private static Process launch(String jar, Path directory, int port) throws IOException {
        Path properties = directory.resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + IDENTITY,
                "s3proxy.credential=" + CREDENTIAL,
                "jclouds.provider=transient-nio2",
                "jclouds.identity=" + IDENTITY,
                "jclouds.credential=" + CREDENTIAL,
                ""));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", jar,
                "--properties", properties.toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LOG_LEVEL", "warn"); // read by S3Proxy's bundled logback.xml
        return builder
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("s3proxy.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening(Process process, int port, Path directory) throws IOException {
        long deadline = System.nanoTime() + 3 * Delays.LONG.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("S3Proxy exited with " + process.exitValue() + ":\n" + log(directory));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                        (int) Delays.MEDIUM.toMillis());
                return;
            } catch (IOException notYet) {
                Delays.sleep(Delays.SHORT);
            }
        }
        throw new IllegalStateException("S3Proxy did not listen on port " + port + ":\n" + log(directory));
    }

    private static String log(Path directory) {
        try {
            String text = Files.readString(directory.resolve("s3proxy.log"));
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The endpoint, {@code http://127.0.0.1:port}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The port S3Proxy listens on. */
    public int port() {
        return port;
    }

    @Override
    public void close() {
        stop(process);
        deleteRecursively(directory);
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(Delays.LONG.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(Delays.LONG.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
