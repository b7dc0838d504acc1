package org.caseshare.support;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;

/**
 * A real OpenID Connect provider on 127.0.0.1 (NAV's mock-oauth2-server): discovery, JWKS, the
 * authorization and token endpoints, one issuer per path ({@code http://127.0.0.1:port/<issuerId>},
 * each with its own signing key). Tests choose the claims of the next ID token, or hand the
 * application a token of their own making from the token endpoint.
 */
public final class OidcProvider implements AutoCloseable {

    private final MockOAuth2Server server;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Overrides overrides = new Overrides();

    private OidcProvider(boolean interactive) {
        server = new MockOAuth2Server(new OAuth2Config(interactive, null, null, false, new OAuth2TokenProvider(), Set.of(),
                new MockWebServerWrapper()), overrides);
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers the authorization request at once with a code (no login page). */
    public static OidcProvider start() {
        return new OidcProvider(false);
    }

    /** Shows its login page, where a person types a user name and the claims, as in a browser journey. */
    public static OidcProvider interactive() {
        return new OidcProvider(true);
    }

    public String issuer(String issuerId) {
        String url = server.issuerUrl(issuerId).toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The claims of the next ID token this issuer makes (subject, then any claims such as email, groups, amr). */
    public void nextSignIn(String issuerId, String subject, Map<String, Object> claims) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", null, claims, 3600));
    }

    /**
     * Follows the application's redirect to the authorization endpoint as a browser would, and gives
     * back the path and query of the application's callback carrying the code and state.
     */
    public String authorize(String authorizationUrl) throws Exception {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(authorizationUrl)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        String location = response.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("The provider did not redirect back: " + response.statusCode()));
        URI callback = URI.create(location);
        return callback.getRawPath() + "?" + callback.getRawQuery();
    }

    /** A token signed with this issuer's real key, with exactly these claims (for tokens that must be refused). */
    public String signed(String issuerId, String audience, String subject, Map<String, Object> claims, long expiresInSeconds) {
        SignedJWT jwt = server.issueToken(issuerId, audience,
                new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", List.of(audience), claims, expiresInSeconds));
        return jwt.serialize();
    }

    /** A token that looks like this issuer's (same key id, issuer, audience) but is signed by another key. */
    public String forged(String issuerId, String audience, String subject, Map<String, Object> claims) throws Exception {
        String realKeyId = SignedJWT.parse(signed(issuerId, audience, subject, claims, 3600)).getHeader().getKeyID();
        return signedBy(new RSAKeyGenerator(2048).keyID(realKeyId).generate(), issuerId, audience, subject, claims);
    }

    /** The next token request (from the application, with any code) gets this ID token. */
    public void nextTokenResponse(String idToken) {
        overrides.idToken = idToken;
    }

    /**
     * Rotates the issuer's signing key: its JWKS now also publishes a new key, and the returned key
     * signs tokens under a key id the application has not seen.
     */
    public RSAKey rotateKey(String issuerId) throws Exception {
        HttpResponse<String> current = http.send(HttpRequest.newBuilder(URI.create(server.jwksUrl(issuerId).toString())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        RSAKey next = new RSAKeyGenerator(2048).keyID("rotated-" + System.nanoTime()).generate();
        List<JWK> keys = new ArrayList<>(JWKSet.parse(current.body()).getKeys());
        keys.add(0, next.toPublicJWK());
        overrides.jwks.put("/" + issuerId + "/jwks", new JWKSet(keys).toString());
        return next;
    }

    /** A token with these claims, signed by the given key (one published after {@link #rotateKey}, or none). */
    public String signedBy(RSAKey key, String issuerId, String audience, String subject, Map<String, Object> claims) throws Exception {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer(issuerId)).audience(audience).subject(subject)
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 3_600_000));
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), builder.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** Routes tried before the provider's own: a token response or key set set by the test. */
    private static final class Overrides implements Route {
        volatile String idToken;
        final Map<String, String> jwks = new ConcurrentHashMap<>();

        @Override
        public boolean match(OAuth2HttpRequest request) {
            String path = request.getUrl().encodedPath();
            return (idToken != null && path.endsWith("/token")) || jwks.containsKey(path);
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            String path = request.getUrl().encodedPath();
            if (jwks.containsKey(path)) {
                return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json"), 200, jwks.get(path), null);
            }
            String token = idToken;
            idToken = null;
            return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json"), 200,
                    "{\"access_token\":\"not-used\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"id_token\":\"" + token + "\"}", null);
        }
    }

    /** The query parameters of an authorization request URL (state, nonce, code_challenge, …). */
    public static Map<String, String> query(String url) {
        return Arrays.stream(URI.create(url).getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
