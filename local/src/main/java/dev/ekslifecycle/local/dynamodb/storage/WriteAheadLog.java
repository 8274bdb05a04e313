package dev.ekslifecycle.local.dynamodb.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.dynamodb.model.KeyOrder;
import dev.ekslifecycle.local.dynamodb.model.Value;
import dev.ekslifecycle.local.dynamodb.model.ValueJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The database's write-ahead log: one JSON line per change in {@code dynamodb.log} under the data directory.
 *
 * <p>Durability: each change is written to the operating system (a {@code write} call) before the request is
 * answered, so every acknowledged write survives the JVM being killed, SIGKILL included. The file is forced to
 * the disk ({@code fsync}) once a second when it has changed, and on close: a power failure or kernel crash can
 * lose up to the last second of writes.
 *
 * <p>At start the log is replayed (a torn last line, from a kill in the middle of a write that was therefore never
 * acknowledged, is ignored) and then rewritten as a snapshot of the live data, so it never grows beyond one run.
 */
final class WriteAheadLog implements Journal {

    static final String FILE_NAME = "dynamodb.log";
    private static final Logger LOG = Logger.getLogger(WriteAheadLog.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SYNC_INTERVAL_MILLIS = 1000;

    private final FileChannel channel;
    private final Thread syncer;
    private boolean dirty;
    private boolean closed;

    private WriteAheadLog(FileChannel channel) {
        this.channel = channel;
        this.syncer = new Thread(this::syncLoop, "dynamodb-wal-fsync");
        this.syncer.setDaemon(true);
        this.syncer.start();
    }

    /** Loads the database kept in {@code directory} (empty if there is none) and logs its changes there. */
    static Database open(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path log = directory.resolve(FILE_NAME);
        Database db = Database.inMemory();
        if (Files.exists(log)) {
            replay(log, db);
        }
        Path snapshot = directory.resolve(FILE_NAME + ".new");
        try (FileChannel out = FileChannel.open(snapshot, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (String name : db.tableNames()) {
                Table t = db.table(name);
                append(out, record("create").set("schema", SchemaJson.write(t.schema())));
                for (var it = t.scan(null, 0, 1, null); it.hasNext(); ) {
                    Map<String, Value> item = it.next();
                    append(out, writes(List.of(new Mutation(t, t.keyOf(item), item))));
                }
            }
            out.force(true);
        }
        Files.move(snapshot, log, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        db.startJournal(new WriteAheadLog(channel));
        return db;
    }

    private static void replay(Path log, Database db) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = r.readLine()) != null) {
                number++;
                JsonNode record;
                try {
                    record = JSON.readTree(line);
                } catch (IOException torn) {
                    LOG.warning("ignoring an incomplete last entry of the DynamoDB log at line " + number);
                    break;
                }
                apply(record, db);
            }
        }
    }

    private static void apply(JsonNode record, Database db) {
        switch (record.get("op").asText()) {
            case "create" -> db.replayCreate(SchemaJson.read(record.get("schema")));
            case "schema" -> {
                TableSchema schema = SchemaJson.read(record.get("schema"));
                Table t = db.table(schema.name());
                if (t != null) {
                    Database.applySchema(t, schema);
                }
            }
            case "drop" -> db.replayDrop(record.get("table").asText());
            case "write" -> {
                for (JsonNode w : record.get("items")) {
                    Table t = db.table(w.get("table").asText());
                    if (t == null) {
                        continue;
                    }
                    Map<String, Value> item = ValueJson.readItem(w.get("item"));
                    t.write(t.keyOf(item != null ? item : ValueJson.readItem(w.get("key"))), item);
                }
            }
            default -> throw new IllegalStateException("unknown DynamoDB log entry: " + record);
        }
    }

    private static ObjectNode record(String op) {
        return JSON.createObjectNode().put("op", op);
    }

    /** A "write" record: items written, or keys of items deleted, replayed together. */
    private static ObjectNode writes(List<Mutation> mutations) {
        ObjectNode r = record("write");
        ArrayNode items = r.putArray("items");
        for (Mutation m : mutations) {
            ObjectNode w = items.addObject().put("table", m.table().schema().name());
            if (m.item() != null) {
                w.set("item", ValueJson.writeItem(m.item()));
            } else {
                w.set("key", ValueJson.writeItem(keyMap(m.table(), m.key())));
            }
        }
        return r;
    }

    private static Map<String, Value> keyMap(Table table, PrimaryKey key) {
        Map<String, Value> out = new LinkedHashMap<>();
        out.put(table.schema().hashKey().name(), key.hash());
        if (key.range() != KeyOrder.ABSENT && table.schema().rangeKey() != null) {
            out.put(table.schema().rangeKey().name(), key.range());
        }
        return out;
    }

    private static void append(FileChannel out, ObjectNode record) throws IOException {
        byte[] line = JSON.writeValueAsBytes(record);
        ByteBuffer buffer = ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    private synchronized void log(ObjectNode record) throws IOException {
        if (closed) {
            throw new IOException("the DynamoDB log is closed");
        }
        append(channel, record);
        dirty = true;
    }

    @Override
    public void tableCreated(TableSchema schema) throws IOException {
        log(record("create").set("schema", SchemaJson.write(schema)));
    }

    @Override
    public void tableChanged(TableSchema schema) throws IOException {
        log(record("schema").set("schema", SchemaJson.write(schema)));
    }

    @Override
    public void tableDropped(String name) throws IOException {
        log(record("drop").put("table", name));
    }

    @Override
    public void itemsWritten(List<Mutation> mutations) throws IOException {
        if (!mutations.isEmpty()) {
            log(writes(mutations));
        }
    }

    private void syncLoop() {
        while (true) {
            try {
                Thread.sleep(SYNC_INTERVAL_MILLIS);
                sync();
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                LOG.warning("could not fsync the DynamoDB log: " + e);
            }
        }
    }

    private synchronized void sync() throws IOException {
        if (dirty && !closed) {
            channel.force(false);
            dirty = false;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        syncer.interrupt();
        channel.force(true);
        closed = true;
        channel.close();
    }
}
