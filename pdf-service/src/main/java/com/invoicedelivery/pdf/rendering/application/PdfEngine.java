package com.invoicedelivery.pdf.rendering.application;

import java.io.ByteArrayOutputStream;
import java.util.List;

import com.lowagie.text.pdf.BaseFont;
import org.w3c.dom.Document;
import org.xhtmlrenderer.pdf.ITextFontResolver;
import org.xhtmlrenderer.pdf.ITextRenderer;

/**
 * Lays out an XHTML page and writes it as PDF with Flying Saucer.
 *
 * <p>Loading the fonts is the costly part of a render, so each thread registers them once in its own font
 * resolver and reuses it for every page it renders (a resolver caches fonts in plain maps: it is not safe to
 * share between threads). Renders run on the bounded rendering pool, so there are at most as many resolvers as
 * pool threads.
 */
public final class PdfEngine {

    /** The one font family the template uses, whatever the font files call themselves. */
    public static final String FONT_FAMILY = "InvoiceSans";

    /** DejaVu Sans from the jasperreports-fonts jar: full Cyrillic, regular and bold. */
    public static final List<String> DEJAVU_SANS = List.of(
            "net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf",
            "net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf");

    private static final int EXPECTED_PDF_SIZE = 64 * 1024;

    private final List<String> fontLocations;
    private final ThreadLocal<ITextFontResolver> fonts = ThreadLocal.withInitial(this::newFontResolver);

    /** @param fontLocations TrueType fonts as classpath resources (or file paths), registered as {@link #FONT_FAMILY} */
    public PdfEngine(List<String> fontLocations) {
        this.fontLocations = List.copyOf(fontLocations);
    }

    public byte[] render(Document page, String baseUrl) {
        ITextRenderer renderer = new ITextRenderer(fontResolver());
        renderer.setDocument(page, baseUrl);
        renderer.layout();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(EXPECTED_PDF_SIZE);
        renderer.createPDF(pdf);
        return pdf.toByteArray();
    }

    /** This thread's font resolver: made, and its fonts loaded, on the thread's first render only. */
    ITextFontResolver fontResolver() {
        return fonts.get();
    }

    private ITextFontResolver newFontResolver() {
        ITextFontResolver resolver = new ITextFontResolver();
        for (String location : fontLocations) {
            try {
                // Identity-H and embedded: every Unicode glyph prints, and the text can be extracted and searched
                resolver.addFont(location, FONT_FAMILY, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, null);
            } catch (Exception e) {
                throw new IllegalStateException("cannot load font " + location, e);
            }
        }
        return resolver;
    }
}
