package io.ogsm.connector.source.csv;

import java.io.IOException;
import java.io.Reader;

/**
 * The text of a CSV file, handed to the parser so that no record can grow past a limit: memory stays bounded by
 * the longest allowed record, however long a line in the file is or however far an unclosed quote reaches.
 *
 * <p>It never hands out text past a line break in one read, so what it has handed out is what the parser has read
 * (give or take the one character the parser peeks after a carriage return). {@link #startRecord()} marks where the
 * parser begins the next record; once that record's characters, line breaks inside quotes included and the one
 * ending it excluded, pass the limit, the next read throws {@link TooLong}. With old Mac line ends (CR alone) the
 * count may be off by one character.
 */
final class RecordLengthLimit extends Reader {

    /** Thrown through the parser when a record passes the limit. */
    static final class TooLong extends IOException {
        TooLong(int limit) {
            super("record is longer than " + limit + " characters");
        }
    }

    private final Reader in;
    private final int limit;
    private final char[] buffer = new char[8192];
    private int position;
    private int end;
    private long counted;
    /** The last character handed out, to see a CRLF split over two reads. */
    private char previous;

    RecordLengthLimit(Reader in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    int limit() {
        return limit;
    }

    /** The parser is about to read the next record. */
    void startRecord() {
        counted = 0;
    }

    /**
     * The next physical line without its line break (CRLF, LF or CR), or null at the end of the text; for the header
     * row, before the parser starts.
     */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (fill()) {
            char c = buffer[position++];
            if (c == '\n') {
                return line.toString();
            }
            if (c == '\r') {
                if (fill() && buffer[position] == '\n') {
                    position++;
                }
                return line.toString();
            }
            if (line.length() >= limit) {
                throw new TooLong(limit);
            }
            line.append(c);
        }
        return line.length() == 0 ? null : line.toString();
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = 0;
        int max = Math.min(length, end - position);
        while (n < max) {
            char c = buffer[position + n++];
            if (c == '\n' || c == '\r') {
                break;
            }
        }
        System.arraycopy(buffer, position, target, offset, n);
        position += n;
        counted += n;
        char last = target[offset + n - 1];
        int ending = last == '\r' ? 1 : last != '\n' ? 0 : (n > 1 ? target[offset + n - 2] : previous) == '\r' ? 2 : 1;
        previous = last;
        if (counted - ending > limit) {
            throw new TooLong(limit);
        }
        return n;
    }

    private boolean fill() throws IOException {
        while (position >= end) {
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                return false;
            }
            position = 0;
            end = n;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
