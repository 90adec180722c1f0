package io.ogsm.connector.source.csv;

import io.ogsm.connector.http.JsonErrors;
import io.ogsm.connector.measurement.MeasurementType;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.ByteArrayInputStream;

/**
 * {@code POST /api/intake/check}: a file (the body) checked before it goes live, as the inbox would read it now, with
 * nothing posted and nothing written: each row's verdict, valid (with the goal or KPI it resolves to), duplicate or
 * rejected with why ({@link CsvCheck}). Behind the admin credentials. The body is bounded like every body
 * ({@code quarkus.http.limits.max-body-size}, {@code ogsm.push.max-body-size}).
 */
@Path("/api/intake/check")
public class IntakeCheckResource {

    /** The verdicts listed in one answer; the counts cover every row. */
    static final int LISTED = 10_000;

    private final CsvCheck check;
    private final CsvOptions options;
    private final IntakeSetup intake;

    public IntakeCheckResource(CsvCheck check, CsvOptions options, IntakeSetup intake) {
        this.check = check;
        this.options = options;
        this.intake = intake;
    }

    /**
     * @param name    the file's name, as it would be dropped ({@code kpis/october.csv}: its folder gives the type)
     * @param profile an intake profile's name: the file is read with it wherever it would lie; without it, with the
     *                profile of the folder {@code name} lies in, if any
     */
    @POST
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    public Response check(byte[] body, @QueryParam("name") String name, @QueryParam("profile") String profile) {
        IntakeProfiles profiles = intake.profiles();
        java.util.Optional<IntakeProfile> named = profile == null ? java.util.Optional.empty()
                : profiles.named(profile.trim());
        if (profile != null && named.isEmpty()) {
            return JsonErrors.response(400, "no intake profile '" + profile.trim() + "': " + profiles.names()
                    + " (ogsm.intake.profiles-file)");
        }
        String fileName = name == null || name.isBlank() ? "upload.csv" : name.trim();
        if (!CsvDropFolder.isRead(fileName)) {
            return JsonErrors.response(400, fileName + " " + CsvDropFolder.notRead());
        }
        java.nio.file.Path relative = java.nio.file.Path.of(fileName.replace('\\', '/'));
        MeasurementType folderType = CsvDropFolder.folderType(relative);
        try {
            return Response.ok(check.check(new ByteArrayInputStream(body == null ? new byte[0] : body), fileName,
                    options.with(named.orElseGet(() -> profiles.forFile(relative)), folderType), LISTED)).build();
        } catch (CsvFileException e) {
            return JsonErrors.response(400, e.getMessage());
        }
    }
}
