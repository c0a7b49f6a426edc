package com.invoicedelivery.tracking.logo.web;

import java.io.IOException;
import java.io.InputStream;

import com.invoicedelivery.kit.problem.NotFoundException;
import com.invoicedelivery.kit.security.Caller;
import com.invoicedelivery.tracking.logo.application.TenantLogos;
import com.invoicedelivery.tracking.logo.domain.InvalidLogoException;
import com.invoicedelivery.tracking.logo.domain.TenantLogo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's logo on its clients' pages: read by the tenant's users, changed by its admins (see
 * {@link LogoAccessConfiguration}). The body of a PUT is the image itself ({@code image/png} or {@code image/jpeg}).
 */
@RestController
@RequestMapping(LogoController.PATH)
public class LogoController {

    static final String PATH = "/api/client-page/logo";

    private final TenantLogos logos;

    public LogoController(TenantLogos logos) {
        this.logos = logos;
    }

    @Operation(summary = "The tenant's logo as its clients' pages show it (404 without one)")
    @ApiResponse(responseCode = "200", description = "The logo's bytes, as stored.", content = {
            @Content(mediaType = MediaType.IMAGE_PNG_VALUE, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = MediaType.IMAGE_JPEG_VALUE, schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "404", description = "The tenant has no logo.")
    @GetMapping
    public ResponseEntity<byte[]> get(Caller caller) {
        String tenant = caller.requireTenant();
        return logos.find(tenant).map(LogoController::image)
                .orElseThrow(() -> new NotFoundException("Logo of tenant", tenant));
    }

    /**
     * Read here, not by a message converter, so that no more than the limit (and a byte to tell it was exceeded) is
     * ever held, whatever the client sends.
     */
    @Operation(summary = "Upload the logo: a PNG or JPEG (the body), at most tracking.logo.max-bytes (100 KB)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.IMAGE_PNG_VALUE,
                            schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = MediaType.IMAGE_JPEG_VALUE,
                            schema = @Schema(type = "string", format = "binary"))}))
    @PutMapping(consumes = {MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE})
    public LogoView put(Caller caller, HttpServletRequest request) throws IOException {
        String tenant = caller.requireTenant();
        long declaredLength = request.getContentLengthLong();
        if (declaredLength > logos.maxBytes()) {
            throw InvalidLogoException.tooLarge(logos.maxBytes());
        }
        byte[] content;
        try (InputStream body = request.getInputStream()) {
            content = body.readNBytes(logos.maxBytes() + 1);
        }
        return LogoView.of(logos.put(tenant, request.getContentType(), content));
    }

    @Operation(summary = "No logo on the clients' pages any more")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "404", description = "The tenant has no logo.")
    @DeleteMapping
    public ResponseEntity<Void> delete(Caller caller) {
        String tenant = caller.requireTenant();
        if (!logos.delete(tenant)) {
            throw new NotFoundException("Logo of tenant", tenant);
        }
        return ResponseEntity.noContent().build();
    }

    /** The stored bytes with the type they were found to be; never sniffed by the browser. */
    static ResponseEntity<byte[]> image(TenantLogo logo) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(logo.image().contentType()))
                .contentLength(logo.content().length)
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .cacheControl(CacheControl.noStore())
                .eTag("\"" + logo.sha256() + "\"")
                .body(logo.content());
    }

    /** The stored logo, described. */
    public record LogoView(
            @Schema(description = "The image's type as found in its bytes: image/png or image/jpeg.",
                    example = "image/png") String contentType,
            @Schema(description = "The image's size in bytes.", example = "5120") int sizeBytes,
            @Schema(description = "The image's width in pixels.", example = "240") int width,
            @Schema(description = "The image's height in pixels.", example = "80") int height,
            @Schema(description = "The SHA-256 (hex) of the image's bytes; the ETag of GET.",
                    example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
            @Schema(description = "When the logo was uploaded (ISO 8601 instant).", example = "2026-03-02T09:15:00Z")
            java.time.Instant updatedAt) {

        static LogoView of(TenantLogo logo) {
            return new LogoView(logo.image().contentType(), logo.content().length, logo.width(), logo.height(),
                    logo.sha256(), logo.updatedAt());
        }
    }
}
