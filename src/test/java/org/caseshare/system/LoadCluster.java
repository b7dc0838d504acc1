package org.caseshare.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.caseshare.support.JarHome;

/**
 * The cluster for the load benchmark (bench/cluster/run.sh), not a test: the two-node setup of
 * {@link TwoNodeCluster} with one or two nodes behind HAProxy, seeded with practitioners and their
 * API tokens, a partner and a data protection officer. It writes what the Gatling simulation needs
 * into the folder given, then runs until a file named {@code stop} appears there.
 *
 * <p>Arguments: folder, nodes (1 or 2), practitioners.
 */
public final class LoadCluster {

    static final String COUNCIL = "Load Council";
    static final String SCHOOL = "Load School";
    static final String PARTNER = "partner@loadschool.example.org";
    static final String DPO = "dpo@loadcouncil.example.org";

    private LoadCluster() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]).toAbsolutePath();
        int nodes = Integer.parseInt(args[1]);
        int practitioners = Integer.parseInt(args[2]);
        Files.createDirectories(out);
        String haproxy = TwoNodeCluster.haproxy();
        try (TwoNodeCluster cluster = new TwoNodeCluster(Files.createDirectories(out.resolve("home")))) {
            JarHome jars = cluster.jars;
            jars.cli("admin", "org", "create", "--name", COUNCIL);
            jars.cli("admin", "org", "create", "--name", SCHOOL, "--kind", "SCHOOL");
            jars.cli("admin", "user", "create", "--org", SCHOOL, "--email", PARTNER, "--role", "partner");
            jars.cli("admin", "user", "create", "--org", COUNCIL, "--email", DPO, "--role", "data-protection-officer");
            String partnerToken = JarHome.lastLine(jars.cli("admin", "token", "create", "--email", PARTNER));
            String dpoToken = JarHome.lastLine(jars.cli("admin", "token", "create", "--email", DPO));
            List<String> tokens = seed(jars, practitioners);
            Files.write(out.resolve("tokens.csv"), lines(tokens), StandardCharsets.UTF_8);

            List<String> pids = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                String name = "node-" + (char) ('a' + n);
                pids.add(name + "=" + cluster.start(name).process().pid());
            }
            cluster.startProxy(haproxy, List.of());
            Files.writeString(out.resolve("cluster.properties"), String.join("\n",
                    "baseUrl=" + cluster.baseUrl(),
                    "partnerToken=" + partnerToken,
                    "partnerEmail=" + PARTNER,
                    "school=" + SCHOOL,
                    "dpoToken=" + dpoToken,
                    "auditSeq=" + firstCouncilEntry(cluster),
                    "nodes=" + String.join(",", pids)) + "\n", StandardCharsets.UTF_8);
            Files.writeString(out.resolve("ready"), "ready\n");
            System.out.println("Cluster ready at " + cluster.baseUrl() + " with " + nodes + " node(s): " + pids);
            while (!Files.exists(out.resolve("stop"))) {
                Thread.sleep(500);
            }
        }
    }

    /** Each practitioner is two runs of the command line; two at a time is all two cores take. */
    private static List<String> seed(JarHome jars, int practitioners) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<String>> tokens = new ArrayList<>();
            for (int i = 1; i <= practitioners; i++) {
                String email = "practitioner" + i + "@loadcouncil.example.org";
                tokens.add(pool.submit(() -> {
                    jars.cli("admin", "user", "create", "--org", COUNCIL, "--email", email, "--role", "practitioner");
                    return JarHome.lastLine(jars.cli("admin", "token", "create", "--email", email));
                }));
            }
            List<String> done = new ArrayList<>();
            for (Future<String> token : tokens) {
                done.add(token.get());
            }
            return done;
        } finally {
            pool.shutdown();
        }
    }

    private static List<String> lines(List<String> tokens) {
        List<String> lines = new ArrayList<>(List.of("token"));
        lines.addAll(tokens);
        return lines;
    }

    /** An audit entry of the council's own, whose inclusion proof its DPO may read. */
    private static long firstCouncilEntry(TwoNodeCluster cluster) throws Exception {
        try (Connection connection = DriverManager.getConnection(cluster.databaseUrl, cluster.postgres.user(), cluster.postgres.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select max(e.seq) from audit_entry e join organisation o on o.id = e.organisation_id"
                     + " where o.name = '" + COUNCIL + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
