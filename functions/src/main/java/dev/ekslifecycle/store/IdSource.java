package dev.ekslifecycle.store;

/** Where new IDs come from, so that tests can choose them. */
@FunctionalInterface
public interface IdSource {

    String nextId();
}
