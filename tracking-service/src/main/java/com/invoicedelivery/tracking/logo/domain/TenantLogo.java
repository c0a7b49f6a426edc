package com.invoicedelivery.tracking.logo.domain;

import java.time.Instant;

/**
 * A tenant's logo as its clients' pages show it.
 *
 * @param image  what the bytes are (the type it is served with)
 * @param sha256 of the bytes: names the version, so a page asks for the one it shows
 */
public record TenantLogo(String tenantId, LogoImage image, byte[] content, String sha256, int width, int height,
                         Instant updatedAt) {
}
