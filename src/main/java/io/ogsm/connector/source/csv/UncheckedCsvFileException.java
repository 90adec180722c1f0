package io.ogsm.connector.source.csv;

/**
 * A {@link CsvFileException} met while iterating, after the first rows were already handed out (an iterator cannot
 * throw a checked exception). The file has failed as a whole from that line on; rows before it were fine.
 */
public class UncheckedCsvFileException extends RuntimeException {

    public UncheckedCsvFileException(CsvFileException cause) {
        super(cause.getMessage(), cause);
    }

    @Override
    public synchronized CsvFileException getCause() {
        return (CsvFileException) super.getCause();
    }
}
