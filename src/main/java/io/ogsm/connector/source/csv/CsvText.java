package io.ogsm.connector.source.csv;

import io.ogsm.connector.config.CsvEncoding;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Opens a dropped file as text in its encoding ({@link CsvEncoding}), after a look at its first bytes: a binary file
 * (NUL bytes outside UTF-16) or an empty one fails here. With {@code auto}: a byte order mark says UTF-8 or UTF-16;
 * without one the file is UTF-8 unless its first character that is not ASCII is no UTF-8, then Windows-1252.
 * That is decided where the first such byte is, however far into the file (what comes before it is ASCII, the same in
 * both). A byte that cannot be read in the encoding becomes U+FFFD, and the row holding it is rejected (naming the
 * encoding and how to save the file) rather than the whole file.
 */
final class CsvText {

    /** How much of the start is looked at before reading. */
    static final int SNIFF_BYTES = 8192;
    static final Charset WINDOWS_1252 = CsvEncoding.WINDOWS_1252.charset();

    private CsvText() {
    }

    /** The file's text and the encoding it is read in (decided at once, or at its first byte that is not ASCII). */
    static final class Text {
        final Reader reader;
        private final Sniffing sniffing;
        private final CsvEncoding fixed;

        private Text(Reader reader, CsvEncoding fixed, Sniffing sniffing) {
            this.reader = reader;
            this.fixed = fixed;
            this.sniffing = sniffing;
        }

        /** The encoding read so far: {@code utf-8} while a file is ASCII only. */
        CsvEncoding encoding() {
            return sniffing != null ? sniffing.decidedEncoding : fixed;
        }
    }

    static Text open(InputStream in, String fileName, CsvEncoding encoding) throws IOException, CsvFileException {
        BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
        buffered.mark(SNIFF_BYTES);
        byte[] head = buffered.readNBytes(SNIFF_BYTES);
        buffered.reset();
        CsvEncoding bom = bom(head);
        if (bom != null) {
            if (encoding != CsvEncoding.AUTO && encoding != bom) {
                throw new CsvFileException(fileName, 0, "starts with the byte order mark of " + bom.key()
                        + " but is set to be read as " + encoding.key() + ": save it as CSV UTF-8, or set the encoding to "
                        + bom.key() + " or auto");
            }
            encoding = bom;
        }
        int start = bom == CsvEncoding.UTF_8 ? 3 : bom == CsvEncoding.UTF_16 ? 2 : 0;
        if (head.length == start) {
            throw new CsvFileException(fileName, 0, "is empty: no header row");
        }
        if (encoding == CsvEncoding.UTF_16) {
            // Java's UTF-16 reads the byte order mark and drops it (big-endian without one)
            return new Text(new InputStreamReader(buffered, decoder(StandardCharsets.UTF_16)), encoding, null);
        }
        for (int i = start; i < head.length; i++) {
            if (head[i] == 0) {
                throw new CsvFileException(fileName, 0, "is not text: it contains NUL bytes (UTF-16 without a "
                        + "byte order mark? save it as CSV UTF-8)");
            }
        }
        buffered.skipNBytes(start);
        if (encoding != CsvEncoding.AUTO) {
            return new Text(new InputStreamReader(buffered, decoder(encoding.charset())), encoding, null);
        }
        Sniffing sniffing = new Sniffing(buffered);
        return new Text(sniffing, CsvEncoding.UTF_8, sniffing);
    }

    private static CsvEncoding bom(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return CsvEncoding.UTF_8;
        }
        if (head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            return CsvEncoding.UTF_16;
        }
        return null;
    }

    /** A decoder that turns what it cannot read into U+FFFD (the row is then rejected). */
    private static CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    /** How many bytes a UTF-8 sequence starting with {@code lead} has (1 for a byte no sequence starts with). */
    static int sequenceLength(byte lead) {
        int b = lead & 0xFF;
        return b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 1;
    }

    /** Whether the first {@code length} of {@code bytes} are UTF-8. */
    static boolean isUtf8(byte[] bytes, int length, boolean endOfInput) {
        if (length > bytes.length) {
            return false;
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = strict.decode(ByteBuffer.wrap(bytes, 0, length), CharBuffer.allocate(length), endOfInput);
        return !result.isError();
    }

    /**
     * ASCII passes through as it is; at the first byte that is not, the character it starts is decoded as UTF-8: if it
     * is one, the rest is read as UTF-8, otherwise as Windows-1252 (whose letters are no UTF-8 sequence: {@code é} is
     * {@code E9} followed by an ASCII letter, {@code €} is {@code 80}, which starts none).
     */
    private static final class Sniffing extends Reader {
        private final BufferedInputStream in;
        private final byte[] chunk = new byte[SNIFF_BYTES];
        private Reader decided;
        private CsvEncoding decidedEncoding = CsvEncoding.UTF_8;

        Sniffing(BufferedInputStream in) {
            this.in = in;
        }

        @Override
        public int read(char[] target, int offset, int length) throws IOException {
            if (decided != null) {
                return decided.read(target, offset, length);
            }
            if (length == 0) {
                return 0;
            }
            int wanted = Math.min(length, chunk.length);
            in.mark(wanted);
            int n = in.read(chunk, 0, wanted);
            if (n < 0) {
                return -1;
            }
            int ascii = 0;
            while (ascii < n && chunk[ascii] >= 0) {
                target[offset + ascii] = (char) chunk[ascii];
                ascii++;
            }
            if (ascii == n) {
                return n;
            }
            in.reset();
            in.skipNBytes(ascii);
            decide();
            return ascii > 0 ? ascii : decided.read(target, offset, length);
        }

        private void decide() throws IOException {
            in.mark(4);
            byte[] first = in.readNBytes(4);
            in.reset();
            boolean utf8 = isUtf8(first, sequenceLength(first[0]), true);
            decidedEncoding = utf8 ? CsvEncoding.UTF_8 : CsvEncoding.WINDOWS_1252;
            decided = new InputStreamReader(in, decoder(utf8 ? StandardCharsets.UTF_8 : WINDOWS_1252));
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
