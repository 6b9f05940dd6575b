package dev.jobsopenapi.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The characters of a UTF-8 byte stream, decoded strictly and a chunk at a time: a byte sequence that is not
 * UTF-8 ends the reading with a {@link Malformed} that says at which byte it starts, counted from the first
 * byte of the stream (as a whole-body decode would count it).
 */
final class Utf8Input extends Reader {

    /** The stream holds a byte sequence that is not UTF-8, starting at {@link #offset()}. */
    static final class Malformed extends IOException {
        private final long offset;

        Malformed(long offset) {
            super("not valid UTF-8 at byte " + offset);
            this.offset = offset;
        }

        long offset() {
            return offset;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    /** Undecoded bytes, ready to be read from; index 0 is byte {@code base} of the stream. */
    private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
    private final CharBuffer pair = CharBuffer.allocate(2).flip();
    private long base;
    private boolean endOfInput;
    private boolean flushed;

    Utf8Input(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (pair.hasRemaining()) {
            buffer[offset] = pair.get();
            return 1;
        }
        if (length == 1) {
            // A supplementary character needs two chars: decode into the pair and hand them on one by one.
            pair.clear();
            int n = decodeInto(pair);
            pair.flip();
            return n < 0 ? -1 : read(buffer, offset, 1);
        }
        return decodeInto(CharBuffer.wrap(buffer, offset, length));
    }

    /** Decodes at least one char into {@code out}, or returns -1 at the end of the stream. */
    private int decodeInto(CharBuffer out) throws IOException {
        if (flushed) {
            return -1;
        }
        int start = out.position();
        while (true) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                throw new Malformed(base + bytes.position());
            }
            if (out.position() > start) {
                return out.position() - start;
            }
            if (endOfInput) {
                flushed = true;
                decoder.flush(out);
                return out.position() > start ? out.position() - start : -1;
            }
            fill();
        }
    }

    private void fill() throws IOException {
        base += bytes.position();
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    /** True when the bytes are UTF-8 throughout; they are decoded a chunk at a time, never held as text. */
    static boolean isUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            out.clear();
            if (result.isUnderflow()) {
                return !decoder.flush(out).isError();
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
