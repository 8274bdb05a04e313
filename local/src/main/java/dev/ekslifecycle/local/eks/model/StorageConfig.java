package dev.ekslifecycle.local.eks.model;

/** Auto Mode's block storage capability. */
public record StorageConfig(BlockStorage blockStorage) {

    public record BlockStorage(Boolean enabled) {
    }

    public boolean blockStorageEnabled() {
        return blockStorage != null && Boolean.TRUE.equals(blockStorage.enabled());
    }
}
