package org.caseshare.cli;

import java.util.Set;
import java.util.concurrent.Callable;

import org.caseshare.directory.DuplicateOrganisationException;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.directory.Directory;
import org.caseshare.identity.Account;
import org.caseshare.identity.ApiTokens;
import org.caseshare.identity.Members;
import org.caseshare.identity.Role;
import org.caseshare.identity.TemporaryPasswords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code admin org create}, {@code admin user create|disable}, {@code admin mfa reset},
 * {@code admin token create}. Errors go to standard error with exit status 1; a secret (temporary
 * password, token) is printed once, alone on the last line, so scripts can take it with {@code tail -1}.
 */
final class AdminCommands {

    static final String ACTOR = "cli";

    private AdminCommands() {
    }

    @Command(name = "caseshare", subcommands = {Admin.class, AuditCommands.class, BackupCommands.Backup.class, BackupCommands.Restore.class,
            KeysCommands.class, VerifyReceiptCommand.class}, mixinStandardHelpOptions = true,
            description = "Caseshare's command line. The server's configuration (database, data directory, keys) applies.")
    static class Root {
    }

    @Command(name = "admin", description = "Administer organisations, users, second factors and tokens.",
            subcommands = {OrgCommands.class, UserCommands.class, MfaCommands.class, TokenCommands.class}, mixinStandardHelpOptions = true)
    static class Admin {
    }

    @Command(name = "org", description = "Organisations.", subcommands = OrgCreate.class, mixinStandardHelpOptions = true)
    static class OrgCommands {
    }

    @Command(name = "user", description = "Users.", subcommands = {UserCreate.class, UserDisable.class, UserResetPassword.class},
            mixinStandardHelpOptions = true)
    static class UserCommands {
    }

    @Command(name = "mfa", description = "Second factors.", subcommands = MfaReset.class, mixinStandardHelpOptions = true)
    static class MfaCommands {
    }

    @Command(name = "token", description = "Personal API tokens.", subcommands = TokenCreate.class, mixinStandardHelpOptions = true)
    static class TokenCommands {
    }

