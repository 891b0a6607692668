package dev.windjammer.io.db;

import java.lang.reflect.Constructor;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the rows of one result set into values of one type: records through their canonical
 * constructor, anything else from the single column.
 *
 * @param <T> the row type
 */
final class RowMapper<T> {
    /*
     * Implementation notes
     *
     * Overview. The shape of a record (components and canonical constructor, made accessible
     * once) is cached per class in a ClassValue, so repeated queries pay reflection only for the
     * constructor call. Column positions are resolved once per result set: for each component,
     * the column whose label equals the component name ignoring case and underscores (H2
     * reports labels in upper case unless DATABASE_TO_LOWER, PostgreSQL in lower case, SQL
     * style is snake_case, Java style camelCase).
     *
     * Types. ResultSet.getObject(int, Class) (JDBC 4.1) does the driver's own conversion for
     * the standard Java types; we add what the drivers do not agree on: Instant (read as
     * OffsetDateTime, which both H2 and pgjdbc support), enums (by name) and primitives (boxed
     * type, NULL refused).
     */

    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return RecordShape.of(type);
        }
    };

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(
            int.class, Integer.class, long.class, Long.class, double.class, Double.class,
            float.class, Float.class, boolean.class, Boolean.class, short.class, Short.class,
            byte.class, Byte.class, char.class, Character.class);

    private final Class<T> type;
    private final RecordShape shape;
    private final int[] columns;
    private final String sql;

    private RowMapper(Class<T> type, RecordShape shape, int[] columns, String sql) {
        this.type = type;
        this.shape = shape;
        this.columns = columns;
        this.sql = sql;
    }

    static <T> RowMapper<T> of(Class<T> type, ResultSetMetaData metadata, String sql) throws SQLException {
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= metadata.getColumnCount(); i++) {
            labels.add(metadata.getColumnLabel(i));
        }
        if (!type.isRecord()) {
            if (labels.size() != 1) {
                throw new IllegalArgumentException("cannot read " + type.getSimpleName() + " from " + labels.size()
                        + " columns " + labels + " of: " + sql + " (a non-record type reads a single column)");
            }
            return new RowMapper<>(type, null, new int[] {1}, sql);
        }
        RecordShape shape = SHAPES.get(type);
        int[] columns = new int[shape.components.length];
        for (int c = 0; c < columns.length; c++) {
            String wanted = normalize(shape.components[c].getName());
            columns[c] = -1;
            for (int i = 0; i < labels.size(); i++) {
                if (normalize(labels.get(i)).equals(wanted)) {
                    columns[c] = i + 1;
                    break;
                }
            }
            if (columns[c] < 0) {
                throw new IllegalArgumentException("no column for component " + shape.components[c].getName() + " of "
                        + shape.signature + " among the columns " + labels + " of: " + sql);
            }
        }
        return new RowMapper<>(type, shape, columns, sql);
    }

    private static String normalize(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    T map(ResultSet row) throws SQLException {
        if (shape == null) {
            return type.cast(read(row, 1, type, "the column"));
        }
        Object[] arguments = new Object[columns.length];
        for (int c = 0; c < columns.length; c++) {
            RecordComponent component = shape.components[c];
            arguments[c] = read(row, columns[c], component.getType(), "component " + component.getName() + " of " + shape.signature);
        }
        return type.cast(shape.construct(arguments));
    }

    private Object read(ResultSet row, int column, Class<?> target, String what) throws SQLException {
        Object value;
        if (target == Instant.class) {
            OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
            value = time == null ? null : time.toInstant();
        } else if (target.isEnum()) {
            String name = row.getString(column);
            value = name == null ? null : constant(target, name, what);
        } else if (target.isPrimitive()) {
            value = row.getObject(column, BOXES.get(target));
            if (value == null) {
                throw new IllegalArgumentException("column " + row.getMetaData().getColumnLabel(column)
                        + " is NULL, but " + what + " is a " + target + "; use " + BOXES.get(target).getSimpleName()
                        + " for a nullable column (query: " + sql + ")");
            }
        } else {
            value = row.getObject(column, target);
        }
        return value;
    }

    private Object constant(Class<?> enumType, String name, String what) {
        for (Object constant : enumType.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("\"" + name + "\" is not a constant of " + enumType.getSimpleName()
                + " " + Arrays.toString(enumType.getEnumConstants()) + ", for " + what + " (query: " + sql + ")");
    }

    /** A record class's components and accessible canonical constructor. */
    private static final class RecordShape {
        final RecordComponent[] components;
        final Constructor<?> constructor;
        final String signature;

        private RecordShape(RecordComponent[] components, Constructor<?> constructor, String signature) {
            this.components = components;
            this.constructor = constructor;
            this.signature = signature;
        }

        static RecordShape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            List<String> names = new ArrayList<>();
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                names.add(components[i].getName());
            }
            String signature = type.getSimpleName() + "(" + String.join(", ", names) + ")";
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return new RecordShape(components, constructor, signature);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
            } catch (InaccessibleObjectException e) {
                throw new IllegalArgumentException("cannot construct " + type.getName() + ": open its package "
                        + type.getPackageName() + " to module dev.windjammer.io", e);
            }
        }

        Object construct(Object[] arguments) {
            try {
                return constructor.newInstance(arguments);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(signature + " threw " + cause, cause);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot construct " + signature, e);
            }
        }
    }
}
