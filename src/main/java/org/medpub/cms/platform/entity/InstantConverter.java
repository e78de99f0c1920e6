package org.medpub.cms.platform.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Stores instants as {@code timestamp with time zone} in UTC. JPA 3.1 (EclipseLink 4) knows
 * OffsetDateTime but not Instant, and would otherwise serialise it into a byte array.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, OffsetDateTime> {

    @Override
    public OffsetDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    /** An instant that a native query read: PostgreSQL's driver gives a {@code Timestamp}, H2's an {@code OffsetDateTime}. */
    public static Instant fromColumn(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Timestamp time) {
            return time.toInstant();
        }
        throw new IllegalArgumentException("Not a point in time: " + value.getClass().getName());
    }
}
