package dev.ekslifecycle.local.eks.model;

/** How principals authenticate: {@code CONFIG_MAP}, {@code API_AND_CONFIG_MAP} or {@code API}. */
public record AccessConfig(Boolean bootstrapClusterCreatorAdminPermissions, String authenticationMode) {

    /** Access entries exist only in the API modes. */
    public boolean allowsAccessEntries() {
        return "API".equals(authenticationMode) || "API_AND_CONFIG_MAP".equals(authenticationMode);
    }
}
