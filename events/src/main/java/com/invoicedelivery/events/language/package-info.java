/**
 * What every service writes the same way in a {@link com.invoicedelivery.events.Language}: the names of the
 * document kinds ({@link com.invoicedelivery.events.language.DocumentNames}), the formats of dates and money
 * ({@link com.invoicedelivery.events.language.LanguageFormats}), and how a service loads its own texts
 * ({@link com.invoicedelivery.events.language.Texts}: one bundle per language, never a fallback to another).
 *
 * <p>Plain Java: no Spring.
 */
package com.invoicedelivery.events.language;
