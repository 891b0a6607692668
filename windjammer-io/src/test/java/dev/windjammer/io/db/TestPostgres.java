package dev.windjammer.io.db;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A PostgreSQL server for this JVM's tests, started once on first use by
 * {@code scripts/postgres start} (127.0.0.1, a free port, a throw-away data directory) and
 * stopped when the JVM exits; every test gets a database of its own.
 *
 * <p>With the environment variable {@code WINDJAMMER_PG_URL} (a JDBC URL with a user allowed to
 * create databases), that server is used instead. Without PostgreSQL installed, the PostgreSQL
 * variants of the tests are skipped with a message, except under {@code CI=true}, where they fail.
 */
final class TestPostgres {

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static String adminUrl;

    private TestPostgres() {
    }

    /** Creates a fresh database and returns its JDBC URL; skips the test if PostgreSQL is missing. */
    static String freshDatabase() {
        String admin = adminUrl();
        String name = "wj_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        execute(admin, "create database " + name);
        return withDatabase(admin, name);
    }

    /** Drops a database made by {@link #freshDatabase()}. */
    static void drop(String url) {
        String name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        execute(adminUrl(), "drop database if exists " + name + " with (force)");
    }

    private static String withDatabase(String url, String name) {
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + name + (query < 0 ? "" : url.substring(query));
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + url, e);
        }
    }

    private static String adminUrl() {
        LOCK.lock();
        try {
            if (adminUrl == null) {
                String given = System.getenv("WINDJAMMER_PG_URL");
                adminUrl = given != null && !given.isBlank() ? given : start();
            }
            return adminUrl;
        } finally {
            LOCK.unlock();
        }
    }

    private static String start() {
        Path script = findScript();
        if (run(script, "available").exitCode != 0) {
            String message = "PostgreSQL is not installed (Debian package postgresql; scripts/postgres install): "
                    + "skipping the PostgreSQL variant";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message.replace("skipping", "CI=true requires"));
            }
            Assumptions.abort(message);
        }
        Result started = run(script, "start");
        if (started.exitCode != 0) {
            throw new IllegalStateException("scripts/postgres start failed:\n" + started.output);
        }
        String line = started.output.strip();
        String dir = field(line, "dir");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> run(script, "stop", dir), "stop-test-postgres"));
        return field(line, "url");
    }

    private static String field(String line, String name) {
        for (String part : line.split(" ")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        throw new IllegalStateException("scripts/postgres start printed no " + name + ": " + line);
    }

    private static Path findScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve("scripts/postgres");
            if (Files.isExecutable(script)) {
                return script;
            }
        }
        throw new IllegalStateException("scripts/postgres not found above " + Path.of("").toAbsolutePath());
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Path script, String... arguments) {
        String[] command = new String[arguments.length + 1];
        command[0] = script.toString();
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Result(-1, output + "\n(timed out)");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
