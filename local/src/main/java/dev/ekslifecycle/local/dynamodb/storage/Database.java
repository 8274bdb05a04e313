package dev.ekslifecycle.local.dynamodb.storage;

import dev.ekslifecycle.local.dynamodb.model.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All tables, the item locks and the journal. Every change is journaled before it is applied in memory, and the
 * reply is sent only after both, so an acknowledged write is in the log.
 */
public final class Database implements AutoCloseable {

    private final Map<String, Table> tables = new ConcurrentHashMap<>();
    private final ItemLocks locks = new ItemLocks(4096);
    private volatile Journal journal = Journal.NONE;

    private Database() {
    }

    public static Database inMemory() {
        return new Database();
    }

    /**
     * A database kept in {@code directory}: what is there is loaded, and every change is logged there before it
     * is acknowledged (see {@link WriteAheadLog} for the fsync policy).
     */
    public static Database persistent(Path directory) throws IOException {
        return WriteAheadLog.open(directory);
    }

    /** Starts logging changes, once the state already logged has been replayed. */
    void startJournal(Journal j) {
        this.journal = j;
    }

    void replayCreate(TableSchema schema) {
        tables.put(schema.name(), new Table(schema));
    }

    void replayDrop(String name) {
        tables.remove(name);
    }

    public Table table(String name) {
        return tables.get(name);
    }

    public List<String> tableNames() {
        List<String> names = new ArrayList<>(tables.keySet());
        names.sort(null);
        return names;
    }

    /** Creates a table; false when one of that name exists. */
    public synchronized boolean create(TableSchema schema) {
        if (tables.containsKey(schema.name())) {
            return false;
        }
        log(() -> journal.tableCreated(schema));
        tables.put(schema.name(), new Table(schema));
        return true;
    }

    /** Removes a table and returns it, or null when there is none. */
    public synchronized Table drop(String name) {
        if (!tables.containsKey(name)) {
            return null;
        }
        log(() -> journal.tableDropped(name));
        return tables.remove(name);
    }

    /** Replaces a table's schema; indexes it adds are built from the stored items, indexes it drops go. */
    public synchronized void changeSchema(Table table, TableSchema schema) {
        try (ItemLocks.Held ignored = locks.lockAll()) {
            log(() -> journal.tableChanged(schema));
            applySchema(table, schema);
        }
    }

    static void applySchema(Table table, TableSchema schema) {
        TableSchema old = table.schema();
        table.setSchema(schema);
        for (IndexSchema i : schema.indexes()) {
            if (old.index(i.name()) == null) {
                table.buildIndex(i);
            }
        }
        for (IndexSchema i : old.indexes()) {
            if (schema.index(i.name()) == null) {
                table.dropIndex(i.name());
            }
        }
    }

    /** The lock stripe of one item. */
    public int stripe(Table table, PrimaryKey key) {
        return locks.stripe(table.schema().name(), key.hash());
    }

    /** Locks the stripes of several items; close the result to release them. */
    public Lock lock(Collection<Integer> stripes) {
        return locks.lock(stripes)::close;
    }

    /** Held item locks. */
    public interface Lock extends AutoCloseable {
        @Override
        void close();
    }

    /** Writes items; the caller holds their locks. Returns the old items in order. */
    public List<Map<String, Value>> apply(List<Mutation> mutations) {
        log(() -> journal.itemsWritten(mutations));
        List<Map<String, Value>> old = new ArrayList<>(mutations.size());
        for (Mutation m : mutations) {
            old.add(m.table().write(m.key(), m.item()));
        }
        return old;
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void log(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the DynamoDB log", e);
        }
    }

    @Override
    public void close() throws IOException {
        journal.close();
    }
}
