package org.caseshare.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows every same-site link and asset a signed-in person is shown, breadth first, and notes the
 * status of each: a page that answers 5xx from the shipped jar is found even if no test names it.
 * Records are many, so each shape of path (ids folded) is visited at most twice.
 */
final class SiteCrawl {

    private static final Pattern LINK = Pattern.compile("(?:href|src|action)=\"(/[^\"#]*)\"");
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\\d+");
    private static final int MAX_PAGES = 150;
    private static final int PER_SHAPE = 2;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String cookie;

    SiteCrawl(String baseUrl, String cookie) {
        this.baseUrl = baseUrl;
        this.cookie = cookie;
    }

    /** Path → status for everything reached from the starting paths. */
    Map<String, Integer> from(List<String> starts) throws Exception {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        Map<String, Integer> shapes = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(starts);
        while (!queue.isEmpty() && statuses.size() < MAX_PAGES) {
            String path = queue.removeFirst().replace("&amp;", "&");
            if (statuses.containsKey(path) || skipped(path) || shapes.merge(shape(path), 1, Integer::sum) > PER_SHAPE) {
                continue;
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                    .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
            statuses.put(path, response.statusCode());
            response.headers().firstValue("Location").filter(l -> l.startsWith("/")).ifPresent(queue::addLast);
            if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                Matcher link = LINK.matcher(response.body());
                while (link.find()) {
                    queue.addLast(link.group(1));
                }
            }
        }
        return statuses;
    }

    /** Signing out would end the crawl; forms' actions are only read with GET when they are pages too. */
    private static boolean skipped(String path) {
        return path.startsWith("/logout") || path.startsWith("/login") || path.contains("/revoke") || path.contains("/disable");
    }

    private static String shape(String path) {
        String withoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return ID.matcher(withoutQuery).replaceAll("{id}");
    }
}
