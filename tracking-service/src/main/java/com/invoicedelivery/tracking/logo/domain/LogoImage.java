package com.invoicedelivery.tracking.logo.domain;

import java.util.Arrays;

/**
 * What an uploaded logo is, judged by its bytes, never by what the upload says it is: a PNG (its 8-byte signature) or
 * a JPEG (SOI marker {@code FF D8 FF}); the declared type must be the same, so that a file named one thing and being
 * another is refused. The page serves it with this type and {@code X-Content-Type-Options: nosniff}.
 */
public enum LogoImage {

    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

    private final String contentType;
    private final byte[] signature;

    LogoImage(String contentType, byte[] signature) {
        this.contentType = contentType;
        this.signature = signature;
    }

    public String contentType() {
        return contentType;
    }

    /**
     * The kind of image {@code content} is.
     *
     * @param declared the upload's Content-Type (parameters ignored)
     * @param maxBytes the largest logo taken
     * @throws InvalidLogoException when it is empty, too large, neither PNG nor JPEG, or not what it was declared
     */
    public static LogoImage sniffed(String declared, byte[] content, int maxBytes) {
        if (content == null || content.length == 0) {
            throw new InvalidLogoException("is empty: send the image's bytes as the body");
        }
        if (content.length > maxBytes) {
            throw InvalidLogoException.tooLarge(maxBytes);
        }
        LogoImage image = Arrays.stream(values()).filter(kind -> kind.starts(content)).findFirst()
                .orElseThrow(() -> new InvalidLogoException("must be a PNG or JPEG image"));
        String type = declared == null ? "" : declared.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!image.contentType.equals(type)) {
            throw new InvalidLogoException("is a " + image.name() + " image, but was sent as '" + type
                    + "': send it as " + image.contentType);
        }
        return image;
    }

    private boolean starts(byte[] content) {
        return content.length >= signature.length
                && Arrays.equals(Arrays.copyOf(content, signature.length), signature);
    }
}
