package org.medpub.cms.it;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What Payara Micro writes to its console, as the Arquillian connector copies it line by line to
 * this JVM's {@code System.out}: a test can record it for a while ({@link #record()}) to see what
 * the server logged meanwhile. Installed once, before the server starts.
 */
public final class ServerOutput {

    private static final int MAX_RECORDED = 16 * 1024 * 1024;
    private static volatile StringBuilder recording;
    private static volatile long recordedBytes;

    private ServerOutput() {
    }

    static synchronized void install() {
        if (System.out instanceof Tee) {
            return;
        }
        System.setOut(new Tee(System.out));
    }

    /** Starts recording, forgetting whatever was recorded before. */
    public static synchronized void record() {
        recordedBytes = 0;
        recording = new StringBuilder();
    }

    /** Stops recording and gives what was written since {@link #record()} (at most the first 16 MB). */
    public static synchronized Recorded stop() {
        StringBuilder recorded = recording;
        recording = null;
        return new Recorded(recorded == null ? "" : recorded.toString(), recordedBytes);
    }

    /** The text recorded, and how many bytes were written in all. */
    public record Recorded(String text, long bytes) {
    }

    private static synchronized void written(byte[] bytes, int offset, int length) {
        if (recording != null) {
            recordedBytes += length;
            if (recording.length() < MAX_RECORDED) {
                recording.append(new String(bytes, offset, length, StandardCharsets.UTF_8));
            }
        }
    }

    private static final class Tee extends PrintStream {
        Tee(PrintStream original) {
            super(new OutputStream() {
                @Override
                public void write(int b) {
                    original.write(b);
                    written(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    original.write(b, off, len);
                    written(b, off, len);
                }

                @Override
                public void flush() {
                    original.flush();
                }
            }, true, StandardCharsets.UTF_8);
        }
    }
}
