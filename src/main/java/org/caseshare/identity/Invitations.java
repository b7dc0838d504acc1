package org.caseshare.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.crypto.Tokens;
import org.caseshare.directory.Directory;
import org.caseshare.directory.OrganisationLanguage;
import org.caseshare.mail.Mailer;
import org.caseshare.mail.OutgoingMail;
import org.caseshare.system.AccountLanguages;
import org.caseshare.system.Languages;
import org.caseshare.system.Text;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations by email. The link carries a 256-bit single-use token; only its hash is stored. The
 * email names no person and no case: only the organisation and the link.
 */
@Service
public class Invitations {

    private final JdbcClient jdbc;
    private final Members members;
    private final Accounts accounts;
    private final Directory organisations;
    private final Mailer mailer;
    private final AccountLanguages languages;
    private final AuditTrail audit;
    private final IdentityProperties properties;
    private final Clock clock;
    private final String baseUrl;

    Invitations(JdbcClient jdbc, Members members, Accounts accounts, Directory organisations, Mailer mailer, AccountLanguages languages,
            AuditTrail audit, IdentityProperties properties, Clock clock, @Value("${caseshare.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.members = members;
        this.accounts = accounts;
        this.organisations = organisations;
        this.mailer = mailer;
        this.languages = languages;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /**
     * Invites someone and emails them the link. Someone who already has a login at another organisation
     * gets the same answer, audit entry and invitation row as a new address — so the inviting admin
     * cannot tell who uses Caseshare elsewhere — but no link: the row's token is never sent, so it can
     * never be accepted, and the person is told by email who tried to invite them instead.
     */
    @Transactional
    public Invitation invite(UUID organisationId, String email, Role role, UUID invitedBy) {
        return invite(organisationId, email, role, invitedBy, null);
    }

    /**
     * As {@link #invite(UUID, String, Role, UUID)}, the new person's email written in the language
     * chosen on the invitation form (Welsh, English, or both, Welsh first); {@code null} as before. An
     * account made from an invitation in Welsh only starts in Welsh.
     */
    @Transactional
    public Invitation invite(UUID organisationId, String email, Role role, UUID invitedBy, OrganisationLanguage language) {
        String normalised = EmailAddress.normalise(email);
        Optional<Account> existing = accounts.findByEmail(normalised);
        if (existing.isPresent() && existing.get().organisationId().equals(organisationId)) {
            throw new DuplicateAccountException();
        }
        String organisationName = organisations.organisation(organisationId).orElseThrow().name();
        String token = Tokens.newToken("");
        Instant now = clock.instant();
        Invitation invitation = new Invitation(UUID.randomUUID(), organisationId, normalised, role, invitedBy, now,
                now.plus(properties.invitationValidity()), null, null);
        jdbc.sql("""
                insert into invitation (id, organisation_id, email, role, token_hash, invited_by, created_at, expires_at, language)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(invitation.id(), organisationId, normalised, role.name(), Tokens.sha256Hex(token), invitedBy,
                        Timestamp.from(now), Timestamp.from(invitation.expiresAt()), language == null ? null : language.code())
                .update();
        audit.record(AuditEvent.success("invitation.created", invitedBy.toString(), organisationId, "invitation:" + invitation.id())
                .with("role", role.name()));
        if (existing.isPresent()) {
            // They have a login: in the language they chose there.
            mailer.send(OutgoingMail.written(normalised, languages.toWriteTo(existing.get().id()), Text.of("mail.invitation.existing.subject"),
                    List.of(Text.of("mail.invitation.existing.tried", organisationName),
                            Text.of("mail.invitation.existing.already", organisationName),
                            Text.of("mail.invitation.existing.not-expected"))));
            return invitation;
        }
        List<Locale> writtenIn = language == null ? invitationLanguages(organisationId, role, invitedBy) : language.locales();
        mailer.send(OutgoingMail.written(normalised, writtenIn, Text.of("mail.invitation.subject"),
                List.of(Text.of("mail.invitation.join", organisationName),
                        Text.of("mail.invitation.open", Long.toString(properties.invitationValidity().toHours())),
                        Text.literal(baseUrl + "/invitations/" + token),
                        Text.of("mail.invitation.not-expected"))));
        return invitation;
    }

    /**
     * The languages to invite in. A partner at another organisation: what the inviting organisation's
     * directory records for theirs (Welsh, English, or both, Welsh first), as for any email to another
     * organisation. Someone joining one's own organisation has chosen no language yet: English, unless
     * the inviting admin chose one on the invitation form.
     */
    private List<Locale> invitationLanguages(UUID organisationId, Role role, UUID invitedBy) {
        if (role != Role.PARTNER || invitedBy == null) {
            return List.of();
        }
        return members.findById(invitedBy).map(Account::organisationId).filter(inviting -> !inviting.equals(organisationId))
                .map(inviting -> organisations.languageOf(inviting, organisationId).locales()).orElse(List.of());
    }

    /**
     * The language the invitation form offers first: what the organisation's own directory records for
     * its own entry, English when it has none.
     */
    public OrganisationLanguage ownLanguage(UUID organisationId) {
        return organisations.languageOf(organisationId, organisationId);
    }

    public List<Invitation> list(UUID organisationId) {
        return jdbc.sql("select * from invitation where organisation_id = ? order by created_at desc").param(organisationId)
                .query(Invitations::map).list();
    }

    /** The invitation behind a link, if the link is still usable. */
    public Optional<Invitation> findUsable(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select * from invitation where token_hash = ?").param(Tokens.sha256Hex(token))
                .query(Invitations::map).optional().filter(invitation -> invitation.usableAt(clock.instant()));
    }

    /** Accepts an invitation: creates the account. The link is dead afterwards. */
    @Transactional
    public Account accept(String token, String displayName, String password) {
        Invitation invitation = findUsable(token).orElseThrow(InvitationNotUsableException::new);
        // Marks the invitation used first; a second, concurrent acceptance updates no row and fails.
        int marked = jdbc.sql("update invitation set accepted_at = ? where id = ? and accepted_at is null and revoked_at is null")
                .params(Timestamp.from(clock.instant()), invitation.id()).update();
        if (marked != 1) {
            throw new InvitationNotUsableException();
        }
        Account account = members.createAccount(invitation.organisationId(), invitation.email(), displayName, Set.of(invitation.role()),
                password, "invitation:" + invitation.id());
        String writtenIn = jdbc.sql("select language from invitation where id = ?").param(invitation.id()).query(String.class).list().get(0);
        if (OrganisationLanguage.WELSH.code().equals(writtenIn)) {
            // Invited in Welsh: the new person's pages and emails start in Welsh (the switcher changes it).
            languages.remember(account.id(), Languages.WELSH);
        }
        audit.record(AuditEvent.success("invitation.accepted", account.id().toString(), invitation.organisationId(),
                "invitation:" + invitation.id()));
        return account;
    }

    @Transactional
    public void revoke(UUID organisationId, UUID invitationId, UUID actor) {
        int updated = jdbc.sql("update invitation set revoked_at = ? where id = ? and organisation_id = ? and accepted_at is null and revoked_at is null")
                .params(Timestamp.from(clock.instant()), invitationId, organisationId).update();
        if (updated != 1) {
            throw new org.caseshare.system.NotFoundException("Invitation");
        }
        audit.record(AuditEvent.success("invitation.withdrawn", actor.toString(), organisationId, "invitation:" + invitationId));
    }

    private static Invitation map(ResultSet rs, int row) throws SQLException {
        return new Invitation(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class), rs.getString("email"),
                Role.valueOf(rs.getString("role")), rs.getObject("invited_by", UUID.class), instant(rs, "created_at"),
                instant(rs, "expires_at"), instant(rs, "accepted_at"), instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
