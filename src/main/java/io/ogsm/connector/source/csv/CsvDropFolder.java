package io.ogsm.connector.source.csv;

import io.ogsm.connector.files.DurableFiles;
import io.ogsm.connector.measurement.IdempotencyKey;
import io.ogsm.connector.measurement.MeasurementType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The folders of the CSV drop under the data dir: {@code inbox/} (dropped files, {@code goals/} and {@code kpis/}
 * subfolders give rows their type), {@code done/} and {@code failed/} (the same subfolder layout), and
 * {@code state/csv/} (a rejects file while it is being written).
 *
 * <p>Every path is derived from a file's place in the inbox, never from its name as text: the file must lie inside
 * the inbox (also after following links), and each target is checked to lie inside its folder after normalizing.
 * A target that exists already gets a number: {@code sales.csv}, {@code sales-2.csv}, ...
 */
public final class CsvDropFolder {

    private final Path inbox;
    private final Path done;
    private final Path failed;
    private final Path work;

    public CsvDropFolder(Path dataDir) {
        Path root = dataDir.toAbsolutePath().normalize();
        this.inbox = root.resolve("inbox");
        this.done = root.resolve("done");
        this.failed = root.resolve("failed");
        this.work = root.resolve("state").resolve("csv");
        try {
            for (Path folder : new Path[] {inbox, inbox.resolve("goals"), inbox.resolve("kpis"), done, failed, work}) {
                DurableFiles.createFolders(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the CSV drop folders under " + root, e);
        }
    }

    public Path inbox() {
        return inbox;
    }

    public Path done() {
        return done;
    }

    public Path failed() {
        return failed;
    }

    /**
     * The file's path relative to the inbox, such as {@code kpis/october.csv}, from where it lies (not from its name).
     *
     * @throws IllegalArgumentException when the path is not inside the inbox
     */
    public Path relative(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(inbox) || absolute.equals(inbox)) {
            throw new IllegalArgumentException(printable(file.toString()) + " is not in the inbox " + inbox);
        }
        return inbox.relativize(absolute);
    }

    /**
     * Checks that the inbox file may be read: a regular file, inside the inbox also after following links.
     *
     * @throws CsvFileException naming the file and why not
     */
    public void checkReadable(Path relative) throws CsvFileException {
        Path file = inbox.resolve(relative);
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(inbox.toRealPath())) {
                throw new CsvFileException(name(relative), 0, "is a link to a file outside the inbox");
            }
            if (!Files.isRegularFile(real)) {
                throw new CsvFileException(name(relative), 0, "is not a regular file");
            }
        } catch (IOException e) {
            throw new CsvFileException(name(relative), 0, "cannot be opened: " + e.getMessage(), e);
        }
    }

    /**
     * The extensions the inbox reads: delimited text (Excel's "Unicode Text" is a tab-separated {@code .txt}) and
     * Excel workbooks.
     */
    public static final List<String> READ_EXTENSIONS = List.of(".csv", ".txt", ".tsv", ".xlsx", ".xls");

    /** Whether a file of this name is read as a workbook ({@link WorkbookRows}). */
    public static boolean isWorkbook(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".xlsx") || lower.endsWith(".xls");
    }

    /** Why a file of another extension is not read (after its name): what is read, and how to save a sheet so. */
    public static String notRead() {
        return "is not a file the inbox reads: it reads " + String.join(", ", READ_EXTENSIONS)
                + " files (delimited text, and Excel workbooks); save the sheet as CSV UTF-8 or as an Excel workbook "
                + "(.xlsx) and drop that";
    }

    /** Whether a file of this name is read (by its extension, in any case). */
    public static boolean isRead(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return READ_EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    /**
     * Whether a file of this name is one an application is still writing, or its lock: hidden ({@code .name}, also
     * LibreOffice's {@code .~lock.*#}), Office's owner file {@code ~$name}, an editor's backup {@code name~}, or a
     * download or copy under way ({@code .tmp}, {@code .part}, {@code .crdownload}, {@code .partial}, {@code .swp}).
     * Such files are left alone and never shown as waiting.
     */
    public static boolean isTemporary(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith(".") || lower.startsWith("~$") || lower.endsWith("~")
                || TEMPORARY_ENDINGS.stream().anyMatch(lower::endsWith);
    }

    private static final List<String> TEMPORARY_ENDINGS = List.of(".tmp", ".part", ".partial", ".crdownload",
            ".swp", ".filepart");

    /** The type the file's inbox subfolder gives its rows: {@code goals/...} and {@code kpis/...}; else null. */
    public static MeasurementType folderType(Path relative) {
        if (relative.getNameCount() < 2) {
            return null;
        }
        return switch (relative.getName(0).toString().toLowerCase(Locale.ROOT)) {
            case "goals" -> MeasurementType.GOAL;
            case "kpis" -> MeasurementType.KPI;
            default -> null;
        };
    }

    /** The relative path as the source reference and in messages: {@code kpis/october.csv}, '/' between folders. */
    public static String name(Path relative) {
        StringBuilder name = new StringBuilder();
        for (Path part : relative) {
            if (name.length() > 0) {
                name.append('/');
            }
            name.append(part);
        }
        return name.toString();
    }

    /** The name with control characters (line breaks in a file name) shown as '?', for a log line. */
    public static String printable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }

    /** Where the rejects of the file are written until it is settled; the same path for the same inbox file. */
    public Path workFile(Path relative) {
        return work.resolve(IdempotencyKey.digest(name(relative)) + ".rejects.csv.part");
    }

    /**
     * A free place for the file in {@code done/} or {@code failed/}, keeping its subfolder, with the parent folders
     * created: {@code done/kpis/october.csv}, or {@code done/kpis/october-2.csv} when that name is taken. A name is
     * taken when the file itself is there; leftovers beside it (rejects, summary) from a run that crashed before the
     * file moved are overwritten.
     */
    public Path target(Path folder, Path relative) {
        Path first = inside(folder, folder.resolve(relative));
        String fileName = first.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        String extension = dot > 0 ? fileName.substring(dot) : "";
        Path candidate = first;
        for (int n = 2; Files.exists(candidate, LinkOption.NOFOLLOW_LINKS); n++) {
            candidate = inside(folder, first.resolveSibling(stem + "-" + n + extension));
        }
        try {
            DurableFiles.createFolders(candidate.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + candidate.getParent(), e);
        }
        return candidate;
    }

    /** A file beside the target: {@code october.csv} + {@code .rejects.csv} = {@code october.csv.rejects.csv}. */
    public static Path beside(Path target, String suffix) {
        return target.resolveSibling(target.getFileName().toString() + suffix);
    }

    /** Moves a file (atomically where the file system can), replacing what is there. */
    public static void move(Path from, Path to) {
        try {
            DurableFiles.move(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + from + " to " + to, e);
        }
    }

    /** Writes a small text file beside a target, durably ({@link DurableFiles}). */
    public static void writeText(Path target, String text) {
        try {
            DurableFiles.write(target, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private static Path inside(Path folder, Path path) {
        Path normalized = path.toAbsolutePath().normalize();
        if (!normalized.startsWith(folder) || normalized.equals(folder)) {
            throw new IllegalArgumentException(printable(path.toString()) + " is not inside " + folder);
        }
        return normalized;
    }
}
