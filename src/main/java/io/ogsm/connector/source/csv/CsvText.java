package io.ogsm.connector.source.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Opens a dropped file as UTF-8 text, with or without a byte order mark, after a look at its first bytes: a binary
 * file (NUL bytes, invalid UTF-8), a UTF-16 file or an empty one fails here. Invalid bytes further on become
 * U+FFFD, and the row holding them is rejected rather than the whole file.
 */
final class CsvText {

    /** How much of the start is checked for being UTF-8 text. */
    static final int SNIFF_BYTES = 8192;

    private CsvText() {
    }

    static Reader open(InputStream in, String fileName) throws IOException, CsvFileException {
        BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
        buffered.mark(SNIFF_BYTES);
        byte[] head = buffered.readNBytes(SNIFF_BYTES);
        buffered.reset();
        int start = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            start = 3;
            buffered.skipNBytes(3);
        } else if (head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            throw new CsvFileException(fileName, 0, "is UTF-16 text, not UTF-8: save it as CSV UTF-8");
        }
        if (head.length == start) {
            throw new CsvFileException(fileName, 0, "is empty: no header row");
        }
        for (int i = start; i < head.length; i++) {
            if (head[i] == 0) {
                throw new CsvFileException(fileName, 0, "is not text: it contains NUL bytes");
            }
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        boolean wholeFile = head.length < SNIFF_BYTES;
        CoderResult result = strict.decode(ByteBuffer.wrap(head, start, head.length - start),
                CharBuffer.allocate(head.length), wholeFile);
        if (result.isError()) {
            throw new CsvFileException(fileName, 0, "is not UTF-8 text (an invalid byte in its first "
                    + SNIFF_BYTES + " bytes)");
        }
        return new InputStreamReader(buffered, StandardCharsets.UTF_8);
    }
}