    /** Shared error reporting: a clear sentence on standard error, exit status 1, no stack trace. */
    abstract static class Step implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try {
                run();
                return 0;
            } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException | DuplicateOrganisationException
                    | org.caseshare.system.NotFoundException e) {
                spec.commandLine().getErr().println("Error: " + e.getMessage());
                return 1;
            }
        }

        abstract void run();

        void out(String line) {
            spec.commandLine().getOut().println(line);
            spec.commandLine().getOut().flush();
        }
    }

    @Command(name = "create", description = "Create an organisation (a tenant).", mixinStandardHelpOptions = true)
    static class OrgCreate extends Step {
        private final Directory organisations;
        @Option(names = "--name", required = true, description = "The organisation's name.")
        String name;
        @Option(names = "--kind", defaultValue = "COUNCIL", description = "One of: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
        OrganisationKind kind;

        OrgCreate(Directory organisations) {
            this.organisations = organisations;
        }

        @Override
        void run() {
            Organisation organisation = organisations.createTenant(name, kind, ACTOR);
            out("Created organisation " + organisation.name() + " (" + organisation.id() + ")");
        }
    }

    @Command(name = "create", description = "Create a user with a role and a temporary password (printed once).", mixinStandardHelpOptions = true)
    static class UserCreate extends Step {
        private final Directory organisations;
        private final Members members;
        private final TemporaryPasswords temporaryPasswords;
        @Option(names = "--org", required = true, description = "The organisation's name.")
        String org;
        @Option(names = "--email", required = true, description = "The user's work email address.")
        String email;
        @Option(names = "--role", required = true, description = "practitioner, manager, data-protection-officer, organisation-admin or partner.")
        String role;
        @Option(names = "--name", description = "The user's full name (default: the email address).")
        String name;

        UserCreate(Directory organisations, Members members, TemporaryPasswords temporaryPasswords) {
            this.organisations = organisations;
            this.members = members;
            this.temporaryPasswords = temporaryPasswords;
        }

        @Override
        void run() {
            Organisation organisation = organisations.organisationNamed(org)
                    .orElseThrow(() -> new IllegalArgumentException("No organisation called '" + org + "'"));
            String password = TemporaryPasswords.generate();
            Account account = members.createAccount(organisation.id(), email, name == null ? email : name,
                    Set.of(Role.parse(role)), password, ACTOR);
            temporaryPasswords.requireChange(organisation.id(), account.id(), ACTOR);
            out("Created user " + account.email() + " (" + account.id() + ") in " + organisation.name() + " as " + Role.parse(role).label());
            out("They set up their second factor and choose their own password at first sign-in. Temporary password (shown once):");
            out(password);
        }
    }

    @Command(name = "disable", description = "Disable a user: sign-in, sessions and tokens stop at once.", mixinStandardHelpOptions = true)
    static class UserDisable extends Step {
        private final Members members;
        @Option(names = "--email", required = true)
        String email;

        UserDisable(Members members) {
            this.members = members;
        }

        @Override
        void run() {
            Account account = find(members, email);
            members.disable(account.organisationId(), account.id(), ACTOR);
            out("Disabled " + account.email());
        }
    }

    @Command(name = "reset-password", description = "Give a user a new temporary password (printed once), to be changed at next sign-in.",
            mixinStandardHelpOptions = true)
    static class UserResetPassword extends Step {
        private final Members members;
        private final TemporaryPasswords temporaryPasswords;
        @Option(names = "--email", required = true)
        String email;

        UserResetPassword(Members members, TemporaryPasswords temporaryPasswords) {
            this.members = members;
            this.temporaryPasswords = temporaryPasswords;
        }

        @Override
        void run() {
            Account account = find(members, email);
            String password = temporaryPasswords.reset(account.organisationId(), account.id(), ACTOR);
            out("Reset the password of " + account.email() + "; their sessions have ended and they choose their own at next sign-in."
                    + " Temporary password (shown once):");
            out(password);
        }
    }

    @Command(name = "reset", description = "Reset a user's second factor; they enrol again at next sign-in.", mixinStandardHelpOptions = true)
    static class MfaReset extends Step {
        private final Members members;
        @Option(names = "--email", required = true)
        String email;

        MfaReset(Members members) {
            this.members = members;
        }

        @Override
        void run() {
            Account account = find(members, email);
            members.resetSecondFactor(account.organisationId(), account.id(), ACTOR);
            out("Reset the second factor of " + account.email());
        }
    }

    @Command(name = "create", description = "Issue a personal API token for a user (printed once, alone on the last line).", mixinStandardHelpOptions = true)
    static class TokenCreate extends Step {
        private final Members members;
        private final ApiTokens tokens;
        @Option(names = "--email", required = true)
        String email;
        @Option(names = "--name", defaultValue = "issued by command line")
        String name;
        @Option(names = "--expires-in-days", defaultValue = "90", description = "Days until the token stops working (1 to 365; default 90).")
        int expiresInDays;

        TokenCreate(Members members, ApiTokens tokens) {
            this.members = members;
            this.tokens = tokens;
        }

        @Override
        void run() {
            Account account = find(members, email);
            if (!account.active()) {
                throw new IllegalArgumentException("The account " + account.email() + " is disabled");
            }
            ApiTokens.CreatedToken created = tokens.create(account.id(), name, expiresInDays, ACTOR);
            out("Token " + created.token().id() + " for " + account.email() + ", expires " + created.token().expiresAt() + " (shown once):");
            out(created.secret());
        }
    }

    private static Account find(Members members, String email) {
        return members.findByEmail(email).orElseThrow(() -> new IllegalArgumentException("No user with the email address " + email));
    }
}
