package com.invoicedelivery.pdf.rendering.application;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import com.invoicedelivery.pdf.rendering.domain.PrintedInvoice;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The XHTML invoice template, parsed once, filled per document (see the attributes described in the template).
 *
 * <p>Values go into the page as DOM text nodes, never as markup, so whatever a client's name holds
 * ({@code <}, {@code &}, quotes) prints as written and the page stays well-formed.
 */
public final class InvoiceTemplate {

    static final String DEFAULT_RESOURCE = "/com/invoicedelivery/pdf/rendering/invoice.xhtml";

    private static final String TEXT = "data-text";
    private static final String LABEL = "data-label";
    private static final String IF = "data-if";
    private static final String EACH = "data-each";

    private final Document master;
    private final String baseUrl;

    private InvoiceTemplate(Document master, String baseUrl) {
        this.master = master;
        this.baseUrl = baseUrl;
    }

    public static InvoiceTemplate load() {
        return load(DEFAULT_RESOURCE);
    }

    public static InvoiceTemplate load(String resource) {
        URL url = InvoiceTemplate.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("template " + resource + " is not on the classpath");
        }
        try (InputStream in = url.openStream()) {
            return new InvoiceTemplate(parserFactory().newDocumentBuilder().parse(in), url.toExternalForm());
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("cannot read template " + resource, e);
        }
    }

    /** Where the template came from; relative references in it would resolve against this. */
    public String baseUrl() {
        return baseUrl;
    }

    /** A new page for the invoice; the template itself is never changed. */
    public Document fill(PrintedInvoice invoice) {
        Document page;
        synchronized (master) {
            // a DOM is not safe for concurrent reads, even cloning: one copy at a time
            page = (Document) master.cloneNode(true);
        }
        new Filling(invoice).children(page.getDocumentElement(), Map.of());
        return page;
    }

    private static DocumentBuilderFactory parserFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    /** One filling of one page: walks the copy and replaces the template's markers with the invoice's values. */
    private record Filling(PrintedInvoice invoice) {

        void children(Element parent, Map<String, String> row) {
            for (Element child : childElements(parent)) {
                if (child.hasAttribute(EACH)) {
                    repeat(child);
                } else {
                    element(child, row);
                }
            }
        }

        private void repeat(Element template) {
            String table = template.getAttribute(EACH);
            template.removeAttribute(EACH);
            Node parent = template.getParentNode();
            for (Map<String, String> row : invoice.table(table)) {
                Element copy = (Element) template.cloneNode(true);
                parent.insertBefore(copy, template);
                element(copy, row);
            }
            parent.removeChild(template);
        }

        private void element(Element element, Map<String, String> row) {
            if (element.hasAttribute(IF) && value(element.getAttribute(IF), row).isEmpty()) {
                element.getParentNode().removeChild(element);
                return;
            }
            if (element.hasAttribute(TEXT)) {
                element.setTextContent(value(element.getAttribute(TEXT), row));
            } else if (element.hasAttribute(LABEL)) {
                element.setTextContent(invoice.labels().get(element.getAttribute(LABEL)));
            } else {
                children(element, row);
            }
            element.removeAttribute(IF);
            element.removeAttribute(TEXT);
            element.removeAttribute(LABEL);
        }

        /** A column of the current row, else a field of the invoice. */
        private String value(String name, Map<String, String> row) {
            String value = row.get(name);
            return value != null ? value : invoice.field(name);
        }

        private static List<Element> childElements(Element parent) {
            List<Element> elements = new ArrayList<>();
            for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element) {
                    elements.add(element);
                }
            }
            return elements;
        }
    }
}
