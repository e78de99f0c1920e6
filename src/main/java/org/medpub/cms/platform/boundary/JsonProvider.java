package org.medpub.cms.platform.boundary;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import org.medpub.cms.platform.control.StrictText;

/**
 * Jackson reads and writes the API's JSON, strictly: unknown fields, trailing content, numbers
 * where text belongs and nulls for true/false are refused rather than guessed at. The body must be
 * UTF-8 ({@link StrictText}: no overlong or surrogate sequences) and no text in it may hold NUL.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class JsonProvider extends JacksonJsonProvider {

    public static final ObjectMapper MAPPER = createMapper();

    public JsonProvider() {
        super(MAPPER);
    }

    /**
     * Reads the whole body before Jackson sees it, which {@link RequestSizeLimit} keeps bounded: a
     * body that grows past the limit is answered 413 then, rather than failing inside Jackson as
     * a field of the wrong type; and bytes that are not UTF-8 are refused rather than decoded
     * leniently.
     */
    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        byte[] body = entityStream.readAllBytes();
        StrictText.decode(body, StandardCharsets.UTF_8, "The body");
        return super.readFrom(type, genericType, annotations, mediaType, httpHeaders, new ByteArrayInputStream(body));
    }

    /** A text field that holds NUL; the path to the field is filled in by Jackson as it unwinds. */
    public static final class NulInText extends MismatchedInputException {
        NulInText(JsonParser parser) {
            super(parser, "A text holds the character NUL (U+0000)", String.class);
        }
    }

    /** Every text of a body, wherever it is (a field, a list, a map's value), refuses NUL. */
    private static final class TextWithoutNul extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (StrictText.hasNul(text)) {
                throw new NulInText(parser);
            }
            return text;
        }
    }

    private static ObjectMapper createMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .addModule(new SimpleModule("text-without-nul").addDeserializer(String.class, new TextWithoutNul()))
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }
}
