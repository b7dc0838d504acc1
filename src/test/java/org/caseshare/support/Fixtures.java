package org.caseshare.support;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.directory.Directory;
import org.caseshare.identity.Account;
import org.caseshare.identity.ApiTokens;
import org.caseshare.identity.Members;
import org.caseshare.identity.Role;
import org.caseshare.system.Actor;
import org.caseshare.sharing.ShareForm;
import org.caseshare.sharing.SharingRegister;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;


/**
 * Builds organisations and people through the modules' own APIs, and signs people in through the
 * real pages (password, then enrolment or a code from their authenticator), as they would.
 */
public class Fixtures {

    public static final String PASSWORD = "amber kettle on the windowsill";
    private static final Pattern MANUAL_KEY = Pattern.compile("id=\"manual-key\">([A-Z2-7]+)<");

    private final Directory organisations;
    private final Members members;
    private final ApiTokens tokens;
    private final TestClock clock;
    private final SharingRegister register;
    private final Map<String, String> seeds = new ConcurrentHashMap<>();
    private final Map<String, Long> lastSteps = new ConcurrentHashMap<>();

    public Fixtures(Directory organisations, Members members, ApiTokens tokens, TestClock clock, SharingRegister register) {
        this.register = register;
        this.organisations = organisations;
        this.members = members;
        this.tokens = tokens;
        this.clock = clock;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Organisation organisation(String name) {
        return organisations.createTenant(unique(name), OrganisationKind.COUNCIL, "test");
    }

    public Account person(Organisation organisation, Role... roles) {
        String email = unique(roles[0].name().toLowerCase().replace('_', '-')) + "@" + organisation.name().toLowerCase().replaceAll("[^a-z0-9-]", "") + ".example.org";
        return members.createAccount(organisation.id(), email, "Test " + roles[0].label(), Set.of(roles), PASSWORD, "test");
    }

    /** The purpose and limits of consent on {@link #hubShare}'s records, which their packages carry. */
    public static final String HUB_PURPOSE = "Transition planning for a pupil";
    public static final String HUB_CONSENT = "Consent was given by Parent. Limits: Sharing with the school only";

    /**
     * A routine share by the secure hub, recorded by the practitioner to the person at the directory
     * entry (or, given none, at a school typed in by name) and with its checklist done, so a package sent under it goes out (ADR 0008, decision 4:
     * every package a practitioner sends names its sharing record).
     */
    public UUID hubShare(Account practitioner, DirectoryEntry entry, String recipientEmail) {
        Actor actor = new Actor(practitioner.id(), practitioner.organisationId(), practitioner.displayName(), Role.names(practitioner.roles()));
        var created = register.record(new ShareForm(UUID.randomUUID().toString(), "", "WE_SHARE", List.of("Robin Pupil"), List.of("3/4/2014"),
                List.of("C-7001"), "Transition plan and attendance", List.of("PERSONAL"), "OFFICIAL", "ROUTINE", HUB_PURPOSE,
                "The school cannot plan support without it", "PUBLIC_TASK", "", "", "", "yes", "", "", "Parent", "", "Sharing with the school only",
                "", "NONE", "", "SHARE", "Necessary and proportionate for the transition", "SECURE_HUB", entry == null ? "" : entry.id().toString(), entry == null ? "SCHOOL" : "", entry == null ? "Typed School" : "",
                "Jo Teacher", "Head of year", "Year 6", "", recipientEmail, "", "", "YES", "", "", ""), actor);
        if (!created.valid()) {
            throw new IllegalStateException("The hub share was not recorded: " + created.errors());
        }
        var record = register.get(practitioner.organisationId(), created.id());
        register.completeChecklist(actor, record.id(), record.version(), null, record.policy().requiredSafeguards(), false);
        return record.id();
    }

    public String token(Account account) {
        return tokens.create(account.id(), "test", account.id().toString()).secret();
    }

    /** A council practitioner and a school partner, each with an API token, and the school in the council's directory. */
    public record HubParties(Organisation council, Organisation school, Account practitioner, Account partner,
            String practitionerToken, String partnerToken, DirectoryEntry schoolEntry) {
    }

    /** The two sides of a secure hub exchange, as the hub, receipt, damage and restore tests start from. */
    public HubParties hubParties() {
        Organisation council = organisation("Council");
        Organisation school = organisation("School");
        Account practitioner = person(council, Role.PRACTITIONER);
        Account partner = person(school, Role.PARTNER);
        Account admin = person(council, Role.ORGANISATION_ADMIN);
        DirectoryEntry schoolEntry = organisations.addEntry(new Actor(admin.id(), council.id(), admin.displayName(),
                Set.of(Actor.ORGANISATION_ADMIN)), school.name(), OrganisationKind.SCHOOL);
        return new HubParties(council, school, practitioner, partner, token(practitioner), token(partner), schoolEntry);
    }

    /** Signs in through the pages; the first time, enrols the second factor from the manual key shown. */
    public Visitor signIn(MockMvc mvc, Account account) throws Exception {
        Visitor visitor = new Visitor(mvc);
        MvcResult login = visitor.post("/login", "email", account.email(), "password", PASSWORD).andReturn();
        String next = login.getResponse().getRedirectedUrl();
        if ("/mfa/enrol".equals(next)) {
            String page = visitor.get("/mfa/enrol").andReturn().getResponse().getContentAsString();
            seeds.put(account.email(), manualKey(page));
            visitor.post("/mfa/enrol", "code", nextCode(account.email()));
        } else if ("/mfa".equals(next)) {
            visitor.post("/mfa", "code", nextCode(account.email()));
        } else {
            throw new IllegalStateException("Sign-in did not reach the second factor: " + next);
        }
        return visitor;
    }

    /**
     * Signs a person in in a real browser with a code for the application's clock, which a test may
     * have moved on (so {@link Browser#signInFirstTime}, which uses the real time, would not do). The
     * second factor is enrolled through the pages first, so its seed is known.
     */
    public void signIn(Browser browser, MockMvc mvc, Account account) throws Exception {
        if (seed(account.email()) == null) {
            signIn(mvc, account);
        }
        browser.deleteCookies();
        browser.go("/login").signInWithPassword(account.email(), PASSWORD);
        if (!browser.path().equals("/mfa")) {
            throw new IllegalStateException("Expected the second-factor page after the password, but was " + browser.path());
        }
        browser.type("code", nextCode(account.email())).click("verify");
        if (!browser.path().equals("/")) {
            throw new IllegalStateException("Expected the home page after the code, but was " + browser.path());
        }
    }

    public static String manualKey(String enrolmentPage) {
        Matcher key = MANUAL_KEY.matcher(enrolmentPage);
        if (!key.find()) {
            throw new IllegalStateException("No manual key on the enrolment page");
        }
        return key.group(1);
    }

    public String seed(String email) {
        return seeds.get(email);
    }

    /** The code for the next unused time step, moving the clock on when the app allows no later step. */
    public synchronized String nextCode(String email) {
        long now = Totp.step(clock.instant());
        long step = Math.max(now, lastSteps.getOrDefault(email, Long.MIN_VALUE) + 1);
        if (step > now + 1) {
            clock.advance(java.time.Duration.ofSeconds(30));
            return nextCode(email);
        }
        lastSteps.put(email, step);
        return Totp.code(seeds.get(email), step);
    }
}
