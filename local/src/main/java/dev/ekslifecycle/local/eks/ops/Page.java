package dev.ekslifecycle.local.eks.ops;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** One page of a List operation: at most {@code maxResults} items and the token of the next page, if any. */
public record Page<T>(List<T> items, String nextToken) {

    /** Cuts a page out of the full, stably ordered listing; the token is the offset, opaque to clients. */
    public static <T> Page<T> of(List<T> all, Integer maxResults, String nextToken, int maxAllowed) {
        int size = maxResults == null ? maxAllowed : maxResults;
        if (size < 1 || size > maxAllowed) {
            throw EksError.invalidParameter("maxResults must be between 1 and " + maxAllowed);
        }
        int from = nextToken == null || nextToken.isEmpty() ? 0 : decode(nextToken);
        if (from > all.size()) {
            throw EksError.invalidParameter("The nextToken is invalid");
        }
        int to = Math.min(all.size(), from + size);
        return new Page<>(List.copyOf(all.subList(from, to)), to < all.size() ? encode(to) : null);
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith("offset:")) {
                throw EksError.invalidParameter("The nextToken is invalid");
            }
            return Integer.parseInt(text.substring("offset:".length()));
        } catch (IllegalArgumentException e) {
            throw EksError.invalidParameter("The nextToken is invalid");
        }
    }
}
