package com.invoicedelivery.pdf.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontFactory;
import org.apache.pdfbox.text.PDFTextStripper;

/** What a PDF reader sees in a PDF: its text (per page) and its fonts, read with PDFBox. */
public final class PdfText {

    private static final Set<String> DESCENDANT_FONTS = Set.of("CIDFontType0", "CIDFontType2");

    private PdfText() {
    }

    /** The text of every page, each with runs of white space (line breaks, no-break spaces) made one space. */
    public static List<String> pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(normalized(stripper.getText(document)));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(byte[] pdf) {
        return String.join(" ", pages(pdf));
    }

    /** White space as a reader of the page sees it: any run of it is one plain space. */
    public static String normalized(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    /**
     * A font as the PDF defines it.
     *
     * @param subtype  e.g. {@code Type0} for a composite (CID-keyed) font, {@code Type1} for a base font
     * @param encoding the encoding's name, e.g. {@code Identity-H}; empty when the font has its own encoding
     */
    public record Font(String name, String subtype, String encoding, boolean embedded) {
    }

    /**
     * Every font defined anywhere in the file (pages, page headers and footers, forms), not only those a page's
     * resources list. A composite font's descendant is part of the composite: it is checked through it.
     */
    public static List<Font> fonts(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<Font> fonts = new ArrayList<>();
            for (COSObject object : document.getDocument().getObjectsByType(COSName.FONT)) {
                COSDictionary dictionary = (COSDictionary) object.getObject();
                String subtype = dictionary.getNameAsString(COSName.SUBTYPE);
                if (!DESCENDANT_FONTS.contains(subtype)) {
                    PDFont font = PDFontFactory.createFont(dictionary);
                    String encoding = dictionary.getDictionaryObject(COSName.ENCODING) instanceof COSName name
                            ? name.getName() : "";
                    fonts.add(new Font(font.getName(), subtype, encoding, font.isEmbedded()));
                }
            }
            return fonts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
