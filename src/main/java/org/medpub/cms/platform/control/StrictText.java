package org.medpub.cms.platform.control;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that decides whether text from outside may come in: bytes are decoded strictly
 * (an overlong {@code C0 AF} is not a {@code /}, an encoded surrogate is no character at all),
 * percent-encoding must be complete, and no text may hold NUL (U+0000), which PostgreSQL cannot
 * store and nobody types. What is refused is refused before anything reads or stores it.
 */
public final class StrictText {

    private static final char NUL = '\u0000';

    private StrictText() {
    }

    /** Text that is not what it claims to be: answered 400, nothing stored. */
    public static final class Refused extends BusinessException {
        Refused(String detail) {
            super(detail);
        }

        @Override
        public int status() {
            return 400;
        }

        @Override
        public String type() {
            return "invalid-text";
        }
    }

    /** A body in a character set this server does not know: answered 415 naming it. */
    public static final class UnknownCharset extends BusinessException {
        UnknownCharset(String name) {
            super("The character set '" + name + "' is not known here; send UTF-8");
        }

        @Override
        public int status() {
            return 415;
        }

        @Override
        public String type() {
            return "unsupported-media-type";
        }
    }

    /** The character set of this name (a Content-Type's {@code charset}), UTF-8 when none is named. */
    public static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip().replace("\"", ""));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UnknownCharset(name);
        }
    }

    /** Bytes as text in this character set, refusing any byte sequence that is not valid in it, and NUL. */
    public static String decode(byte[] bytes, Charset charset, String what) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1);
        var result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new Refused(what + " is not valid " + charset.name() + " at byte " + in.position());
        }
        return withoutNul(out.flip().toString(), what);
    }

    /** The text itself, when it holds no NUL. */
    public static String withoutNul(String text, String what) {
        if (text != null && text.indexOf(NUL) >= 0) {
            throw new Refused(what + " contains the character NUL (U+0000), which no text may hold");
        }
        return text;
    }

    public static boolean hasNul(String text) {
        return text != null && text.indexOf(NUL) >= 0;
    }

    /**
     * A percent-encoded part of an address as text: every {@code %} followed by two hex digits,
     * the bytes in the given character set; {@code +} is a space where the form encoding says so (query strings and
     * form bodies). Characters above {@code FF} that arrive raw count as their UTF-8 bytes, those
     * below as the byte they are (the container hands raw bytes over as ISO-8859-1).
     */
    public static String percentDecoded(String encoded, boolean plusIsSpace, Charset charset, String what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int high = i + 1 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw new Refused(what + " has a '%' that is not followed by two hexadecimal digits");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else if (c <= 0xFF) {
                bytes.write(c);
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return decode(bytes.toByteArray(), charset, what);
    }

    /**
     * The fields of a query string or of a form body ({@code application/x-www-form-urlencoded}),
     * in their order, each name with its values; empty for null.
     */
    public static Map<String, List<String>> formFields(String encoded, Charset charset, String what) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = percentDecoded(equals < 0 ? pair : pair.substring(0, equals), true, charset, what);
            String value = equals < 0 ? "" : percentDecoded(pair.substring(equals + 1), true, charset, what);
            fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return fields;
    }
}
