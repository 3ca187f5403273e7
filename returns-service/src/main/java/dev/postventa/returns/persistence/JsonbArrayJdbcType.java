package dev.postventa.returns.persistence;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.JsonJdbcType;

/**
 * A jsonb column holding a JSON <em>array</em> (e.g. a {@code List<OrderLine>}), mapped through Hibernate's JSON
 * format mapper. Needed because Hibernate Reactive's own JSON type binds and reads every value as a Vert.x
 * {@code JsonObject} and fails on arrays (hibernate/hibernate-reactive#4156); this type hands the reactive
 * PostgreSQL client a {@code JsonArray} instead, and reads whatever JSON value the client returns.
 * Use with {@code @JdbcType(JsonbArrayJdbcType.class)}.
 */
public class JsonbArrayJdbcType extends JsonJdbcType {

    public JsonbArrayJdbcType() {
        super(null);
    }

    @Override
    public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
        return new BasicBinder<>(javaType, this) {
            @Override
            protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options)
                    throws SQLException {
                st.setObject(index, toJsonValue(value, javaType, options));
            }

            @Override
            protected void doBind(CallableStatement st, X value, String name, WrapperOptions options)
                    throws SQLException {
                st.setObject(name, toJsonValue(value, javaType, options));
            }
        };
    }

    @Override
    public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
        return new BasicExtractor<>(javaType, this) {
            @Override
            protected X doExtract(ResultSet rs, int index, WrapperOptions options) throws SQLException {
                return fromJsonValue(rs.getObject(index), getJavaType(), options);
            }

            @Override
            protected X doExtract(CallableStatement st, int index, WrapperOptions options) throws SQLException {
                return fromJsonValue(st.getObject(index), getJavaType(), options);
            }

            @Override
            protected X doExtract(CallableStatement st, String name, WrapperOptions options) throws SQLException {
                return fromJsonValue(st.getObject(name), getJavaType(), options);
            }
        };
    }

    private <X> Object toJsonValue(X value, JavaType<X> javaType, WrapperOptions options) {
        String json = toString(value, javaType, options);
        return json.stripLeading().startsWith("[") ? new JsonArray(json) : new JsonObject(json);
    }

    private <X> X fromJsonValue(Object value, JavaType<X> javaType, WrapperOptions options) throws SQLException {
        if (value == null) {
            return null;
        }
        String json = value instanceof JsonArray array ? array.encode()
                : value instanceof JsonObject object ? object.encode()
                : value.toString();
        return fromString(json, javaType, options);
    }
}
