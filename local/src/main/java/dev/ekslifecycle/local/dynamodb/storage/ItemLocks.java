package dev.ekslifecycle.local.dynamodb.storage;

import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Striped locks over partitions: every item of one partition maps to the same stripe, so a write to an item is
 * serialised with every other write to it. Several stripes are taken in index order, so transactions never
 * deadlock.
 */
final class ItemLocks {

    private final ReentrantLock[] stripes;

    ItemLocks(int count) {
        stripes = new ReentrantLock[count];
        for (int i = 0; i < count; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    int stripe(String table, Object hashKey) {
        int h = table.hashCode() * 31 + hashKey.hashCode();
        h ^= h >>> 16;
        return Math.floorMod(h * 0x9E3779B1, stripes.length);
    }

    /** Takes the given stripes (duplicates allowed) in order; closing the handle releases them. */
    Held lock(Collection<Integer> wanted) {
        int[] ids = wanted.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
        for (int id : ids) {
            stripes[id].lock();
        }
        return new Held(ids);
    }

    /** Takes every stripe: nothing else writes until it is released. */
    Held lockAll() {
        int[] ids = new int[stripes.length];
        Arrays.setAll(ids, i -> i);
        for (ReentrantLock l : stripes) {
            l.lock();
        }
        return new Held(ids);
    }

    final class Held implements AutoCloseable {
        private final int[] ids;

        private Held(int[] ids) {
            this.ids = ids;
        }

        @Override
        public void close() {
            for (int i = ids.length - 1; i >= 0; i--) {
                stripes[ids[i]].unlock();
            }
        }
    }
}
