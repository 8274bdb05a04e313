package dev.ekslifecycle.local.query;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list call: the items from the token's offset, at most {@code maxResults}, and the token of the
 * next page when there is one. Tokens are opaque to clients; here they are the offset.
 */
public record Page<T>(List<T> items, String nextToken) {

    public static <T> Page<T> of(List<T> all, Optional<Integer> maxResults, Optional<String> token) {
        int from = token.map(Page::offset).orElse(0);
        if (from > all.size()) {
            throw QueryError.invalidParameter("Invalid NextToken: " + token.orElse(""));
        }
        int size = maxResults.orElse(Integer.MAX_VALUE);
        int to = (int) Math.min(all.size(), (long) from + size);
        return new Page<>(all.subList(from, to), to < all.size() ? "offset-" + to : null);
    }

    private static int offset(String token) {
        try {
            if (token.startsWith("offset-")) {
                int n = Integer.parseInt(token.substring("offset-".length()));
                if (n >= 0) {
                    return n;
                }
            }
        } catch (NumberFormatException ignored) {
            // answered below like any other token we did not issue
        }
        throw QueryError.invalidParameter("Invalid NextToken: " + token);
    }
}
