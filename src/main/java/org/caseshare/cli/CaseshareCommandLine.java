package org.caseshare.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Set;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * Runs a command of the jar in a Spring context without a web server, then exits with the
 * command's status.
 */
public final class CaseshareCommandLine {

    /** Needs nothing but its file and key, so it runs without the application's context or database. */
    private static final String OFFLINE = "verify-receipt";
    private static final Set<String> COMMANDS = Set.of("admin", "audit", "backup", "restore", "keys", OFFLINE);

    private CaseshareCommandLine() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(Class<?> application, String[] args) {
        if (OFFLINE.equals(args[0])) {
            return offline(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties("caseshare.cli=true", "spring.main.banner-mode=off", "logging.level.root=WARN",
                        "logging.level.org.caseshare=WARN", "spring.session.jdbc.cleanup-cron=-")
                .run()) {
            return execute(context, args);
        }
    }

    public static int execute(ConfigurableApplicationContext context, String[] args) {
        return execute(context, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Executes against an existing context, writing to the given streams (the tests use this). */
    public static int execute(ConfigurableApplicationContext context, PrintWriter out, PrintWriter err, String[] args) {
        CommandLine commandLine = new CommandLine(new AdminCommands.Root(), new SpringFactory(context));
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    /** {@code verify-receipt} alone, with no Spring context: a partner runs it with no configuration. */
    public static int offline(PrintWriter out, PrintWriter err, String[] args) {
        CommandLine commandLine = new CommandLine(new VerifyReceiptCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(Arrays.copyOfRange(args, 1, args.length));
    }

    private record SpringFactory(ConfigurableApplicationContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return context.getAutowireCapableBeanFactory().createBean(type);
            } catch (Exception e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
