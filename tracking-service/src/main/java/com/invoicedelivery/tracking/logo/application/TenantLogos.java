package com.invoicedelivery.tracking.logo.application;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import javax.imageio.ImageIO;

import com.invoicedelivery.kit.digest.Sha256;
import com.invoicedelivery.tracking.logo.domain.InvalidLogoException;
import com.invoicedelivery.tracking.logo.domain.LogoImage;
import com.invoicedelivery.tracking.logo.domain.TenantLogo;
import com.invoicedelivery.tracking.logo.persistence.LogoStore;

/**
 * Tenants' logos for their clients' pages: an upload is taken only when its bytes are a PNG or JPEG of the declared
 * type, within the size limits, and decode as a picture (a file that only starts like one is refused); the stored
 * bytes are served as they came, with the type found, never the one claimed.
 */
public class TenantLogos {

    private final LogoStore store;
    private final Clock clock;
    private final int maxBytes;
    private final int maxPixelsPerSide;

    public TenantLogos(LogoStore store, Clock clock, LogoProperties properties) {
        this.store = store;
        this.clock = clock;
        this.maxBytes = properties.maxBytes();
        this.maxPixelsPerSide = properties.maxPixelsPerSide();
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** @throws InvalidLogoException nothing stored */
    public TenantLogo put(String tenantId, String declaredType, byte[] content) {
        LogoImage image = LogoImage.sniffed(declaredType, content, maxBytes);
        BufferedImage picture = decoded(content);
        if (picture.getWidth() > maxPixelsPerSide || picture.getHeight() > maxPixelsPerSide) {
            throw new InvalidLogoException("must be at most " + maxPixelsPerSide + " pixels wide and high, not "
                    + picture.getWidth() + " x " + picture.getHeight());
        }
        TenantLogo logo = new TenantLogo(tenantId, image, content.clone(), Sha256.hex(content), picture.getWidth(),
                picture.getHeight(), clock.instant());
        store.save(logo);
        return logo;
    }

    public Optional<TenantLogo> find(String tenantId) {
        return store.find(tenantId);
    }

    /** The version of the tenant's logo (its SHA-256), without reading its bytes; empty without a logo. */
    public Optional<String> version(String tenantId) {
        return store.version(tenantId);
    }

    /** @return false when the tenant had no logo */
    public boolean delete(String tenantId) {
        return store.delete(tenantId);
    }

    private static BufferedImage decoded(byte[] content) {
        try {
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(content));
            if (picture == null) {
                throw new InvalidLogoException("is not a picture that can be shown");
            }
            return picture;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidLogoException invalid) {
                throw invalid;
            }
            throw new InvalidLogoException("is not a picture that can be shown (it does not decode)");
        }
    }
}
