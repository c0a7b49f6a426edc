package com.invoicedelivery.invoice.template.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.invoicedelivery.events.Language;

/** A tenant's templates in every language: its own where it wrote one, the default elsewhere. */
public final class TemplateBook {

    private final Map<Language, TenantTemplate> byLanguage = new EnumMap<>(Language.class);

    public TemplateBook(Collection<TenantTemplate> custom) {
        Arrays.stream(Language.values()).forEach(language -> byLanguage.put(language, TenantTemplate.byDefault(language)));
        custom.forEach(template -> byLanguage.put(template.language(), template));
    }

    public MessageTemplate of(Language language) {
        return byLanguage.get(language).template();
    }

    /** One per language, in the order of {@link Language}. */
    public List<TenantTemplate> all() {
        return List.copyOf(byLanguage.values());
    }
}
