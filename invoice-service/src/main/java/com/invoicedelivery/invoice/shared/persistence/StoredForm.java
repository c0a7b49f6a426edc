package com.invoicedelivery.invoice.shared.persistence;

import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/** The stored form of a value, for a partial update ($set, $push) of a document that holds it. */
public final class StoredForm {

    private static final String TYPE_HINT = "_class";

    private StoredForm() {
    }

    /** Without type hints: every stored field's type is fixed by the record it belongs to. */
    public static Document of(MongoConverter converter, Object value) {
        Document document = new Document();
        converter.write(value, document);
        document.remove(TYPE_HINT);
        return document;
    }
}
