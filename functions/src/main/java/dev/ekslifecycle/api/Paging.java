package dev.ekslifecycle.api;

import java.util.Optional;

/** The {@code limit} and {@code nextToken} query parameters shared by the list endpoints. */
final class Paging {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;

    private Paging() {
    }

    /** The requested page size, or empty when it is not a number from 1 to {@value #MAX_LIMIT}. */
    static Optional<Integer> limit(ApiRequest request) {
        Optional<String> text = request.query("limit");
        if (text.isEmpty()) {
            return Optional.of(DEFAULT_LIMIT);
        }
        try {
            int limit = Integer.parseInt(text.get());
            return limit >= 1 && limit <= MAX_LIMIT ? Optional.of(limit) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static ApiResponse badLimit() {
        return Problems.of(400, "Invalid Request", "limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    static ApiResponse badToken() {
        return Problems.of(400, "Invalid Request", "nextToken was not issued by this listing");
    }
}
