package org.caseshare.bench;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.caseshare.CaseshareApplication;
import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.directory.Directory;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.identity.Account;
import org.caseshare.identity.Invitations;
import org.caseshare.identity.Members;
import org.caseshare.identity.Role;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A mail server that accepts connections and never answers: how long an invitation (which emails)
 * takes to answer, and how long another organisation's audited change takes meanwhile, against the
 * same with no mail server stuck. Not a test: run it with {@code bench/mail/hung-smtp.sh}.
 */
public final class HungSmtpBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 50);

    public static void main(String[] args) throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept()); // accepted, never answered
                    } catch (Exception closed) {
                        return;
                    }
                }
            }, "silent-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
            Path data = Files.createTempDirectory("caseshare-hung-smtp");
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CaseshareApplication.class)
                    .web(WebApplicationType.SERVLET).logStartupInfo(false)
                    .run("--server.port=0", "--caseshare.data-dir=" + data, "--caseshare.crypto.keyset-file=" + data.resolve("keyset.json"),
                            "--caseshare.crypto.warm-up-mb=0", "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + silent.getLocalPort(),
                            "--spring.main.banner-mode=off", "--logging.level.root=WARN")) {
                measure(context);
            }
        }
        System.out.printf("silent SMTP server: %d connections accepted and never answered%n", held.size());
    }

    private static void measure(ConfigurableApplicationContext context) {
        Directory directory = context.getBean(Directory.class);
        Members members = context.getBean(Members.class);
        Invitations invitations = context.getBean(Invitations.class);
        AuditTrail audit = context.getBean(AuditTrail.class);
        TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        Organisation council = directory.createTenant("Bench Council " + UUID.randomUUID(), OrganisationKind.COUNCIL, "bench");
        Organisation school = directory.createTenant("Bench School " + UUID.randomUUID(), OrganisationKind.SCHOOL, "bench");
        Account admin = members.createAccount(council.id(), "admin-" + UUID.randomUUID() + "@council.example.org", "Bench Admin",
                Set.of(Role.ORGANISATION_ADMIN), "bench-password-2026", "bench");

        List<Long> others = new ArrayList<>();
        List<Long> invites = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            invitations.invite(council.id(), "invitee-" + UUID.randomUUID() + "@council.example.org", Role.PRACTITIONER, admin.id());
            invites.add(System.nanoTime() - start);
            start = System.nanoTime();
            transaction.executeWithoutResult(status -> audit.record(
                    AuditEvent.success("bench.other-organisation", "bench", school.id(), "record:" + UUID.randomUUID())));
            others.add(System.nanoTime() - start);
        }
        System.out.printf("invitation (queues an email) while SMTP hangs: p50 %.1f ms, max %.1f ms over %d%n",
                percentile(invites, 50), percentile(invites, 100), invites.size());
        System.out.printf("another organisation's audited change meanwhile: p50 %.1f ms, max %.1f ms over %d%n",
                percentile(others, 50), percentile(others, 100), others.size());
        System.out.printf("hung smtp: invitation max %.0f ms, other organisation's change max %.0f ms (before the change: 500 after 2 s on H2)%n",
                percentile(invites, 100), percentile(others, 100));
    }

    private static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int index = Math.max(0, (int) Math.ceil(sorted.size() * p / 100.0) - 1);
        return sorted.get(index) / 1e6;
    }
}
