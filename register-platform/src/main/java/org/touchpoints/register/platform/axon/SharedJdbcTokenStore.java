package org.touchpoints.register.platform.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.tokenstore.ConfigToken;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.SerializedObject;

/**
 * The JDBC token store shared by query replicas. Replicas that start together on an empty database both found no
 * storage identifier (the {@code __config} token) and both inserted one: the loser's insert failed on the primary
 * key and so did its start-up. Here the identifier is inserted with {@code on conflict do nothing} first (once per
 * replica), so whichever replica wins, every replica then reads the same one.
 */
class SharedJdbcTokenStore extends JdbcTokenStore {
    static final String CONFIG_TOKEN = "__config";

    private final TokenSchema schema;
    private volatile boolean identifierEnsured;

    SharedJdbcTokenStore(JdbcTokenStore.Builder builder, TokenSchema schema) {
        super(builder.schema(schema));
        this.schema = schema;
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        if (!identifierEnsured) {
            insertIdentifierUnlessPresent();
            identifierEnsured = true;
        }
        return super.retrieveStorageIdentifier();
    }

    private void insertIdentifierUnlessPresent() {
        SerializedObject<byte[]> token = serializer()
                .serialize(new ConfigToken(Map.of("id", UUID.randomUUID().toString())), byte[].class);
        String sql = "insert into " + schema.tokenTable() + " (" + schema.processorNameColumn() + ", "
                + schema.segmentColumn() + ", " + schema.tokenColumn() + ", " + schema.tokenTypeColumn() + ", "
                + schema.timestampColumn() + ") values (?, 0, ?, ?, ?) on conflict do nothing";
        Connection connection = getConnection();
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, CONFIG_TOKEN);
            insert.setBytes(2, token.getData());
            insert.setString(3, token.getType().getName());
            insert.setString(4, DateTimeUtils.formatInstant(java.time.Instant.now()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new org.axonframework.eventhandling.tokenstore.UnableToRetrieveIdentifierException(
                    "Could not store the token store's identifier", e);
        } finally {
            org.axonframework.common.jdbc.JdbcUtils.closeQuietly(connection);
        }
    }
}
