package dev.ekslifecycle.local.dynamodb.storage;

import java.io.IOException;
import java.util.List;

/** Where the database records each change before applying it; see {@link WriteAheadLog}. */
interface Journal extends AutoCloseable {

    Journal NONE = new Journal() {
        @Override
        public void tableCreated(TableSchema schema) {
        }

        @Override
        public void tableChanged(TableSchema schema) {
        }

        @Override
        public void tableDropped(String name) {
        }

        @Override
        public void itemsWritten(List<Mutation> mutations) {
        }

        @Override
        public void close() {
        }
    };

    void tableCreated(TableSchema schema) throws IOException;

    void tableChanged(TableSchema schema) throws IOException;

    void tableDropped(String name) throws IOException;

    /** Records several item writes as one entry: they are replayed all or not at all. */
    void itemsWritten(List<Mutation> mutations) throws IOException;

    @Override
    void close() throws IOException;
}
