package dev.windjammer.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code windjammer} command line, run by the {@code windjammer} script at the root of the
 * repository:
 *
 * <pre>
 * windjammer demo           the image service end to end on bundled sample images
 * windjammer serve          the image service until Ctrl-C
 * windjammer compute-demo   sequential loops vs Compute.parallel, with speedups
 * windjammer help [command]
 * </pre>
 *
 * <p>Every command has {@code --help} and {@code --version}. A bad flag or value prints one
 * line naming it and the command's usage to standard error and exits with {@code 2}; a failure
 * while running prints one line, {@code windjammer <command>: <what went wrong>}, and exits
 * with {@code 1}. No stack trace is ever shown (it is logged at {@code DEBUG}).
 */
@Command(name = "windjammer",
        mixinStandardHelpOptions = true,
        versionProvider = WindjammerCli.Version.class,
        description = "Windjammer for Java: compute, thread and async concurrency, and the image service built on them.",
        subcommands = {DemoCommand.class, ServeCommand.class, ComputeDemoCommand.class, CommandLine.HelpCommand.class})
public final class WindjammerCli implements Runnable {
    /*
     * picocli does parsing, help, version and the usage-error path (ParameterException -> the
     * message, the usage, ExitCode.USAGE = 2) as it comes; only execution failures get our own
     * handler, because picocli's default prints the stack trace.
     *
     * Helidon logs every server start and stop at INFO through java.util.logging; the commands
     * print what matters themselves, so io.helidon is raised to WARNING. The Logger is held in
     * a static field: JUL keeps loggers weakly, and a collected logger loses its level.
     */

    private static final Logger HELIDON_LOG = Logger.getLogger("io.helidon");
    private static final System.Logger LOG = System.getLogger(WindjammerCli.class.getName());

    @Spec
    private CommandSpec spec;

    private WindjammerCli() {
    }

    /**
     * Runs the command line and exits the JVM with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        int code;
        try (PrintWriter out = new PrintWriter(System.out, true); PrintWriter err = new PrintWriter(System.err, true)) {
            code = run(out, err, args);
        }
        System.exit(code);
    }

    /**
     * Runs the command line with {@code out} and {@code err} as its standard output and error.
     *
     * @param out  where results and help go
     * @param err  where errors and usage after a bad argument go
     * @param args the arguments
     * @return the exit code: 0 on success, 1 if the command failed, 2 for a bad command line
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        HELIDON_LOG.setLevel(Level.WARNING);
        CommandLine commandLine = new CommandLine(new WindjammerCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((failure, failed, parsed) -> {
            LOG.log(System.Logger.Level.DEBUG, "windjammer " + failed.getCommandName() + " failed", failure);
            failed.getErr().println("windjammer " + failed.getCommandName() + ": " + describe(failure));
            return CommandLine.ExitCode.SOFTWARE;
        });
        return commandLine.execute(args);
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /** Without a command: says so, with the usage, as a usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "no command given");
    }

    /** The project version, from the POM, and the JVM. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = WindjammerCli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {
                "windjammer " + properties.getProperty("version", "(unknown version)"),
                "Java ${java.version} (${java.vendor}), ${os.name} ${os.arch}"
            };
        }
    }
}
